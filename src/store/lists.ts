import { compareJobs, type Job, matchesFilter } from '../core';
import type { JobsCache } from './cache';
import type { JobsListData } from './listed';
import type { Query } from './query-core';

/** A job joining a list (or, listed already, a newer version of it), or `null`: leaving it. */
type Change = Job | null;

/**
 * Keeps the cached lists in step with the jobs written, without asking the server: a created job shows
 * at once, a job that fails leaves an "active" list, and a listed job that nothing reads under its own
 * key has its newer versions kept in the list's `versions`. Changes are gathered while a batch of writes
 * runs and applied when it ends, as one new value per list that shares what did not change. A later
 * page cannot be fixed locally (what lands on it depends on the pages before), so it is read again.
 */
export class ListMembership {
  private readonly pending = new Map<Query, Map<string, Change>>();

  constructor(private readonly cache: JobsCache) {}

  /**
   * Puts `job` into the lists whose filter it matches and takes it out of the others (all, when
   * `removed`); `changed` says it is a new version, which the lists holding it keep unless the job has
   * an entry of its own. Returns whether some list holds it once the batch is applied.
   */
  place(job: Job, { removed = false, changed = true } = {}): boolean {
    const ownEntry = this.cache.job(job.id) !== undefined;
    let held = false;
    for (const query of this.cache.listQueries()) {
      const data = this.cache.listOf(query);
      if (data === undefined) continue;
      const filter = this.cache.filterOf(query);
      const changes = this.pending.get(query);
      const change = changes?.get(job.id);
      const present = change === undefined ? data.jobs.has(job.id) : change !== null;
      const belongs = !removed && matchesFilter(job, filter);
      if (belongs === present) {
        held ||= belongs;
        if (belongs && (change || (changed && !ownEntry))) this.change(query, job.id, job);
        continue;
      }
      if ((filter.pageNumber ?? 1) > 1) {
        // Where it lands on a later page depends on the pages before it: ask the server.
        void this.cache.queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
        continue;
      }
      held ||= belongs;
      this.change(query, job.id, belongs ? job : null);
    }
    return held;
  }

  /** A job's own entry is leaving the cache: the lists holding it keep this version of it instead. */
  keep(job: Job): void {
    for (const query of this.cache.listQueries()) {
      const data = this.cache.listOf(query);
      const change = this.pending.get(query)?.get(job.id);
      if (change === null || (change === undefined && data?.jobs.has(job.id) !== true)) continue;
      this.change(query, job.id, job);
    }
  }

  /** Applies what the batch changed: one new value per list. */
  flush(): void {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [query, changes] of batch) {
      const data = this.cache.listOf(query);
      const next = data === undefined ? undefined : this.apply(query, data, changes);
      if (next !== undefined && next !== data) this.cache.setList(query, next);
    }
  }

  private apply(query: Query, data: JobsListData, changes: Map<string, Change>): JobsListData {
    const filter = this.cache.filterOf(query);
    const versions: Job[] = [];
    const leaves = new Set<string>();
    const arriving: Job[] = [];
    for (const [id, job] of changes) {
      if (job === null) {
        if (data.jobs.has(id)) leaves.add(id);
      } else if (data.jobs.has(id)) versions.push(job);
      else arriving.push(job);
    }
    const joined = new Map<string, Job>();
    let ids = data.ids;
    if (leaves.size > 0 || arriving.length > 0) {
      const next = leaves.size > 0 ? data.ids.filter((id) => !leaves.has(id)) : [...data.ids];
      const compare = compareJobs(filter);
      for (const job of arriving) {
        const at = next.findIndex((id) => {
          const other = joined.get(id) ?? data.jobs.listed(id);
          return other !== undefined && compare(job, other) < 0;
        });
        // After the last job of a full page, it lies on a later page: this one does not hold it.
        if (at < 0 && filter.pageSize !== undefined && next.length >= filter.pageSize) continue;
        next.splice(at < 0 ? next.length : at, 0, job.id);
        joined.set(job.id, job);
      }
      ids = next;
    }
    const members = joined.size > 0 || leaves.size > 0;
    if (!members && versions.length === 0) return data;
    const total = data.pagination && data.pagination.totalCount + joined.size - leaves.size;
    return {
      ...data,
      ids: members ? ids : data.ids,
      jobs: members ? data.jobs.changed([...joined.values()], leaves) : data.jobs,
      versions: data.versions.without(leaves).with(versions),
      ...(data.pagination && total !== undefined ? { pagination: { ...data.pagination, totalCount: total } } : {}),
    };
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

/** The newest version of a job that the lists hold, told without normalizing it. */
interface ListedVersion {
  status: Job['status'] | undefined;
  /** `updatedAt` in ms, 0 without one. */
  updatedAt: number;
  /** The version itself, normalized on demand. */
  job(): Job | undefined;
}

/**
 * The newest version of a job among the lists holding it (lists read at different times may hold
 * different ones), told by `updatedAt`; undefined when no list holds it.
 */
export function newestListed(cache: JobsCache, jobId: string): ListedVersion | undefined {
  let newest: ListedVersion | undefined;
  for (const query of cache.listQueries()) {
    const data = cache.listOf(query);
    if (data === undefined || !data.jobs.has(jobId)) continue;
    const version = data.versions.get(jobId);
    const updatedAt = version === undefined ? data.jobs.updatedAt(jobId) : (version.updatedAt?.getTime() ?? 0);
    // On a tie, a version written since the page was read wins over the page's.
    if (newest !== undefined && (updatedAt < newest.updatedAt || (updatedAt === newest.updatedAt && version === undefined))) continue;
    const { jobs } = data;
    newest =
      version === undefined
        ? { status: jobs.listedStatus(jobId), updatedAt, job: () => jobs.listed(jobId) }
        : { status: version.status, updatedAt, job: () => version };
  }
  return newest;
}
