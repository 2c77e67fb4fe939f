// The soak of `npm run bench -- --only=soak`: an admin console left open all day. Waves of jobs are created,
// run, completed and acknowledged through the kit (useCreateJob, useAcknowledgeOutcome) with a Jobs Panel,
// JobNotices and OutcomeDialog mounted; run.mjs takes the heap after a forced GC between waves. The same
// waves can run on the memory engine alone (no React), whose heap is the engine's own share.
import { QueryClient } from '@tanstack/react-query';
import { createElement as h, type ReactNode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  JobNotices,
  JobsPanel,
  JobsProvider,
  OutcomeDialog,
  ProgressOverlay,
  useAcknowledgeOutcome,
  useCreateJob,
} from '../../dist/index.js';
import { createMemoryJobsClient } from '../../dist/memory.js';

export interface SoakOptions {
  /** Mount the kit; false: the memory engine alone, called directly. */
  ui: boolean;
  notices: boolean;
  dialog: boolean;
  /** The panel inside a ProgressOverlay of the jobs' source: each job blocks it, is announced, then ends. */
  overlay?: boolean;
  /** The engine's retention limit (`retain: { jobs }`); ignored by an engine without one. */
  retain?: number;
  /** Progress ticks per job. */
  ticks: number;
  /**
   * react-query's gcTime (queries and mutations) of the page's QueryClient; its default (5 minutes) when
   * absent. A soak compresses a day into a minute: a short gcTime stands for the hours between waves.
   */
  gcTime?: number;
}

interface Job {
  id: string;
  status: string;
}
type Create = (config: Record<string, unknown>) => Promise<Job>;
type Acknowledge = (jobId: string) => Promise<unknown>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const config = { type: 'workbook', operation: 'export', source: 'us_wb_1', mode: 'foreground' };

interface Soak {
  options: SoakOptions;
  client: ReturnType<typeof createMemoryJobsClient>;
  queryClient?: QueryClient;
  root?: Root;
  container?: HTMLElement;
  create: Create;
  acknowledge: Acknowledge;
  finished: Set<string>;
  waves: number;
}

let current: Soak | undefined;

/** Hands the kit's mutations to the soak: every job is created and acknowledged as a host would. */
function Driver({ ready }: { ready(create: Create, acknowledge: Acknowledge): void }): ReactNode {
  const create = useCreateJob();
  const acknowledge = useAcknowledgeOutcome();
  const createAsync = create.mutateAsync;
  const acknowledgeAsync = acknowledge.mutateAsync;
  useEffect(() => ready(createAsync as Create, acknowledgeAsync), [ready, createAsync, acknowledgeAsync]);
  return null;
}

async function until(check: () => boolean, timeout = 120_000) {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error('soak: timed out');
    await sleep(10);
  }
}

export const soak = {
  /** Mounts the console (or only the engine). The heap before this call is the page's baseline. */
  async soakSetup(options: SoakOptions) {
    const finished = new Set<string>();
    const client = createMemoryJobsClient({
      handlers: {
        'workbook:export': async (
          _job: unknown,
          { tick, sleep: wait }: { tick(p: number, info?: string): Promise<void>; sleep(ms: number): Promise<void> },
        ) => {
          for (let i = 1; i <= options.ticks; i += 1) {
            await wait(1);
            await tick((i * 100) / (options.ticks + 1), `Step ${i}`);
          }
          return { outcome: { acknowledge: true, message: 'Exported 12 rows' } };
        },
      },
      ...(options.retain === undefined ? {} : { retain: { jobs: options.retain } }),
    } as never);
    client.subscribe((event: { topic: string; context: { jobId: string } }) => {
      if (event.topic === 'job:completed' || event.topic === 'job:failed') finished.add(event.context.jobId);
    });
    const soakState: Soak = {
      options,
      client,
      finished,
      waves: 0,
      create: (c) => client.create(c as never) as Promise<Job>,
      acknowledge: (id) => client.acknowledgeOutcome(id),
    };
    if (options.ui) {
      const container = document.createElement('div');
      document.body.append(container);
      const gcTime = options.gcTime;
      const queryClient = new QueryClient(
        gcTime === undefined ? {} : { defaultOptions: { queries: { gcTime }, mutations: { gcTime } } },
      );
      const root = createRoot(container);
      let handed = false;
      const ready = (create: Create, acknowledge: Acknowledge) => {
        soakState.create = create;
        soakState.acknowledge = acknowledge;
        handed = true;
      };
      root.render(
        h(
          JobsProvider,
          { client, queryClient, theme: { duration: '0ms' }, colorScheme: 'light' },
          h(
            'main',
            { style: { padding: 16, maxWidth: 640 } },
            h(Driver, { ready }),
            options.overlay
              ? h(ProgressOverlay, { source: 'us_wb_1' }, h(JobsPanel, { source: 'us_wb_1' }))
              : h(JobsPanel, { source: 'us_wb_1' }),
            options.notices ? h(JobNotices, {}) : null,
            options.dialog ? h(OutcomeDialog, {}) : null,
          ),
        ),
      );
      await until(() => handed);
      Object.assign(soakState, { queryClient, root, container });
    }
    current = soakState;
    await sleep(200);
    return { ok: true };
  },

  /** One wave: `count` jobs created one after another, run to the end, then every outcome acknowledged. */
  async soakWave(count: number) {
    const s = current;
    if (s === undefined) throw new Error('soak: not set up');
    s.waves += 1;
    const t0 = performance.now();
    const ids: string[] = [];
    let createMs = 0;
    for (let i = 0; i < count; i += 1) {
      const c0 = performance.now();
      const job = await s.create({ ...config, input: { wave: s.waves, index: i } });
      createMs += performance.now() - c0;
      ids.push(job.id);
      if (i % 50 === 49) await frame(); // a host creates jobs over time, and the page paints meanwhile
    }
    await until(() => ids.every((id) => s.finished.has(id)));
    const a0 = performance.now();
    let ackMs = 0;
    for (let i = 0; i < ids.length; i += 1) {
      const c0 = performance.now();
      await s.acknowledge(ids[i] as string);
      ackMs += performance.now() - c0;
      if (i % 50 === 49) await frame();
    }
    for (const id of ids) s.finished.delete(id);
    await sleep(100);
    await frame();
    const waveMs = performance.now() - t0;
    return {
      waveMs,
      createPerJob: createMs / count,
      ackPerJob: ackMs / count,
      ackPhaseMs: performance.now() - a0,
      engineJobs: s.client.snapshot().length,
      domNodes: document.getElementsByTagName('*').length,
      queries: s.queryClient?.getQueryCache().getAll().length ?? 0,
      mutations: s.queryClient?.getMutationCache().getAll().length ?? 0,
    };
  },

  /** Unmounts the console, disposes the engine and drops every reference the page holds. */
  async soakTeardown() {
    const s = current;
    current = undefined;
    if (s === undefined) return { ok: false };
    s.root?.unmount();
    s.container?.remove();
    s.queryClient?.clear();
    s.client.dispose();
    await sleep(200);
    await frame();
    return { ok: true };
  },
};
