// `npm run bench -- --only=sse`: how many job events per second the SSE path (jobkit/server → jobkit/http →
// the kit's cache → a JobsPanel) carries with no long task, beside the in-memory engine feeding the same
// panel in the page at the same rate. Run by bench/run.mjs after the kit is built; figures only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const JOBS = 100;

export async function sseBench({ root, bench, browser, build, table, quick, plugins }) {
  const { createJobsHandler, memoryBackend, toNodeListener } = await import(`${root}dist/server.js`);
  const out = `${bench}.out/`;
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [`${bench}page/sse.tsx`],
    outfile: `${out}sse.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    logLevel: 'warning',
    plugins,
  });
  writeFileSync(
    `${out}sse.html`,
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>jobkit sse bench</title><link rel="icon" href="data:,"><link rel="stylesheet" href="styles.css"></head><body><div id="root"></div><script type="module" src="sse.js"></script></body></html>',
  );

  const seconds = quick ? 2 : 5;
  const rates = quick ? [1000, 4000] : [500, 1000, 2000, 4000, 8000, 16000];
  const rows = [];
  const best = { sse: 0, memory: 0 };
  for (const rate of rates) {
    for (const mode of ['memory', 'sse']) {
      // A fresh engine and server per run: the server's jobs tick at `rate` events/s, round-robin.
      const ticks = [];
      const backend = memoryBackend({
        jobs: Array.from({ length: JOBS }, (_, i) => ({
          id: `us_jb_${i}`,
          type: 'workbook',
          operation: 'export',
          source: 'us_wb_1',
          status: 'ready',
        })),
        handlers: {
          'workbook:export': (_job, { tick }) => {
            ticks.push(tick);
            return new Promise(() => {});
          },
        },
      });
      const jobs = createJobsHandler({
        backend,
        authorize: () => ({ id: 'bench', canAccess: () => true }),
        basePath: '/api',
        replayLimit: 100_000,
      });
      const api = toNodeListener(jobs.handle);
      const files = { '/sse.html': 'text/html', '/sse.js': 'text/javascript', '/styles.css': 'text/css' };
      const server = createServer((req, res) => {
        const path = new URL(req.url, 'http://x').pathname;
        if (path.startsWith('/api/')) return void api(req, res);
        if (!(path in files)) return void res.writeHead(404).end();
        res
          .writeHead(200, { 'content-type': files[path] })
          .end(readFileSync(path === '/styles.css' ? `${root}dist/styles.css` : `${out}${path.slice(1)}`));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const page = await browser.newPage();
      let driver;
      try {
        await page.goto(`http://127.0.0.1:${server.address().port}/sse.html`);
        await page.waitForFunction(() => window.sseReady === true);
        await page.evaluate(([m, n]) => window.sse.setup(m, n), [mode, JOBS]);
        if (mode === 'sse') {
          let k = 0;
          let i = 0;
          driver = setInterval(() => {
            k += 1;
            for (let j = 0; j < rate / 10; j += 1) {
              void ticks[i % ticks.length]((k + i) % 100, `Step ${k}`);
              i += 1;
            }
          }, 100);
        }
        const r = await page.evaluate(([s, rt, m]) => window.sse.run(s, rt, m), [seconds, rate, mode]);
        const carried = r.longTasks === 0 && r.perSecond >= rate * 0.9;
        if (carried) best[mode] = Math.max(best[mode], r.perSecond);
        rows.push([
          mode === 'sse' ? 'SSE (jobkit/server → jobkit/http)' : 'memory engine (in the page)',
          rate.toLocaleString('en'),
          Math.round(r.perSecond).toLocaleString('en'),
          r.longTasks,
          `${r.longTaskMs.toFixed(0)} ms`,
          `${r.p95.toFixed(1)} ms`,
          carried ? 'carried' : 'not carried',
        ]);
      } catch (error) {
        rows.push([mode, rate.toLocaleString('en'), `failed: ${error.message}`, '', '', '', '']);
      } finally {
        clearInterval(driver);
        await page.close();
        jobs.close();
        server.closeAllConnections();
        server.close();
        await backend.close();
      }
    }
  }
  table(
    `SSE: job events per second into the kit (${JOBS} running jobs in a JobsPanel, ${seconds} s per rate)`,
    ['path', 'events/s sent', 'events/s received by the kit', 'long tasks', 'long-task ms', 'p95 frame gap', ''],
    rows,
    `Highest rate carried (≥ 90% delivered, 0 long tasks): SSE ${Math.round(best.sse).toLocaleString('en')} events/s, memory engine ${Math.round(best.memory).toLocaleString('en')} events/s. ` +
      'Events count what the client handed the kit (one listener on its stream); the server runs in the bench process on 127.0.0.1.',
  );
}
