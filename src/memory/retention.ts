import { isTerminal, needsAcknowledgement, type Job } from '../core';

/** How many finished jobs the engine keeps (`MemoryJobsClientOptions.retain`). */
export interface RetainOptions {
  /**
   * The most settled jobs kept: finished (`complete`, `failed`, `canceled`) with no outcome waiting to
   * be acknowledged. Beyond it, the jobs that settled first are dropped. A whole number, 0 or more.
   */
  jobs: number;
}

/** Finished jobs whose outcome waits for no one, in the order they settled, kept to the limit. */
export interface Retention {
  /**
   * Records where `job` stands after a change. When it has just settled, the jobs beyond the limit are
   * dropped on the next turn (so that the call or event that settled it still answers with it).
   */
  note(job: Job): void;
  /** Forgets every job and drops nothing more. */
  clear(): void;
}

/** What the retention asks of the engine that keeps the jobs. */
export interface RetentionDeps {
  /** Runs `task` on a later turn. */
  later(task: () => void): void;
  /** A job that must stay: another kept job waits on it or names it. */
  keep(job: Job): boolean;
  /** Lets go of a job beyond the limit. */
  drop(job: Job): void;
}

/** A job the engine may forget: it ended, and no one is still asked to acknowledge its outcome. */
export function isSettled(job: Job): boolean {
  return isTerminal(job.status) && !needsAcknowledgement(job);
}

/** Reads `retain` as the client takes it; throws a `RangeError` naming what is wrong. */
export function retainLimit(retain: RetainOptions | undefined): number {
  if (retain === undefined) return Number.POSITIVE_INFINITY;
  const jobs = (retain as { jobs?: unknown } | null)?.jobs;
  if (typeof jobs !== 'number' || !(Number.isSafeInteger(jobs) || jobs === Number.POSITIVE_INFINITY) || jobs < 0) {
    throw new RangeError(`retain.jobs must be a whole number of at least 0 (or Infinity), got ${String(jobs)}`);
  }
  return jobs;
}

export function createRetention(limit: number, { later, keep, drop }: RetentionDeps): Retention {
  /** Insertion order is the order jobs settled in. */
  const settled = new Map<string, Job>();
  let scheduled = false;
  let cleared = false;
  /** Drops settled jobs beyond the limit, those that settled first first, skipping those `keep` holds. */
  const prune = () => {
    scheduled = false;
    if (cleared) return;
    // Dropping a job may free the predecessors it named: go round again while that happens.
    let progress = true;
    while (progress && settled.size > limit) {
      progress = false;
      for (const [id, job] of settled) {
        if (settled.size <= limit) break;
        if (keep(job)) continue;
        settled.delete(id);
        drop(job);
        progress = true;
      }
    }
  };
  return {
    note(job) {
      if (!isSettled(job)) {
        settled.delete(job.id); // retried: running again
        return;
      }
      if (settled.has(job.id)) return;
      settled.set(job.id, job);
      if (scheduled) return;
      scheduled = true;
      later(prune);
    },
    clear() {
      cleared = true;
      settled.clear();
    },
  };
}
