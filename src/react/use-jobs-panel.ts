import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTIVE_STATUSES, type Job, type JobsError, type JobsFilter, type JobStatus } from '../core';
import { useJobsConfig } from './context';
import {
  type JobsLookup,
  type JobsPanelItem,
  jobMatcher,
  narrows,
  type Searched,
  searchRows,
  searchRowsInSlices,
  searchTerms,
} from '../store';
import { useHiddenTab } from './use-hidden-tab';
import { useJobs } from './use-jobs';
import { useJobsPages } from './use-jobs-pages';

/** Which jobs a panel lists by status. */
export type JobsStatusGroup = 'all' | 'active' | 'finished' | 'failed';
export const JOBS_STATUS_GROUPS = ['all', 'active', 'finished', 'failed'] as const satisfies readonly JobsStatusGroup[];

const groupStatuses: Record<JobsStatusGroup, readonly JobStatus[] | undefined> = {
  all: undefined,
  active: ACTIVE_STATUSES,
  finished: ['complete', 'failed', 'canceled'],
  failed: ['failed'],
};

export interface JobsPanelFilter {
  /** Jobs acting on this file, workbook, sheet or app. */
  source?: string;
  spaceId?: string;
  /**
   * `all` (default); `active`: `ACTIVE_STATUSES` (not `scheduled`); `finished`: complete, failed or
   * canceled; `failed`. Jobs with a status the kit does not know show under `all` only.
   */
  status?: JobsStatusGroup;
  operation?: string;
  /**
   * Words that each job listed must contain, in any case, in its name (the label of its operation), its
   * operation or its `info`. Matched over the pages read so far (the panel reads on while few match); a
   * part matching shows under its job. Debounce it when it follows typing (`JobsPanel` does).
   */
  search?: string;
  /** Jobs read per page; the next page is read when the user nears the end. Default 100. */
  pageSize?: number;
}

/** One line of the panel: a job, or a part of the job above it (`level` 2). */
export type { JobsPanelItem } from '../store';

export interface JobsPanelOperation {
  value: string;
  label: string;
}

export interface JobsPanelCounts {
  /** Jobs the filter lists (parts count with their job; `hidden` jobs not at all). Exact once every page is loaded. */
  total: number;
  /** Active jobs of the source or space, whatever the filter (parts count with their job). */
  active: number;
}

export interface JobsPanelState {
  rows: readonly JobsPanelItem[];
  counts: JobsPanelCounts;
  /** Operations seen in the source or space, for an operation filter. */
  operations: readonly JobsPanelOperation[];
  /** `loading` before the first page, `error` when it failed, `empty` when nothing is listed. */
  state: 'loading' | 'error' | 'empty' | 'ready';
  /** The failed read (of the first page, or of the next one while `state` is `ready`). */
  error: JobsError | null;
  /** Reads the failed pages again. */
  retry(): void;
  hasMore: boolean;
  loadingMore: boolean;
  /** Reads the next page, unless one is being read or there is none. */
  loadMore(): void;
}

const byPart = (a: Job | undefined, b: Job | undefined) =>
  (a?.part ?? 0) - (b?.part ?? 0) || (a?.createdAt?.getTime() ?? 0) - (b?.createdAt?.getTime() ?? 0);

/**
 * List order, `hidden` jobs left out (a job's mode never changes), parts under their parent when the
 * parent is listed at the top level, else at the top level themselves.
 */
