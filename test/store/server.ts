import { QueryClient, QueryObserver } from '@tanstack/react-query';
import {
  compareJobs,
  type Job,
  type JobEvent,
  type JobEventListener,
  type JobsClient,
  JobsClientError,
  type JobsFilter,
  jobEventPayload,
  matchesFilter,
  normalizeJob,
} from '../../src/core';
import { JobsStore } from '../../src/store';
import type { JobsStoreOptions } from '../../src/store/store';

/** A job on sheet `us_sh_1` at `updatedAt` second `t`. */
export function version(id: string, status: Job['status'], t: number, extra: Partial<Job> = {}): Job {
  return normalizeJob({
    id,
    type: 'sheet',
    operation: 'dedupe',
    source: 'us_sh_1',
    mode: 'foreground',
    status,
    createdAt: new Date(Date.UTC(2026, 0, 1)),
    updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, t)),
    ...extra,
  });
}

/**
 * A backend the test drives by hand: it answers reads from what it holds now, pushes the events the
 * test hands it (or pushes none, `pushes: false`), and counts its calls.
 */
export function fakeServer({ pushes = true }: { pushes?: boolean } = {}) {
  const jobs = new Map<string, Job>();
  const listeners = new Set<JobEventListener>();
  const calls = { list: 0, get: 0 };
  let events = 0;
  const client: JobsClient = {
    list: async (filter = {}) => {
      calls.list += 1;
      return { data: [...jobs.values()].filter((job) => matchesFilter(job, filter)).sort(compareJobs(filter)) };
    },
    get: async (id) => {
      calls.get += 1;
      const job = jobs.get(id);
      if (job === undefined) throw new JobsClientError('not-found', `No job ${id}`);
      return job;
    },
    create: async (config) => {
      const job = version(`us_jb_new${jobs.size}`, 'executing', 1, {
        ...config,
        mode: config.mode ?? 'foreground',
      } as Partial<Job>);
      jobs.set(job.id, job);
      return job;
    },
    cancel: async () => Promise.reject(new Error('not used')),
    acknowledgeOutcome: async () => Promise.reject(new Error('not used')),
    retry: async () => Promise.reject(new Error('not used')),
  };
  if (pushes) {
    client.subscribe = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
  }
  /** Pushes an event about `job` (with the job, unless `bare`), without changing what the server holds. */
  const push = (job: Job, topic: JobEvent['topic'], { bare = false } = {}) => {
    events += 1;
    const event: JobEvent = {
      id: `ev_${events}`,
      domain: 'job',
      topic,
      payload: jobEventPayload(job),
      context: { jobId: job.id },
      createdAt: new Date(),
      ...(bare ? {} : { job }),
    };
    for (const listener of [...listeners]) listener(event);
  };
  /** The server now holds `job`; `topic` pushes it. */
  const change = (job: Job, topic?: JobEvent['topic'], options: { bare?: boolean } = {}) => {
    jobs.set(job.id, job);
    if (topic !== undefined) push(job, topic, options);
  };
  return { client, jobs, calls, change, push };
}

/** A store on a fresh QueryClient, started. */
export function startStore(client: JobsClient, options: JobsStoreOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const store = new JobsStore(queryClient, client, options);
  store.start();
  /** Reads a list the way `useJobs` does, and keeps an observer on it (as a mounted component would). */
  const list = async (filter: JobsFilter) => {
    const observer = new QueryObserver(queryClient, {
      queryKey: store.cache.keys.list(filter),
      queryFn: ({ signal }) => store.readList(filter, signal),
      staleTime: 30_000,
      structuralSharing: false,
    });
    const unsubscribe = observer.subscribe(() => {});
    await observer.refetch();
    return {
      data: () => {
        const query = queryClient.getQueryCache().find({ queryKey: store.cache.keys.list(filter), exact: true });
        return query === undefined ? undefined : store.cache.listOf(query);
      },
      unsubscribe,
    };
  };
  /** Reads a job the way `useJob` does, with an observer on it. */
  const read = async (jobId: string) => {
    const observer = new QueryObserver(queryClient, {
      queryKey: store.cache.keys.job(jobId),
      queryFn: ({ signal }) => store.readJob(jobId, signal),
      staleTime: Number.POSITIVE_INFINITY,
    });
    const unsubscribe = observer.subscribe(() => {});
    await observer.refetch();
    return { unsubscribe };
  };
  return { queryClient, store, list, read };
}

/** Lets pushed events applied over several tasks, and reads that follow events, finish. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
