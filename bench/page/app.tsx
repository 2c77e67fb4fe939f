// The benchmark page: one production bundle (React production, the built kit from dist/, the peers from
// bench/node_modules). run.mjs opens it in Chromium and calls `window.bench.*`; every call returns figures,
// nothing here asserts a timing.
import { createElement as h, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ActionButton, JobsPanel, JobsPanelRow, type JobsPanelRowProps, JobsProvider } from '../../dist/index.js';
import { createMemoryJobsClient } from '../../dist/memory.js';
import { Toaster as SonnerToaster, toast as sonnerToast } from 'sonner';
import hotToast, { Toaster as HotToaster } from 'react-hot-toast';
import { SnackbarProvider, enqueueSnackbar, closeSnackbar } from 'notistack';
import { monitor } from './monitor';
import { scale } from './scale';
import { soak } from './soak';

type Status =
  | 'created'
  | 'planning'
  | 'scheduled'
  | 'ready'
  | 'executing'
  | 'complete'
  | 'failed'
  | 'canceled'
  | 'waiting';
const statuses = [
  'created',
  'planning',
  'scheduled',
  'ready',
  'executing',
  'complete',
  'failed',
  'canceled',
  'waiting',
  'paused',
];

/** The same seeds as test/browser/jobs-panel.test.tsx. */
function seeds(count: number, status?: Status, operation?: string) {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    id: `us_jb_${i}`,
    type: 'workbook' as const,
    operation: operation ?? (i % 3 === 0 ? 'import' : 'export'),
    source: 'us_wb_1',
    status: (status ?? statuses[i % statuses.length]) as Status,
    progress: (i * 7) % 100,
    info: `Step ${i}`,
    createdAt: new Date(start + i * 1000),
    ...(i % statuses.length === 5 || i % statuses.length === 6
      ? { outcome: { message: 'Done' }, finishedAt: new Date(start + i * 1000 + 500) }
      : {}),
  }));
}

const still = { duration: '0ms' };
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, timeout = 60_000) {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await sleep(5);
  }
}
function nodeCount(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}
const rowsOnScreen = () => document.querySelectorAll('[data-slot="jobs-panel"] [role="listitem"]').length;
const panelElement = () => document.querySelector('[data-slot="jobs-panel"]') as HTMLElement;

let root: Root | undefined;
const container = document.getElementById('root') as HTMLElement;
function mount(node: ReactNode) {
  root = createRoot(container);
  root.render(node);
}
function unmount() {
  root?.unmount();
  root = undefined;
}

function Page({ client, children }: { client: ReturnType<typeof createMemoryJobsClient>; children: ReactNode }) {
  return h(
    JobsProvider,
    { client, theme: still, colorScheme: 'light' },
    h('main', { style: { padding: 16, maxWidth: 640 } }, children),
  );
}

let runTicks: ((seconds: number) => Promise<unknown>) | undefined;

