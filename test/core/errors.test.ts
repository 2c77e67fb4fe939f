import { describe, expect, it } from 'vitest';

import { isRetryableError, JobsClientError, JobValidationError } from '../../src/core';

describe('isRetryableError', () => {
  it('repeats reads that failed on the network, the server or a rate limit, once tried', () => {
    for (const code of ['network', 'server', 'rate-limited'] as const) {
      expect(isRetryableError(new JobsClientError(code, 'x'))).toBe(true);
    }
  });

  it('never repeats a refusal, a malformed job or an abort', () => {
    for (const code of ['unauthorized', 'forbidden', 'not-found', 'conflict', 'invalid', 'aborted'] as const) {
      expect(isRetryableError(new JobsClientError(code, 'x'))).toBe(false);
    }
    expect(isRetryableError(new JobValidationError('status', 'is unknown'))).toBe(false);
    expect(isRetryableError(new DOMException('stopped', 'AbortError'))).toBe(false);
  });

  it('does not repeat what the client already repeated', () => {
    const error = new JobsClientError('server', 'Unavailable', { status: 503, attempts: 3 });
    expect(error.attempts).toBe(3);
    expect(error.retryable).toBe(true);
    expect(isRetryableError(error)).toBe(false);
    expect(new JobsClientError('server', 'x').attempts).toBe(1);
  });

  it('takes a host client’s TypeError (what fetch throws offline) as the network', () => {
    expect(isRetryableError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryableError(new Error('boom'))).toBe(false);
  });
});
