import {
  devWarn,
  isTerminal,
  type Job,
  type JobEvent,
  type JobEventListener,
  type JobsClient,
  JobsClientError,
  type JobsFilter,
  needsAcknowledgement,
  normalizeJob,
} from '../core';
import { JobsCache } from './cache';
import { scopeOf } from './keys';
import { derivedEvent, derivedTopic, type WriteCause } from './derive';
import type { JobEnds } from './job-ends';
import { Listeners } from './listeners';
import { KeptLists } from './kept-lists';
import type { JobsListData, ListedJobs } from './listed';
import { newestListed } from './lists';
import { StartedJobs } from './ongoing';
import { isNotFound, Polling, type PollingOptions } from './polling';
import { type Inbound, PushedEvents } from './pushed';
import { notifyManager, type QueryClient } from './query-core';
import { ReconciledChanges } from './reconciled';
import { sealed } from './sealed';
import { shareEqual } from './share';

/** How often the store reads active jobs (`Polling.configure`). */
export type JobsStoreOptions = PollingOptions;

const endTopic = (event: JobEvent) => event.topic === 'job:completed' || event.topic === 'job:failed';

/**
 * One provider's jobs, kept in the react-query cache and nowhere else. Every job that comes in (pushed,
 * polled, read, or answered to the provider's own calls) takes one path, `accept`: it is written under
 * its own key (an older version than the one held is dropped), the lists it belongs to gain or lose it,
 * then the `job:*` events reach the listeners and a job seen ending is routed (`JobEnds`). Writes made
 * together (a poll round, a slice of pushed events) change each list once.
 *
 * Jobs come from the client's pushed events (`PushedEvents`) or, for a client that pushes none, from
 * polls (`Polling`: only while a job worth reading is active and the page is visible; idle, no timer).
 * A pushing client's jobs are polled too, every `reconcileInterval` (30 s): the reconciliation that
 * ends what a missed event would have ended; a change it finds is told as the event the kit derives, and
 * the pushed event for that change, when it comes late, is not told again (`ReconciledChanges`).
 */
export class JobsStore implements Inbound {
  /** Tells this client's keys apart from other clients' in a shared QueryClient (`scopeOf`). */
  readonly scope: string;
  readonly cache: JobsCache;
  /**
   * Where the end of a job is decided and told: made by the first view that follows ends (`endsOf`), so
   * that a host following none carries no routing. Ends seen before it exists are told to no one (as they
   * would be to a router with no listener); what a later view must still show, it reads from the cache.
   */
  ends: JobEnds | undefined;
  /** The signed-in user, for outcomes meant for the job's originator. */
  currentUserId: string | undefined;
  /** Jobs the user started or acted on here, and those of them not seen to end. */
  readonly started = new StartedJobs();
  /** Outcomes' acknowledgements in flight and automatic runs done, shared by the provider's views. */
  readonly outcomes = {
    acknowledging: new Map<string, Promise<void>>(),
    ran: new Set<string>(),
    silent: new Set<string>(),
  };
  private readonly lists: KeptLists;
  private readonly pushed: PushedEvents;
  private readonly polling: Polling;
  private readonly reconciled = new ReconciledChanges();
  private readonly events = new Listeners<JobEvent>();
  private readonly writes = new Listeners<Job>();
  private readonly removals = new Listeners<string>();
  private readonly listReads = new Listeners<ListedJobs>();
  /** Listens to every `job:*` event the kit sees, pushed or derived from polls and the provider's calls. */
  readonly on = (listener: JobEventListener): (() => void) => this.events.add(listener);
  /** Hears every job written, whoever wrote it (list pages arrive as list queries instead). */
  readonly onWrite = (listener: (job: Job) => void): (() => void) => this.writes.add(listener);
  /** Hears a job's own entry leaving the cache. */
  readonly onRemoved = (listener: (jobId: string) => void): (() => void) => this.removals.add(listener);
  /** Hears every list page read, once its jobs are in the cache. */
  readonly onListRead = (listener: (jobs: ListedJobs) => void): (() => void) => this.listReads.add(listener);
  private readonly cleanups: (() => void)[] = [];
  /** What a batch told, told when it ends: events, then ends. */
  private readonly outbox: JobEvent[] = [];
  private readonly ended: Job[] = [];
  private depth = 0;
  private running = false;
  private eventCount = 0;