const bench = {
  /** P2: render → next frame with rows; DOM nodes inside the panel. */
  /** Unmounts what the last call mounted, so a page can measure again (warm). */
  unmount,

  async panelFirstFrame(n: number) {
    const client = createMemoryJobsClient({ jobs: seeds(n) });
    // The last run's garbage is collected before the clock starts (gc is exposed by run.mjs's Chromium flags).
    (globalThis as { gc?: () => void }).gc?.();
    await frame();
    const t0 = performance.now();
    mount(h(Page, { client }, h(JobsPanel, { source: 'us_wb_1', pageSize: n, onOpenOutcome: () => {} })));
    let seenAt = 0;
    for (;;) {
      await frame();
      if (rowsOnScreen() > 0) {
        seenAt = performance.now();
        break;
      }
      if (performance.now() - t0 > 60_000) throw new Error('no rows');
    }
    await frame(); // the frame that painted them has been presented
    const t1 = performance.now();
    return { ms: t1 - t0, rowsSeenMs: seenAt - t0, nodes: nodeCount(panelElement()), rows: rowsOnScreen() };
  },

  /**
   * P2 search: a mounted n-job panel, one word typed into its search (no debounce): time from the input
   * event to the frame after the list follows, and the long tasks meanwhile.
   */
  async panelSearch(n: number, text: string) {
    const client = createMemoryJobsClient({ jobs: seeds(n) });
    mount(
      h(Page, { client }, h(JobsPanel, { source: 'us_wb_1', pageSize: n, searchDelayMs: 0, onOpenOutcome: () => {} })),
    );
    await until(() => rowsOnScreen() > 0);
    // What follows the first frame (the active-jobs count, effects) is over before the clock starts.
    await sleep(1000);
    await frame();
    const input = document.querySelector('[data-slot="jobs-panel-search"] input') as HTMLInputElement;
    const before = document.querySelector('[data-slot="jobs-panel"] [role="listitem"]')?.getAttribute('data-job-id');
    (globalThis as { gc?: () => void }).gc?.();
    await frame();
    const stop = monitor();
    const t0 = performance.now();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await frame();
      const first = document.querySelector('[data-slot="jobs-panel"] [role="listitem"]')?.getAttribute('data-job-id');
      if (first !== before) break;
      if (performance.now() - t0 > 60_000) throw new Error('the list did not follow the search');
    }
    await frame();
    const ms = performance.now() - t0;
    const { longTasks, longTaskMs } = await stop();
    return { ms, longTasks, longTaskMs, rows: rowsOnScreen() };
  },

  /** P2 share of the in-memory engine: one `list` of n jobs (what the panel's first page asks for), no UI. */
  async listOnly(n: number) {
    const client = createMemoryJobsClient({ jobs: seeds(n) });
    await frame();
    const t0 = performance.now();
    const page = await client.list({ source: 'us_wb_1', pageSize: n } as never);
    return {
      ms: performance.now() - t0,
      jobs:
        (page as { jobs?: unknown[]; data?: unknown[] }).jobs?.length ??
        (page as { data?: unknown[] }).data?.length ??
        -1,
    };
  },

  /** P3: renders per single-job update (rowComponent wrapper counts), and header mutations. */
  async rendersPerUpdate(n: number) {
    const ticks = new Map<string, (p: number, info?: string) => Promise<void>>();
    const client = createMemoryJobsClient({
      jobs: seeds(n, 'ready'),
      handlers: {
        'workbook:export': (job: { id: string }, { tick }: { tick: (p: number, info?: string) => Promise<void> }) => {
          ticks.set(job.id, tick);
          return new Promise<void>(() => {});
        },
      },
    } as never);
    const renders = new Map<string, number>();
    function CountingRow(props: JobsPanelRowProps) {
      renders.set(props.job.id, (renders.get(props.job.id) ?? 0) + 1);
      return h(JobsPanelRow, props);
    }
    mount(
      h(
        Page,
        { client },
        h(JobsPanel, { source: 'us_wb_1', operation: 'export', pageSize: n, rowComponent: CountingRow }),
      ),
    );
    const target = `us_jb_${n - 2}`;
    await until(() => document.querySelector(`[data-job-id="${target}"]`)?.getAttribute('data-status') === 'executing');
    await sleep(300);
    const header = document.querySelector('[data-slot="jobs-panel-header"]') as HTMLElement;
    let mutations = 0;
    const observer = new MutationObserver((records) => {
      mutations += records.length;
    });
    observer.observe(header, { subtree: true, childList: true, characterData: true, attributes: true });
    const before = new Map(renders);
    await ticks.get(target)?.(55, 'Halfway');
    await until(() => (document.querySelector(`[data-job-id="${target}"]`)?.textContent ?? '').includes('Halfway'));
    await sleep(100);
    observer.disconnect();
    const changed = [...renders].filter(([id, count]) => count !== before.get(id)).map(([id]) => id);
    return {
      rowsRerendered: changed.length,
      targetRenders: (renders.get(target) ?? 0) - (before.get(target) ?? 0),
      otherRows: changed.filter((id) => id !== target).length,
      headerMutations: mutations,
      rowsMounted: rowsOnScreen(),
    };
  },

  /** P4/P5 set-up: the kit's panel with n running jobs, every one ticked through the engine's handler. */
  async setupKit(n: number, withPanel = true) {
    const t0 = performance.now();
    const ticks: ((p: number, info?: string) => Promise<void>)[] = [];
    const client = createMemoryJobsClient({
      jobs: seeds(n, 'ready', 'export'),
      handlers: {
        'workbook:export': (_job: unknown, { tick }: { tick: (p: number, info?: string) => Promise<void> }) => {
          ticks.push(tick);
          return new Promise<void>(() => {});
        },
      },
    } as never);
    if (withPanel) mount(h(Page, { client }, h(JobsPanel, { source: 'us_wb_1', pageSize: n })));
    await until(
      () => ticks.length === n && (!withPanel || document.querySelector('[data-status="executing"]') !== null),
    );
    await sleep(500);
    let k = 0;
    runTicks = async (seconds) => {
      const end = performance.now() + seconds * 1000;
      let sent = 0;
      let done = 0;
      let rounds = 0;
      while (performance.now() < end) {
        k += 1;
        rounds += 1;
        for (const [i, tick] of ticks.entries()) {
          sent += 1;
          void tick((k + i) % 100, `Step ${k}`).then(() => {
            done += 1;
          });
        }
        await sleep(100);
      }
      return { rows: rowsOnScreen(), nodes: nodeCount(document.body), rounds, sent, done };
    };
    return { rows: rowsOnScreen(), setupMs: performance.now() - t0 };
  },

  /** P4 peers: n loading toasts / snackbars, updated by id (sonner, react-hot-toast) or replaced by key (notistack). */
  async setupPeer(name: 'sonner' | 'react-hot-toast' | 'notistack', n: number) {
    const text = (i: number, k: number) => `Export ${i}: ${(k + i) % 100}% · Step ${k}`;
    let show: (i: number, k: number) => void;
    if (name === 'sonner') {
      mount(h(SonnerToaster, { visibleToasts: n, expand: true }));
      show = (i, k) => {
        sonnerToast.loading(text(i, k), { id: `job-${i}`, duration: Infinity });
      };
    } else if (name === 'react-hot-toast') {
      mount(h(HotToaster, {}));
      show = (i, k) => {
        hotToast.loading(text(i, k), { id: `job-${i}` });
      };
    } else {
      mount(h(SnackbarProvider, { maxSnack: n }));
      const keys: string[] = [];
      show = (i, k) => {
        const key = `job-${i}-${k}`;
        if (keys[i] !== undefined) closeSnackbar(keys[i]);
        keys[i] = key;
        enqueueSnackbar(text(i, k), { key, persist: true, variant: 'info' });
      };
    }
    await sleep(50);
    await frame(); // notistack's global enqueueSnackbar exists only once its provider has mounted
    for (let i = 0; i < n; i += 1) show(i, 0);
    await sleep(1500); // enter animations done
    let k = 0;
    runTicks = async (seconds) => {
      const end = performance.now() + seconds * 1000;
      let rounds = 0;
      while (performance.now() < end) {
        k += 1;
        rounds += 1;
        for (let i = 0; i < n; i += 1) show(i, k);
        await sleep(100);
      }
      return { rows: n, nodes: nodeCount(document.body), rounds, sent: rounds * n, done: rounds * n };
    };
    return { rows: n };
  },

  async run(seconds: number) {
    const stop = monitor();
    if (runTicks === undefined) throw new Error('run() before setup()');
    const extra = await runTicks(seconds);
    return { ...(await stop()), ...(extra as object) };
  },

  /** P9 set-up: a 10,000-job panel and an action that asks before it runs. */
  async setupAction(n: number) {
    const client = createMemoryJobsClient({ jobs: seeds(n) });
    const action = {
      label: 'Submit',
      operation: 'submitAction',
      primary: true,
      mode: 'foreground',
      description: 'Submit all records?',
    };
    mount(
      h(
        Page,
        { client },
        h(
          'div',
          null,
          h(ActionButton, { action, domain: 'workbook', source: 'us_wb_1' } as never),
          h(JobsPanel, { source: 'us_wb_1', pageSize: n }),
        ),
      ),
    );
    await until(() => rowsOnScreen() > 0);
    await sleep(300);
    return { rows: rowsOnScreen() };
  },

  /** P9: arm a watcher; the click itself comes from Playwright (a real input event). */
  armDialog() {
    const w = window as unknown as { __p9: Promise<number> };
    w.__p9 = new Promise<number>((resolve) => {
      let t0 = 0;
      document.addEventListener(
        'pointerdown',
        () => {
          t0 = performance.now();
        },
        { capture: true, once: true },
      );
      const visible = () => {
        const d = document.querySelector('[role="alertdialog"],[role="dialog"]') as HTMLElement | null;
        if (!d) return false;
        const r = d.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(d).visibility !== 'hidden';
      };
      const check = async () => {
        if (t0 && visible()) {
          await frame();
          await frame();
          resolve(performance.now() - t0);
          return;
        }
        requestAnimationFrame(() => void check());
      };
      void check();
    });
  },
  dialogResult() {
    return (window as unknown as { __p9: Promise<number> }).__p9;
  },
};

(window as unknown as { bench: typeof bench & typeof scale & typeof soak; benchReady: boolean }).bench = {
  ...bench,
  ...scale,
  ...soak,
};
(window as unknown as { benchReady: boolean }).benchReady = true;
