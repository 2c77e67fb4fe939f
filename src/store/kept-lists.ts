import { isTerminal, type Job, type JobsClient, type JobsFilter, matchesFilter } from '../core';
import type { JobsCache } from './cache';
import { type JobsListData, ListedJobs } from './listed';
import { type Change, ListMembership, placeMeanwhile, withChanges } from './lists';
import { sealed } from './sealed';

/** What a list read needs of the store around it. */
export interface ListReadDeps {
  client: JobsClient;
  /** The newest version of a job the store holds. */
  peek(jobId: string): Job | undefined;
  /** Runs writes as one batch. */
  batch(run: () => void): void;
  /** Writes a job read on a page; returns the version kept. */
  load(job: Job): Job;
}

/**
 * The store's side of its lists: which lists hold each job written (`ListMembership`), the versions of
 * listed jobs nothing reads under their own key (written together once a batch ends), the status each
 * job was placed at, and what changed while a list was read. The store's pipeline (`store.ts`) calls it
 * at each step of a write; nothing here tells anyone anything.
 */
export class KeptLists {
  private readonly membership: ListMembership;
  /** Versions of listed jobs written in this batch, kept in the cache when it ends. */
  private readonly versions = new Map<string, Job>();
  /** For each list read in flight, the jobs changed (or deleted, `null`) since it was asked for. */
  private readonly reading = new Set<Map<string, Job | null>>();
  /** The status at which each job's list membership was last decided. */
  private readonly placed = new Map<string, Job['status']>();

  constructor(private readonly cache: JobsCache) {
    this.membership = new ListMembership(cache);
  }

  /** The newest version of a listed job kept outside its own key: this batch's, else the cache's `versions`. */
  version(jobId: string): Job | undefined {
    return this.versions.get(jobId) ?? this.cache.versions().get(jobId);
  }

  /**
   * Puts `next` into the lists it belongs to and out of the others, when its status changed since it was
   * last placed (or it never was); answers whether a list holds it then, undefined when nothing changed.
   * The lists' totals counted it already if its previous status belonged (only the status changes what a
   * list holds over a job's life; a job that moved past a page's end is known by where it was placed); one
   * never seen before was in them already unless it was just `created`.
   */
  place(next: Job, prevStatus: Job['status'] | undefined, created: boolean): boolean | undefined {
    const placedAt = this.placed.get(next.id);
    if (placedAt === next.status) return undefined;
    const before = prevStatus ?? placedAt;
    const previous = before !== undefined ? { ...next, status: before } : created ? null : undefined;
    this.placed.set(next.id, next.status);
    return this.membership.place(next, false, previous);
  }

  /** Keeps `job` as the newest version of a listed job, written to the cache when the batch ends. */
  keep(job: Job): void {
    this.versions.set(job.id, job);
  }

  /** A job changed (or was deleted: `null`): a list read in flight, asked for before, may not show it. */
  wrote(jobId: string, job: Job | null): void {
    for (const meanwhile of this.reading) meanwhile.set(jobId, job);
  }

  /** A job was deleted (`job`, its last version, if known): out of every list, and of the reads in flight. */
  deleted(jobId: string, job: Job | undefined): void {
    if (job !== undefined) this.membership.place(job, true, job);
    this.placed.delete(jobId);
    this.wrote(jobId, null);
  }

  /** The cache holds a job no more and no list does: its next write, if any, decides its membership afresh. */
  unplace(jobId: string): void {
    this.placed.delete(jobId);
  }

  /**
   * Applies what the batch wrote: each list changes once, the listed jobs' versions once. A job no list
   * holds any more (it moved past the end of a first page) takes its version with it; those the cache
   * holds no more either are answered, each with its last version.
   */
  flush(): [jobId: string, last: Job | undefined][] {
    const gone = this.membership.flush();
    const released: [string, Job | undefined][] = [];
    for (const id of gone) {
      const last = this.version(id);
      this.versions.delete(id);
      // Lists sort by creation, so only a new status brings it back: the status it was placed at stays
      // while it is active (the lists' totals count it), and an ended one's next write decides afresh.
      const status = this.placed.get(id);
      if (status === undefined || isTerminal(status)) this.placed.delete(id);
      if (this.cache.job(id) === undefined) released.push([id, last]);
    }
    if (this.versions.size === 0 && gone.length === 0) return released;
    this.cache.setVersions(this.cache.versions().without(gone).with(this.versions.values()));
    this.versions.clear();
    return released;
  }

  /**
   * Reads one list page: entries are checked and kept by id. Jobs cached on their own take the version
   * read when it is newer; when the cached one is newer and no longer matches the filter, the page
   * leaves it out (a server's list may lag behind its events). Jobs written while the read was in flight
   * (no list had data to place them in) join or leave the page as their newest version says.
   */
  async read(
    filter: JobsFilter,
    signal: AbortSignal,
    { client, peek, batch, load }: ListReadDeps,
  ): Promise<JobsListData> {
    const meanwhile = new Map<string, Job | null>();
    this.reading.add(meanwhile);
    let page: Awaited<ReturnType<JobsClient['list']>>;
    try {
      page = await client.list(filter, { signal });
    } finally {
      this.reading.delete(meanwhile);
    }
    const read = ListedJobs.read(page?.data, peek);
    const changes = new Map<string, Change>();
    batch(() => {
      for (const id of read.ids) {
        if (this.cache.job(id) === undefined) continue;
        const listed = read.jobs.listed(id);
        if (listed !== undefined && !matchesFilter(load(listed), filter)) changes.set(id, null);
      }
    });
    placeMeanwhile(filter, read.jobs, meanwhile, peek, changes);
    const listed: JobsListData = {
      ids: read.ids,
      jobs: read.jobs,
      skipped: read.skipped,
      ...(page?.pagination === undefined ? {} : { pagination: page.pagination }),
    };
    const data = changes.size === 0 ? listed : withChanges(filter, listed, changes);
    // A new page may lack jobs placed already (the server lags): their next write places them again.
    this.placed.clear();
    return sealed({
      ...data,
      ids: sealed(data.ids),
      ...(data.pagination === undefined ? {} : { pagination: sealed({ ...data.pagination }) }),
    });
  }
}
