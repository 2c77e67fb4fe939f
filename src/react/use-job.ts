import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { asJobsError, type Job, type JobsError } from '../core';
import { useJobsStore } from './context';
import { retryRead } from './query-options';
import { shareEqual } from '../store';

/**
 * One job, kept current by pushed events or polling. Pass `select` to read a part of it: the component
 * then re-renders only when that part changes (a progress bar selecting `progress` ignores `info`).
 * A job that is in no loaded list and not in the cache yet is read from the client; `undefined` reads nothing.
 */
export function useJob<T = Job>(jobId: string | undefined, select?: (job: Job) => T): UseQueryResult<T, JobsError> {
  const { queryClient, store } = useJobsStore('useJob');
  return useQuery(
    {
      queryKey: store.cache.keys.job(jobId ?? ''),
      queryFn: ({ signal }) => asJobsError(() => store.readJob(jobId as string, signal)),
      // A listed job is taken from its list: reading a row of a loaded list asks the server nothing.
      initialData: () => (jobId ? store.peek(jobId) : undefined),
      enabled: jobId !== undefined && jobId !== '',
      // Kept fresh by events and polls; a read happens only when the job is not cached yet.
      staleTime: Number.POSITIVE_INFINITY,
      retry: retryRead,
      structuralSharing: shareEqual,
      ...(select === undefined ? {} : { select }),
    },
    queryClient,
  ) as UseQueryResult<T, JobsError>;
}
