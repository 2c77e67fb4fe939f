/** Why a call to a jobs client failed, in terms a UI can act on. */
export type JobsClientErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'aborted';

export interface JobsClientErrorOptions {
  status?: number;
  /** How long the server asked to wait before the next call. */
  retryAfterMs?: number;
  /**
   * How many times the client sent the call before giving up (default 1). A client that already repeated
   * a read is not repeated again by the kit: its tries are not multiplied by the kit's.
   */
  attempts?: number;
  cause?: unknown;
}

/** The error every jobs client throws. */
export class JobsClientError extends Error {
  override readonly name = 'JobsClientError';
  readonly code: JobsClientErrorCode;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;

  constructor(code: JobsClientErrorCode, message: string, options: JobsClientErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.attempts = options.attempts ?? 1;
  }

  /** Worth trying again as is: the network, the server or a rate limit, never a refusal. */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'server' || this.code === 'rate-limited';
  }
}

/** Thrown by `normalizeJob` when a value cannot be read as a job; `path` names the field. */
export class JobValidationError extends Error {
  override readonly name = 'JobValidationError';
  readonly path: string;

  constructor(path: string, message: string) {
    super(`Invalid job: ${path} ${message}`);
    this.path = path;
  }
}

/**
 * Whether a failed call is worth repeating automatically (reads, never creation): not when the client
 * already repeated it (`attempts` above 1).
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof JobsClientError) return error.retryable && error.attempts <= 1;
  if (error instanceof JobValidationError) return false;
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  // An error from a host's own client: assume the network, the usual cause.
  return error instanceof TypeError;
}

/** What the kit's hooks report as `error`: a failed call, or an answer that is not a job. */
export type JobsError = JobsClientError | JobValidationError;

/**
 * Any failure as a `JobsError`, so a hook's `error.code` needs no cast: the kit's own errors pass as they
 * are; an abort becomes `aborted`; a `TypeError` (what `fetch` throws offline) `network`; anything else
 * from a host's own client `server`, the original kept as `cause`.
 */
export function toJobsError(error: unknown): JobsError {
  if (error instanceof JobsClientError || error instanceof JobValidationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DOMException && error.name === 'AbortError')
    return new JobsClientError('aborted', message, { cause: error });
  if (error instanceof TypeError) return new JobsClientError('network', message, { cause: error });
  return new JobsClientError('server', message, { cause: error });
}

/** Runs `work`, turning whatever it throws into a `JobsError`. */
export async function asJobsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toJobsError(error);
  }
}
