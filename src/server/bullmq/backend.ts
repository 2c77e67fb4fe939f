import {
  compareJobs,
  isCancelable,
  isTerminal,
  jobEventPayload,
  JobsClientError,
  matchesFilter,
  type Job,
  type JobEvent,
  type JobEventListener,
  type JobEventTopic,
  type JobStatus,
} from '../../core';
import type { JobsBackend } from '../backend';
import type { BullmqConnection } from './connection';
import { loadBullmq, type BullModule } from './load';
import { statesFor, toKitJob, type BullJobLike, type BullState, type StoredJob } from './mapping';

export interface BullmqBackendOptions {
  /** Redis connection options (`{ host, port }`), as BullMQ takes them. */
  connection: BullmqConnection;
  /** The queue of each operation, keyed `domain:operation` (several may share a queue). Others are refused. */
  queues: Record<string, string>;
  /** BullMQ's key prefix. Default `bull`. */
  prefix?: string;
  /** Called with errors of the event listeners (Redis gone, a job removed meanwhile). Default: ignored. */
  onError?: (error: unknown) => void;
}

/** The custom events this backend publishes on a queue's event stream; workers act on `jobkit:cancel`. */
export const CANCEL_EVENT = 'jobkit:cancel';
export const ACKNOWLEDGE_EVENT = 'jobkit:acknowledge';

type BullJob = import('bullmq').Job;

interface Connected {
  bull: BullModule;
  queues: Map<string, import('bullmq').Queue>;
  events: Array<import('bullmq').QueueEvents>;
  producers: Map<string, import('bullmq').QueueEventsProducer>;
}

function conflict(message: string): JobsClientError {
  return new JobsClientError('conflict', message, { status: 409 });
}

function topicOf(status: JobStatus | string, fallback: JobEventTopic): JobEventTopic {
  if (status === 'complete') return 'job:completed';
  if (status === 'failed') return 'job:failed';
  return fallback;
}

/**
 * Jobs on BullMQ (Redis): one BullMQ job per kit job, named `domain:operation`, run by `startBullmqWorker`
 * in any number of processes. States map to the kit's statuses (see the README's table), progress and info
 * come from `job.updateProgress`, the outcome from the return value; cancel, retry and acknowledgement are
 * stored with the job, and every queue's `QueueEvents` becomes `job:*` events.
 */
