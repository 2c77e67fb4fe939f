import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { JobsClient, JobsFilter } from '../core';
import type { JobsSync } from '../store/sync';
import { useJobsStore } from './context';
import { type JobsListData, listKey } from '../store/keys';
import { ListedJobs } from '../store/listed';
import { retryRead } from './query-options';

export type UseJobsResult = UseQueryResult<JobsListData, Error>;

/**
 * Reads one list page: its entries are checked and kept by id (normalized when read); jobs that
 * something already watches under their own key get the version just read.
 */
export async function readJobsList(client: JobsClient, sync: JobsSync, filter: JobsFilter, signal: AbortSignal): Promise<JobsListData> {
  const page = await client.list(filter, { signal });
  const { ids, skipped, jobs } = ListedJobs.read(page?.data);
  sync.refresh(jobs);
  return page?.pagination === undefined ? { ids, jobs, skipped } : { ids, jobs, skipped, pagination: page.pagination };
}

/**
 * The jobs a filter selects, as ids (`data.ids`, in list order; read each with `useJob(id)`, or
 * `data.jobs.get(id)` outside React). A row that reads its job with `useJob` re-renders when that job
 * changes and nothing else does. The list follows created jobs and status changes without asking the
 * server again.
 */
export function useJobs(filter: JobsFilter = {}, options: { enabled?: boolean } = {}): UseJobsResult {
  const { client, queryClient, scope, sync } = useJobsStore('useJobs');
  return useQuery(
    {
      queryKey: listKey(scope, filter),
      queryFn: ({ signal }) => readJobsList(client, sync, filter, signal),
      staleTime: 30_000,
      enabled: options.enabled ?? true,
      retry: retryRead,
      // New ids arrive as new arrays (a page read, a membership change): no walk to share equal ones.
      structuralSharing: false,
    },
    queryClient,
  );
}
