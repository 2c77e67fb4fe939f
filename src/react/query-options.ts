import { isRetryableError } from '../core';

/** Reads are retried on network and server errors only, a few times; never on a refusal or a 404. */
export function retryRead(failureCount: number, error: Error): boolean {
  return failureCount < 3 && isRetryableError(error);
}
