import type { JobEventListener } from './events';
import type { Job, JobConfig, JobStatus, JobType } from './job';

/** Options every client call accepts. */
export interface CallOptions {
  /** Aborts the request; the call then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** Which jobs to list. Every field narrows the list; none lists all. */
export interface JobsFilter {
  /** Id of the file, workbook, sheet or app the jobs act on. */
  source?: string;
  spaceId?: string;
  environmentId?: string;
  fileId?: string;
  /**
   * Jobs of one workbook. Narrowed by the server (Flatfile's `GET /jobs`); a job does not say which
   * workbook it belongs to, so `matchesFilter` ignores it.
   */
  workbookId?: string;
  /** One status or any of several. */
  status?: JobStatus | readonly JobStatus[];
  parentId?: string;
  /** Leave out parts of multi-part jobs. */
  excludeChildJobs?: boolean;
  operation?: string;
  type?: JobType;
  /** 1-based. */
  pageNumber?: number;
  /** Defaults to the client's page size (20 for Flatfile). */
  pageSize?: number;
  /** By `createdAt`; newest first (`desc`) by default. */
  sortDirection?: 'asc' | 'desc';
}

export interface Pagination {
  currentPage: number;
  pageCount: number;
  totalCount: number;
}

export interface JobsPage {
  data: Job[];
  pagination?: Pagination;
}

/**
 * The one interface between the kit and a jobs backend. Every method resolves with jobs passed through
 * `normalizeJob` and rejects with a `JobsClientError` (or an `AbortError` when its signal fires).
 */
export interface JobsClient {
  list(filter?: JobsFilter, options?: CallOptions): Promise<JobsPage>;
  get(jobId: string, options?: CallOptions): Promise<Job>;
  /** Starts a job. Never retried by the kit: a second call would start a second job. */
  create(config: JobConfig, options?: CallOptions): Promise<Job>;
  cancel(jobId: string, options?: CallOptions): Promise<Job>;
  /** Records that the user saw the outcome (`outcomeAcknowledgedAt`). */
  acknowledgeOutcome(jobId: string, options?: CallOptions): Promise<Job>;
  /** Runs a failed job again. */
  retry(jobId: string, options?: CallOptions): Promise<Job>;
  /**
   * Pushes `job:*` events as they happen; returns the unsubscribe function. Without it the kit polls
   * active jobs.
   */
  subscribe?(listener: JobEventListener): () => void;
}

function asArray<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** Whether `job` belongs in a list made with `filter` (paging aside). */
export function matchesFilter(job: Job, filter: JobsFilter = {}): boolean {
  if (filter.source !== undefined && job.source !== filter.source) return false;
  if (filter.spaceId !== undefined && job.spaceId !== filter.spaceId) return false;
  if (filter.environmentId !== undefined && job.environmentId !== filter.environmentId) return false;
  if (filter.fileId !== undefined && job.fileId !== filter.fileId) return false;
  if (filter.parentId !== undefined && job.parentId !== filter.parentId) return false;
  if (filter.excludeChildJobs && job.parentId !== undefined) return false;
  if (filter.operation !== undefined && job.operation !== filter.operation) return false;
  if (filter.type !== undefined && job.type !== filter.type) return false;
  const statuses = asArray(filter.status);
  if (statuses !== undefined && !statuses.includes(job.status as JobStatus)) return false;
  return true;
}

/** Orders jobs as a list with `filter` does: by `createdAt`, newest first unless `asc`. */
export function compareJobs(filter: JobsFilter = {}): (a: Job, b: Job) => number {
  const direction = filter.sortDirection === 'asc' ? 1 : -1;
  return (a, b) => {
    const byDate = ((a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0)) * direction;
    if (byDate !== 0) return byDate;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
  };
}
