import { focusManager, notifyManager, type Query, type QueryClient } from '@tanstack/react-query';
import {
  devWarn,
  isActive,
  type Job,
  JobsClientError,
  type JobEvent,
  type JobEventListener,
  type JobsClient,
  type JobsFilter,
  normalizeJob,
} from '../core';
import { derivedEvent, derivedTopic } from './derive';
import { type JobsListData, jobKey, listKeyPrefix } from './keys';
import type { ListedJobs } from './listed';
import { newestHolder, updateListMembership } from './lists';
import { Poller } from './poller';
import { PushedEvents } from './pushed';
import { QueryIndex } from './query-index';
import { shareEqual } from './share';

export interface JobsSyncOptions {
  /** How often active jobs are read when the client pushes no events. Default 1000 ms. */
  pollInterval?: number;
  /** The longest wait between polls while reads keep failing. Default 30 s. */
  maxPollInterval?: number;
}

export type { WriteCause } from './derive';
import type { WriteCause } from './derive';

/** A list whose filter admits active jobs only (the jobs running on a source). */
function listsActiveOnly(filter: JobsFilter | undefined): boolean {
  const status = filter?.status;
  if (status === undefined) return false;
  const statuses: readonly string[] = typeof status === 'string' ? [status] : status;
  return statuses.length > 0 && statuses.every((s) => isActive(s));
}

const isNotFound = (error: unknown) => error instanceof JobsClientError && error.code === 'not-found';

/**
 * Keeps the react-query cache current: writes jobs under their own keys and list membership, takes
 * pushed events from the client or, without them, polls the jobs that are active and watched, and
 * hands one stream of `job:*` events to the kit's listeners. It holds no job state of its own.
 *
 * Polling runs only while at least one watched job is active and the page is visible, one request per
 * such job per interval, applied as one batch; idle, it keeps no timer.
 */
export class JobsSync {
  private readonly listeners = new Set<JobEventListener>();
  /** Events the client pushes, when it does. */
  private readonly pushed = new PushedEvents({
    accept: (value) => this.accept(value, 'push'),
    forget: (jobId) => this.forget(jobId),
    emit: (event) => this.emit(event),
    recordError: (jobId, error) => this.recordError(jobId, error),
    read: (jobId) => this.client.get(jobId),
  });
  private readonly writeListeners = new Set<(job: Job) => void>();
  /** The scope's list and job queries, indexed while running. */
  private readonly queries: QueryIndex;
  private readonly cleanups: (() => void)[] = [];
  /** Jobs this provider started or acted on: polled even when no component shows them. */
  private readonly watched = new Set<string>();
  private running = false;
  private eventCount = 0;
  /** Reads active, watched jobs when the client pushes no events. */
  private readonly poller: Poller;

  constructor(
    readonly queryClient: QueryClient,
    readonly scope: string,
    readonly client: JobsClient,
    options: JobsSyncOptions = {},
  ) {
    const pollInterval = Math.max(50, options.pollInterval ?? 1000);
    const round = {
      ids: () => this.pollableIds(),
      read: (id: string, signal: AbortSignal) => this.client.get(id, { signal }),
      apply: (ids: string[], results: PromiseSettledResult<unknown>[]) => this.applyPolls(ids, results),
    };
    this.poller = new Poller(round, pollInterval, Math.max(pollInterval, options.maxPollInterval ?? 30_000));
    this.queries = new QueryIndex(scope);
  }

