import { type Job, type JobEvent, type JobEventTopic, jobEventPayload } from '../core';

/**
 * What caused a write: a list page read (`load`), a job read on its own (`read`), a job this provider
 * created or acted on (`create`, `mutation`), a poll or a pushed event.
 */
export type WriteCause = 'load' | 'read' | 'create' | 'mutation' | 'poll' | 'push';

/**
 * The topic a client that pushes nothing would have sent for the change from `prev` to `next`:
 * `job:created` for a job created here, the status's own topic when the status changed, otherwise
 * `job:outcome-acknowledged` or `job:updated`. Nothing for a first read of a job or for no change.
 */
export function derivedTopic(prev: Job | undefined, next: Job, cause: WriteCause): JobEventTopic | undefined {
  if (cause === 'create') return 'job:created';
  if (prev === undefined || prev === next) return undefined;
  if (prev.status !== next.status) return topicForStatus(next.status);
  if (prev.outcomeAcknowledgedAt === undefined && next.outcomeAcknowledgedAt !== undefined) {
    return 'job:outcome-acknowledged';
  }
  return 'job:updated';
}

function topicForStatus(status: Job['status']): JobEventTopic {
  switch (status) {
    case 'ready':
      return 'job:ready';
    case 'scheduled':
      return 'job:scheduled';
    case 'complete':
      return 'job:completed';
    case 'failed':
      return 'job:failed';
    default:
      return 'job:updated';
  }
}

/** An event in Flatfile's shape for a change the kit saw itself. */
export function derivedEvent(topic: JobEventTopic, job: Job, sequence: number): JobEvent {
  const context: JobEvent['context'] = { jobId: job.id };
  if (job.spaceId !== undefined) context.spaceId = job.spaceId;
  if (job.environmentId !== undefined) context.environmentId = job.environmentId;
  if (job.createdBy !== undefined) context.actorId = job.createdBy;
  return {
    id: `jobkit-${sequence}`,
    domain: 'job',
    topic,
    payload: jobEventPayload(job),
    context,
    createdAt: new Date(),
    job,
  };
}
