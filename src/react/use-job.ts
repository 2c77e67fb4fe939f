import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Job, JobsError } from '../core';
import { useJobsStore } from './context';
import { type JobQueryKey, jobQuery } from './query-options';

/**
 * One job, kept current by pushed events or polling. Pass `select` to read a part of it: the component
 * then re-renders only when that part changes (a progress bar selecting `progress` ignores `info`).
 * A job that is in no loaded list and not in the cache yet is read from the client; `undefined` reads nothing.
 */
export function useJob<T = Job>(jobId: string | undefined, select?: (job: Job) => T): UseQueryResult<T, JobsError> {
  const { client, queryClient, store } = useJobsStore('useJob');
  return useQuery<Job, JobsError, T, JobQueryKey>(
    {
      ...jobQuery<T>(client, jobId ?? '', () => store),
      // A listed job is taken from its list: reading a row of a loaded list asks the server nothing.
      initialData: () => (jobId ? store.peek(jobId) : undefined),
      enabled: jobId !== undefined && jobId !== '',
      ...(select === undefined ? {} : { select }),
    },
    queryClient,
  ) as UseQueryResult<T, JobsError>;
}