  get pushes(): boolean {
    return typeof this.client.subscribe === 'function';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.cleanups.push(this.queries.follow(this.queryClient.getQueryCache()));
    if (this.client.subscribe) {
      this.pushed.start();
      this.cleanups.push(this.client.subscribe((event) => this.pushed.receive(event)));
      return;
    }
    this.cleanups.push(
      this.queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'observerAdded' || (event.type === 'updated' && event.action.type === 'success')) {
          if (this.queries.isJob(event.query) ? isActive((event.query.state.data as Job | undefined)?.status) : this.queries.isList(event.query)) {
            this.poller.schedule();
          }
        }
      }),
      focusManager.subscribe((focused) => {
        if (focused) this.poller.schedule();
      }),
    );
    this.poller.start();
  }

  stop(): void {
    this.running = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.pushed.stop();
    this.poller.stop();
  }

  /** Listens to every `job:*` event the kit sees, pushed or derived from polls and mutations. */
  on(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears every job written, whoever wrote it (list pages arrive as list queries instead). */
  onWrite(listener: (job: Job) => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Marks a job as one to keep current even when nothing on screen reads it. */
  watch(jobId: string): void {
    this.watched.add(jobId);
  }

  /** Whether this provider started (or acted on) the job: its outcome is this user's to see. */
  isWatched(jobId: string): boolean {
    return this.watched.has(jobId);
  }

  /** Reads a raw value as a job and writes it; returns the job, or undefined when it was malformed. */
  accept(value: unknown, cause: WriteCause): Job | undefined {
    let job: Job;
    try {
      job = normalizeJob(value);
    } catch (error) {
      devWarn('a job from the client was left out:', error);
      return undefined;
    }
    this.write(job, cause);
    return job;
  }

  /**
   * Writes `job` (keeping references where nothing changed) into the lists that hold it and, when
   * something reads it under its own key, this provider changed it, or no list holds it, under its own
   * key; moves it between lists when its status changed. Returns the version kept.
   */
  write(job: Job, cause: WriteCause): Job {
    const query = this.jobQuery(job.id);
    const queried = query?.state.data as Job | undefined;
    // A job only listed is not compared field by field (nothing renders it), only its status.
    const holder = queried === undefined ? newestHolder(this.listQueries(), job.id) : undefined;
    const prev = queried ?? (this.pushes ? undefined : holder?.get(job.id));
    const next = queried === undefined ? job : shareEqual(queried, job);
    // Watched before the write: the write is what wakes the poller, and it must see the job as watched.
    const ours = cause === 'create' || cause === 'mutation';
    if (ours) this.watch(job.id);
    // Membership is decided again whenever no list holds the job or a list holds it in another status:
    // a job first read on its own (`useJob`) joins its lists at its next write, whatever that write is.
    let listed = false;
    let moved = false;
    for (const list of this.listQueries()) {
      const jobs = (list.state.data as JobsListData | undefined)?.jobs;
      if (jobs?.has(job.id)) {
        if (jobs.status(job.id) !== next.status) moved = true;
        jobs.set(next);
        listed = true;
      }
    }
    if (query !== undefined ? queried !== next : ours || !listed) {
      this.queryClient.setQueryData(jobKey(this.scope, job.id), next);
    }
    if (cause !== 'load' && (moved || !listed)) {
      updateListMembership(this.queryClient, this.listQueries(), next);
    }
    for (const listener of [...this.writeListeners]) listener(next);
    if (!this.pushes && cause !== 'load' && cause !== 'push') this.derive(prev, next, cause);
    return next;
  }

  /** The latest version of a job the cache holds: under its own key, else in a list. */
  peek(jobId: string): Job | undefined {
    return (this.jobQuery(jobId)?.state.data as Job | undefined) ?? newestHolder(this.listQueries(), jobId)?.get(jobId);
  }

  /** A list page just read: jobs read under their own key take the version it brought. */
  refresh(jobs: ListedJobs): void {
    const queries = this.running ? [...this.queries.jobs.values()] : this.queryClient.getQueryCache().getAll();
    notifyManager.batch(() => {
      for (const query of queries) {
        const id = query.queryKey[3] as string;
        if (!this.queries.isJob(query) || query.state.data === undefined || !jobs.has(id)) continue;
        const job = jobs.get(id);
        if (job !== undefined) jobs.set(this.write(job, 'load'));
      }
    });
  }

  private listQueries(): Iterable<Query> {
    return this.running ? this.queries.lists : this.queryClient.getQueryCache().findAll({ queryKey: listKeyPrefix(this.scope) });
  }

  private jobQuery(jobId: string): Query | undefined {
    if (this.running) return this.queries.jobs.get(jobId);
    const { queryHash } = this.queryClient.defaultQueryOptions({ queryKey: jobKey(this.scope, jobId) });
    return this.queryClient.getQueryCache().get(queryHash);
  }

  private derive(prev: Job | undefined, next: Job, cause: WriteCause): void {
    const topic = derivedTopic(prev, next, cause);
    if (topic !== undefined) this.emit(derivedEvent(topic, next, ++this.eventCount));
  }

  private emit(event: JobEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('[jobkit] a job event listener threw', error);
      }
    }
  }

  /**
   * Active jobs worth reading: shown by a component, started here, or members of an on-screen list of
   * active jobs (what overlays and action bars watch); never those known to be gone.
   */
  private pollableIds(): string[] {
    const ids = new Set<string>();
    for (const query of this.listQueries()) {
      const filter = query.queryKey[3] as JobsFilter | undefined;
      const data = query.state.data as JobsListData | undefined;
      if (data === undefined || query.getObserversCount() === 0 || !listsActiveOnly(filter)) continue;
      for (const id of data.ids) if (isActive(data.jobs.status(id))) ids.add(id);
    }
    const gone = new Set<string>();
    for (const query of this.queries.jobs.values()) {
      const job = query.state.data as Job | undefined;
      if (job === undefined) continue;
      if (isNotFound(query.state.error)) gone.add(job.id);
      else if (isActive(job.status) && query.getObserversCount() > 0) ids.add(job.id);
    }
    for (const id of this.watched) if (isActive(this.peek(id)?.status)) ids.add(id);
    for (const id of gone) ids.delete(id);
    return [...ids];
  }

  /** A round of polls answered: the jobs read are written as one batch; tells whether to back off. */
  private applyPolls(ids: string[], results: PromiseSettledResult<unknown>[]): boolean {
    let failed = false;
    notifyManager.batch(() => {
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') this.accept(result.value, 'poll');
        else {
          if (!isNotFound(result.reason)) failed = true;
          this.recordError(ids[i] as string, result.reason);
        }
      });
    });
    return failed;
  }

  /** A deleted job: out of every list, and its query says it is gone. */
  private forget(jobId: string): void {
    const job = this.peek(jobId);
    if (job !== undefined) updateListMembership(this.queryClient, this.listQueries(), job, true);
    this.recordError(jobId, new JobsClientError('not-found', `Job ${jobId} was deleted`));
  }

  /** Puts a failed read on the job's query, where `useJob` callers see it; the last good job stays. */
  private recordError(jobId: string, error: unknown): void {
    const query = this.queryClient.getQueryCache().find({ queryKey: jobKey(this.scope, jobId), exact: true });
    if (query === undefined) return;
    query.setState({
      status: 'error',
      error: error as Error,
      errorUpdatedAt: Date.now(),
      errorUpdateCount: query.state.errorUpdateCount + 1,
      fetchFailureCount: query.state.fetchFailureCount + 1,
      fetchFailureReason: error as Error,
    });
  }
}
