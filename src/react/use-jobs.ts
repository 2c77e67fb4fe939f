import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { JobsError, JobsFilter } from '../core';
import type { JobsListData } from '../store';
import { useJobsStore } from './context';
import { listQuery } from './query-options';

export type UseJobsResult = UseQueryResult<JobsListData, JobsError>;

/**
 * The jobs a filter selects, as ids (`data.ids`, in list order; read each with `useJob(id)`, or
 * `data.jobs.get(id)` outside React). A row that reads its job with `useJob` re-renders when that job
 * changes and nothing else does. The list follows created jobs and status changes without asking the
 * server again; each change is a new `data`, sharing what did not change.
 */
export function useJobs(filter: JobsFilter = {}, options: { enabled?: boolean } = {}): UseJobsResult {
  const { client, queryClient, store } = useJobsStore('useJobs');
  return useQuery(
    {
      ...listQuery(client, filter, () => store),
      enabled: options.enabled ?? true,
    },
    queryClient,
  );
}
