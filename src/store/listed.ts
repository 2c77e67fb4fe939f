import { devWarn, type Job, needsAcknowledgement, normalizeJob, toDate } from '../core';
import { checkJob, readMode, readStatus } from '../core/normalize';
import { sealed } from './sealed';

/** The fields of a job that never change, read for every listed job when a list is grouped or counted. */
export type JobMetaKey = 'type' | 'operation' | 'mode' | 'parentId';
/** A field read without normalizing the job: the unchanging ones, and `info` for a text search. */
export type JobFieldKey = JobMetaKey | 'info';

/** Reads jobs by id from one list page or several. */
export interface JobsLookup {
  /** The newest version of a listed job. */
  get(id: string): Job | undefined;
  /** A field read without normalizing the job (`info` as the newest version has it). */
  field<K extends JobFieldKey>(id: string, key: K): Job[K] | undefined;
  /**
   * Whether some listed job is `hidden` or has a parent: without either, every listed job is a
   * top-level row and a list is grouped without reading a job.
   */
  grouped(): boolean;
  /** The operations of the listed jobs that are not hidden, each with the type of a job that has it. */
  operations(): ReadonlyMap<string, Job['type']>;
}

/**
 * What a list query holds: ids in list order and the listed jobs by id. The value never changes: a job
 * joining or leaving makes a new one that shares what did not change. Components read a job with
 * `useJob(id)`, which takes it from here without asking the server.
 */
export interface JobsListData {
  readonly ids: readonly string[];
  /** The listed jobs; `get` answers with the newest version the cache holds. */
  readonly jobs: ListedJobs;
  readonly pagination?: { currentPage: number; pageCount: number; totalCount: number };
  /** Entries the server sent that could not be read as jobs, left out of `ids`. */
  readonly skipped: number;
}

/** The newest version of a job the cache holds, when newer than a list page's. */
type NewerVersions = (id: string) => Job | undefined;

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
      for (const page of pages)
        for (const [operation, type] of page.operations()) if (!all.has(operation)) all.set(operation, type);
      return all;
    },
  };
}

/** What never changes about the listed jobs, gathered as they join: see `grouped` and `operations`. */
interface ListFacts {
  hiddenOrParts: boolean;
  kinds: ReadonlyMap<string, Job['type']>;
  /**
   * The listed jobs whose outcome may still wait for acknowledgement: those listed (or joining) waiting,
   * less those `withOutcomes` found no longer waiting (acknowledged, running again). A memo of what the
   * cache holds, shared by the versions of a list and pruned in place: it changes no answer, only what
   * is looked at, so an acknowledged job is never read again however many jobs join the list after it.
   */
  waiting: Set<string>;
}

const none: NewerVersions = () => undefined;
const asksAcknowledgement = (outcome: unknown) =>
  typeof outcome === 'object' && outcome !== null && (outcome as { acknowledge?: unknown }).acknowledge === true;
/** `needsAcknowledgement` of a page's entry, read without normalizing it. */
function waitsForAcknowledgement(fields: Record<string, unknown>): boolean {
  if (!asksAcknowledgement(fields.outcome) || toDate(fields.outcomeAcknowledgedAt) !== undefined) return false;
  const status = readStatus(fields.status);
  const mode = readMode(fields.mode);
  return (status === 'complete' || status === 'failed') && mode !== 'background' && mode !== 'hidden';
}

/**
 * The jobs of one list page by id, as listed. A page is checked entry by entry when it arrives (an entry
 * that cannot be a job is left out and counted) but each job is normalized only when something reads it:
 * a panel with 100,000 jobs normalizes the few rows it shows, not the whole page.
 *
 * Immutable: `changed` makes the next version of the list. Newer versions of a listed job live under the
 * job's own key or among the store's versions (see `JobsCache.versions`); `get` answers with the newest
 * the cache holds, so a lookup never hands out an older version than `useJob` would.
 */
export class ListedJobs implements JobsLookup {
  private constructor(
    /** The page's entries, checked but not normalized; never changed once read. */
    private readonly raw: ReadonlyMap<string, Record<string, unknown>>,
    /** Jobs that joined the list after it was read. */
    private readonly joined: ReadonlyMap<string, Job>,
    /** Raw entries already normalized: a cache shared by every version of the list. */
    private readonly normalized: Map<string, Job>,
    private readonly newer: NewerVersions,
    private readonly facts: ListFacts,
  ) {}

  /** Reads a page's entries: the ids of the jobs in order (each once), and how many entries were no job. */
  static read(entries: unknown, newer: NewerVersions = none): { ids: string[]; skipped: number; jobs: ListedJobs } {
    const raw = new Map<string, Record<string, unknown>>();
    const kinds = new Map<string, Job['type']>();
    const waiting = new Set<string>();
    let hiddenOrParts = false;
    const ids: string[] = [];
    let skipped = 0;
    for (const entry of Array.isArray(entries) ? entries : []) {
      try {
        const id = checkJob(entry);
        const fields = entry as Record<string, unknown>;
        // An id sent twice is listed once, where it first appears, with the last version sent.
        if (!raw.has(id)) ids.push(id);
        raw.set(id, fields);
        if (waitsForAcknowledgement(fields)) waiting.add(id);
        else waiting.delete(id);
        // As `normalizeJob` reads them; `type` and `operation` were just checked.
        const mode = readMode(fields.mode);
        if (mode === 'hidden' || typeof fields.parentId === 'string') hiddenOrParts = true;
        if (mode !== 'hidden' && !kinds.has(fields.operation as string))
          kinds.set(fields.operation as string, fields.type as Job['type']);
      } catch (error) {
        devWarn('a job from the client was left out:', error);
        skipped += 1;
      }
    }
    const jobs = new ListedJobs(raw, new Map(), new Map(), newer, { hiddenOrParts, kinds, waiting });
    return { ids, skipped, jobs };
  }

