// `npm run bench -- --only=soak`: a day of jobs. Waves of jobs created, completed and acknowledged through
// the kit in Chromium (production build), the heap read after a forced GC per wave (CDP
// HeapProfiler.collectGarbage + Runtime.getHeapUsage), wave time, create cost per job, and the heap after
// teardown. The same waves on the memory engine alone (no React) give the engine's own share.
// Each page first runs one short warm-up (mount, one wave of --soak-warm jobs, teardown): its heap after is
// the warm baseline, with the page's code compiled and the browser's one-time structures made. With a
// gcTime, each wave's heap is read once react-query's gcTime has passed (what it would collect is gone).
// V8's compiled code (machine code, bytecode, feedback; a heap snapshot's "code" nodes) grows for minutes
// as hot functions are optimized: it is read at the warm baseline, waves 5 and last, and teardown, and the
// heap without it is printed beside the heap.
// Options: --soak-waves=20 --soak-jobs=500 --soak-ticks=8 --soak-retain=1000 --soak-warm=50 (0: none)
// --soak-gc-time=<ms> (react-query's gcTime on the page's QueryClient; its 5-minute default when absent)
// --soak-variants=kit,no-notices,no-dialog,engine,kit-retain,no-dialog-retain,engine-retain (and overlay-retain:
// the panel inside a ProgressOverlay, which announces every job it shows)

const VARIANTS = {
  kit: { label: 'kit: panel + notices + dialog', ui: true, notices: true, dialog: true },
  'no-notices': { label: 'kit without JobNotices', ui: true, notices: false, dialog: true },
  'no-dialog': { label: 'kit without OutcomeDialog', ui: true, notices: true, dialog: false },
  engine: { label: 'memory engine alone', ui: false, notices: false, dialog: false },
  'kit-retain': { label: 'kit, engine retain', ui: true, notices: true, dialog: true, retained: true },
  'no-dialog-retain': {
    label: 'kit without OutcomeDialog, engine retain',
    ui: true,
    notices: true,
    dialog: false,
    retained: true,
  },
  // Not in the default list (it adds a variant's time to every soak): the panel inside a ProgressOverlay of
  // the jobs' source, covered while a wave's foreground jobs run.
  'overlay-retain': {
    label: 'kit + ProgressOverlay, engine retain',
    ui: true,
    notices: true,
    dialog: true,
    overlay: true,
    retained: true,
  },
  'engine-retain': { label: 'engine alone, retain', ui: false, notices: false, dialog: false, retained: true },
};

