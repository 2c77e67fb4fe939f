import { compareJobs, type Job, type JobsFilter, matchesFilter } from '../core';
import type { JobsCache } from './cache';
import type { JobsListData, ListedJobs } from './listed';
import type { Query } from './query-core';

/** A job joining a list, or `null`: leaving it. */
export type Change = Job | null;

/**
 * Keeps the cached lists' membership in step with the jobs written, without asking the server: a
 * created job shows at once, a job that fails leaves an "active" list. Changes are gathered while a
 * batch of writes runs and applied when it ends, as one new value per list that shares what did not
 * change. A later page cannot be fixed locally (what lands on it depends on the pages before), so it is
 * read again.
 */
export class ListMembership {
  private readonly pending = new Map<Query, Map<string, Change>>();
  /**
   * For each list, what its total must count apart from the page's own joins and leaves: 0 for a job
   * joining that the total held already, -1 for one that left from a later page.
   */
  private readonly recounted = new Map<Query, Map<string, 0 | -1>>();

  constructor(private readonly cache: JobsCache) {}

  /**
   * Puts `job` into the lists whose filter it matches and takes it out of the others (all, when
   * `removed`). `previous` tells whether a list's total counted it already: the version the store knew
   * before, `null` for a job just created (counted nowhere), undefined when unknown (a job older than what
   * the store has seen: the server's totals held it). Returns whether some list holds it once the batch
   * is applied.
   */
  place(job: Job, removed = false, previous?: Job | null): boolean {
    let held = false;
    for (const query of this.cache.listQueries()) {
      const data = this.cache.listOf(query);
      if (data === undefined) continue;
      const filter = this.cache.filterOf(query);
      const changes = this.pending.get(query);
      const change = changes?.get(job.id);
      const present = change === undefined ? data.jobs.has(job.id) : change !== null;
      const belongs = !removed && matchesFilter(job, filter);
      const counted = present || previous === undefined || (previous !== null && matchesFilter(previous, filter));
      if (belongs === present) {
        held ||= belongs;
        if (change)
          changes?.set(job.id, job); // joining in this batch: with its latest version
        // It left from a later page: the page never held it, its total did.
        else if (!belongs && counted && (filter.pageNumber ?? 1) === 1) this.recount(query, job.id, -1);
        continue;
      }
      if ((filter.pageNumber ?? 1) > 1) {
        // Where it lands on a later page depends on the pages before it: ask the server.
        void this.cache.queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
        continue;
      }
      held ||= belongs;
      this.change(query, job.id, belongs ? job : null);
      // Joining from a later page (its status changed within the filter): the total counted it already.
      if (belongs && counted) this.recount(query, job.id, 0);
    }
    return held;
  }

  /** Applies what the batch changed: one new value per list. Returns the jobs that left a list and no list holds now. */
  flush(): string[] {
    if (this.pending.size === 0) return [];
    const batch = [...this.pending];
    const recounted = new Map(this.recounted);
    this.pending.clear();
    this.recounted.clear();
    const left = new Set<string>();
    for (const [query, changes] of batch) {
      const data = this.cache.listOf(query);
      const filter = this.cache.filterOf(query);
      const next = data === undefined ? undefined : withChanges(filter, data, changes, left, recounted.get(query));
      if (next !== undefined && next !== data) this.cache.setList(query, next);
    }
    return [...left].filter((id) => newestListed(this.cache, id) === undefined);
  }

  private recount(query: Query, jobId: string, count: 0 | -1): void {
    let counts = this.recounted.get(query);
    if (counts === undefined) {
      counts = new Map();
      this.recounted.set(query, counts);
    }
    counts.set(jobId, count);
    // A list's total may change with no job joining or leaving its page.
    if (!this.pending.has(query)) this.pending.set(query, new Map());
  }

  private change(query: Query, jobId: string, change: Change): void {
    let changes = this.pending.get(query);
    if (changes === undefined) {
      changes = new Map();
      this.pending.set(query, changes);
    }
    changes.set(jobId, change);
  }
}

/** Pagination once the total changed: the pages it makes, at `pageSize` a page. */
function paged(pagination: NonNullable<JobsListData['pagination']>, totalCount: number, pageSize: number | undefined) {
  const pageCount = pageSize === undefined || pageSize <= 0 ? pagination.pageCount : Math.ceil(totalCount / pageSize);
  return { ...pagination, totalCount, pageCount };
}

/**
 * The next value of a list (first page, or one without pages) once jobs joined (`Job`) or left (`null`):
 * joins in the list's order, none after the last job of a full page, whose last jobs move on to the next
 * page when jobs join before them. `data` itself when nothing changed. The ids that left go to `left`.
 */
