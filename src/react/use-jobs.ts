import { notifyManager, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { JobsClient, JobsFilter } from '../core';
import type { JobsSync } from './sync';
import { useJobsStore } from './context';
import { type JobsListData, listKey } from './keys';
import { retryRead } from './query-options';

export type UseJobsResult = UseQueryResult<JobsListData, Error>;

/** Reads one list: each job is written under its own key, the list keeps ids only. */
export async function readJobsList(client: JobsClient, sync: JobsSync, filter: JobsFilter, signal: AbortSignal): Promise<JobsListData> {
  const page = await client.list(filter, { signal });
  const ids: string[] = [];
  let skipped = 0;
  notifyManager.batch(() => {
    for (const raw of Array.isArray(page?.data) ? page.data : []) {
      const job = sync.accept(raw, 'load');
      if (job === undefined) skipped += 1;
      else ids.push(job.id);
    }
  });
  return page?.pagination === undefined ? { ids, skipped } : { ids, skipped, pagination: page.pagination };
}

/**
 * The jobs a filter selects, as ids (`data.ids`, in list order; read each with `useJob(id)`). Each job is written to the cache under its own key, so a row that
 * reads it with `useJob` re-renders when that job changes and nothing else does. The list follows
 * created jobs and status changes without asking the server again.
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
    },
    queryClient,
  );
}
