import { normalizeJob, type Job } from '../core';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function cloneValue(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(cloneValue);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // `copy.__proto__ = …` would replace the prototype instead of copying the key.
    Object.defineProperty(copy, key, {
      value: cloneValue(entry),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** A deep copy of plain data (objects, arrays, dates); other objects are shared as they are. */
export function deepClone<T>(value: T): T {
  return cloneValue(value) as T;
}

/** The job as a handler gets it: a normalized deep copy that shares nothing with the engine. */
export function copyJob(job: Job): Job {
  return normalizeJob(deepClone(job));
}

/** Freezes plain objects and arrays, all the way down; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  Object.freeze(value);
  for (const entry of Object.values(value)) deepFreeze(entry);
  return value;
}

/**
 * Freezes the objects and arrays inside an engine record (its config, input, outcome...). The engine
 * changes a record only by replacing its fields, never what is inside them, so copies of the record
 * can share these frozen parts.
 */
export function freezeParts(job: Job): Job {
  for (const value of Object.values(job)) deepFreeze(value);
  return job;
}

/**
 * The job as callers read it: a frozen copy of the engine's record (which is normalized, its parts
 * frozen by `freezeParts`), so one copy per version of a job can be handed to every caller without any of
 * them changing it for the others or the engine. Dates cannot be frozen: the copy's dates are not the
 * record's, and a date that has not changed since `previous` (the job's last copy) is that copy's date,
 * so a tick allocates only the dates it changed.
 */
export function publishJob(job: Job, previous?: Job): Job {
  // `Object.assign` and one line per date: the spread and a loop over the names cost 4.2 ms per 10,000
  // copies in Chromium but 22 ms in Node 20 (whose V8 freezes a spread's copy slowly); this costs 4.5 and 6.
  const copy: Job = Object.assign({}, job);
  if (job.createdAt) copy.createdAt = dateOf(job.createdAt, previous?.createdAt);
  if (job.updatedAt) copy.updatedAt = dateOf(job.updatedAt, previous?.updatedAt);
  if (job.startedAt) copy.startedAt = dateOf(job.startedAt, previous?.startedAt);
  if (job.finishedAt) copy.finishedAt = dateOf(job.finishedAt, previous?.finishedAt);
  if (job.outcomeAcknowledgedAt)
    copy.outcomeAcknowledgedAt = dateOf(job.outcomeAcknowledgedAt, previous?.outcomeAcknowledgedAt);
  if (job.estimatedCompletionAt)
    copy.estimatedCompletionAt = dateOf(job.estimatedCompletionAt, previous?.estimatedCompletionAt);
  return Object.freeze(copy);
}

/** The last copy's date while it still tells the record's time, else a new one. */
function dateOf(date: Date, earlier: Date | undefined): Date {
  return earlier !== undefined && earlier.getTime() === date.getTime() ? earlier : new Date(date.getTime());
}
