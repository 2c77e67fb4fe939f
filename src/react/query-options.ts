import { type DataTag, type QueryClient, queryOptions, type UseQueryOptions } from '@tanstack/react-query';
import { asJobsError, isRetryableError, type Job, type JobsClient, type JobsError, type JobsFilter } from '../core';
import { type JobsListData, JobsStore, keysOf, shareEqual } from '../store';

/** Reads are retried on network and server errors only, a few times; never on a refusal or a 404. */
export function retryRead(failureCount: number, error: Error): boolean {
  return failureCount < 3 && isRetryableError(error);
}

/** The key of one job's query; `getQueryData` with it is a `Job` (or undefined) without a cast. */
export type JobQueryKey = DataTag<readonly ['jobkit', string, 'job', string], Job, JobsError>;
/** The key of one list's query; `getQueryData` with it is a `JobsListData` (or undefined). */
export type JobsListQueryKey = DataTag<readonly ['jobkit', string, 'list', JobsFilter], JobsListData, JobsError>;

/**
 * Options for `useQuery`, `prefetchQuery`, `ensureQueryData`... whose key carries the data type. Named, so
 * the kit's declaration files refer to react-query's own types instead of spelling out their inner symbols.
 */
export type JobQueryOptions<T = Job> = UseQueryOptions<Job, JobsError, T, JobQueryKey> & { queryKey: JobQueryKey };
/** The options of one list's query (see `JobQueryOptions`). */
export type JobsListQueryOptions = UseQueryOptions<JobsListData, JobsError, JobsListData, JobsListQueryKey> & {
  queryKey: JobsListQueryKey;
};

/**
 * The kit's query keys, for a host that prefetches, invalidates or reads the jobs the kit caches with
 * its own QueryClient. They are the keys the hooks use. Jobs are kept per client (two clients sharing a
 * QueryClient never mix their jobs), so every key but `all` names the client given to `JobsProvider`.
 */
export const jobsQueryKeys = {
  /** Every job and list of every client: `invalidateQueries({ queryKey: jobsQueryKeys.all })`. */
  all: ['jobkit'] as const,
  /** Every job and list of one client. */
  client: (client: JobsClient) => keysOf(client).all,
  /** Every list of one client, whatever its filter. */
  lists: (client: JobsClient) => keysOf(client).lists,
  /** One list, as `useJobs(filter)` reads it (`{}` for all jobs). */
  list: (client: JobsClient, filter: JobsFilter = {}) => keysOf(client).list(filter) as JobsListQueryKey,
  /** One job, as `useJob(jobId)` reads it. */
  job: (client: JobsClient, jobId: string) => keysOf(client).job(jobId) as JobQueryKey,
};

/** Which store reads for a query: the hook's own, or the one a host's options find for the QueryClient. */
type StoreOf = (queryClient: QueryClient) => JobsStore;

const running = new WeakMap<QueryClient, WeakMap<JobsClient, Set<JobsStore>>>();

/**
 * Lets a host's query options read through a provider's store while it runs: the job read is accepted
 * by the store (lists it joins, events, ends) exactly as one made by a hook. Returns the undo, which,
 * when no store of the client is left running, marks the client's entries stale: nothing kept them
 * current since, so the next provider reads again what it shows (a prefetch made later stays fresh).
 */
export function registerStore(store: JobsStore): () => void {
  const { queryClient, client } = store;
  let clients = running.get(queryClient);
  if (clients === undefined) {
    clients = new WeakMap();
    running.set(queryClient, clients);
  }
  let stores = clients.get(client);
  if (stores === undefined) {
    stores = new Set();
    clients.set(client, stores);
  }
  stores.add(store);
  return () => {
    stores.delete(store);
    if (stores.size > 0) return;
    clients.delete(client);
    void queryClient.invalidateQueries({ queryKey: keysOf(client).all, refetchType: 'none' });
  };
}

/**
 * The running store of a client in a QueryClient; before a provider runs (a prefetch in a route loader,
 * before the first render) a store that is not started reads and shapes the value the same way.
 */
function storeFor(client: JobsClient): StoreOf {
  return (queryClient) => {
    for (const store of running.get(queryClient)?.get(client) ?? []) return store;
    return new JobsStore(queryClient, client);
  };
}

/** The options of one job's query, shared by `useJob` and `jobQueryOptions`. */
export function jobQuery<T = Job>(client: JobsClient, jobId: string, store: StoreOf): JobQueryOptions<T> {
  return queryOptions<Job, JobsError, T, JobQueryKey>({
    queryKey: jobsQueryKeys.job(client, jobId),
    queryFn: ({ signal, client: queryClient }) => asJobsError(() => store(queryClient).readJob(jobId, signal)),
    // Kept fresh by events and polls; a read happens only when the job is not cached yet.
    staleTime: Number.POSITIVE_INFINITY,
    retry: retryRead,
    structuralSharing: shareEqual,
  });
}

/** The options of one list's query, shared by `useJobs`, `useJobsPages` and `jobsListQueryOptions`. */
export function listQuery(client: JobsClient, filter: JobsFilter, store: StoreOf): JobsListQueryOptions {
  return queryOptions<JobsListData, JobsError, JobsListData, JobsListQueryKey>({
    queryKey: jobsQueryKeys.list(client, filter),
    queryFn: ({ signal, client: queryClient }) => asJobsError(() => store(queryClient).readList(filter, signal)),
    staleTime: 30_000,
    retry: retryRead,
    // A list's ids change only by a new page or a membership change, both new arrays: walking
    // 100,000 ids to share equal ones would cost more than it saves.
    structuralSharing: false,
  });
}

/**
 * The query options `useJob(jobId)` uses, for `queryClient.prefetchQuery(jobQueryOptions(client, id))`,
 * `ensureQueryData` or a host's own `useQuery`. The job read is the one the kit would make: a component
 * rendered after the prefetch asks the server nothing.
 */
export function jobQueryOptions(client: JobsClient, jobId: string): JobQueryOptions {
  return jobQuery(client, jobId, storeFor(client));
}

/** The query options `useJobs(filter)` uses (see `jobQueryOptions`). */
export function jobsListQueryOptions(client: JobsClient, filter: JobsFilter = {}): JobsListQueryOptions {
  return listQuery(client, filter, storeFor(client));
}
