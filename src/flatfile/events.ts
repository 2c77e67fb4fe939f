import { devWarn, type JobEvent, type JobEventContext, type JobEventPayload, normalizeJob, toDate } from '../core';
import { isPlain, type Plain } from './read';

const contextKeys = [
  'accountId',
  'environmentId',
  'spaceId',
  'workbookId',
  'sheetId',
  'actorId',
  'actionId',
  'actionName',
  'fileId',
  'documentId',
  'precedingEventId',
] as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readStatus(value: unknown): JobEventPayload['status'] {
  const status = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (status === 'cancelled') return 'canceled';
  return status === '' ? 'unknown' : status;
}

function readParts(value: unknown): JobEventPayload['parts'] | undefined {
  if (!isPlain(value)) return undefined;
  const { total, completed, failed, canceled } = value;
  const counts = [total, completed, failed, canceled];
  if (!counts.every((count) => typeof count === 'number')) return undefined;
  return {
    total: total as number,
    completed: completed as number,
    failed: failed as number,
    canceled: canceled as number,
  };
}

function readPayload(raw: Plain): JobEventPayload {
  const name = text(raw.job) ?? '';
  const split = name.indexOf(':');
  const domain = text(raw.domain) ?? (split > 0 ? name.slice(0, split) : '');
  const operation = text(raw.operation) ?? (split > 0 ? name.slice(split + 1) : '');
  const payload: JobEventPayload = {
    domain,
    operation,
    job: name !== '' ? name : `${domain}:${operation}`,
    status: readStatus(raw.status),
    isPart: raw.isPart === true,
  };
  const info = text(raw.info);
  if (info !== undefined) payload.info = info;
  if (isPlain(raw.input)) payload.input = raw.input;
  const parts = readParts(raw.parts);
  if (parts !== undefined) payload.parts = parts;
  return payload;
}

function readContext(raw: Plain, jobId: string): JobEventContext {
  const context: JobEventContext = { jobId };
  for (const key of contextKeys) {
    const value = text(raw[key]);
    if (value !== undefined) context[key] = value;
  }
  return context;
}

/**
 * A Flatfile event as a `JobEvent`, or undefined when it is no `job:*` event or cannot be one (no id,
 * no job id, no date: left out with a development warning). Flatfile's events do not carry the job, so
 * the kit reads it; a `job` object on the event (a proxy may add one) is passed on when it is well formed.
 */
export function toJobEvent(raw: unknown): JobEvent | undefined {
  // Any `job:*` topic, known or not: the kit reads the job again for each.
  if (!isPlain(raw) || typeof raw.topic !== 'string' || !raw.topic.startsWith('job:')) return undefined;
  const context = isPlain(raw.context) ? raw.context : {};
  const jobId = text(context.jobId);
  const createdAt = toDate(raw.createdAt);
  if (typeof raw.id !== 'string' || jobId === undefined || createdAt === undefined) {
    const missing = typeof raw.id !== 'string' ? 'id' : jobId === undefined ? 'context.jobId' : 'createdAt';
    devWarn(`a ${raw.topic} event was left out: ${missing} is missing or malformed`, raw);
    return undefined;
  }
  const event: JobEvent = {
    id: raw.id,
    domain: 'job',
    topic: raw.topic as JobEvent['topic'],
    payload: readPayload(isPlain(raw.payload) ? raw.payload : {}),
    context: readContext(context, jobId),
    createdAt,
  };
  if (isPlain(raw.job)) {
    try {
      const job = normalizeJob(raw.job);
      if (job.id === jobId) event.job = job;
    } catch {
      // not a job after all: the kit reads it instead
    }
  }
  return event;
}
