import { compareJobs, devWarn, isTerminal, type Job, type JobsFilter, type JobsPage, matchesFilter } from '../core';
import type { Http } from './http';
import { readJobs } from './read';
import type { FlatfileActiveLookupOptions } from './types';

/** Jobs per request of an active lookup, and requests per lookup at most. */
export const ACTIVE_LOOKUP_PAGE_SIZE = 100;
export const ACTIVE_LOOKUP_MAX_REQUESTS = 10;

function whole(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}

/**
 * Whether `filter` asks for jobs that have not ended (the active ones, `scheduled` too). Flatfile's
 * `GET /jobs` cannot filter by status and lists finished jobs with the rest: such a list is read newest
 * first through several pages instead of one page filtered locally.
 */
export function isActiveLookup(filter: JobsFilter): boolean {
  const { status } = filter;
  if (status === undefined) return false;
  const statuses: readonly string[] = typeof status === 'string' ? [status] : status;
  return statuses.length > 0 && statuses.every((value) => !isTerminal(value));
}

export interface ActiveLookup {
  /** The query of `GET /jobs` without page, size and direction. */
  query: Record<string, string | number | boolean | undefined>;
  filter: JobsFilter;
  http: Http;
  signal: AbortSignal | undefined;
  options: FlatfileActiveLookupOptions | undefined;
  /** Told about every job read. */
  seen(job: Job): void;
}

/**
 * Every job matching an active lookup, on one page: reads `GET /jobs` newest first, `pageSize` jobs a
 * request, until a page is short or the last of the server's pages is read, and never more than
 * `maxRequests` requests. An active job older than the `pageSize × maxRequests` newest jobs of the list
 * is not found (a development warning says the lookup stopped there). The jobs come in the order the
 * filter asks for; `pageNumber` past 1 reads nothing and is empty.
 */
export async function lookUpActiveJobs({
  query,
  filter,
  http,
  signal,
  options,
  seen,
}: ActiveLookup): Promise<JobsPage> {
  const pageSize = whole(options?.pageSize, ACTIVE_LOOKUP_PAGE_SIZE);
  const maxRequests = whole(options?.maxRequests, ACTIVE_LOOKUP_MAX_REQUESTS);
  if ((filter.pageNumber ?? 1) > 1)
    return { data: [], pagination: { currentPage: filter.pageNumber ?? 1, pageCount: 1, totalCount: 0 } };
  const local: JobsFilter = { status: filter.status };
  if (filter.operation !== undefined) local.operation = filter.operation;
  if (filter.type !== undefined) local.type = filter.type;
  const found = new Map<string, Job>();
  let requests = 0;
  for (;;) {
    requests += 1;
    const body = await http({
      method: 'GET',
      path: '/jobs',
      query: { ...query, pageSize, pageNumber: requests, sortDirection: 'desc' },
      kind: 'read',
      signal,
    });
    const page = readJobs(body, 'GET /jobs');
    for (const job of page.data) {
      seen(job);
      if (matchesFilter(job, local)) found.set(job.id, job);
    }
    const entries = Array.isArray((body as { data?: unknown }).data) ? (body as { data: unknown[] }).data.length : 0;
    const last = page.pagination === undefined ? entries < pageSize : requests >= page.pagination.pageCount;
    if (last || entries < pageSize) break;
    if (requests >= maxRequests) {
      devWarn(
        `an active-job lookup stopped after ${requests} requests: active jobs older than the ${requests * pageSize} newest are not found`,
      );
      break;
    }
  }
  const data = [...found.values()].sort(compareJobs(filter));
  return { data, pagination: { currentPage: 1, pageCount: 1, totalCount: data.length } };
}
