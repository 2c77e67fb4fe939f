import { notifyManager } from '@tanstack/react-query';
import type { Job, JobEvent } from '../core';
import { SlicedQueue } from './sliced-queue';

/** Where pushed events go. */
export interface PushTarget {
  /** Reads a pushed job and writes it; undefined when it was malformed. */
  accept(value: unknown): Job | undefined;
  /** A deleted job: out of every list. */
  forget(jobId: string): void;
  /** Hands an event to the kit's listeners. */
  emit(event: JobEvent): void;
  /** A read that followed an event failed. */
  recordError(jobId: string, error: unknown): void;
  /** Reads one job. */
  read(jobId: string): Promise<unknown>;
}

/**
 * The events a client pushes. They are applied as they arrive until the task handing them over has
 * spent 1 ms on them; the rest wait, in order, for the next tasks, 4 ms each (`SlicedQueue`): a backend
 * that pushes 10,000 ticks at once gets them applied over a few frames instead of one long task. An
 * event that carries its job writes it; one without (Flatfile's) is followed by one read per job,
 * however many arrive at once, and reaches the listeners after that read.
 */
export class PushedEvents {
  private readonly inbox = new SlicedQueue<JobEvent>((event) => this.apply(event), notifyManager.batch);
  private readonly pendingReads = new Set<string>();
  private pendingRead: Promise<void> | undefined;
  private open = false;

  constructor(private readonly target: PushTarget) {}

  start(): void {
    this.open = true;
  }

  /** Drops what waits; reads in flight are not applied. */
  stop(): void {
    this.open = false;
    this.inbox.clear();
  }

  receive(event: JobEvent): void {
    if (this.open) this.inbox.push(event);
  }

  /** Applies one event; one that fails is reported and the next ones still apply. */
  private apply(event: JobEvent): void {
    try {
      this.applyEvent(event);
    } catch (error) {
      console.error('[jobkit] a pushed event could not be applied', error);
    }
  }

  private applyEvent(event: JobEvent): void {
    const { target } = this;
    if (event.job !== undefined) {
      const job = target.accept(event.job);
      target.emit(job === undefined ? event : { ...event, job });
      return;
    }
    if (event.topic === 'job:deleted') {
      target.forget(event.context.jobId);
      target.emit(event);
      return;
    }
    this.pendingReads.add(event.context.jobId);
    this.pendingRead ??= this.readPending();
    void this.pendingRead.then(() => target.emit(event));
  }

  private async readPending(): Promise<void> {
    await Promise.resolve();
    const ids = [...this.pendingReads];
    this.pendingReads.clear();
    this.pendingRead = undefined;
    const results = await Promise.allSettled(ids.map((id) => this.target.read(id)));
    if (!this.open) return;
    notifyManager.batch(() => {
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') this.target.accept(result.value);
        else this.target.recordError(ids[i] as string, result.reason);
      });
    });
  }
}
