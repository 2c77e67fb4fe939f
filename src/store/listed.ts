import { devWarn, type Job, normalizeJob, toDate } from '../core';
import { checkJob, readMode, readStatus } from '../core/normalize';

/** The fields of a job that never change, read for every listed job when a list is grouped or counted. */
export type JobMetaKey = 'type' | 'operation' | 'mode' | 'parentId';

/** Reads jobs by id from one list page or several. */
export interface JobsLookup {
  get(id: string): Job | undefined;
  /** A field that never changes, read without normalizing the job. */
  field<K extends JobMetaKey>(id: string, key: K): Job[K] | undefined;
  /**
   * Whether some listed job is `hidden` or has a parent: without either, every listed job is a
   * top-level row and a list is grouped without reading a job.
   */
  grouped(): boolean;
  /** The operations of the listed jobs that are not hidden, each with the type of a job that has it. */
  operations(): ReadonlyMap<string, Job['type']>;
}

/** The jobs of several pages, the first page holding an id answering for it. */
export function lookupAll(pages: readonly ListedJobs[]): JobsLookup {
  if (pages.length === 1) return pages[0] as ListedJobs;
  const find = (id: string) => pages.find((page) => page.has(id));
  return {
    get: (id) => find(id)?.get(id),
    field: (id, key) => find(id)?.field(id, key),
    grouped: () => pages.some((page) => page.grouped()),
    operations: () => {
      const all = new Map<string, Job['type']>();
      for (const page of pages) for (const [operation, type] of page.operations()) if (!all.has(operation)) all.set(operation, type);
      return all;
    },
  };
}

/**
 * The jobs of one list page by id. A page is checked entry by entry when it arrives (an entry that
 * cannot be a job is left out and counted) but each job is normalized only when something reads it: a
 * panel with 100,000 jobs normalizes the few rows it shows, not the whole page. Later versions of a job
 * (polls, pushed events, mutations) replace the listed one, so the page never holds a stale job.
 */
export class ListedJobs implements JobsLookup {
  private readonly raw = new Map<string, Record<string, unknown>>();
  private readonly jobs = new Map<string, Job>();
  /** What never changes about the listed jobs, gathered as they join: see `grouped` and `operations`. */
  private hiddenOrParts = false;
  private readonly kinds = new Map<string, Job['type']>();
  /** The listed jobs whose outcome asks for acknowledgement, noted as they are read or written. */
  private readonly acknowledgeable = new Set<string>();

  private joined(job: Pick<Job, 'type' | 'operation' | 'mode' | 'parentId'>): void {
    if (job.mode === 'hidden' || job.parentId !== undefined) this.hiddenOrParts = true;
    if (job.mode !== 'hidden' && !this.kinds.has(job.operation)) this.kinds.set(job.operation, job.type);
  }

  /** Reads a page's entries: the ids of the jobs in order (each once), and how many entries were no job. */
  static read(entries: unknown): { ids: string[]; skipped: number; jobs: ListedJobs } {
    const listed = new ListedJobs();
    const ids: string[] = [];
    let skipped = 0;
    for (const entry of Array.isArray(entries) ? entries : []) {
      try {
        const id = checkJob(entry);
        const raw = entry as Record<string, unknown>;
        // An id sent twice is listed once, where it first appears, with the last version sent.
        if (!listed.raw.has(id)) ids.push(id);
        listed.raw.set(id, raw);
        const outcome = raw.outcome as { acknowledge?: unknown } | null | undefined;
        if (typeof outcome === 'object' && outcome?.acknowledge === true) listed.acknowledgeable.add(id);
        else listed.acknowledgeable.delete(id);
        // As `normalizeJob` reads them; `type` and `operation` were just checked.
        const parentId = typeof raw.parentId === 'string' ? raw.parentId : undefined;
        listed.joined({ type: raw.type as Job['type'], operation: raw.operation as string, mode: readMode(raw.mode), parentId });
      } catch (error) {
        devWarn('a job from the client was left out:', error);
        skipped += 1;
      }
    }
    return { ids, skipped, jobs: listed };
  }

  has(id: string): boolean {
    return this.jobs.has(id) || this.raw.has(id);
  }

  /** The listed job, normalized on first read. */
  get(id: string): Job | undefined {
    const job = this.jobs.get(id);
    if (job !== undefined) return job;
    const raw = this.raw.get(id);
    if (raw === undefined) return undefined;
    // The head was checked when the page arrived, and everything else is repaired: this cannot throw.
    const read = normalizeJob(raw);
    this.raw.delete(id);
    this.jobs.set(id, read);
    return read;
  }

  field<K extends JobMetaKey>(id: string, key: K): Job[K] | undefined {
    // Most listed jobs were never read: one lookup for them.
    const raw = this.raw.get(id);
    if (raw === undefined) return this.jobs.get(id)?.[key];
    // As `normalizeJob` reads them; `type` and `operation` were checked when the page arrived.
    const value = raw[key];
    if (key === 'mode') return readMode(value) as Job[K];
    return (typeof value === 'string' ? value : undefined) as Job[K] | undefined;
  }

  /** The job's status as `normalizeJob` reads it, without normalizing the rest. */
  status(id: string): Job['status'] | undefined {
    const raw = this.raw.get(id);
    if (raw === undefined) return this.jobs.get(id)?.status;
    return readStatus(raw.status);
  }

  /** When the listed version was written (`updatedAt`, 0 without one): tells two lists' versions apart. */
  updatedAt(id: string): number {
    const raw = this.raw.get(id);
    if (raw === undefined) return this.jobs.get(id)?.updatedAt?.getTime() ?? 0;
    return toDate(raw.updatedAt)?.getTime() ?? 0;
  }

  /**
   * The listed jobs that may have an outcome waiting for acknowledgement (`outcome.acknowledge` is
   * true), normalized: the only ones an outcome queue has to look at.
   */
  withOutcomes(): Job[] {
    const found: Job[] = [];
    for (const id of this.acknowledgeable) {
      const job = this.get(id);
      if (job?.outcome?.acknowledge === true) found.push(job);
    }
    return found;
  }

  grouped(): boolean {
    return this.hiddenOrParts;
  }

  operations(): ReadonlyMap<string, Job['type']> {
    return this.kinds;
  }

  /** A newer version of a listed job (or a job joining the list). */
  set(job: Job): void {
    if (!this.has(job.id)) this.joined(job);
    this.raw.delete(job.id);
    this.jobs.set(job.id, job);
    if (job.outcome?.acknowledge === true) this.acknowledgeable.add(job.id);
    else this.acknowledgeable.delete(job.id);
  }

  delete(id: string): void {
    this.raw.delete(id);
    this.jobs.delete(id);
    this.acknowledgeable.delete(id);
  }
}
