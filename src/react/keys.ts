import type { JobsFilter } from '../core';

/**
 * Query keys. Everything lives under `['jobkit', scope]`: each job under its own key, each list
 * (filter) under another holding ids only. `scope` tells providers apart that share one QueryClient.
 */
export const jobkitKey = (scope: string) => ['jobkit', scope] as const;
export const jobKeyPrefix = (scope: string) => ['jobkit', scope, 'job'] as const;
export const jobKey = (scope: string, jobId: string) => ['jobkit', scope, 'job', jobId] as const;
export const listKeyPrefix = (scope: string) => ['jobkit', scope, 'list'] as const;
export const listKey = (scope: string, filter: JobsFilter) => ['jobkit', scope, 'list', filter] as const;

export type JobKey = ReturnType<typeof jobKey>;
export type ListKey = ReturnType<typeof listKey>;

/** What a list query holds: ids in list order, never the jobs themselves. */
export interface JobsListData {
  ids: string[];
  pagination?: { currentPage: number; pageCount: number; totalCount: number };
  /** Entries the server sent that could not be read as jobs, left out of `ids`. */
  skipped: number;
}
