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