  constructor(
    readonly queryClient: QueryClient,
    readonly client: JobsClient,
    options: JobsStoreOptions = {},
  ) {
    this.scope = scopeOf(client);
    this.cache = new JobsCache(queryClient, this.scope);
    this.lists = new KeptLists(this.cache);
    this.pushed = new PushedEvents(client, this);
    this.polling = new Polling(client, this.cache, this.started, this);
    this.configure(options);
  }

  /** Changes how often active jobs are read, from the next round on (`Polling.configure`). */
  configure(options: JobsStoreOptions): void {
    this.polling.configure(options, this.pushes);
  }

  get pushes(): boolean {
    return typeof this.client.subscribe === 'function';
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.cleanups.push(this.cache.follow((jobId, job) => this.removed(jobId, job)));
    if (this.client.subscribe) {
      this.pushed.start();
      this.cleanups.push(this.client.subscribe((event) => this.pushed.receive(event)));
    }
    // Polls for a client that pushes nothing; reconciles for one that pushes.
    this.polling.start();
    this.cleanups.push(() => this.polling.stop());
  }

  stop(): void {
    this.running = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.pushed.stop();
    this.reconciled.clear();
    this.cache.dropVersions();
  }

  /** The newest version of a job the cache holds: under its own key, else among the versions, else in a list. */
  peek(jobId: string): Job | undefined {
    return this.cache.job(jobId) ?? this.lists.version(jobId) ?? newestListed(this.cache, jobId)?.job();
  }

  /** The inbound pipeline for a raw job: normalized, then `accept`ed. Undefined when it is no job. */
  ingest(value: unknown, cause: WriteCause, events: readonly JobEvent[] = []): Job | undefined {
    let job: Job;
    try {
      job = normalizeJob(value);
    } catch (error) {
      devWarn('a job from the client was left out:', error);
      this.batch(() => this.outbox.push(...events));
      return undefined;
    }
    return this.accept(job, cause, events);
  }

  /** Reads one job for `useJob`: what it returns is what react-query stores under the job's key. */
  async readJob(jobId: string, signal: AbortSignal): Promise<Job> {
    const job = normalizeJob(await this.client.get(jobId, { signal }));
    return this.accept(job, 'read');
  }

  /** Reads one list page (`KeptLists.read`); what it returns is what react-query stores under the list's key. */
  async readList(filter: JobsFilter, signal: AbortSignal): Promise<JobsListData> {
    const data = await this.lists.read(filter, signal, {
      client: this.client,
      peek: (id) => this.peek(id),
      batch: (run) => this.batch(run),
      load: (job) => this.accept(job, 'load'),
    });
    this.listReads.tell(data.jobs);
    return data;
  }

  /** Runs writes as one batch: lists change once, then events and ends are told. */
  batch<T>(run: () => T): T {
    const outer = this.depth === 0;
    this.depth += 1;
    try {
      return notifyManager.batch(() => {
        try {
          return run();
        } finally {
          if (outer) this.flush();
        }
      });
    } finally {
      this.depth -= 1;
      if (outer) this.tell();
    }
  }

  forget(jobId: string, event?: JobEvent): void {
    this.batch(() => {
      this.lists.deleted(jobId, this.peek(jobId));
      this.started.end(jobId);
      this.cache.recordError(jobId, new JobsClientError('not-found', `Job ${jobId} was deleted`));
      if (event !== undefined) this.outbox.push(event);
    });
  }

  failed(jobId: string, error: unknown, events: readonly JobEvent[] = []): void {
    this.batch(() => {
      if (isNotFound(error)) this.started.end(jobId);
      this.cache.recordError(jobId, error);
      this.outbox.push(...events);
    });
  }

