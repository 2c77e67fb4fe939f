import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { CallOptions, Job, JobsClient } from '../../src/core';
import { createMemoryJobsClient } from '../../src/memory';
import { JobsProvider, type JobsProviderProps } from '../../src/react';

export type CallName = 'list' | 'get' | 'create' | 'cancel' | 'acknowledgeOutcome' | 'retry';

/**
 * Wraps a client and counts its calls. With `push: false` it hides `subscribe`, which makes the kit poll.
 */
export function counting(inner: JobsClient, { push }: { push: boolean }) {
  const calls: Record<CallName, number> = { list: 0, get: 0, create: 0, cancel: 0, acknowledgeOutcome: 0, retry: 0 };
  const count =
    <A extends unknown[], R>(name: CallName, fn: (...args: A) => R) =>
    (...args: A): R => {
      calls[name] += 1;
      return fn(...args);
    };
  const client: JobsClient = {
    list: count('list', (filter?: Parameters<JobsClient['list']>[0], options?: CallOptions) =>
      inner.list(filter, options),
    ),
    get: count('get', (id: string, options?: CallOptions) => inner.get(id, options)),
    create: count('create', (config: Parameters<JobsClient['create']>[0], options?: CallOptions) =>
      inner.create(config, options),
    ),
    cancel: count('cancel', (id: string, options?: CallOptions) => inner.cancel(id, options)),
    acknowledgeOutcome: count('acknowledgeOutcome', (id: string, options?: CallOptions) =>
      inner.acknowledgeOutcome(id, options),
    ),
    retry: count('retry', (id: string, options?: CallOptions) => inner.retry(id, options)),
  };
  if (push && inner.subscribe) client.subscribe = (listener) => inner.subscribe?.(listener) ?? (() => {});
  return { client, calls };
}

export function wrapper(props: Omit<JobsProviderProps, 'children'>) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return <JobsProvider {...props}>{children}</JobsProvider>;
  };
}

export function quietQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

/** A promise with its resolve function outside. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/**
 * A memory engine whose `workbook:export` jobs run until the test ends them: `finish.get(jobId)` resolves
 * a job with the outcome given (or none).
 */
export function heldExports() {
  const finish = new Map<string, (outcome: Job['outcome']) => void>();
  const engine = createMemoryJobsClient({
    latency: 0,
    handlers: {
      'workbook:export': async (job) => {
        const done = deferred<Job['outcome']>();
        finish.set(job.id, done.resolve);
        return { outcome: await done.promise };
      },
    },
  });
  return { engine, finish };
}
