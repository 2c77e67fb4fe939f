import type { JobsFilter } from '../core';
import type { ListedJobs } from './listed';

/**
 * Query keys. Everything lives under `['jobkit', scope]`: each list (filter) under its key, each job
 * something reads or this provider changed under its own. `scope` tells providers apart that share one QueryClient.
 */
export const jobkitKey = (scope: string) => ['jobkit', scope] as const;
export const jobKeyPrefix = (scope: string) => ['jobkit', scope, 'job'] as const;
export const jobKey = (scope: string, jobId: string) => ['jobkit', scope, 'job', jobId] as const;
export const listKeyPrefix = (scope: string) => ['jobkit', scope, 'list'] as const;
export const listKey = (scope: string, filter: JobsFilter) => ['jobkit', scope, 'list', filter] as const;

export type JobKey = ReturnType<typeof jobKey>;
export type ListKey = ReturnType<typeof listKey>;

/**
 * What a list query holds: ids in list order, and the listed jobs by id (normalized when first read).
 * Components read a job with `useJob(id)`, which takes it from here without asking the server.
 */
export interface JobsListData {
  ids: string[];
  jobs: ListedJobs;
  pagination?: { currentPage: number; pageCount: number; totalCount: number };
  /** Entries the server sent that could not be read as jobs, left out of `ids`. */
  skipped: number;
}