const MB = 1024 * 1024;
const mb = (n) => `${(n / MB).toFixed(1)} MB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const sleep = (n) => new Promise((resolve) => setTimeout(resolve, n));
/** Heap without V8's code, for a reading that took a snapshot. */
const data = (r) => r.heap - r.code;

/** Heap in use after a forced, full collection (run twice: the first may leave weak-held garbage). */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * The bytes of V8's code in the heap: a snapshot's nodes of type "code" (machine code, bytecode, feedback
 * vectors, function and scope infos). It grows as the JIT optimizes, whatever the page keeps.
 */
async function codeBytes(cdp) {
  const chunks = [];
  const take = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  const code = snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) if (nodes[i + type] === code) bytes += nodes[i + size];
  return bytes;
}

/** Heap after GC, and the same without V8's code when `withCode` (one heap snapshot). */
async function heapOf(cdp, withCode) {
  const heap = await heapAfterGc(cdp);
  return withCode ? { heap, code: await codeBytes(cdp) } : { heap };
}

async function soakOnce(context, fresh, variant, settings) {
  const page = await fresh();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  try {
    const cold = await heapAfterGc(cdp);
    const options = {
      ui: variant.ui,
      notices: variant.notices,
      dialog: variant.dialog,
      overlay: variant.overlay === true,
      ticks: settings.ticks,
      ...(variant.retained ? { retain: settings.retain } : {}),
      ...(settings.gcTime === undefined ? {} : { gcTime: Number(settings.gcTime) }),
    };
    // What react-query would collect by now is gone before the heap is read.
    const settle = () => (options.gcTime === undefined ? undefined : sleep(options.gcTime + 250));
    if (settings.warm > 0) {
      await page.evaluate((o) => window.bench.soakSetup(o), options);
      await page.evaluate((n) => window.bench.soakWave(n), settings.warm);
      await page.evaluate(() => window.bench.soakTeardown());
    }
    const warm = await heapOf(cdp, true);
    await page.evaluate((o) => window.bench.soakSetup(o), options);
    const mounted = await heapAfterGc(cdp);
    const waves = [];
    const w5 = Math.min(5, settings.waves);
    for (let w = 1; w <= settings.waves; w += 1) {
      const r = await page.evaluate((n) => window.bench.soakWave(n), settings.jobs);
      await settle();
      waves.push({ ...r, ...(await heapOf(cdp, w === w5 || w === settings.waves)) });
      process.stderr.write(
        `  soak ${variant.label}: wave ${w}/${settings.waves} ${mb(waves.at(-1).heap)} ${ms(r.waveMs)}\n`,
      );
    }
    await page.evaluate(() => window.bench.soakTeardown());
    await settle();
    const teardown = await heapOf(cdp, true);
    return { cold, baseline: warm.heap, warm, mounted, waves, teardown };
  } finally {
    await page.close();
  }
}

export async function runSoak({ context, fresh, table, args, quick }) {
  const option = (name, fallback) => {
    const found = args.find((a) => a.startsWith(`--soak-${name}=`));
    return found === undefined ? fallback : found.slice(`--soak-${name}=`.length);
  };
  const settings = {
    waves: Number(option('waves', quick ? 6 : 20)),
    jobs: Number(option('jobs', quick ? 200 : 500)),
    ticks: Number(option('ticks', 8)),
    retain: Number(option('retain', 1000)),
    warm: Number(option('warm', 50)),
    gcTime: option('gc-time', undefined),
  };
  const names = option('variants', 'kit,no-notices,no-dialog,engine,kit-retain,no-dialog-retain,engine-retain')
    .split(',')
    .filter((n) => n in VARIANTS);
  const results = [];
  for (const name of names) {
    const variant = { ...VARIANTS[name] };
    if (variant.retained) variant.label = `${variant.label} ${settings.retain.toLocaleString('en')}`;
    try {
      results.push({ name, variant, ...(await soakOnce(context, fresh, variant, settings)) });
    } catch (error) {
      console.error(`[soak] ${variant.label}: ${error.message}`);
    }
  }
  if (results.length === 0) return;

  const at = (r, w) => r.waves[Math.min(w, r.waves.length) - 1];
  const w5 = Math.min(5, settings.waves);
  const last = settings.waves;
  const gcNote =
    settings.gcTime === undefined ? 'react-query gcTime default (5 min)' : `react-query gcTime ${settings.gcTime} ms`;
  table(
    `Soak: ${settings.waves} waves of ${settings.jobs} jobs (${(settings.waves * settings.jobs).toLocaleString('en')}), created, run (${settings.ticks} ticks), completed and acknowledged; heap after forced GC; ${gcNote}`,
    [
      'variant',
      'before mount',
      'warm baseline',
      'mounted',
      'wave 1',
      `wave ${w5}`,
      `wave ${last}`,
      `${last} ÷ ${w5} (≤ 1.10)`,
      `${last} ÷ ${w5} without code`,
      'teardown',
      'teardown − before',
      'teardown − warm',
      'teardown − warm without code',
      `wave time 1 / ${last}`,
      `${last} ÷ 1 (≤ 1.2)`,
      `create per job 1 / ${last}`,
      `ack per job 1 / ${last}`,
      `DOM nodes ${last}`,
      `queries / mutations ${last}`,
      `engine jobs ${last}`,
    ],
    results.map((r) => {
      const first = at(r, 1);
      const end = at(r, last);
      return [
        r.variant.label,
        mb(r.cold),
        mb(r.baseline),
        mb(r.mounted),
        mb(first.heap),
        mb(at(r, w5).heap),
        mb(end.heap),
        ratio(end.heap, at(r, w5).heap),
        ratio(data(end), data(at(r, w5))),
        mb(r.teardown.heap),
        mb(r.teardown.heap - r.cold),
        mb(r.teardown.heap - r.baseline),
        mb(data(r.teardown) - data(r.warm)),
        `${first.waveMs.toFixed(0)} / ${end.waveMs.toFixed(0)} ms`,
        ratio(end.waveMs, first.waveMs),
        `${first.createPerJob.toFixed(2)} / ${end.createPerJob.toFixed(2)} ms`,
        `${first.ackPerJob.toFixed(2)} / ${end.ackPerJob.toFixed(2)} ms`,
        end.domNodes,
        `${end.queries} / ${end.mutations}`,
        end.engineJobs,
      ];
    }),
    'One fresh page per variant, one run each (a soak is long; compare variants within one run). "kit" variants create and acknowledge through useCreateJob / useAcknowledgeOutcome with a JobsPanel, JobNotices and OutcomeDialog mounted (foreground jobs whose outcome asks to be acknowledged); "engine" variants call the memory client directly, no React: their growth is the engine\'s own share. Create and ack per job: the await of each call, one after another. "before mount": the fresh page; "warm baseline": after a warm-up (mount, one short wave, teardown), the baseline of every other figure. "without code": the heap less V8\'s code (machine code, bytecode, feedback; the "code" nodes of a heap snapshot), which grows as the JIT optimizes hot functions, whatever the page keeps.',
  );

  // Per wave, every variant side by side: heap above the page's own baseline, and wave time.
  const waveRows = [];
  for (let w = 1; w <= settings.waves; w += 1) {
    waveRows.push([
      w,
      ...results.map(
        (r) =>
          `${mb(at(r, w).heap - r.baseline)} · ${at(r, w).waveMs.toFixed(0)} ms · ${at(r, w).createPerJob.toFixed(2)}`,
      ),
    ]);
  }
  table(
    'Soak per wave: heap above the page baseline · wave time · create ms per job',
    ['wave', ...results.map((r) => r.variant.label)],
    waveRows,
  );

  // The kit's own share: the kit page minus the engine-alone page, each above its own baseline.
  const pairs = [
    ['kit', 'engine'],
    ['no-notices', 'engine'],
    ['no-dialog', 'engine'],
    ['kit-retain', 'engine-retain'],
    ['no-dialog-retain', 'engine-retain'],
    ['overlay-retain', 'engine-retain'],
  ];
  const shareRows = [];
  for (const [kitName, engineName] of pairs) {
    const kit = results.find((r) => r.name === kitName);
    const engine = results.find((r) => r.name === engineName);
    if (kit === undefined || engine === undefined) continue;
    const share = (w) => at(kit, w).heap - kit.baseline - (at(engine, w).heap - engine.baseline);
    const perJob = (share(last) - share(1)) / ((last - 1) * settings.jobs || 1);
    // The same without V8's code, where a snapshot was taken (waves 5 and last).
    const dataShare = (w) => data(at(kit, w)) - data(kit.warm) - (data(at(engine, w)) - data(engine.warm));
    const dataPerJob = (dataShare(last) - dataShare(w5)) / ((last - w5) * settings.jobs || 1);
    shareRows.push([
      kit.variant.label,
      mb(share(1)),
      mb(share(w5)),
      mb(share(last)),
      ratio(share(last), share(w5)),
      `${(perJob / 1024).toFixed(2)} KB`,
      `${mb(dataShare(w5))} / ${mb(dataShare(last))}`,
      ratio(dataShare(last), dataShare(w5)),
      `${(dataPerJob / 1024).toFixed(3)} KB`,
      mb(at(engine, last).heap - engine.baseline),
      `${((at(engine, last).heap - at(engine, 1).heap) / ((last - 1) * settings.jobs || 1) / 1024).toFixed(2)} KB`,
    ]);
  }
  if (shareRows.length > 0) {
    table(
      "Soak: the kit's own share (kit page − engine-alone page, each above its warm baseline) and the engine's",
      [
        'variant',
        'kit share wave 1',
        `wave ${w5}`,
        `wave ${last}`,
        `${last} ÷ ${w5}`,
        `kit growth per job (1→${last})`,
        `without code: wave ${w5} / ${last}`,
        `${last} ÷ ${w5} without code`,
        `growth per job without code (${w5}→${last})`,
        `engine share wave ${last}`,
        'engine growth per job',
      ],
      shareRows,
    );
  }
}
