import { isTerminal, needsAcknowledgement, type Job } from '../core';

/** How many finished jobs the engine keeps (`MemoryJobsClientOptions.retain`). */
export interface RetainOptions {
  /**
   * The most settled jobs kept: finished (`complete`, `failed`, `canceled`) with no outcome waiting to
   * be acknowledged. Beyond it, the jobs that settled first are dropped. A whole number, 0 or more.
   */
  jobs: number;
}

/** Finished jobs whose outcome waits for no one, in the order they settled. */
export interface Retention {
  /** Records where `job` stands after a change; true when it has just settled. */
  note(job: Job): boolean;
  /** Drops settled jobs beyond the limit, those that settled first first, skipping jobs `keep` holds. */
  prune(keep: (job: Job) => boolean, drop: (job: Job) => void): void;
  clear(): void;
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

export function createRetention(limit: number): Retention {
  /** Insertion order is the order jobs settled in. */
  const settled = new Map<string, Job>();
  return {
    note(job) {
      if (!isSettled(job)) {
        settled.delete(job.id); // retried: running again
        return false;
      }
      if (settled.has(job.id)) return false;
      settled.set(job.id, job);
      return true;
    },
    prune(keep, drop) {
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
    },
    clear() {
      settled.clear();
    },
  };
}
