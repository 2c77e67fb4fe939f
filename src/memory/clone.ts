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
    Object.defineProperty(copy, key, { value: cloneValue(entry), enumerable: true, writable: true, configurable: true });
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

function freezeValue(value: unknown): void {
  if (!Array.isArray(value) && !isPlainObject(value)) return;
  Object.freeze(value);
  for (const entry of Object.values(value)) freezeValue(entry);
}

/**
 * The job as callers read it: a normalized deep copy, frozen (its plain objects and arrays), so one copy
 * per version of a job can be handed to every caller without any of them changing it for the others.
 */
export function publishJob(job: Job): Job {
  const copy = copyJob(job);
  freezeValue(copy);
  return copy;
}