export function withChanges(
  filter: JobsFilter,
  data: JobsListData,
  changes: ReadonlyMap<string, Change>,
  left?: Set<string>,
  recounted?: ReadonlyMap<string, 0 | -1>,
): JobsListData {
  const leaves = new Set<string>();
  const arriving: Job[] = [];
  for (const [id, job] of changes) {
    if (job === null) {
      if (data.jobs.has(id)) leaves.add(id);
    } else if (!data.jobs.has(id)) arriving.push(job);
  }
  const joined = new Map<string, Job>();
  const ids = leaves.size > 0 ? data.ids.filter((id) => !leaves.has(id)) : [...data.ids];
  const compare = compareJobs(filter);
  for (const job of arriving) {
    const at = ids.findIndex((id) => {
      const other = joined.get(id) ?? data.jobs.listed(id);
      return other !== undefined && compare(job, other) < 0;
    });
    // After the last job of a full page, it lies on a later page: this one does not hold it.
    if (at < 0 && filter.pageSize !== undefined && ids.length >= filter.pageSize) continue;
    ids.splice(at < 0 ? ids.length : at, 0, job.id);
    joined.set(job.id, job);
  }
  // The total counts every job new to the list, on this page or past its end, and loses every job that
  // left it, from this page or a later one (`recounted`).
  let counted = -leaves.size;
  for (const job of arriving) if (recounted?.get(job.id) !== 0) counted += 1;
  for (const count of recounted?.values() ?? []) counted += count;
  if (joined.size === 0 && leaves.size === 0 && counted === 0) return data;
  const total = data.pagination && Math.max(0, data.pagination.totalCount + counted);
  // A first page holds a page of jobs: those pushed past its end move on to the next page.
  const limit = filter.pageSize === undefined ? Number.POSITIVE_INFINITY : Math.max(filter.pageSize, data.ids.length);
  while (ids.length > limit) {
    const last = ids.pop() as string;
    // A job that joined in this batch and moved on at once is held by no list either.
    if (joined.delete(last)) left?.add(last);
    else leaves.add(last);
  }
  for (const id of leaves) left?.add(id);
  return {
    ...data,
    ids,
    jobs: data.jobs.changed([...joined.values()], leaves),
    ...(data.pagination && total !== undefined ? { pagination: paged(data.pagination, total, filter.pageSize) } : {}),
  };
}

/**
 * Notes in `changes` what the jobs changed while a page was read (`meanwhile`: their version then, or
 * `null` when deleted) do to that page, the server having answered with what it held before: each joins
 * or leaves as its newest version (`newest`) says, unless the page holds a newer one.
 */
export function placeMeanwhile(
  filter: JobsFilter,
  page: ListedJobs,
  meanwhile: ReadonlyMap<string, Job | null>,
  newest: (id: string) => Job | undefined,
  changes: Map<string, Change>,
): void {
  for (const [id, written] of meanwhile) {
    if (written === null) changes.set(id, null);
    if (written === null || changes.has(id)) continue;
    if (page.has(id) && page.updatedAt(id) > (written.updatedAt?.getTime() ?? 0)) continue;
    const job = newest(id) ?? written;
    const belongs = matchesFilter(job, filter);
    // Where a job joins a later page depends on the pages before it: that page learns of it when read again.
    if (belongs !== page.has(id) && (!belongs || (filter.pageNumber ?? 1) === 1)) changes.set(id, belongs ? job : null);
  }
}

/** The newest version of a job that the lists hold as listed, told without normalizing it. */
interface ListedVersion {
  status: Job['status'] | undefined;
  /** `updatedAt` in ms, 0 without one. */
  updatedAt: number;
  /** The version itself, normalized on demand. */
  job(): Job | undefined;
}

/**
 * The newest listed version of a job among the lists holding it (lists read at different times may hold
 * different ones), told by `updatedAt`; undefined when no list holds it.
 */
export function newestListed(cache: JobsCache, jobId: string): ListedVersion | undefined {
  let newest: ListedVersion | undefined;
  for (const query of cache.listQueries()) {
    const jobs = cache.listOf(query)?.jobs;
    if (jobs === undefined || !jobs.has(jobId)) continue;
    const updatedAt = jobs.updatedAt(jobId);
    if (newest !== undefined && updatedAt <= newest.updatedAt) continue;
    newest = { status: jobs.listedStatus(jobId), updatedAt, job: () => jobs.listed(jobId) };
  }
  return newest;
}
