import { type Job, type JobsFilter, needsAcknowledgement } from '../core';
import { type JobsKeys, jobsKeys } from './keys';
import type { JobsListData } from './listed';
import type { Query, QueryCache, QueryClient } from './query-core';
import { sealed } from './sealed';
import { JobVersions } from './versions';

/**
 * The one place that knows how the kit lays its data out in the react-query cache: a job under
 * `['jobkit', scope, 'job', id]` holding a `Job`, a list under `['jobkit', scope, 'list', filter]`
 * holding `JobsListData`, and the newer versions of listed jobs that have no entry of their own under
 * `['jobkit', scope, 'versions']` (`JobVersions`). Everything else reads and writes through these.
 *
 * While following the cache it indexes the scope's queries as the cache adds and removes them: a write
 * finds its job's query, and the lists, without hashing a key or walking the host's whole cache.
 */
export class JobsCache {
  readonly keys: JobsKeys;
  private readonly lists = new Set<Query>();
  private readonly jobs = new Map<string, Query>();
  private following = false;
  /** The entry of `versions()`, once made. */
  private versionsEntry: Query | undefined;

  constructor(
    readonly queryClient: QueryClient,
    readonly scope: string,
  ) {
    this.keys = jobsKeys(scope);
  }

  /** Indexes what the cache holds and follows it; returns the function that stops following. */
  follow(onRemoved: (jobId: string, job: Job | undefined) => void): () => void {
    const cache: QueryCache = this.queryClient.getQueryCache();
    for (const query of cache.getAll()) this.track(query, true);
    this.following = true;
    const off = cache.subscribe((event) => {
      if (event.type === 'added') this.track(event.query, true);
      else if (event.type === 'removed') {
        this.track(event.query, false);
        if (this.isJob(event.query)) onRemoved(this.jobIdOf(event.query), this.jobOf(event.query));
      }
    });
    return () => {
      off();
      this.following = false;
      this.lists.clear();
      this.jobs.clear();
    };
  }

  isList(query: Query): boolean {
    const key = query.queryKey;
    return key.length === 4 && key[0] === 'jobkit' && key[1] === this.scope && key[2] === 'list';
  }

  isJob(query: Query): boolean {
    const key = query.queryKey;
    return key.length === 4 && key[0] === 'jobkit' && key[1] === this.scope && key[2] === 'job';
  }

  /** The id of a job query (see `isJob`). */
  jobIdOf(query: Query): string {
    return String(query.queryKey[3]);
  }

  /** The job a job query holds (see `isJob`). */
  jobOf(query: Query | undefined): Job | undefined {
    return query?.state.data as Job | undefined;
  }

  /** The filter of a list query (see `isList`). */
  filterOf(query: Query): JobsFilter {
    return query.queryKey[3] as JobsFilter;
  }

  /** The data of a list query (see `isList`). */
  listOf(query: Query): JobsListData | undefined {
    return query.state.data as JobsListData | undefined;
  }

  /** The scope's list queries. */
  listQueries(): Iterable<Query> {
    return this.following ? this.lists : this.queryClient.getQueryCache().findAll({ queryKey: this.keys.lists });
  }

  /** The scope's job queries. */
  jobQueries(): Iterable<Query> {
    return this.following
      ? this.jobs.values()
      : this.queryClient.getQueryCache().findAll({ queryKey: [...this.keys.all, 'job'] });
  }

  /** The jobs held whose outcome waits for acknowledgement, each in its newest version. */
  heldOutcomes(): Job[] {
    const held = new Map<string, Job>();
    for (const query of this.listQueries())
      for (const job of this.listOf(query)?.jobs.withOutcomes() ?? []) held.set(job.id, job);
    for (const job of this.versions().values()) held.set(job.id, job);
    for (const query of this.jobQueries()) {
      const job = this.jobOf(query);
      if (job !== undefined) held.set(job.id, job);
    }
    return [...held.values()].filter(needsAcknowledgement);
  }

  /** The query of one job, when there is one. */
  jobQuery(jobId: string): Query | undefined {
    if (this.following) return this.jobs.get(jobId);
    const { queryHash } = this.queryClient.defaultQueryOptions({ queryKey: this.keys.job(jobId) });
    return this.queryClient.getQueryCache().get(queryHash);
  }

  /** The job kept under its own key. */
  job(jobId: string): Job | undefined {
    return this.jobOf(this.jobQuery(jobId));
  }

  /** Writes a job under its own key (making the query when there is none). */
  setJob(job: Job): void {
    const query = this.jobQuery(job.id);
    if (query === undefined) this.queryClient.setQueryData(this.keys.job(job.id), job);
    else query.setData(job, { manual: true });
  }

  /** The newer versions of listed jobs without an entry of their own. */
  versions(): JobVersions {
    return (this.versionsEntry?.state.data as JobVersions | undefined) ?? JobVersions.empty;
  }

  setVersions(versions: JobVersions): void {
    // Kept while the store runs (nothing observes it): no garbage-collection timer; `dropVersions` removes it.
    const queryKey: readonly unknown[] = this.keys.versions;
    const entry =
      this.versionsEntry ??
      this.queryClient.getQueryCache().build(this.queryClient, { queryKey, gcTime: Number.POSITIVE_INFINITY });
    this.versionsEntry = entry;
    entry.setData(versions, { manual: true });
  }

  dropVersions(): void {
    if (this.versionsEntry !== undefined) this.queryClient.getQueryCache().remove(this.versionsEntry);
    this.versionsEntry = undefined;
  }

  setList(query: Query, data: JobsListData): void {
    sealed(data.ids);
    query.setData(sealed(data), { manual: true });
  }

  /** Puts a failed read on the job's query, where `useJob` callers see it; the last good job stays. */
  recordError(jobId: string, error: unknown): void {
    const query = this.jobQuery(jobId);
    if (query === undefined) return;
    const reason = error instanceof Error ? error : new Error(String(error));
    query.setState({
      status: 'error',
      error: reason,
      errorUpdatedAt: Date.now(),
      errorUpdateCount: query.state.errorUpdateCount + 1,
      fetchFailureCount: query.state.fetchFailureCount + 1,
      fetchFailureReason: reason,
    });
  }

  private track(query: Query, present: boolean): void {
    if (this.isList(query)) {
      if (present) this.lists.add(query);
      else this.lists.delete(query);
    } else if (this.isJob(query)) {
      const id = this.jobIdOf(query);
      if (present) this.jobs.set(id, query);
      else if (this.jobs.get(id) === query) this.jobs.delete(id);
    }
  }
}
