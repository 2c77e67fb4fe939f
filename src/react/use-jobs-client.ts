import type { JobsClient } from '../core';
import { useJobsStore } from './context';

/** The provider's jobs client, for calls the hooks do not cover. */
export function useJobsClient(): JobsClient {
  return useJobsStore('useJobsClient').client;
}