function groupRows(
  ids: readonly string[],
  jobs: JobsLookup,
  hasMore: boolean,
): { rows: JobsPanelItem[]; top: number; hidden: number } {
  if (!jobs.grouped()) {
    // No hidden job and no parts (the usual list): one top-level row per job, in list order.
    const setSize = hasMore ? -1 : ids.length;
    return {
      rows: ids.map((id, index) => ({ id, level: 1, posInSet: index + 1, setSize })),
      top: ids.length,
      hidden: 0,
    };
  }
  const visible: string[] = [];
  let withParent = false;
  for (const id of ids) {
    if (jobs.field(id, 'mode') === 'hidden') continue;
    visible.push(id);
    withParent ||= jobs.field(id, 'parentId') !== undefined;
  }
  // Hidden jobs but no parts: every visible job is a top-level row, no parent lookup needed.
  const listed = withParent ? new Set(visible) : undefined;
  const isTop = (id: string) => {
    const parent = listed === undefined ? undefined : jobs.field(id, 'parentId');
    return parent === undefined || !listed?.has(parent) || jobs.field(parent, 'parentId') !== undefined;
  };
  const top: string[] = [];
  const parts = new Map<string, string[]>();
  for (const id of visible) {
    if (isTop(id)) top.push(id);
    else {
      const parent = jobs.field(id, 'parentId') as string;
      const siblings = parts.get(parent);
      if (siblings === undefined) parts.set(parent, [id]);
      else siblings.push(id);
    }
  }
  const rows: JobsPanelItem[] = [];
  const setSize = hasMore ? -1 : top.length;
  for (let index = 0; index < top.length; index += 1) {
    const id = top[index] as string;
    rows.push({ id, level: 1, posInSet: index + 1, setSize });
    const children = parts.get(id)?.sort((a, b) => byPart(jobs.get(a), jobs.get(b)));
    children?.forEach((child, at) => {
      rows.push({ id: child, level: 2, posInSet: at + 1, setSize: children.length });
    });
  }
  return { rows, top: top.length, hidden: ids.length - top.length };
}

/** Rows above which a search runs in slices rather than in one task. */
const SLICED_SEARCH_ABOVE = 20_000;

/** Jobs that count as one each: visible, and not parts of another listed job. */
function countJobs(ids: readonly string[], jobs: JobsLookup): number {
  if (!jobs.grouped()) return ids.length;
  const listed = new Set(ids);
  return ids.filter((id) => {
    const parent = jobs.field(id, 'parentId');
    return jobs.field(id, 'mode') !== 'hidden' && (parent === undefined || !listed.has(parent));
  }).length;
}

/**
 * How many jobs of a source or space are active (parts count with their job, `hidden` jobs not at all).
 * It reads one page of them (100); past it, the count is the list's total, which the store keeps in step
 * with the jobs that start and end, less the jobs of the page it does not count. `more`: the count is only
 * what the page holds (a client that sends no totals) and there are more. Changes only when a job starts
 * or ends.
 */
export function useActiveJobsCount(scopeFilter: Pick<JobsPanelFilter, 'source' | 'spaceId'> = {}): {
  count: number;
  more: boolean;
} {
  const { source, spaceId } = scopeFilter;
  const { data } = useJobs({ source, spaceId, status: ACTIVE_STATUSES, pageSize: 100 });
  const ids = data?.ids;
  const jobs = data?.jobs;
  const pagination = data?.pagination;
  const counted = useMemo(() => (ids === undefined || jobs === undefined ? 0 : countJobs(ids, jobs)), [ids, jobs]);
  const pages = pagination === undefined ? (ids?.length ?? 0) >= 100 : pagination.pageCount > 1;
  const beyond = pagination === undefined || !pages ? 0 : pagination.totalCount - (ids?.length ?? 0);
  const count = counted + Math.max(0, beyond);
  const more = pages && pagination === undefined;
  return useMemo(() => ({ count, more }), [count, more]);
}

/**
 * Everything a jobs panel shows, for hosts that draw their own: the rows (ids and nesting only; each row
 * reads its job with `useJob`), header counts that change only when jobs join or leave the list, the
 * operations to filter by, the loading / error / empty state, and endless paging through the client.
 */
