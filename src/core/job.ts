import type { JobOutcome } from './outcome';

/** The nine statuses of Flatfile's API, in lifecycle order. */
export const JOB_STATUSES = [
  'created',
  'planning',
  'scheduled',
  'ready',
  'executing',
  'complete',
  'failed',
  'canceled',
  'waiting',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** How the UI presents a job. `hidden` jobs are never shown. */
export const JOB_MODES = ['foreground', 'background', 'toolbarBlocking', 'hidden'] as const;
export type JobMode = (typeof JOB_MODES)[number];

/** The job's domain: the first half of its `domain:operation` name. */
export const JOB_TYPES = [
  'file',
  'workbook',
  'sheet',
  'space',
  'document',
  'app',
  'agent',
  'autobuild',
  'onboarding',
] as const;
export type JobType = (typeof JOB_TYPES)[number];

export type JobTrigger = 'manual' | 'immediate';
export type JobPartExecution = 'sequential' | 'parallel';

/** A date as a server may send it: a `Date` (SDKs) or an ISO string (JSON). */
export type DateInput = Date | string;

export interface ResourceJobSubject {
  type: 'resource';
  id: string;
}

/** The query part of a collection subject, built from a sheet's current view. */
export interface CollectionJobSubjectQuery {
  /** `valid`, `error`, `all` or `none`. */
  filter?: string;
  filterField?: string;
  searchField?: string;
  searchValue?: string;
  /** An FFQL query. */
  q?: string;
  /** Records to include when no filter is active; to exclude when one is. */
  ids?: string[];
  [key: string]: unknown;
}

export interface CollectionJobSubject {
  type: 'collection';
  resource: string;
  params?: Record<string, unknown>;
  query?: CollectionJobSubjectQuery;
}

export type JobSubject = ResourceJobSubject | CollectionJobSubject;

/** What a caller sends to create a job (`POST /jobs`). */
export interface JobConfig {
  type: JobType;
  operation: string;
  source: string;
  destination?: string;
  /** Per-type config: Flatfile's `JobUpdateConfig`, a union of interfaces (export, delete records, mutate...). */
  config?: object;
  trigger?: JobTrigger;
  status?: JobStatus;
  progress?: number;
  fileId?: string;
  mode?: JobMode;
  input?: Record<string, unknown>;
  subject?: JobSubject;
  outcome?: Record<string, unknown>;
  info?: string;
  managed?: boolean;
  environmentId?: string;
  part?: number;
  partData?: Record<string, unknown>;
  partExecution?: JobPartExecution;
  parentId?: string;
  predecessorIds?: string[];
  metadata?: Record<string, unknown>;
}

/**
 * A job as the kit holds it, after `normalizeJob`: dates are `Date`s, progress is a number in 0..100,
 * `cancelled` reads as `canceled`. A status the kit does not know is kept as sent (see `isKnownStatus`).
 */
export interface Job extends Omit<JobConfig, 'status' | 'outcome'> {
  id: string;
  status: JobStatus | UnknownJobStatus;
  /** Written on complete or fail; fields beyond `JobOutcome`'s are kept as sent. */
  outcome?: JobOutcome;
  result?: Record<string, unknown>;
  spaceId?: string;
  createdBy?: string;
  createdAt?: Date;
  updatedAt?: Date;
  startedAt?: Date;
  finishedAt?: Date;
  outcomeAcknowledgedAt?: Date;
  /**
   * When the server expects the job to finish. Flatfile sends it with `ack`, not on the typed job;
   * the kit reads it as an optional extra.
   */
  estimatedCompletionAt?: Date;
}

/** A status string outside the nine the kit knows, kept so it can be shown and reported. */
export type UnknownJobStatus = string & { readonly __unknownJobStatus?: never };

/** What a job handler or an API call reports while a job runs (`POST /jobs/{id}/ack`). */
export interface JobAckDetails {
  info?: string;
  progress?: number;
  estimatedCompletionAt?: DateInput;
}

/** What finishes a job (`POST /jobs/{id}/complete` or `/fail`). */
export interface JobCompleteDetails {
  outcome?: JobOutcome;
  info?: string;
}
