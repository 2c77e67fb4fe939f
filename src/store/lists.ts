import type { Query, QueryClient } from '@tanstack/react-query';
import { compareJobs, type Job, type JobsFilter, matchesFilter } from '../core';
import type { JobsListData } from './keys';
import type { ListedJobs } from './listed';

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

/**
 * The list page holding the newest version of a job (lists read at different times may hold different
 * ones), told by `updatedAt` without normalizing any of them.
 */
export function newestHolder(lists: Iterable<Query>, jobId: string): ListedJobs | undefined {
  let holder: ListedJobs | undefined;
  let at = 0;
  for (const list of lists) {
    const jobs = (list.state.data as JobsListData | undefined)?.jobs;
    if (jobs === undefined || !jobs.has(jobId)) continue;
    const updated = jobs.updatedAt(jobId);
    if (holder === undefined || updated > at) {
      holder = jobs;
      at = updated;
    }
  }
  return holder;
}
