import {
  jobEventPayload,
  type Job,
  type JobEvent,
  type JobEventContext,
  type JobEventListener,
  type JobEventTopic,
} from '../core';
import type { Clock } from './clock';

export interface EventContextDefaults {
  accountId?: string;
  environmentId?: string;
  spaceId?: string;
  actorId: string;
}

export interface Emitter {
  subscribe(listener: JobEventListener): () => void;
  emit(topic: JobEventTopic, job: Job): void;
  /** Sends `job:deleted` for a job the engine let go (no `job`: there is none any more) and forgets it. */
  deleted(job: Job): void;
  clear(): void;
}

function contextOf(job: Job, defaults: EventContextDefaults): JobEventContext {
  const context: JobEventContext = { jobId: job.id, actorId: defaults.actorId };
  if (defaults.accountId !== undefined) context.accountId = defaults.accountId;
  const environmentId = job.environmentId ?? defaults.environmentId;
  if (environmentId !== undefined) context.environmentId = environmentId;
  const spaceId = job.spaceId ?? defaults.spaceId;
  if (spaceId !== undefined) context.spaceId = spaceId;
  return context;
}

/**
 * Delivers Flatfile-shaped `job:*` events synchronously, in subscription order. `job` is the engine's
 * published (frozen) copy; every listener gets the same frozen event, so none can change what another
 * sees. A listener that throws is reported on the console and the others still run.
 */
export function createEmitter(clock: Clock, nextId: () => string, defaults: EventContextDefaults): Emitter {
  let entries: Array<{ listener: JobEventListener }> = [];
  // A job's context never changes (its space and environment are set when it is created), so each job's
  // frozen context is built once and shared by all of its events: a job ticking at 10 Hz makes no new one.
  const contexts = new Map<string, JobEventContext>();
  const contextFor = (job: Job): JobEventContext => {
    let context = contexts.get(job.id);
    if (context === undefined) {
      context = Object.freeze(contextOf(job, defaults));
      contexts.set(job.id, context);
    }
    return context;
  };

  /** Builds one frozen event and hands it to every listener. */
  function deliver(topic: JobEventTopic, job: Job, withJob: boolean): void {
    const event: JobEvent = {
      id: nextId(),
      domain: 'job',
      topic,
      payload: jobEventPayload(job),
      context: contextFor(job),
      createdAt: new Date(clock.now()),
    };
    if (withJob) event.job = job;
    Object.freeze(event.payload);
    Object.freeze(event);
    const current = entries;
    for (const entry of current) {
      if (!entries.includes(entry)) continue; // unsubscribed by an earlier listener
      try {
        entry.listener(event);
      } catch (error) {
        console.error(`[jobkit/memory] a listener threw on ${topic}`, error);
      }
    }
  }

  return {
    subscribe(listener) {
      const entry = { listener };
      entries = [...entries, entry];
      return () => {
        entries = entries.filter((other) => other !== entry);
      };
    },
    emit(topic, job) {
      deliver(topic, job, true);
    },
    deleted(job) {
      deliver('job:deleted', job, false);
      contexts.delete(job.id);
    },
    clear() {
      entries = [];
      contexts.clear();
    },
  };
}
