import type { JobsFilter } from '../core';

/**
 * The query keys of one provider's jobs. Everything lives under `['jobkit', scope]`: each list (filter)
 * under its key, each job under its own. `scope` tells providers apart that share one QueryClient.
 * A key factory, so that hosts can one day be handed the same keys to invalidate or prefetch with.
 */
export function jobsKeys(scope: string) {
  return {
    /** Every list and job of the scope. */
    all: ['jobkit', scope] as const,
    /** Every list of the scope. */
    lists: ['jobkit', scope, 'list'] as const,
    list: (filter: JobsFilter) => ['jobkit', scope, 'list', filter] as const,
    job: (jobId: string) => ['jobkit', scope, 'job', jobId] as const,
    /** Newer versions of listed jobs that have no entry of their own (one entry for all of them). */
    versions: ['jobkit', scope, 'versions'] as const,
  };
}

export type JobsKeys = ReturnType<typeof jobsKeys>;
