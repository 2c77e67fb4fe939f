import { type QueryObserverResult, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { JobsError, JobsFilter } from '../core';
import { useJobsStore } from './context';
import { type JobsListData, type JobsLookup, type ListedJobs, lookupAll } from '../store';
import { listQuery } from './query-options';

export interface JobsPagesResult {
  /** The ids of every loaded page, in list order, each once (a job that moved between pages is not repeated). */
  ids: readonly string[];
  /** The jobs of the loaded pages by id. */
  jobs: JobsLookup;
  /** Pages that have answered, from the first on. */
  loaded: number;
  /** The server's count of matching jobs, from the first page; undefined when it sends no pagination. */
  totalCount: number | undefined;
  /** Whether the server has pages beyond the loaded ones. */
  hasMore: boolean;
  /** The first page has not answered yet. */
  pending: boolean;
  /** A page without data is being read (the first, or the next one). */
  loading: boolean;
  /** The error of the first page that failed and has nothing to show. */
  error: JobsError | null;
  /** The 1-based page `error` belongs to. */
  errorPage: number | undefined;
  /** Reads the failed pages again. */
  retry(): void;
}

interface CombinedFields {
  ids: readonly string[];
  pages: ListedJobs[];
  loaded: number;
  totalCount: number | undefined;
  pageCount: number | undefined;
  lastEntries: number;
  pending: boolean;
  loading: boolean;
  error: JobsError | null;
  errorPage: number | undefined;
}

/**
 * The merged pages. A class, not a plain object, so react-query hands it over as it is instead of
 * walking it for structural sharing: that walk copies the id list, 100,000 entries for a large list.
 */
class Combined {
  constructor(readonly fields: CombinedFields) {}
}

/** `next`, or `prev` when it holds the same items: keeps memos keyed on it from running again. */
function stable<T>(prev: readonly T[], next: readonly T[]): readonly T[] {
  if (prev === next) return prev;
  if (prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i += 1) if (prev[i] !== next[i]) return next;
  return prev;
}

// Every page's queryFn throws JobsErrors only (`asJobsError`); useQueries types errors as plain `Error`.
function combine(results: QueryObserverResult<JobsListData, Error>[]): Combined {
  const seen = new Set<string>();
  let ids: readonly string[] = [];
  const merged: string[] = [];
  const pages: ListedJobs[] = [];
  let loaded = 0;
  let error: JobsError | null = null;
  let errorPage: number | undefined;
  let loading = false;
  for (const [index, result] of results.entries()) {
    const data = result.data;
    if (data === undefined) {
      if (result.error !== null && error === null) {
        error = result.error as JobsError;
        errorPage = index + 1;
      } else if (result.error === null) loading = true;
      continue;
    }
    if (loaded === index) loaded += 1;
    pages.push(data.jobs);
    if (results.length === 1) {
      ids = data.ids; // one page lists each id once: no copy of a 100,000-entry list
      continue;
    }
    for (const id of data.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      merged.push(id);
    }
  }
  if (results.length > 1) ids = merged;
  const first = results[0]?.data;
  const last = results[loaded - 1]?.data;
  return new Combined({
    ids,
    pages,
    loaded,
    totalCount: first?.pagination?.totalCount,
    pageCount: last?.pagination?.pageCount,
    lastEntries: last === undefined ? 0 : last.ids.length + last.skipped,
    pending: first === undefined,
    loading,
    error,
    errorPage,
  });
}

/**
 * The first `pages` pages of a list (`pageNumber` 1..pages of `filter`), merged. Each page is a list
 * query of its own, so the kit keeps the first page current as jobs are created or change status, and
 * reads a later page again when a change lands on it.
 */
export function useJobsPages(filter: JobsFilter, pages: number): JobsPagesResult {
  const { client, queryClient, store } = useJobsStore('useJobsPages');
  const count = Math.max(1, Math.floor(pages));
  const combined = useQueries(
    {
      queries: Array.from({ length: count }, (_, index) => {
        const pageFilter: JobsFilter = { ...filter, pageNumber: index + 1 };
        return listQuery(client, pageFilter, () => store);
      }),
      combine,
    },
    queryClient,
  );
  const filterKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is compared by content
  const retry = useCallback(() => {
    for (let page = 1; page <= count; page += 1) {
      const queryKey = store.cache.keys.list({ ...filter, pageNumber: page });
      if (queryClient.getQueryState(queryKey)?.status === 'error')
        void queryClient.refetchQueries({ queryKey, exact: true });
    }
  }, [filterKey, count, store, queryClient]);
  const result = combined.fields;
  const { pageCount, lastEntries, loaded } = result;
  const pageSize = filter.pageSize;
  const hasMore =
    loaded === count &&
    (pageCount !== undefined ? loaded < pageCount : pageSize !== undefined && lastEntries >= pageSize);
  // The same ids and pages keep the same arrays, so grouping a large list runs only when it changed.
  const kept = useRef({ ids: result.ids as readonly string[], pages: result.pages as readonly ListedJobs[] });
  kept.current = { ids: stable(kept.current.ids, result.ids), pages: stable(kept.current.pages, result.pages) };
  const { ids, pages: loadedPages } = kept.current;
  const jobs = useMemo(() => lookupAll(loadedPages), [loadedPages]);
  return useMemo(
    () => ({
      ids,
      jobs,
      loaded,
      totalCount: result.totalCount,
      hasMore,
      pending: result.pending,
      loading: result.loading,
      error: result.error,
      errorPage: result.errorPage,
      retry,
    }),
    [
      ids,
      jobs,
      loaded,
      hasMore,
      result.totalCount,
      result.pending,
      result.loading,
      result.error,
      result.errorPage,
      retry,
    ],
  );
}
