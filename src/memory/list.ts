import { JobsClientError, matchesFilter, type Job, type JobsFilter, type JobsPage } from '../core';

function pageParameter(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new JobsClientError('invalid', `${name} must be a whole number of at least 1, got ${value}`, { status: 400 });
  }
  return value;
}

/**
 * One page of `jobs` as `GET /jobs` answers it. `jobs` come oldest first (as `compareJobs` orders them
 * ascending), so a list only filters (`matchesFilter`) and, unless `sortDirection` is `asc`, reverses;
 * `pageNumber` is 1-based; `view` turns each job of the page into what callers get. An empty list still
 * has one (empty) page; a page past the end is empty.
 */
export function listJobs(
  jobs: readonly Job[],
  filter: JobsFilter,
  defaultPageSize: number,
  view: (job: Job) => Job = (job) => job,
): JobsPage {
  const pageSize = pageParameter('pageSize', filter.pageSize, defaultPageSize);
  const pageNumber = pageParameter('pageNumber', filter.pageNumber, 1);
  const matching = jobs.filter((job) => matchesFilter(job, filter));
  if (filter.sortDirection !== 'asc') matching.reverse();
  const offset = (pageNumber - 1) * pageSize;
  return {
    data: matching.slice(offset, offset + pageSize).map(view),
    pagination: {
      currentPage: pageNumber,
      pageCount: Math.max(1, Math.ceil(matching.length / pageSize)),
      totalCount: matching.length,
    },
  };
}
