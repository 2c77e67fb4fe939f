import type { UseMutationResult } from '@tanstack/react-query';
import type { Job, JobConfig, JobsError } from '../core';
import { useJobMutation } from './mutations';

/**
 * Starts a job: `mutate(config)`. The created job joins every list it belongs to at once. Creation is
 * never retried on its own (that could start a second job); show `error` and let the user try again.
 */
export function useCreateJob(): UseMutationResult<Job, JobsError, JobConfig> {
  return useJobMutation(
    'useCreateJob',
    (client, config: JobConfig, options) => client.create(config, options),
    'create',
  );
}
