import type { UseMutationResult } from '@tanstack/react-query';
import type { Job, JobsError } from '../core';
import { useJobMutation } from './mutations';

/** Runs a failed job again: `mutate(jobId)`. */
export function useRetryJob(): UseMutationResult<Job, JobsError, string> {
  return useJobMutation('useRetryJob', (client, jobId: string, options) => client.retry(jobId, options), 'mutation');
}