export function useJobsPanel(filter: JobsPanelFilter = {}): JobsPanelState {
  const { jobLabel } = useJobsConfig('useJobsPanel');
  useHiddenTab('useJobsPanel');
  const { source, spaceId, status = 'all', operation, search, pageSize = 100 } = filter;
  const listFilter = useMemo<JobsFilter>(
    () => ({ source, spaceId, status: groupStatuses[status], operation, pageSize, sortDirection: 'desc' }),
    [source, spaceId, status, operation, pageSize],
  );
  const key = JSON.stringify(listFilter);
  const [paging, setPaging] = useState({ key, pages: 1 });
  const pages = paging.key === key ? paging.pages : 1;
  const list = useJobsPages(listFilter, pages);
  const active = useActiveJobsCount({ source, spaceId });

  const { ids, jobs, hasMore, totalCount } = list;
  const grouped = useMemo(() => groupRows(ids, jobs, hasMore), [ids, jobs, hasMore]);
  const terms = searchTerms(search);
  const termsKey = terms.join(' ');
  // Typing on narrows the search: the rows of the last one are all a longer search needs to look at. A
  // search over many rows runs in slices (the last result shows meanwhile); a small one at once.
  const lastSearch = useRef<{ rows: readonly JobsPanelItem[]; terms: readonly string[]; result: Searched } | undefined>(
    undefined,
  );
  const searchFrom = () => {
    const last = lastSearch.current;
    return last !== undefined && last.rows === grouped.rows && narrows(terms, last.terms)
      ? last.result.source
      : grouped.rows;
  };
  const [sliced, setSliced] = useState<Searched | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the terms are compared by content
  const searchedNow = useMemo(() => {
    if (terms.length === 0) return undefined;
    const from = searchFrom();
    if (from.length > SLICED_SEARCH_ABOVE) return undefined;
    const result = searchRows(from, jobMatcher(terms, jobs, jobLabel), hasMore);
    lastSearch.current = { rows: grouped.rows, terms, result };
    return result;
  }, [termsKey, grouped.rows, jobs, jobLabel, hasMore]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the terms are compared by content
  useEffect(() => {
    if (terms.length === 0) {
      setSliced(undefined);
      return;
    }
    const from = searchFrom();
    if (from.length <= SLICED_SEARCH_ABOVE) return;
    const rowsNow = grouped.rows;
    return searchRowsInSlices(from, jobMatcher(terms, jobs, jobLabel), hasMore, (result) => {
      lastSearch.current = { rows: rowsNow, terms, result };
      setSliced(result);
    });
  }, [termsKey, grouped.rows, jobs, jobLabel, hasMore]);
  const searched = terms.length === 0 ? undefined : (searchedNow ?? sliced);
  const rows = searched?.rows ?? grouped.rows;
  // Once every page is in, the top-level rows; before, the server's count less the hidden jobs and parts seen.
  // While searching, the matches among the pages read.
  let total = hasMore && totalCount !== undefined ? Math.max(grouped.top, totalCount - grouped.hidden) : grouped.top;
  if (searched !== undefined) total = searched.top;
  const counts = useMemo(() => ({ total, active: active.count }), [total, active.count]);

  // Operations seen in this source or space, remembered across filters so the choice stays open.
  const seen = useRef({ base: '', labels: new Map<string, string>(), list: [] as JobsPanelOperation[] });
  const base = JSON.stringify([source, spaceId]);
  // `ids` is what says the lookup's operations may have grown (jobs joined the list).
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const operations = useMemo(() => {
    if (seen.current.base !== base) seen.current = { base, labels: new Map(), list: [] };
    const known = seen.current;
    let added = false;
    for (const [operation, type] of jobs.operations()) {
      if (known.labels.has(operation)) continue;
      known.labels.set(operation, jobLabel({ type, operation }));
      added = true;
    }
    if (added)
      known.list = [...known.labels]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label));
    return known.list;
  }, [ids, jobs, base, jobLabel]);

  const latest = useRef({ hasMore, loading: list.loading, error: list.error });
  latest.current = { hasMore, loading: list.loading, error: list.error };
  const loadMore = useCallback(() => {
    const { hasMore: more, loading, error } = latest.current;
    if (!more || loading || error !== null) return;
    setPaging((current) => ({ key, pages: (current.key === key ? current.pages : 1) + 1 }));
  }, [key]);

  let state: JobsPanelState['state'] = 'ready';
  if (list.pending) state = list.error !== null ? 'error' : 'loading';
  else if (rows.length === 0 && !hasMore && !list.loading && list.error === null) state = 'empty';
  return useMemo(
    () => ({
      rows,
      counts,
      operations,
      state,
      error: list.error,
      retry: list.retry,
      hasMore,
      loadingMore: !list.pending && list.loading,
      loadMore,
    }),
    [rows, counts, operations, state, list.error, list.retry, hasMore, list.pending, list.loading, loadMore],
  );
}
