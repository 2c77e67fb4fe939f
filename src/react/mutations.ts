import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import { asJobsError, type CallOptions, type Job, type JobsClient, type JobsError, JobValidationError } from '../core';
import { useJobsStore } from './context';
import type { WriteCause } from '../store';

type Call<TVariables> = (client: JobsClient, variables: TVariables, options: CallOptions) => Promise<Job>;

/**
 * A mutation whose result is a job: the job is written to the cache (and its lists) as soon as the
 * client answers; the store counts it as the user's, and keeps it current until it ends. Mutations are
 * never retried automatically.
 */
export function useJobMutation<TVariables>(
  name: string,
  call: Call<TVariables>,
  cause: WriteCause,
): UseMutationResult<Job, JobsError, TVariables> {
  const { client, queryClient, store } = useJobsStore(name);
  return useMutation<Job, JobsError, TVariables>(
    {
      mutationFn: async (variables: TVariables) => {
        const job = store.ingest(await asJobsError(() => call(client, variables, {})), cause);
        if (job === undefined)
          throw new JobValidationError('(answer)', 'is not a job: the jobs client answered with something else.');
        return job;
      },
      retry: false,
    },
    queryClient,
  );
}
