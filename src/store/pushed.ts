import type { JobEvent, JobsClient } from '../core';
import { SlicedQueue } from './sliced-queue';

/** Where pushed events and polls go: the store's inbound pipeline. */
export interface Inbound {
  /** A job pushed, polled or read after its events: normalized, written, then `events` reach the listeners. */
  ingest(value: unknown, cause: 'push' | 'poll', events?: readonly JobEvent[]): void;
  /** A deleted job: out of every list, then the event reaches the listeners. */
  forget(jobId: string, event: JobEvent): void;
  /** The read that followed `events` failed: the error goes on the job, the events still reach the listeners. */
  failed(jobId: string, error: unknown, events: readonly JobEvent[]): void;
  /** Runs several of the above as one batch (each list changes once, then the events are told). */
  batch(run: () => void): void;
}

/**
 * The events a client pushes, handed to the pipeline in order. They are applied as they arrive until
 * the task handing them over has spent 1 ms on them; the rest wait for the next tasks, 4 ms each
 * (`SlicedQueue`): a backend that pushes 10,000 ticks at once gets them applied over a few frames
 * instead of one long task. An event that carries its job is ingested with it; one without (Flatfile's)
 * is followed by one read per job, however many events arrive for it at once.
 */
export class PushedEvents {
  private readonly inbox = new SlicedQueue<JobEvent>(
    (event) => this.apply(event),
    (run) => this.inbound.batch(run),
  );
  /** Events waiting for their job to be read, by job id. */
  private readonly waiting = new Map<string, JobEvent[]>();
  private reading: Promise<void> | undefined;
  private open = false;

  constructor(
    private readonly client: JobsClient,
    private readonly inbound: Inbound,
  ) {}

  start(): void {
    this.open = true;
  }

  /** Drops what waits; reads in flight are not applied. */
  stop(): void {
    this.open = false;
    this.inbox.clear();
    this.waiting.clear();
  }

  receive(event: JobEvent): void {
    if (this.open) this.inbox.push(event);
  }

  /** Applies one event; one that fails is reported and the next ones still apply. */
  private apply(event: JobEvent): void {
    try {
      if (event.job !== undefined) this.inbound.ingest(event.job, 'push', [event]);
      else if (event.topic === 'job:deleted') this.inbound.forget(event.context.jobId, event);
      else this.readAfter(event);
    } catch (error) {
      console.error('[jobkit] a pushed event could not be applied', error);
    }
  }

  private readAfter(event: JobEvent): void {
    const id = event.context.jobId;
    const events = this.waiting.get(id);
    if (events === undefined) this.waiting.set(id, [event]);
    else events.push(event);
    this.reading ??= this.readWaiting();
  }

  /** One read per job whose events arrived in this task, applied as one batch. */
  private async readWaiting(): Promise<void> {
    await Promise.resolve();
    const batch = [...this.waiting];
    this.waiting.clear();
    this.reading = undefined;
    const results = await Promise.allSettled(batch.map(([id]) => this.client.get(id)));
    if (!this.open) return;
    this.inbound.batch(() => {
      results.forEach((result, i) => {
        const [id, events] = batch[i] as [string, JobEvent[]];
        try {
          if (result.status === 'fulfilled') this.inbound.ingest(result.value, 'push', events);
          else this.inbound.failed(id, result.reason, events);
        } catch (error) {
          console.error('[jobkit] a pushed event could not be applied', error);
        }
      });
    });
  }
}