export function bullmqBackend(options: BullmqBackendOptions): JobsBackend {
  const { connection, prefix } = options;
  const onError = options.onError ?? (() => {});
  const names = [...new Set(Object.values(options.queues))];
  const listeners = new Set<{ listener: JobEventListener }>();
  const pending = new Map<string, Promise<void>>();
  let closed = false;
  let eventCount = 0;

  const connecting: Promise<Connected> = (async () => {
    const bull = await loadBullmq();
    const base = (prefix === undefined ? { connection } : { connection, prefix }) as {
      connection: import('bullmq').ConnectionOptions;
    };
    const queues = new Map(names.map((name) => [name, new bull.Queue(name, base)] as const));
    const producers = new Map(names.map((name) => [name, new bull.QueueEventsProducer(name, base)] as const));
    const events = names.map((name) => {
      const queueEvents = new bull.QueueEvents(name, base);
      const on = (event: string, topic: JobEventTopic) =>
        queueEvents.on(event as 'added', (args: { jobId: string }) => announce(name, args.jobId, topic));
      on('added', 'job:created');
      on('waiting', 'job:updated');
      on('active', 'job:updated');
      on('progress', 'job:updated');
      on('delayed', 'job:scheduled');
      on('stalled', 'job:updated');
      on('completed', 'job:completed');
      on('failed', 'job:failed');
      on(CANCEL_EVENT, 'job:updated');
      on(ACKNOWLEDGE_EVENT, 'job:outcome-acknowledged');
      queueEvents.on('error', onError);
      return queueEvents;
    });
    await Promise.all(events.map((queueEvents) => queueEvents.waitUntilReady()));
    return { bull, queues, events, producers };
  })();
  connecting.catch(onError);

  async function snapshot(job: BullJob): Promise<Job> {
    const state = (await job.getState()) as BullState;
    return toKitJob(job as unknown as BullJobLike, state);
  }

  /** Reads the job and tells listeners; events of one job are told in the order they came. */
  function announce(queueName: string, jobId: string, topic: JobEventTopic): void {
    if (listeners.size === 0 || closed) return;
    const previous = pending.get(jobId) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        const { queues } = await connecting;
        const bullJob = await queues.get(queueName)?.getJob(jobId);
        if (bullJob === undefined || closed) return;
        const job = await snapshot(bullJob);
        eventCount += 1;
        const event: JobEvent = {
          id: `${queueName}-${jobId}-${eventCount}`,
          domain: 'job',
          topic: topic === 'job:created' || topic === 'job:outcome-acknowledged' ? topic : topicOf(job.status, topic),
          payload: jobEventPayload(job),
          context: { jobId: job.id, ...(job.createdBy === undefined ? {} : { actorId: job.createdBy }) },
          createdAt: new Date(),
          job,
        };
        for (const entry of [...listeners]) entry.listener(event);
      } catch (error) {
        onError(error);
      }
    });
    pending.set(jobId, next);
    void next.then(() => {
      if (pending.get(jobId) === next) pending.delete(jobId);
    });
  }

  async function find(jobId: string): Promise<{ queueName: string; job: BullJob }> {
    const { queues } = await connecting;
    for (const [queueName, queue] of queues) {
      const job = await queue.getJob(jobId);
      if (job !== undefined && job !== null) return { queueName, job: job as BullJob };
    }
    throw new JobsClientError('not-found', `There is no job ${jobId}`, { status: 404 });
  }

  async function publish(queueName: string, eventName: string, jobId: string): Promise<void> {
    const { producers } = await connecting;
    await producers.get(queueName)?.publishEvent({ eventName, jobId });
  }

  return {
    async list(filter, visible) {
      const { queues } = await connecting;
      const statuses =
        filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
      const states = statesFor(statuses as JobStatus[] | undefined);
      const seen = new Set<string>();
      const matching: Job[] = [];
      for (const queue of queues.values()) {
        for (const state of states) {
          for (const bullJob of await queue.getJobs([state as import('bullmq').JobType], 0, -1)) {
            if (bullJob === undefined || bullJob === null || seen.has(String(bullJob.id))) continue;
            seen.add(String(bullJob.id));
            const job = toKitJob(bullJob as unknown as BullJobLike, state);
            if (matchesFilter(job, filter) && visible(job)) matching.push(job);
          }
        }
      }
      matching.sort(compareJobs(filter));
      const pageSize = filter.pageSize ?? 20;
      const pageNumber = filter.pageNumber ?? 1;
      const offset = (pageNumber - 1) * pageSize;
      return {
        data: matching.slice(offset, offset + pageSize),
        pagination: {
          currentPage: pageNumber,
          pageCount: Math.max(1, Math.ceil(matching.length / pageSize)),
          totalCount: matching.length,
        },
      };
    },
    async get(jobId) {
      return snapshot((await find(jobId)).job);
    },
    async create(config, createdBy) {
      const key = `${config.type}:${config.operation}`;
      const queueName = options.queues[key];
      if (queueName === undefined)
        throw new JobsClientError('invalid', `${key} is not an operation this server runs`, { status: 400 });
      const { queues } = await connecting;
      const data: StoredJob = { config, createdBy };
      const jobId = `jk_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
      const job = await queues.get(queueName)?.add(key, data, { jobId, attempts: 1 });
      if (job === undefined) throw new JobsClientError('server', `No queue ${queueName}`);
      return toKitJob(job as unknown as BullJobLike, 'waiting');
    },
    async cancel(jobId) {
      const { queueName, job } = await find(jobId);
      const current = await snapshot(job);
      if (!isCancelable(current.status))
        throw conflict(`Job ${jobId} is ${current.status} and can no longer be canceled`);
      await job.updateData({ ...(job.data as StoredJob), canceledAt: new Date().toISOString() });
      await publish(queueName, CANCEL_EVENT, jobId);
      return snapshot(job);
    },
    async retry(jobId) {
      const { job } = await find(jobId);
      const current = await snapshot(job);
      if (current.status !== 'failed')
        throw conflict(`Job ${jobId} is ${current.status}: only failed jobs can be retried`);
      const { outcomeAcknowledgedAt: _ack, failure: _failure, ...data } = job.data as StoredJob;
      await job.updateData(data);
      await job.retry('failed');
      return snapshot(job);
    },
    async acknowledgeOutcome(jobId) {
      const { queueName, job } = await find(jobId);
      const current = await snapshot(job);
      if (!isTerminal(current.status)) throw conflict(`Job ${jobId} is ${current.status}: it has no outcome yet`);
      await job.updateData({ ...(job.data as StoredJob), outcomeAcknowledgedAt: new Date().toISOString() });
      await publish(queueName, ACKNOWLEDGE_EVENT, jobId);
      return snapshot(job);
    },
    subscribe(listener) {
      const entry = { listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    accepts: (key) => Object.hasOwn(options.queues, key),
    async close() {
      if (closed) return;
      closed = true;
      const connected = await connecting.catch(() => undefined);
      if (connected === undefined) return;
      const { queues, events, producers } = connected;
      await Promise.all([...events, ...producers.values(), ...queues.values()].map((item) => item.close()));
    },
  };
}
