import type { Job, JobCompleteDetails, JobOutcome } from '../core';

/** What a handler gets besides the job: Flatfile's job-handler helpers, on the engine's clock. */
export interface JobHandlerContext {
  /**
   * Reports progress (clamped to 0..100), status text and an expected finish, like Flatfile's `tick` (an
   * `ack`). Ignored once the job has ended, for example after a cancel.
   */
  tick(progress: number, info?: string, estimatedCompletionAt?: Date | string): Promise<void>;
  /** Fires when the job is canceled (or the client disposed). */
  signal: AbortSignal;
  /** Waits on the engine's clock; rejects with an `AbortError` when `signal` fires. */
  sleep(ms: number): Promise<void>;
}

/**
 * Runs one job. Resolving completes it (with the returned outcome and info, or `{ message: 'Job complete' }`),
 * throwing fails it (throw a `JobFailure` to choose the outcome).
 */
export type JobHandler = (
  job: Job,
  context: JobHandlerContext,
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler may return nothing (`async () => {}` is typed Promise<void>)
) => Promise<JobCompleteDetails | void> | JobCompleteDetails | void;

/** Throw from a handler to fail the job with a chosen outcome. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
  readonly outcome: JobOutcome | undefined;

  constructor(message: string, outcome?: JobOutcome) {
    super(message);
    this.outcome = outcome;
  }
}

/** How a job ends, before it is written to the job. */
export interface Ending {
  info?: string;
  outcome: JobOutcome;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flatfile's job handler completes with the returned outcome, or `{ message: 'Job complete' }`. */
export function completionOf(details: unknown): Ending {
  const ending: Ending = { outcome: { message: 'Job complete' } };
  if (!isRecord(details)) return ending;
  if (isRecord(details.outcome)) ending.outcome = details.outcome as JobOutcome;
  if (typeof details.info === 'string') ending.info = details.info;
  return ending;
}

/** Flatfile's job handler fails with `{ info: message, outcome: { acknowledge: true, message } }`. */
export function failureOf(error: unknown): Ending {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof JobFailure && error.outcome !== undefined) return { info: message, outcome: error.outcome };
  return { info: message, outcome: { acknowledge: true, message } };
}
