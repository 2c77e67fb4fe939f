/**
 * Freezes a value the kit made for the cache (a job version, a list value, its ids), in development only:
 * code that changes one in place (a host editing what `getQueryData` or a hook handed it) throws at once
 * instead of changing what every reader shares. Shallow: a job's nested values may be the client's own.
 * Production builds keep no trace of it.
 */
export function sealed<T extends object>(value: T): T {
  if (process.env.NODE_ENV !== 'production') Object.freeze(value);
  return value;
}
