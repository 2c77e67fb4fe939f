import type { Job, JobStatus, UnknownJobStatus } from './job';

/** The `job:*` event topics. */
export const JOB_EVENT_TOPICS = [
  'job:created',
  'job:updated',
  'job:deleted',
  'job:completed',
  'job:ready',
  'job:scheduled',
  'job:outcome-acknowledged',
  'job:parts-completed',
  'job:failed',
] as const;
export type JobEventTopic = (typeof JOB_EVENT_TOPICS)[number];
/** A `job:*` topic the kit does not know yet (a newer server may send one): the job is read again all the same. */
export type UnknownJobEventTopic = `job:${string}` & { readonly __unknownJobEventTopic?: never };

/** The payload Flatfile sends with every job event. */
export interface JobEventPayload {
  domain: string;
  operation: string;
  /** `domain:operation` */
  job: string;
  status: JobStatus | UnknownJobStatus;
  info?: string;
  isPart: boolean;
  input?: Record<string, unknown>;
  /** `job:parts-completed` only. */
  parts?: { total: number; completed: number; failed: number; canceled: number };
}

export interface JobEventContext {
  accountId?: string;
  environmentId?: string;
  spaceId?: string;
  workbookId?: string;
  sheetId?: string;
  jobId: string;
  actorId?: string;
  actionId?: string;
  actionName?: string;
  /** The file the job acts on (an extraction, say). */
  fileId?: string;
  /** The document the job came from. */
  documentId?: string;
  /** The event this one follows, when the server chains them. */
  precedingEventId?: string;
}

/** A `job:*` event, in Flatfile's shape. */
export interface JobEvent {
  id: string;
  domain: 'job';
  topic: JobEventTopic | UnknownJobEventTopic;
  payload: JobEventPayload;
  context: JobEventContext;
  createdAt: Date;
  /**
   * The job as it stood right after the event, when the client has it. Flatfile's events do not carry
   * it (the kit then reads the job); in-process clients do, which saves a request.
   */
  job?: Job;
}

export type JobEventListener = (event: JobEvent) => void;

/** Builds an event's payload from the job it is about. */
export function jobEventPayload(job: Job): JobEventPayload {
  const payload: JobEventPayload = {
    domain: job.type,
    operation: job.operation,
    job: `${job.type}:${job.operation}`,
    status: job.status,
    isPart: job.parentId !== undefined,
  };
  if (job.info !== undefined) payload.info = job.info;
  if (job.input !== undefined) payload.input = job.input;
  return payload;
}
