import type { Job, JobConfig, JobEventListener, JobsFilter, JobsPage } from '../core';

/** Who is asking, as `authorize` answers. */
export interface Caller {
  /** Recorded as `createdBy` on the jobs this caller starts. */
  id: string;
  /**
   * Which jobs this caller may see, cancel, retry and acknowledge, and whose events it receives. Default:
   * the jobs it started (`job.createdBy === id`).
   */
  canAccess?: (job: Job) => boolean;
}

/**
 * Where jobs live, behind the HTTP handler. Every method resolves with a job in the kit's shape (see
 * `normalizeJob`) and rejects with a `JobsClientError` (`not-found`, `conflict`, `invalid`) for a refusal.
 * `memoryBackend` and `bullmqBackend` implement it; a host may write its own.
 */
export interface JobsBackend {
  /** One page of the jobs that match `filter` and pass `visible` (applied before paging). */
  list(filter: JobsFilter, visible: (job: Job) => boolean): Promise<JobsPage>;
  get(jobId: string): Promise<Job>;
  /** Starts a job for `createdBy`. */
  create(config: JobConfig, createdBy: string): Promise<Job>;
  cancel(jobId: string): Promise<Job>;
  retry(jobId: string): Promise<Job>;
  acknowledgeOutcome(jobId: string): Promise<Job>;
  /** `job:*` events, each with its `job` as it stood after the event. Returns the unsubscribe function. */
  subscribe(listener: JobEventListener): () => void;
  /** Whether jobs of `domain:operation` can run here; creating any other is refused with a 400. */
  accepts(key: string): boolean;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
