import type { Job, JobEvent, JobEventTopic } from '../core';

/** How many told changes are remembered; past that the oldest are forgotten (their events are long due). */
const LIMIT = 256;

const versionOf = (job: Job) => job.updatedAt?.getTime() ?? 0;

/**
 * For a client that pushes events, the changes a reconciliation read found first and told (as the event
 * the kit derived for it): when the pushed event for the same change arrives after all (late, not lost),
 * it is not told a second time. A change is a topic about one version of a job (its `updatedAt`).
 */
export class ReconciledChanges {
  private readonly told = new Map<string, { topic: JobEventTopic; version: number }>();

  /** A re-read found `job` changed and the kit told `topic` for it. */
  tell(topic: JobEventTopic, job: Job): void {
    this.told.delete(job.id);
    this.told.set(job.id, { topic, version: versionOf(job) });
    if (this.told.size > LIMIT) this.told.delete(this.told.keys().next().value as string);
  }

  /** Whether a pushed `event`, about the version `job` the store kept, was told already by a re-read. */
  toldAlready(event: JobEvent, job: Job): boolean {
    const told = this.told.get(job.id);
    if (told === undefined || told.topic !== event.topic || told.version !== versionOf(job)) return false;
    this.told.delete(job.id);
    return true;
  }

  clear(): void {
    this.told.clear();
  }
}
