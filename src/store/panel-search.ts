// The Jobs Panel's text search over a list's rows: plain functions, no React.
import type { Job } from '../core';
import type { JobsLookup } from './listed';

/** A row of the Jobs Panel: a top-level job, or a part of one under it. */
export interface JobsPanelItem {
  id: string;
  level: 1 | 2;
  /** 1-based position among its siblings (top-level jobs, or the parts of one job). */
  posInSet: number;
  /** How many siblings; -1 while more pages may add top-level jobs. */
  setSize: number;
}

/** The words of a search, lower case; none for blank text. */
export function searchTerms(search: string | undefined): string[] {
  return search === undefined
    ? []
    : search
        .toLowerCase()
        .split(/\s+/)
        .filter((term) => term !== '');
}

/** Whether every job matching `terms` matches `before` too: each earlier word is inside a new one. */
export const narrows = (terms: readonly string[], before: readonly string[]): boolean =>
  before.every((old) => terms.some((term) => term.includes(old)));

type LabelOf = (job: Pick<Job, 'type' | 'operation'>) => string;

/**
 * Whether a listed job contains every term in its name, operation or info. Reads fields without
 * normalizing the job, and names and lowers each operation once (named as the operation filter names it).
 */
export function jobMatcher(terms: readonly string[], jobs: JobsLookup, labelOf: LabelOf): (id: string) => boolean {
  const heads = new Map<string, string>();
  return (id) => {
    const operation = jobs.field(id, 'operation') ?? '';
    let head = heads.get(operation);
    if (head === undefined) {
      head = `${labelOf({ type: jobs.field(id, 'type') ?? 'workbook', operation })}\n${operation}`.toLowerCase();
      heads.set(operation, head);
    }
    let info: string | undefined;
    for (const term of terms) {
      if (head.includes(term)) continue;
      info ??= (jobs.field(id, 'info') ?? '').toLowerCase();
      if (!info.includes(term)) return false;
    }
    return true;
  };
}

export interface Searched {
  rows: JobsPanelItem[];
  /** Top-level rows kept. */
  top: number;
  /** The rows kept as they were given: where a longer search looks next. */
  source: JobsPanelItem[];
}

/**
 * Scans `rows` from `index`, keeping the rows whose job matches, the parts of a matching job, and
 * matching parts under their job; stops at the end or, between two jobs, once `stop()` says so (asked
 * every 512 rows). Returns where it stopped.
 */
function scan(
  rows: readonly JobsPanelItem[],
  index: number,
  matches: (id: string) => boolean,
  into: Searched,
  stop: () => boolean,
): number {
  let at = index;
  let checked = 0;
  while (at < rows.length) {
    if (checked >= 512) {
      if (stop()) return at;
      checked = 0;
    }
    const parent = rows[at] as JobsPanelItem;
    let end = at + 1;
    while (end < rows.length && (rows[end] as JobsPanelItem).level === 2) end += 1;
    const parentMatches = matches(parent.id);
    const parts: JobsPanelItem[] = [];
    for (let part = at + 1; part < end; part += 1) {
      const row = rows[part] as JobsPanelItem;
      if (parentMatches || matches(row.id)) parts.push(row);
    }
    if (parentMatches || parts.length > 0) {
      into.top += 1;
      into.rows.push({ ...parent, posInSet: into.top });
      into.source.push(parent);
      parts.forEach((row, n) => {
        into.rows.push({ ...row, posInSet: n + 1, setSize: parts.length });
        into.source.push(row);
      });
    }
    checked += end - at;
    at = end;
  }
  return at;
}

function finish(searched: Searched, hasMore: boolean): Searched {
  const setSize = hasMore ? -1 : searched.top;
  for (const row of searched.rows) if (row.level === 1) row.setSize = setSize;
  return searched;
}

/** The rows a search keeps, at once. */
export function searchRows(
  rows: readonly JobsPanelItem[],
  matches: (id: string) => boolean,
  hasMore: boolean,
): Searched {
  const searched: Searched = { rows: [], top: 0, source: [] };
  scan(rows, 0, matches, searched, () => false);
  return finish(searched, hasMore);
}

/**
 * The rows a search keeps, scanned in slices of about `sliceMs` with the main thread free between them, so
 * that searching 100,000 jobs adds no long task. Calls `done` with the result; returns a cancel that
 * leaves no timer behind.
 */
export function searchRowsInSlices(
  rows: readonly JobsPanelItem[],
  matches: (id: string) => boolean,
  hasMore: boolean,
  done: (searched: Searched) => void,
  sliceMs = 10,
): () => void {
  const searched: Searched = { rows: [], top: 0, source: [] };
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const deadline = performance.now() + sliceMs;
    index = scan(rows, index, matches, searched, () => performance.now() >= deadline);
    if (index < rows.length) timer = setTimeout(step, 0);
    else {
      timer = undefined;
      done(finish(searched, hasMore));
    }
  };
  timer = setTimeout(step, 0);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
  };
}
