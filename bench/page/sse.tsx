// The SSE benchmark page (bench/sse.mjs): the kit's JobsPanel fed by job events, either from the jobs server
// over jobkit/http (Server-Sent Events) or from the in-memory engine in the page, at the same rate. Figures
// only, nothing asserted.
import { createElement as h } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { JobsPanel, JobsProvider } from '../../dist/index.js';
import { createHttpJobsClient } from '../../dist/http.js';
import { createMemoryJobsClient } from '../../dist/memory.js';
import { monitor } from './monitor';

type Tick = (progress: number, info?: string) => Promise<void>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const still = { duration: '0ms' };
let root: Root | undefined;
let received = 0;
const ticks: Tick[] = [];

async function until(check: () => boolean, timeout = 30_000) {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

function seeds(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `us_jb_${i}`,
    type: 'workbook' as const,
    operation: 'export',
    source: 'us_wb_1',
    status: 'ready' as const,
  }));
}

const sse = {
  /** Mounts the panel on `mode`'s client; resolves once `n` jobs run. */
  async setup(mode: 'sse' | 'memory', n: number) {
    const client =
      mode === 'sse'
        ? createHttpJobsClient({ baseUrl: '/api' })
        : createMemoryJobsClient({
            jobs: seeds(n),
            handlers: {
              'workbook:export': (_job: unknown, context: { tick: Tick }) => {
                ticks.push(context.tick);
                return new Promise<void>(() => {});
              },
            },
          } as never);
    client.subscribe?.(() => {
      received += 1;
    });
    const element = document.getElementById('root') as HTMLElement;
    root = createRoot(element);
    root.render(
      h(
        JobsProvider,
        { client, theme: still, colorScheme: 'light' } as never,
        h(JobsPanel, { source: 'us_wb_1', pageSize: n }),
      ),
    );
    await until(
      () => document.querySelectorAll('[data-status="executing"]').length > 0 && (mode === 'sse' || ticks.length === n),
    );
    await sleep(500);
  },

  /** Counts events and long tasks for `seconds`; in memory mode the page ticks `rate` events/s itself. */
  async run(seconds: number, rate: number, mode: 'sse' | 'memory') {
    const stop = monitor();
    const start = received;
    const t0 = performance.now();
    let k = 0;
    let i = 0;
    while (performance.now() - t0 < seconds * 1000) {
      if (mode === 'memory') {
        k += 1;
        for (let j = 0; j < rate / 10; j += 1) {
          void (ticks[i % ticks.length] as Tick)((k + i) % 100, `Step ${k}`);
          i += 1;
        }
      }
      await sleep(100);
    }
    const elapsed = (performance.now() - t0) / 1000;
    const count = received - start;
    const { longTasks, longTaskMs, p95 } = await stop();
    return { received: count, perSecond: count / elapsed, longTasks, longTaskMs, p95 };
  },
};

(window as unknown as { sse: typeof sse; sseReady: boolean }).sse = sse;
(window as unknown as { sseReady: boolean }).sseReady = true;
