import { JobValidationError } from './errors';
import { JOB_MODES, type Job, type JobMode, type JobSubject } from './job';
import type { JobOutcome, JobOutcomeNext, JobOutcomeTrigger } from './outcome';

type Plain = Record<string, unknown>;

/** A plain object; false for anything else, including a Proxy whose traps throw. */
function isPlain(value: unknown): value is Plain {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false;
  }
}

/**
 * `raw[key]`, or undefined when reading it throws (a getter, a Proxy trap): a field that cannot be read
 * is left out, like a field of the wrong type. Payloads are read only through this.
 */
function field(raw: Plain, key: string): unknown {
  try {
    return raw[key];
  } catch {
    return undefined;
  }
}

/** `raw[key]` for a field a job cannot do without: one that cannot be read makes the job invalid. */
function requiredField(raw: Plain, key: string): unknown {
  try {
    return raw[key];
  } catch {
    throw new JobValidationError(key, 'could not be read');
  }
}

/** The readable own fields of a plain object, copied: undefined when its keys cannot be listed. */
function readablePlain(value: unknown): Plain | undefined {
  if (!isPlain(value)) return undefined;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return undefined;
  }
  const copy: Plain = {};
  for (const key of keys) {
    const read = field(value, key);
    if (read !== undefined) copy[key] = read;
  }
  return copy;
}

/**
 * A Date from a Date, an ISO string or epoch milliseconds; undefined when it is not a real date. A valid
 * Date is kept as it is (jobs are read, never changed): reading a job allocates no dates for it.
 */
export function toDate(value: unknown): Date | undefined {
  let date: Date | undefined;
  if (isDate(value)) return Number.isFinite(value.getTime()) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') date = new Date(value);
  else if (typeof value === 'number') date = new Date(value);
  return date !== undefined && Number.isFinite(date.getTime()) ? date : undefined;
}

function isDate(value: unknown): value is Date {
  try {
    return value instanceof Date;
  } catch {
    return false; // a Proxy whose prototype cannot be read
  }
}

/** A progress percentage in 0..100, or undefined when `value` is no finite number. */
export function toProgress(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  return Math.min(100, Math.max(0, number));
}