  has(id: string): boolean {
    return this.joined.has(id) || this.raw.has(id);
  }

  /** The newest version of a listed job: the cache's own, else the one listed. */
  get(id: string): Job | undefined {
    if (!this.has(id)) return undefined;
    return this.newer(id) ?? this.listed(id);
  }

  /** The version the list holds, when it was normalized already. */
  private known(id: string): Job | undefined {
    return this.joined.get(id) ?? (this.raw.has(id) ? this.normalized.get(id) : undefined);
  }

  /** The version the list holds (normalized on first read). */
  listed(id: string): Job | undefined {
    const job = this.known(id);
    if (job !== undefined) return job;
    const raw = this.raw.get(id);
    if (raw === undefined) return undefined;
    // The head was checked when the page arrived, and everything else is repaired: this cannot throw.
    const read = sealed(normalizeJob(raw));
    this.normalized.set(id, read);
    return read;
  }

  field<K extends JobFieldKey>(id: string, key: K): Job[K] | undefined {
    if (key === 'info') {
      const newer = this.newer(id);
      if (newer !== undefined) return newer[key];
    }
    const known = this.known(id);
    if (known !== undefined) return known[key];
    // Most listed jobs were never read: one lookup for them.
    const raw = this.raw.get(id);
    if (raw === undefined) return undefined;
    // As `normalizeJob` reads them; `type` and `operation` were checked when the page arrived.
    const value = raw[key];
    if (key === 'mode') return readMode(value) as Job[K];
    return (typeof value === 'string' ? value : undefined) as Job[K] | undefined;
  }

  /** The status of the newest version. */
  status(id: string): Job['status'] | undefined {
    if (!this.has(id)) return undefined;
    return this.newer(id)?.status ?? this.listedStatus(id);
  }

  /** The status of the version the list holds, without normalizing it. */
  listedStatus(id: string): Job['status'] | undefined {
    const known = this.known(id);
    return known !== undefined ? known.status : readStatus(this.raw.get(id)?.status);
  }

  /** When the listed version was written (`updatedAt`, 0 without one): tells two lists' versions apart. */
  updatedAt(id: string): number {
    const known = this.known(id);
    if (known !== undefined) return known.updatedAt?.getTime() ?? 0;
    return toDate(this.raw.get(id)?.updatedAt)?.getTime() ?? 0;
  }

  /**
   * The listed jobs whose outcome waits for acknowledgement (`needsAcknowledgement`), in their newest
   * version: the only ones an outcome queue has to look at in a page. Looks only at jobs that waited
   * when listed or joining, and forgets each found no longer waiting.
   */
  withOutcomes(): Job[] {
    const found: Job[] = [];
    const { waiting } = this.facts;
    for (const id of waiting) {
      const job = this.get(id);
      if (job !== undefined && needsAcknowledgement(job)) found.push(job);
      else waiting.delete(id);
    }
    return found;
  }

  grouped(): boolean {
    return this.facts.hiddenOrParts;
  }

  operations(): ReadonlyMap<string, Job['type']> {
    return this.facts.kinds;
  }

  /** The next version of the list: `joins` joined it (in the version given), `leaves` left it. */
  changed(joins: readonly Job[], leaves: ReadonlySet<string>): ListedJobs {
    let raw = this.raw;
    if ([...leaves].some((id) => raw.has(id))) {
      const kept = new Map(raw);
      for (const id of leaves) kept.delete(id);
      raw = kept;
    }
    const joined = new Map(this.joined);
    for (const id of leaves) joined.delete(id);
    let { hiddenOrParts, kinds, waiting } = this.facts;
    // Copied only when it changes: most jobs join running, and most leave having been acknowledged.
    const touched =
      [...leaves].some((id) => waiting.has(id)) ||
      joins.some((job) => needsAcknowledgement(job) !== waiting.has(job.id));
    if (touched) {
      waiting = new Set(waiting);
      for (const id of leaves) waiting.delete(id);
    }
    for (const job of joins) {
      joined.set(job.id, job);
      if (touched && needsAcknowledgement(job)) waiting.add(job.id);
      else if (touched) waiting.delete(job.id);
      if (job.mode === 'hidden' || job.parentId !== undefined) hiddenOrParts = true;
      if (job.mode !== 'hidden' && !kinds.has(job.operation)) kinds = new Map(kinds).set(job.operation, job.type);
    }
    return new ListedJobs(raw, joined, this.normalized, this.newer, { hiddenOrParts, kinds, waiting });
  }
}