  /** Writes a normalized job, then queues what it tells (see the class comment). Returns the version kept. */
  private accept(job: Job, cause: WriteCause, events: readonly JobEvent[] = []): Job {
    return this.batch(() => {
      // Started before the write: the write is what wakes the poller, and it must see the job as started.
      if (cause === 'create' || cause === 'mutation') this.started.add(job);
      const created = cause === 'create' || events.some((event) => event.topic === 'job:created');
      const { prev, prevStatus, next, stale } = this.write(job, cause, created);
      // An event carries the version kept; one nobody listens to is not made.
      for (const event of events)
        if (!this.reconciled.toldAlready(event, next) && this.events.size > 0)
          this.outbox.push({ ...event, job: next });
      // Events are derived for a polling client's writes, and for a pushing client's reconciliation reads. A
      // created job was created, even when a newer version of it arrived before the answer.
      const derives = this.pushes ? cause === 'poll' : cause !== 'load' && cause !== 'read';
      if (events.length === 0 && derives && (!stale || cause === 'create')) {
        const topic = derivedTopic(prev, next, cause);
        if (topic !== undefined) this.outbox.push(derivedEvent(topic, next, ++this.eventCount));
        if (topic !== undefined && this.pushes) this.reconciled.tell(topic, next);
      }
      const known = prevStatus !== undefined;
      if (isTerminal(next.status) && (known ? !isTerminal(prevStatus) : events.some(endTopic))) this.ended.push(next);
      return next;
    });
  }

  /**
   * Writes `job`, unless it is older than the version held (whoever sent it: an answer to this
   * provider's own call may arrive after a newer version was pushed): under its own key when something reads it
   * there, this provider changed it or no list holds it; a listed job nothing reads has its versions kept
   * together in the cache's `versions` entry (10,000 listed jobs make no 10,000 entries, and no list
   * changes for a tick). The lists gain or lose it when its status changes, or when they have not yet
   * seen it at this status.
   */
  private write(
    job: Job,
    cause: WriteCause,
    created = false,
  ): { prev: Job | undefined; prevStatus: Job['status'] | undefined; next: Job; stale: boolean } {
    const own = this.cache.job(job.id);
    const version = own === undefined ? this.lists.version(job.id) : undefined;
    const listed = own === undefined && version === undefined ? newestListed(this.cache, job.id) : undefined;
    const kept = own ?? version;
    const prevStatus = kept?.status ?? listed?.status;
    // Events are derived from the previous version (see `accept`): a listed one is read whole only then.
    const prev = kept ?? (this.pushes && cause !== 'poll' ? undefined : listed?.job());
    const heldAt = kept === undefined ? listed?.updatedAt : (kept.updatedAt?.getTime() ?? 0);
    if (heldAt !== undefined && (job.updatedAt?.getTime() ?? heldAt) < heldAt) {
      return { prev, prevStatus, next: kept ?? listed?.job() ?? job, stale: true };
    }
    const next = sealed(own === undefined ? job : shareEqual(own, job));
    const placed = cause === 'load' ? undefined : this.lists.place(next, prevStatus, created);
    const inLists = placed ?? (version !== undefined || listed !== undefined);
    const ours = cause === 'create' || cause === 'mutation';
    if (cause === 'read') {
      // react-query stores what `readJob` returns.
    } else if (own !== undefined) {
      if (next !== own) this.cache.setJob(next);
    } else if (ours || !inLists) this.cache.setJob(next);
    else this.lists.keep(next);
    // What happened to a job (an event, a poll, this provider's call) while a list was read: the page,
    // asked for before, may not show it. A read of the job itself says nothing the page does not.
    if (cause !== 'read' && cause !== 'load') this.lists.wrote(job.id, next);
    this.started.seen(next);
    this.writes.tell(next);
    return { prev, prevStatus, next, stale: false };
  }

  /** Applies what the batch wrote to the lists (`KeptLists.flush`); a job nothing holds any more is let go. */
  private flush(): void {
    for (const [id, last] of this.lists.flush()) this.letGo(id, last);
  }

  /** Tells what the batch queued: the events, then the ends. */
  private tell(): void {
    for (const event of this.outbox.splice(0)) this.events.tell(event);
    for (const job of this.ended.splice(0)) this.ends?.route(job, this.started.has(job.id));
  }

  /** A job's own entry left the cache: if a list holds it, its newest version is kept with the versions. */
  private removed(jobId: string, job: Job | undefined): void {
    if (job !== undefined && newestListed(this.cache, jobId) !== undefined) this.batch(() => this.lists.keep(job));
    else {
      this.lists.unplace(jobId);
      this.letGo(jobId, job);
    }
    this.removals.tell(jobId);
  }

  /** The cache holds a job no more (`last`, its last version): ended with nothing left for the user, it is let go. */
  private letGo(jobId: string, last: Job | undefined): void {
    if (last !== undefined && isTerminal(last.status) && !needsAcknowledgement(last)) this.started.forget(jobId);
  }
}
