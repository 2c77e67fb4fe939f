import { toDate, toProgress, type Job } from '../core';
import type { JobHandlerContext } from './handler';

export interface ContextDeps {
  signal: AbortSignal;
  /** Waits on the engine's clock; rejects when `signal` fires. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  /** The job while this run is still the live one, else undefined (canceled, disposed). */
  live(): Job | undefined;
  /** Records the change and emits `job:updated`. */
  commit(job: Job): void;
}

/** What `tick` answers: the change is made before it returns, so every tick shares one settled promise. */
const done = Promise.resolve();

/** The helpers one run of a handler gets. */
export function createHandlerContext(deps: ContextDeps): JobHandlerContext {
  return {
    signal: deps.signal,
    sleep: (ms) => deps.wait(ms, deps.signal),
    tick(progress, info, estimatedCompletionAt) {
      const job = deps.live();
      if (job === undefined) return done; // the job ended: a late tick changes nothing
      const clamped = toProgress(progress);
      if (clamped !== undefined) job.progress = clamped;
      if (typeof info === 'string') job.info = info; // as `normalizeJob` reads it: a string or nothing
      if (estimatedCompletionAt !== undefined) {
        const eta = toDate(estimatedCompletionAt);
        if (eta === undefined) delete job.estimatedCompletionAt;
        else job.estimatedCompletionAt = eta;
      }
      deps.commit(job);
      return done;
    },
  };
}
