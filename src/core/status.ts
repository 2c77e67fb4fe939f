import { JOB_STATUSES, type Job, type JobMode, type JobStatus } from './job';

const known = new Set<string>(JOB_STATUSES);
const terminal = new Set<string>(['complete', 'failed', 'canceled'] satisfies JobStatus[]);
/** The statuses `isActive` accepts, for lists of running work. */
export const ACTIVE_STATUSES = [
  'created',
  'planning',
  'ready',
  'executing',
  'waiting',
] as const satisfies readonly JobStatus[];
const active = new Set<string>(ACTIVE_STATUSES);

type StatusLike = JobStatus | (string & {}) | undefined;

/** Whether `status` is one of the nine statuses of the API. */
export function isKnownStatus(status: StatusLike): status is JobStatus {
  return status !== undefined && known.has(status);
}

/** Finished for good: `complete`, `failed` or `canceled`. */
export function isTerminal(status: StatusLike): boolean {
  return status !== undefined && terminal.has(status);
}

/**
 * Work in progress or about to start: `created`, `planning`, `ready`, `executing` or `waiting`.
 * `scheduled` jobs run later on a cadence and are not active; unknown statuses are not active either,
 * so a job the kit cannot read never blocks the UI or keeps polling alive.
 */
export function isActive(status: StatusLike): boolean {
  return status !== undefined && active.has(status);
}

/** A job that can still be canceled. */
export function isCancelable(status: StatusLike): boolean {
  return isActive(status) || status === 'scheduled';
}

/** Only failed jobs can be retried (`POST /jobs/{id}/retry`). */
export function isRetryable(status: StatusLike): boolean {
  return status === 'failed';
}

/** The parts of the UI a blocking job can cover. */
export type BlockRegion = 'resource' | 'toolbar';

/**
 * Whether a job in `mode` blocks `region` of its source: `foreground` blocks the whole resource and its
 * toolbar, `toolbarBlocking` only the toolbar; `background` and `hidden` block nothing. A job without a
 * mode is a background job (the default mode of an action).
 */
export function blocks(mode: JobMode | undefined, region: BlockRegion): boolean {
  if (mode === 'foreground') return true;
  if (mode === 'toolbarBlocking') return region === 'toolbar';
  return false;
}

/** Whether `job` blocks `region` right now. */
export function isBlocking(job: Pick<Job, 'mode' | 'status'>, region: BlockRegion): boolean {
  return isActive(job.status) && blocks(job.mode, region);
}

/** Whether the outcome of a finished job still waits for the user to acknowledge it. */
export function needsAcknowledgement(job: Job): boolean {
  return (
    (job.status === 'complete' || job.status === 'failed') &&
    job.outcome?.acknowledge === true &&
    job.outcomeAcknowledgedAt === undefined &&
    job.mode !== 'background' &&
    job.mode !== 'hidden'
  );
}
