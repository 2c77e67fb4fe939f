import { sealed } from './sealed';

/**
 * Returns `prev` wherever `next` holds the same values, so a write that changes nothing keeps every
 * reference and re-renders nothing. Like react-query's structural sharing, but it also compares `Date`s
 * by time (react-query replaces them, which would make every poll look like a change).
 */
export function shareEqual<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (prev instanceof Date && next instanceof Date) {
    return (prev.getTime() === next.getTime() ? prev : next) as T;
  }
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const shared = shareEqual(prev[i], item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : sealed(out)) as T;
  }
  if (isRecord(prev) && isRecord(next)) {
    const prevKeys = Object.keys(prev);
    const nextKeys = Object.keys(next);
    let same = prevKeys.length === nextKeys.length;
    const out: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const shared = shareEqual(prev[key], next[key]);
      if (shared !== prev[key] || !Object.hasOwn(prev, key)) same = false;
      out[key] = shared;
    }
    return (same ? prev : sealed(out)) as T;
  }
  return next;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
