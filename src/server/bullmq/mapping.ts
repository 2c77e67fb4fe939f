import { toDate, toProgress, type Job, type JobConfig, type JobOutcome, type JobStatus } from '../../core';

/** What the kit stores in a BullMQ job's `data`. */
export interface StoredJob {
  config: JobConfig;
  createdBy: string;
  canceledAt?: string;
  outcomeAcknowledgedAt?: string;
  /** The outcome a handler chose when it failed (`JobFailure`). */
  failure?: JobOutcome;
}

/** What a worker reports with `job.updateProgress`. */
export interface StoredProgress {
  progress?: number;
  info?: string;
  estimatedCompletionAt?: string;
}

/** What a worker returns (the BullMQ return value). */
export interface StoredResult {
  outcome?: JobOutcome;
  info?: string;
}

/** The fields of a BullMQ job the mapping reads (a `Job` of bullmq has them all). */
export interface BullJobLike {
  id?: string | undefined;
  name: string;
  data: StoredJob;
  progress: unknown;
  returnvalue: unknown;
  failedReason?: string | undefined;
  timestamp: number;
  processedOn?: number | undefined;
  finishedOn?: number | undefined;
}

/** BullMQ's job states, as `getState` and `getJobs` name them. */
export type BullState =
  | 'waiting'
  | 'delayed'
  | 'prioritized'
  | 'waiting-children'
  | 'active'
  | 'completed'
  | 'failed'
  | 'paused'
  | 'unknown';

/** BullMQ state → the kit's status (a job whose cancel was asked reads `canceled` unless it completed first). */
export const STATUS_OF_STATE: Record<BullState, JobStatus> = {
  waiting: 'ready',
  paused: 'ready',
  prioritized: 'ready',
  delayed: 'scheduled',
  'waiting-children': 'waiting',
  active: 'executing',
  completed: 'complete',
  failed: 'failed',
  unknown: 'created',
};

/** The BullMQ states to read for a status filter; each kit status maps back to the states that show it. */
export function statesFor(statuses: readonly JobStatus[] | undefined): BullState[] {
  const all: BullState[] = [
    'waiting',
    'paused',
    'prioritized',
    'delayed',
    'waiting-children',
    'active',
    'completed',
    'failed',
  ];
  if (statuses === undefined) return all;
  // A canceled job sits in any state until its worker lets go; read every unfinished one for it.
  if (statuses.includes('canceled')) return all;
  return all.filter((state) => statuses.includes(STATUS_OF_STATE[state]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A BullMQ job in the kit's shape (what `normalizeJob` reads), given its state. */
export function toKitJob(bull: BullJobLike, state: BullState): Job {
  const { config, createdBy, canceledAt, outcomeAcknowledgedAt, failure } = bull.data;
  let status: JobStatus = STATUS_OF_STATE[state];
  if (canceledAt !== undefined && status !== 'complete') status = 'canceled';
  const job: Job = { ...config, id: String(bull.id), status, createdBy, createdAt: new Date(bull.timestamp) };
  delete (job as { trigger?: unknown }).trigger;
  const progress = bull.progress;
  if (typeof progress === 'number') job.progress = toProgress(progress) ?? 0;
  else if (isRecord(progress)) {
    const value = toProgress(progress.progress);
    if (value !== undefined) job.progress = value;
    if (typeof progress.info === 'string') job.info = progress.info;
    const eta = toDate(progress.estimatedCompletionAt);
    if (eta !== undefined && status === 'executing') job.estimatedCompletionAt = eta;
  }
  if (bull.processedOn !== undefined && bull.processedOn !== null) job.startedAt = new Date(bull.processedOn);
  const finished = bull.finishedOn ?? (canceledAt === undefined ? undefined : Date.parse(canceledAt));
  if (status === 'complete') {
    const result = isRecord(bull.returnvalue) ? (bull.returnvalue as StoredResult) : {};
    job.progress = 100;
    job.outcome = isRecord(result.outcome) ? result.outcome : { message: 'Job complete' };
    if (typeof result.info === 'string') job.info = result.info;
  } else if (status === 'failed') {
    const message = bull.failedReason ?? 'Job failed';
    job.info = message;
    job.outcome = failure ?? { acknowledge: true, message };
  } else if (status === 'canceled') {
    job.info = 'Canceled';
  }
  if ((status === 'complete' || status === 'failed' || status === 'canceled') && finished !== undefined) {
    job.finishedAt = new Date(finished);
  }
  const acknowledged = toDate(outcomeAcknowledgedAt);
  if (acknowledged !== undefined) job.outcomeAcknowledgedAt = acknowledged;
  job.updatedAt = new Date(
    Math.max(bull.timestamp, bull.processedOn ?? 0, job.finishedAt?.getTime() ?? 0, acknowledged?.getTime() ?? 0),
  );
  return job;
}
