import type { UseMutationResult } from '@tanstack/react-query';
import type { Job, JobsError } from '../core';
import { useJobMutation } from './mutations';

/** Records that the user saw a job's outcome: `mutate(jobId)`. */
export function useAcknowledgeOutcome(): UseMutationResult<Job, JobsError, string> {
  return useJobMutation(
    'useAcknowledgeOutcome',
    (client, jobId: string, options) => client.acknowledgeOutcome(jobId, options),
    'mutation',
  );
}
