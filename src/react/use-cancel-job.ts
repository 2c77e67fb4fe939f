import type { UseMutationResult } from '@tanstack/react-query';
import type { Job, JobsError } from '../core';
import { useJobMutation } from './mutations';

/** Cancels a job: `mutate(jobId)`. */
export function useCancelJob(): UseMutationResult<Job, JobsError, string> {
  return useJobMutation('useCancelJob', (client, jobId: string, options) => client.cancel(jobId, options), 'mutation');
}
