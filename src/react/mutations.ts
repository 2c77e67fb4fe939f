import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { CallOptions, Job, JobsClient } from '../core';
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
): UseMutationResult<Job, Error, TVariables> {
  const { client, queryClient, store } = useJobsStore(name);
  return useMutation(
    {
      mutationFn: async (variables: TVariables) => {
        const job = store.ingest(await call(client, variables, {}), cause);
        if (job === undefined) throw new Error('The jobs client answered with something that is not a job.');
        return job;
      },
      retry: false,
    },
    queryClient,
  );
}
