// `npm run bench -- --only=scale`: how the kit's costs grow with the number of jobs. P2's first frame of the
// Jobs Panel and P4's scripting per applied update, at 100, 1,000, 10,000 and 100,000 jobs, in one table.
// Options: --scale-sizes=100,1000,10000,100000 --scale-ticking=100

const ms = (n) => `${n.toFixed(1)} ms`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** P2's measure: one page, a warm-up mount, then `runs` mounts; the median of those. */
async function firstFrame(fresh, n, runs) {
  const page = await fresh();
  try {
    const times = [];
    for (let i = 0; i <= runs; i += 1) {
      const r = await page.evaluate((count) => window.bench.panelFirstFrame(count), n);
      await page.evaluate(() => window.bench.unmount());
      if (i > 0) times.push(r.ms);
    }
    return median(times);
  } finally {
    await page.close();
  }
}

/** n jobs listed, `ticking` of them at 10 Hz for `seconds`: CDP script and task time over the window. */
async function ticking(context, fresh, n, count, seconds) {
  const page = await fresh();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const { setupMs } = await page.evaluate(([total, live]) => window.bench.scaleSetup(total, live), [n, count]);
    const a = await metric();
    const r = await page.evaluate((s) => window.bench.scaleRun(s), seconds);
    const b = await metric();
    const script = (b.ScriptDuration - a.ScriptDuration) * 1000;
    const task = (b.TaskDuration - a.TaskDuration) * 1000;
    return {
      ...r,
      setupMs,
      script,
      task,
      perUpdate: script / Math.max(1, r.done),
      taskPerUpdate: task / Math.max(1, r.done),
    };
  } finally {
    await page.close();
  }
}

export async function runScale({ context, fresh, table, args, runs, seconds }) {
  const option = (name, fallback) => {
    const found = args.find((a) => a.startsWith(`--scale-${name}=`));
    return found === undefined ? fallback : found.slice(`--scale-${name}=`.length);
  };
  const sizes = option('sizes', '100,1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const count = Number(option('ticking', 100));
  const rows = [];
  let base;
  for (const n of sizes) {
    let frame = NaN;
    let tick;
    try {
      frame = await firstFrame(fresh, n, runs);
    } catch (error) {
      console.error(`[scale] first frame at ${n}: ${error.message}`);
    }
    try {
      const results = [];
      await ticking(context, fresh, n, Math.min(count, n), seconds); // warm-up
      for (let i = 0; i < runs; i += 1) results.push(await ticking(context, fresh, n, Math.min(count, n), seconds));
      const pick = (k) => median(results.map((r) => r[k]));
      tick = {
        perUpdate: pick('perUpdate'),
        taskPerUpdate: pick('taskPerUpdate'),
        done: pick('done'),
        sent: pick('sent'),
        longTasks: pick('longTasks'),
        setupMs: pick('setupMs'),
      };
    } catch (error) {
      console.error(`[scale] ticking at ${n}: ${error.message}`);
    }
    base ??= { frame, perUpdate: tick?.perUpdate };
    rows.push([
      n.toLocaleString('en'),
      Number.isNaN(frame) ? 'failed' : ms(frame),
      Number.isNaN(frame) ? '' : `${(frame / base.frame).toFixed(2)}×`,
      tick === undefined ? 'failed' : `${(tick.perUpdate * 1000).toFixed(1)} µs`,
      tick === undefined ? '' : `${(tick.perUpdate / base.perUpdate).toFixed(2)}×`,
      tick === undefined ? '' : `${(tick.taskPerUpdate * 1000).toFixed(1)} µs`,
      tick === undefined ? '' : `${tick.sent}/${tick.done}`,
      tick === undefined ? '' : tick.longTasks,
      tick === undefined ? '' : ms(tick.setupMs),
    ]);
  }
  table(
    `Scaling: P2 first frame and P4 scripting per applied update as the list grows (${count} jobs ticking at 10 Hz for ${seconds} s)`,
    [
      'jobs listed',
      'P2 first frame',
      '÷ smallest',
      'P4 scripting per applied update',
      '÷ smallest',
      'task time per update',
      'updates sent/applied',
      'long tasks',
      'set-up',
    ],
    rows,
    `First frame: P2's measure (median of ${runs} warm mounts in one page). Per update: CDP ScriptDuration (and TaskDuration) over the window ÷ the ticks the engine applied, median of ${runs} fresh pages after a warm-up; the newest ${count} jobs tick (on screen), the others are finished. The memory engine's own work is included. Flat means the cost of one update does not grow with the list.`,
  );
}
