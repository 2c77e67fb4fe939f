import { jobEventPayload, type Job, type JobEvent, type JobEventContext, type JobEventListener, type JobEventTopic } from '../core';
import type { Clock } from './clock';
import { copyJob, deepClone } from './clone';

export interface EventContextDefaults {
  accountId?: string;
  environmentId?: string;
  spaceId?: string;
  actorId: string;
}

export interface Emitter {
  subscribe(listener: JobEventListener): () => void;
  emit(topic: JobEventTopic, job: Job): void;
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
 * Delivers Flatfile-shaped `job:*` events synchronously, in subscription order. Each listener gets its own
 * copy; a listener that throws is reported on the console and the others still run.
 */
export function createEmitter(clock: Clock, nextId: () => string, defaults: EventContextDefaults): Emitter {
  let entries: Array<{ listener: JobEventListener }> = [];

  return {
    subscribe(listener) {
      const entry = { listener };
      entries = [...entries, entry];
      return () => {
        entries = entries.filter((other) => other !== entry);
      };
    },
    emit(topic, job) {
      const copy = copyJob(job);
      const event: JobEvent = {
        id: nextId(),
        domain: 'job',
        topic,
        payload: jobEventPayload(copy),
        context: contextOf(copy, defaults),
        createdAt: new Date(clock.now()),
        job: copy,
      };
      const current = entries;
      for (const entry of current) {
        if (!entries.includes(entry)) continue; // unsubscribed by an earlier listener
        try {
          entry.listener(deepClone(event));
        } catch (error) {
          console.error(`[jobkit/memory] a listener threw on ${topic}`, error);
        }
      }
    },
    clear() {
      entries = [];
    },
  };
}
