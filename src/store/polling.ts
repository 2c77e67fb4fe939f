import { isActive, type Job, type JobsClient, JobsClientError, type JobsFilter } from '../core';
import type { JobsCache } from './cache';
import type { StartedJobs } from './ongoing';
import { Poller } from './poller';
import type { Inbound } from './pushed';
import { focusManager } from './query-core';

/** A list whose filter admits active jobs only (the jobs running on a source). */
function listsActiveOnly(filter: JobsFilter): boolean {
  const status = filter.status;
  if (status === undefined) return false;
  const statuses: readonly string[] = typeof status === 'string' ? [status] : status;
  return statuses.length > 0 && statuses.every((s) => isActive(s));
}

export interface PollingOptions {
  /** How often active jobs are read when the client pushes no events. Default 1000 ms. */
  pollInterval?: number;
  /** The longest wait between polls while reads keep failing. Default 30 s. */
  maxPollInterval?: number;
  /**
   * For a client that pushes events: how often the active jobs that are watched or on screen are read
   * again, so that a missed event holds nothing up for longer. Default 30 s.
   */
  reconcileInterval?: number;
}

export const isNotFound = (error: unknown) => error instanceof JobsClientError && error.code === 'not-found';

/**
 * Reads the active jobs worth reading: shown by a component, started here and not seen to end, or
 * members of an on-screen list of active jobs (what overlays and action bars watch); never those known
 * to be gone. For a client that pushes no events these polls are how jobs move; for one that pushes they
 * are the reconciliation, at a longer interval, that catches what a missed event left behind. A round's
 * answers go to the inbound pipeline as one batch (as reads: a failure goes on the job and backs off).
 * It reads only while such a job exists and the page is visible, and keeps no timer otherwise.
 */
export class Polling {
  private readonly poller: Poller;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    client: JobsClient,
    private readonly cache: JobsCache,
    private readonly started: StartedJobs,
    private readonly inbound: Inbound & { peek(jobId: string): Job | undefined },
  ) {
    const round = {
      ids: () => this.pollableIds(),
      read: (id: string, signal: AbortSignal) => client.get(id, { signal }),
      apply: (ids: string[], results: PromiseSettledResult<unknown>[]) => this.apply(ids, results),
    };
    this.poller = new Poller(round, 1000, 30_000);
  }

  /**
   * Changes how often active jobs are read (from the next round on): every `pollInterval` for a client
   * that pushes nothing, every `reconcileInterval` for one that pushes. Failed rounds double the wait, up
   * to `maxPollInterval`, and for reconciliation up to four intervals.
   */
  configure(options: PollingOptions, pushes: boolean): void {
    if (pushes) {
      const interval = Math.max(50, options.reconcileInterval ?? 30_000);
      this.poller.setInterval(interval, interval * 4);
      return;
    }
    const interval = Math.max(50, options.pollInterval ?? 1000);
    this.poller.setInterval(interval, Math.max(interval, options.maxPollInterval ?? 30_000));
  }

  /** Polls from now on; wakes when a job is shown or written active, a list arrives or the page shows. */
  start(): void {
    const { cache } = this;
    this.cleanups.push(
      cache.queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'observerAdded' || (event.type === 'updated' && event.action.type === 'success')) {
          if (cache.isJob(event.query) ? isActive(cache.jobOf(event.query)?.status) : cache.isList(event.query))
            this.poller.schedule();
        }
      }),
      focusManager.subscribe((focused) => {
        if (focused) this.poller.schedule();
      }),
    );
    this.poller.start();
  }

  stop(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.poller.stop();
  }

  private pollableIds(): string[] {
    const ids = new Set<string>();
    for (const query of this.cache.listQueries()) {
      const data = this.cache.listOf(query);
      if (data === undefined || query.getObserversCount() === 0 || !listsActiveOnly(this.cache.filterOf(query)))
        continue;
      for (const id of data.ids) if (isActive(data.jobs.status(id))) ids.add(id);
    }
    const gone = new Set<string>();
    for (const query of this.cache.jobQueries()) {
      const job = this.cache.jobOf(query);
      if (job === undefined) continue;
      if (isNotFound(query.state.error)) gone.add(job.id);
      else if (isActive(job.status) && query.getObserversCount() > 0) ids.add(job.id);
    }
    for (const id of this.started.ids()) if (isActive(this.inbound.peek(id)?.status)) ids.add(id);
    for (const id of gone) ids.delete(id);
    return [...ids];
  }

  /** A round of polls answered: the jobs read are written as one batch; tells whether to back off. */
  private apply(ids: string[], results: PromiseSettledResult<unknown>[]): boolean {
    let failed = false;
    this.inbound.batch(() => {
      results.forEach((result, i) => {
        if (result.status === 'fulfilled') this.inbound.ingest(result.value, 'poll');
        else {
          if (!isNotFound(result.reason)) failed = true;
          this.inbound.failed(ids[i] as string, result.reason, []);
        }
      });
    });
    return failed;
  }
}
