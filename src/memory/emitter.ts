import { jobEventPayload, type Job, type JobEvent, type JobEventContext, type JobEventListener, type JobEventTopic } from '../core';
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
  clear(): void;
}

function freeze(event: JobEvent): void {
  Object.freeze(event.context);
  Object.freeze(event.payload);
  Object.freeze(event);
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

  return {
    subscribe(listener) {
      const entry = { listener };
      entries = [...entries, entry];
      return () => {
        entries = entries.filter((other) => other !== entry);
      };
    },
    emit(topic, job) {
      const event: JobEvent = {
        id: nextId(),
        domain: 'job',
        topic,
        payload: jobEventPayload(job),
        context: contextOf(job, defaults),
        createdAt: new Date(clock.now()),
        job,
      };
      freeze(event);
      const current = entries;
      for (const entry of current) {
        if (!entries.includes(entry)) continue; // unsubscribed by an earlier listener
        try {
          entry.listener(event);
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
