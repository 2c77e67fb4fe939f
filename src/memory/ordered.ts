import { compareJobs, type Job } from '../core';

/** The jobs oldest first (by `createdAt`, then id), as lists order them: a list filters, it never sorts. */
export interface OrderedJobs {
  readonly all: readonly Job[];
  /** Adds seeds unsorted; `sort` once after them. */
  push(job: Job): void;
  sort(): void;
  /** Adds one job in its place (a binary search: creating 10,000 jobs sorts nothing). */
  insert(job: Job): void;
  remove(job: Job): void;
  clear(): void;
}

export function createOrderedJobs(): OrderedJobs {
  const ordered: Job[] = [];
  const oldestFirst = compareJobs({ sortDirection: 'asc' });
  /** The first index whose job does not come before `job` (`orEqual`: not after it). */
  function search(job: Job, orEqual: boolean): number {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = oldestFirst(ordered[middle] as Job, job);
      if (order < 0 || (orEqual && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
  return {
    all: ordered,
    push: (job) => ordered.push(job),
    sort: () => ordered.sort(oldestFirst),
    insert: (job) => ordered.splice(search(job, true), 0, job),
    remove(job) {
      for (let i = search(job, false); i < ordered.length; i += 1) {
        if (ordered[i] === job) {
          ordered.splice(i, 1);
          return;
        }
      }
    },
    clear() {
      ordered.length = 0;
    },
  };
}
