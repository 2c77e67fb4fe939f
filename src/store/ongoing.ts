import { isTerminal, type Job } from '../core';
import { notifyManager } from './query-core';

/** What never changes about a job: enough to tell what it blocks and what to call it. */
export type JobFacts = Pick<Job, 'id' | 'type' | 'operation' | 'mode' | 'source'>;

const none: readonly JobFacts[] = [];

const factsOf = ({ id, type, operation, mode, source }: Job): JobFacts => ({ id, type, operation, mode, source });

/**
 * The jobs this provider started or acted on, in the two senses the kit needs:
 * - `started`: the user started (or acted on) it here, so its outcome is theirs, until the cache holds it
 *   no more once it ended with nothing left for the user (`forget`): a console open all day keeps no id
 *   of every job it ever started;
 * - ongoing: such a job not yet seen to end. It is polled even when nothing on screen shows it, and it
 *   counts as running on its source (disabling its action, blocking its region) whatever any list says,
 *   from the moment the client answered until the kit sees it end or vanish.
 *
 * What it answers is current at once; its listeners are told once per burst of changes, with react-query's
 * notifications (a later task, with the cache writes of the batch that made the first change). A host
 * creating 500 jobs in one task makes one render of the views that follow it, not one synchronous update
 * per job, which React counts as nested and stops with "Maximum update depth exceeded".
 */
export class StartedJobs {
  private readonly started = new Set<string>();
  private readonly ongoing = new Map<string, JobFacts>();
  private readonly bySource = new Map<string, readonly JobFacts[]>();
  private readonly listeners = new Set<() => void>();
  private told = true;

  /** The user started or acted on `job` through this provider. */
  add(job: Job): void {
    this.started.add(job.id);
    if (isTerminal(job.status) || this.ongoing.has(job.id)) return;
    this.ongoing.set(job.id, factsOf(job));
    this.changed(job.source);
  }

  has(jobId: string): boolean {
    return this.started.has(jobId);
  }

  /** A version of a job was written: one that ended stops being ongoing. */
  seen(job: Job): void {
    if (isTerminal(job.status)) this.end(job.id);
  }

  /** The cache holds the job no more, ended with nothing left for the user: it is no longer counted. */
  forget(jobId: string): void {
    if (!this.ongoing.has(jobId)) this.started.delete(jobId);
  }

  /** The job ended, or is gone. */
  end(jobId: string): void {
    const facts = this.ongoing.get(jobId);
    if (facts === undefined) return;
    this.ongoing.delete(jobId);
    this.changed(facts.source);
  }

  /** Ids of the ongoing jobs (polled while active). */
  ids(): IterableIterator<string> {
    return this.ongoing.keys();
  }

  /** The ongoing jobs on `source`, oldest first; the same array until that changes. */
  on(source: string): readonly JobFacts[] {
    return this.bySource.get(source) ?? none;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(source: string): void {
    const jobs = [...this.ongoing.values()].filter((job) => job.source === source);
    if (jobs.length === 0) this.bySource.delete(source);
    else this.bySource.set(source, jobs);
    // No one to tell (a store no view follows yet): nothing is scheduled; a view reads `on` when it mounts.
    if (!this.told || this.listeners.size === 0) return;
    this.told = false;
    notifyManager.schedule(() => {
      this.told = true;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
