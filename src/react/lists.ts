import type { Query, QueryClient } from '@tanstack/react-query';
import { compareJobs, type Job, type JobsFilter, matchesFilter } from '../core';
import type { JobsListData } from './keys';

/**
 * Puts `job` into the cached lists whose filter it matches and takes it out of the others, in list
 * order, without asking the server: a created job shows at once, a job that fails leaves an "active"
 * list (the job joins or leaves the list's `jobs` too). A later page cannot be fixed locally (what lands on it depends on the pages before), so it is
 * refetched. `removed` takes the job out of every list (it was deleted).
 */
export function updateListMembership(queryClient: QueryClient, lists: Iterable<Query>, job: Job, removed = false): void {
  for (const query of [...lists]) {
    const data = query.state.data as JobsListData | undefined;
    const filter = query.queryKey[3] as JobsFilter | undefined;
    if (data === undefined || filter === undefined) continue;
    const present = data.jobs.has(job.id);
    const belongs = !removed && matchesFilter(job, filter);
    if (belongs === present) continue;
    if ((filter.pageNumber ?? 1) > 1) {
      // Where it lands on a later page depends on the pages before it: ask the server.
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const ids = [...data.ids];
    let total = data.pagination?.totalCount;
    if (belongs) {
      const compare = compareJobs(filter);
      let at = ids.findIndex((id) => {
        const other = data.jobs.get(id);
        return other !== undefined && compare(job, other) < 0;
      });
      if (at < 0) at = ids.length;
      ids.splice(at, 0, job.id);
      data.jobs.set(job);
      if (total !== undefined) total += 1;
    } else {
      ids.splice(ids.indexOf(job.id), 1);
      data.jobs.delete(job.id);
      if (total !== undefined) total -= 1;
    }
    const pagination = data.pagination && total !== undefined ? { ...data.pagination, totalCount: total } : data.pagination;
    query.setData({ ...data, ids, ...(pagination ? { pagination } : {}) } satisfies JobsListData);
  }
}

/** The newest version of a job in `lists` (lists read at different times may hold different ones). */
export function newestListed(lists: Iterable<Query>, jobId: string): Job | undefined {
  let newest: Job | undefined;
  for (const list of lists) {
    const job = (list.state.data as JobsListData | undefined)?.jobs.get(jobId);
    if (job !== undefined && (newest === undefined || (job.updatedAt?.getTime() ?? 0) > (newest.updatedAt?.getTime() ?? 0))) {
      newest = job;
    }
  }
  return newest;
}

/** A job's status in `lists` (the newest version's), without normalizing it. */
export function listedStatus(lists: Iterable<Query>, jobId: string): Job['status'] | undefined {
  let newest: { status: Job['status'] | undefined; at: number } | undefined;
  for (const list of lists) {
    const jobs = (list.state.data as JobsListData | undefined)?.jobs;
    if (jobs === undefined || !jobs.has(jobId)) continue;
    const at = jobs.updatedAt(jobId);
    if (newest === undefined || at > newest.at) newest = { status: jobs.status(jobId), at };
  }
  return newest?.status;
}
