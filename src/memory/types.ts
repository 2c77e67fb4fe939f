import type { CallOptions, Job, JobEventListener, JobsClient } from '../core';
import type { Clock } from './clock';
import type { FaultOptions, MemoryCall } from './faults';
import type { JobHandler } from './handler';
import type { RetainOptions } from './retention';

/** A job to start the engine with, in the status it is given; id and dates optional. */
export type MemorySeedJob = Partial<Job> & Pick<Job, 'type' | 'operation' | 'source'>;

export interface MemoryJobsClientOptions {
  /** Handlers keyed `domain:operation`, e.g. `workbook:export`. */
  handlers?: Record<string, JobHandler>;
  /**
   * Jobs that exist from the start, kept in the status they are given. They are records, not work: only
   * `ready` ones are picked up, by a handler registered for them. See `createMemoryJobsClient`.
   */
  jobs?: MemorySeedJob[];
  /** Defaults to `systemClock`; pass `createVirtualClock()` for deterministic time. */
  clock?: Clock;
  /** Ms every call waits on the clock before it answers. Default 0. */
  latency?: number | ((call: MemoryCall) => number);
  faults?: FaultOptions;
  /** Source of randomness for ids and `errorRate`. Default: a PRNG seeded with 1, so runs repeat. */
  random?: () => number;
  /** `createdBy` of jobs created through the client and `actorId` of events. Default `us_usr_memory`. */
  actorId?: string;
  spaceId?: string;
  environmentId?: string;
  accountId?: string;
  /** Default page size of `list`. Default 20, like Flatfile. */
  pageSize?: number;
  /**
   * How many settled jobs (ended, no outcome waiting to be acknowledged) to keep, e.g. `{ jobs: 1000 }`
   * for a page open all day. Beyond it, the jobs that settled first are dropped, each with a
   * `job:deleted` event. A job that a kept job names in `predecessorIds` stays. Default: every job.
   */
  retain?: RetainOptions;
}

/** A complete in-process jobs backend. */
export interface MemoryJobsClient extends JobsClient {
  subscribe(listener: JobEventListener): () => void;
  /** Handles `domain:operation` jobs from now on, including jobs already `ready`; returns the unregister function. */
  register(key: string, handler: JobHandler): () => void;
  /** Starts a `created` (usually `trigger: 'manual'`) job, like Flatfile's `POST /jobs/{id}/execute`. */
  execute(jobId: string, options?: CallOptions): Promise<Job>;
  /** Replaces the fault settings (counters of `failNext` start again from the given numbers). */
  setFaults(faults: FaultOptions): void;
  /** Copies of every job kept, in the order they were added (none once disposed). */
  snapshot(): Job[];
  /** Aborts running handlers, clears every timer, drops listeners and lets go of every job; later calls reject. */
  dispose(): void;
}