function requiredString(raw: Plain, key: string): string {
  const value = requiredField(raw, key);
  if (value === undefined || value === null) throw new JobValidationError(key, 'is required');
  if (typeof value !== 'string') throw new JobValidationError(key, `must be a string, got ${describe(value)}`);
  if (value.trim() === '') throw new JobValidationError(key, 'must not be empty');
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false; // a revoked Proxy
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optionalPlain(value: unknown): Plain | undefined {
  return isPlain(value) ? value : undefined;
}

/** A job's status as `normalizeJob` reads it; throws when it is there but no string. */
export function readStatus(value: unknown): Job['status'] {
  if (value === undefined || value === null) return 'created';
  if (typeof value !== 'string') throw new JobValidationError('status', `must be a string, got ${describe(value)}`);
  const status = value.trim().toLowerCase();
  if (status === '') return 'created';
  return status === 'cancelled' ? 'canceled' : status;
}

function readSubject(raw: unknown): JobSubject | undefined {
  const value = readablePlain(raw);
  if (value === undefined) return undefined;
  if (value.type === 'resource' && typeof value.id === 'string') return { type: 'resource', id: value.id };
  if (value.type === 'collection' && typeof value.resource === 'string') {
    const subject: JobSubject = { type: 'collection', resource: value.resource };
    const params = readablePlain(value.params);
    const query = readablePlain(value.query);
    if (params !== undefined) subject.params = params;
    if (query !== undefined) subject.query = query;
    return subject;
  }
  return undefined;
}

function readNext(raw: unknown): JobOutcomeNext | undefined {
  // Each variant's own fields are checked where it is used (URLs by `safeUrl`); here only its shape.
  const value = readablePlain(raw);
  if (value === undefined || typeof value.type !== 'string') return undefined;
  return value as unknown as JobOutcomeNext;
}

function readTrigger(raw: unknown): JobOutcomeTrigger | undefined {
  const types = ['manual', 'automatic', 'automatic_silent'];
  if (typeof raw === 'string') return types.includes(raw) ? (raw as JobOutcomeTrigger) : undefined;
  const value = readablePlain(raw);
  if (value !== undefined && typeof value.type === 'string' && types.includes(value.type)) {
    const audience = value.audience === 'originator' || value.audience === 'all' ? value.audience : undefined;
    return audience === undefined
      ? ({ type: value.type } as JobOutcomeTrigger)
      : ({ type: value.type, audience } as JobOutcomeTrigger);
  }
  return undefined;
}

/** An outcome as `normalizeJob` reads it: fields of the wrong type left out; undefined when it is no object. */
export function readOutcome(value: unknown): JobOutcome | undefined {
  const outcome = readablePlain(value);
  if (outcome === undefined) return undefined;
  for (const key of ['heading', 'message', 'buttonText'] as const) {
    if (key in outcome && typeof outcome[key] !== 'string') delete outcome[key];
  }
  for (const key of ['acknowledge', 'hideDefaultButton'] as const) {
    if (key in outcome && typeof outcome[key] !== 'boolean') delete outcome[key];
  }
  if ('next' in outcome) {
    const next = readNext(outcome.next);
    if (next === undefined) delete outcome.next;
    else outcome.next = next;
  }
  if ('trigger' in outcome) {
    const trigger = readTrigger(outcome.trigger);
    if (trigger === undefined) delete outcome.trigger;
    else outcome.trigger = trigger;
  }
  return outcome as JobOutcome;
}

const modes = new Set<string>(JOB_MODES);

/** A job's `mode` as `normalizeJob` reads it: a known mode, else undefined. */
export function readMode(value: unknown): JobMode | undefined {
  return typeof value === 'string' && modes.has(value) ? (value as JobMode) : undefined;
}

/**
 * Checks what `normalizeJob` requires, without reading the rest, and returns the job's id: throws the
 * same `JobValidationError` when the value cannot be a job. A list is checked entry by entry this way
 * and its entries normalized later, when they are shown.
 */
export function checkJob(value: unknown): string {
  if (!isPlain(value)) throw new JobValidationError('job', `must be an object, got ${describe(value)}`);
  const id = requiredString(value, 'id');
  requiredString(value, 'type');
  requiredString(value, 'operation');
  requiredString(value, 'source');
  const status = requiredField(value, 'status');
  if (status !== undefined && status !== null && typeof status !== 'string') readStatus(status);
  return id;
}

/** The strings of an array, or undefined when it is no (readable) array. */
function readIds(value: unknown): string[] | undefined {
  if (!isArray(value)) return undefined;
  try {
    return value.filter((id): id is string => typeof id === 'string');
  } catch {
    return undefined;
  }
}

function assign<K extends keyof Job>(job: Job, key: K, value: Job[K] | undefined): void {
  if (value !== undefined) job[key] = value as Job[K];
}

/**
 * Reads whatever a server sent as a well-formed `Job`. Throws a `JobValidationError` naming the field
 * when the value cannot be a job (not an object; `id`, `type`, `operation` or `source` missing or not a
 * string; `status` not a string). Everything else is repaired: progress clamped to 0..100 and dropped when
 * it is not a number, dates parsed or dropped, `cancelled` read as `canceled`, an unknown status kept as
 * sent (`isKnownStatus` tells), an unknown mode dropped (the job then blocks nothing), fields of the wrong
 * shape and unknown fields left out. A field whose getter (or Proxy trap) throws is left out too, or, for
 * the fields a job needs, named by the `JobValidationError`: nothing else is thrown, whatever the value.
 */
export function normalizeJob(value: unknown): Job {
  if (!isPlain(value)) throw new JobValidationError('job', `must be an object, got ${describe(value)}`);
  const job: Job = {
    id: requiredString(value, 'id'),
    type: requiredString(value, 'type') as Job['type'],
    operation: requiredString(value, 'operation'),
    source: requiredString(value, 'source'),
    status: readStatus(requiredField(value, 'status')),
  };
  for (const key of ['destination', 'fileId', 'environmentId', 'spaceId', 'parentId', 'createdBy'] as const) {
    assign(job, key, optionalString(field(value, key)));
  }
  assign(job, 'info', optionalString(field(value, 'info')));
  assign(job, 'mode', readMode(field(value, 'mode')));
  const trigger = field(value, 'trigger');
  assign(job, 'trigger', trigger === 'manual' || trigger === 'immediate' ? trigger : undefined);
  const partExecution = field(value, 'partExecution');
  assign(
    job,
    'partExecution',
    partExecution === 'sequential' || partExecution === 'parallel' ? partExecution : undefined,
  );
  const managed = field(value, 'managed');
  assign(job, 'managed', typeof managed === 'boolean' ? managed : undefined);
  assign(job, 'progress', toProgress(field(value, 'progress')));
  const part = field(value, 'part');
  assign(job, 'part', Number.isSafeInteger(part) ? (part as number) : undefined);
  for (const key of ['config', 'input', 'result', 'partData', 'metadata'] as const) {
    assign(job, key, optionalPlain(field(value, key)));
  }
  assign(job, 'subject', readSubject(field(value, 'subject')));
  assign(job, 'outcome', readOutcome(field(value, 'outcome')));
  assign(job, 'predecessorIds', readIds(field(value, 'predecessorIds')));
  for (const key of [
    'createdAt',
    'updatedAt',
    'startedAt',
    'finishedAt',
    'outcomeAcknowledgedAt',
    'estimatedCompletionAt',
  ] as const) {
    assign(job, key, toDate(field(value, key)));
  }
  return job;
}
