// The scaling table of `npm run bench -- --only=scale`: a Jobs Panel listing n jobs of which a fixed number
// tick at 10 Hz, so that the cost of one applied update can be compared across list sizes (it should stay
// flat). run.mjs reads the main-thread time over the window through CDP.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { JobsPanel, JobsProvider } from '../../dist/index.js';
import { createMemoryJobsClient } from '../../dist/memory.js';

type Tick = (progress: number, info?: string) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const finished = ['complete', 'failed', 'canceled'] as const;

/** n jobs: the newest `ticking` ready to run (an export handler picks them up), the rest finished. */
function scaleSeeds(n: number, ticking: number) {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    const live = i >= n - ticking;
    const status = live ? 'ready' : finished[i % finished.length];
    return {
      id: `us_jb_${i}`,
      type: 'workbook' as const,
      operation: live ? 'export' : 'import',
      source: 'us_wb_1',
      status,
      progress: live ? 0 : 100,
      info: `Step ${i}`,
      createdAt: new Date(start + i * 1000),
      ...(live ? {} : { outcome: { message: 'Done' }, finishedAt: new Date(start + i * 1000 + 500) }),
    };
  });
}

let ticks: Tick[] = [];
let round = 0;

export const scale = {
  /** Mounts a panel of n jobs and waits until the `ticking` newest run. */
  async scaleSetup(n: number, ticking: number) {
    const t0 = performance.now();
    ticks = [];
    const client = createMemoryJobsClient({
      jobs: scaleSeeds(n, ticking),
      handlers: {
        'workbook:export': (_job: unknown, context: { tick: Tick }) => {
          ticks.push(context.tick);
          return new Promise<void>(() => {});
        },
      },
    } as never);
    const container = document.createElement('div');
    document.body.append(container);
    createRoot(container).render(
      h(
        JobsProvider,
        { client, theme: { duration: '0ms' }, colorScheme: 'light' },
        h('main', { style: { padding: 16, maxWidth: 640 } }, h(JobsPanel, { source: 'us_wb_1', pageSize: n })),
      ),
    );
    const end = performance.now() + 120_000;
    while (
      ticks.length < ticking ||
      document.querySelector('[data-slot="jobs-panel"] [data-status="executing"]') === null
    ) {
      if (performance.now() > end) throw new Error('scale: set-up timed out');
      await sleep(10);
    }
    await sleep(500);
    return { setupMs: performance.now() - t0 };
  },

  /** Every ticking job reports progress and text 10 times a second for `seconds`. */
  async scaleRun(seconds: number) {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const end = performance.now() + seconds * 1000;
    let sent = 0;
    let done = 0;
    while (performance.now() < end) {
      round += 1;
      for (let i = 0; i < ticks.length; i += 1) {
        sent += 1;
        void (ticks[i] as Tick)((round + i) % 100, `Step ${round}`).then(() => {
          done += 1;
        });
      }
      await sleep(100);
    }
    await sleep(100);
    observer.disconnect();
    return { sent, done, longTasks: longTasks.length };
  },
};
