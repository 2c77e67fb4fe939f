import { JobsClientError, type JobsClientErrorCode } from '../core';

/** Flatfile's error body: `{ errors: [{ key?, message }] }`. */
export interface ErrorBody {
  errors: Array<{ key?: string; message: string }>;
}

/** A refusal the handler answers as is: an HTTP status, a message and the field at fault. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly key: string | undefined;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, key?: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.key = key;
    this.headers = headers;
  }
}

/** A 400 naming the field at fault. */
export function badRequest(key: string, message: string): HttpError {
  return new HttpError(400, `${key} ${message}`, key);
}

const statusOfCode: Partial<Record<JobsClientErrorCode, number>> = {
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  'rate-limited': 429,
};

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * The response for anything a route threw: its own status for an `HttpError` or a backend's `JobsClientError`,
 * else a 500 that does not leak the error (it goes to `onError`).
 */
export function errorResponse(error: unknown, onError: (error: unknown) => void): Response {
  if (error instanceof HttpError) {
    const entry = error.key === undefined ? { message: error.message } : { key: error.key, message: error.message };
    return jsonResponse(error.status, { errors: [entry] } satisfies ErrorBody, error.headers);
  }
  if (error instanceof JobsClientError) {
    const status = statusOfCode[error.code];
    if (status !== undefined) return jsonResponse(status, { errors: [{ message: error.message }] } satisfies ErrorBody);
  }
  onError(error);
  return jsonResponse(500, { errors: [{ message: 'The jobs server failed to answer' }] } satisfies ErrorBody);
}
