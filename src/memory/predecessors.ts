import type { Job } from '../core';

/** Where a job stands with its `predecessorIds`. */
export type Verdict = { kind: 'ready' } | { kind: 'waiting' } | { kind: 'failed'; info: string };

/** Ready when every predecessor is complete; failed as soon as one failed, was canceled or does not exist. */
export function predecessorVerdict(job: Job, jobs: ReadonlyMap<string, Job>): Verdict {
  let waiting = false;
  for (const id of job.predecessorIds ?? []) {
    const predecessor = jobs.get(id);
    if (predecessor === undefined) return { kind: 'failed', info: `Predecessor ${id} does not exist` };
    if (predecessor.status === 'failed') return { kind: 'failed', info: `Predecessor ${id} failed` };
    if (predecessor.status === 'canceled') return { kind: 'failed', info: `Predecessor ${id} was canceled` };
    if (predecessor.status !== 'complete') waiting = true;
  }
  return waiting ? { kind: 'waiting' } : { kind: 'ready' };
}

/** Which jobs name each job in their `predecessorIds`, so that a job that ends looks only at its own. */
export interface Dependents {
  /** Records the predecessors `job` names. */
  add(job: Job): void;
  /** The ids of jobs that name `jobId`, in the order they were added (a copy). */
  of(jobId: string): string[];
  /** Whether any job still kept names `jobId`. */
  has(jobId: string): boolean;
  /** Forgets `job`, dropped: it no longer holds on to its predecessors. */
  remove(job: Job): void;
  clear(): void;
}

export function createDependents(): Dependents {
  const byPredecessor = new Map<string, Set<string>>();
  return {
    add(job) {
      for (const id of job.predecessorIds ?? []) {
        let set = byPredecessor.get(id);
        if (set === undefined) {
          set = new Set();
          byPredecessor.set(id, set);
        }
        set.add(job.id);
      }
    },
    of: (jobId) => [...(byPredecessor.get(jobId) ?? [])],
    has: (jobId) => (byPredecessor.get(jobId)?.size ?? 0) > 0,
    remove(job) {
      byPredecessor.delete(job.id);
      for (const id of job.predecessorIds ?? []) {
        const set = byPredecessor.get(id);
        set?.delete(job.id);
        if (set?.size === 0) byPredecessor.delete(id);
      }
    },
    clear() {
      byPredecessor.clear();
    },
  };
}
