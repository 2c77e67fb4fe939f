import { JOB_MODES, JOB_STATUSES, JOB_TYPES, type JobConfig, type JobsFilter, type JobStatus } from '../core';
import { badRequest } from './errors';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badRequest(key, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  return value as T;
}

function text(key: string, value: unknown, { required = false, max = 512 } = {}): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(key, 'must be a non-empty string');
  if (value.length > max) throw badRequest(key, `must be at most ${max} characters`);
  return value;
}

function object(key: string, value: unknown): Plain | undefined {
  if (value === undefined) return undefined;
  if (!isPlain(value)) throw badRequest(key, 'must be an object');
  return value;
}

/** Fields a caller may send to `POST /jobs`. The rest (`status`, `outcome`, `progress`...) belong to the server. */
const CONFIG_KEYS = new Set([
  'type',
  'operation',
  'source',
  'destination',
  'config',
  'trigger',
  'fileId',
  'mode',
  'input',
  'subject',
  'info',
  'managed',
  'environmentId',
  'metadata',
]);

/** Reads a `POST /jobs` body; every refusal is a 400 that names the field. */
export function readJobConfig(body: unknown): JobConfig {
  if (!isPlain(body)) throw badRequest('body', 'must be a JSON object');
  for (const key of Object.keys(body)) {
    if (!CONFIG_KEYS.has(key)) throw badRequest(key, 'is not accepted when creating a job');
  }
  const config: JobConfig = {
    type: oneOf('type', body.type, JOB_TYPES),
    operation: text('operation', body.operation, { required: true, max: 128 }) as string,
    source: text('source', body.source, { required: true }) as string,
  };
  const destination = text('destination', body.destination);
  if (destination !== undefined) config.destination = destination;
  const fileId = text('fileId', body.fileId);
  if (fileId !== undefined) config.fileId = fileId;
  const environmentId = text('environmentId', body.environmentId);
  if (environmentId !== undefined) config.environmentId = environmentId;
  const info = text('info', body.info, { max: 2048 });
  if (info !== undefined) config.info = info;
  // The protocol has no `execute`: every job starts when it is created.
  config.trigger = body.trigger === undefined ? 'immediate' : oneOf('trigger', body.trigger, ['immediate'] as const);
  if (body.mode !== undefined) config.mode = oneOf('mode', body.mode, JOB_MODES);
  if (body.managed !== undefined) {
    if (typeof body.managed !== 'boolean') throw badRequest('managed', 'must be true or false');
    config.managed = body.managed;
  }
  const input = object('input', body.input);
  if (input !== undefined) config.input = input;
  const metadata = object('metadata', body.metadata);
  if (metadata !== undefined) config.metadata = metadata;
  const extra = object('config', body.config);
  if (extra !== undefined) config.config = extra;
  const subject = object('subject', body.subject);
  if (subject !== undefined) {
    const type = oneOf('subject.type', subject.type, ['resource', 'collection'] as const);
    if (type === 'resource') text('subject.id', subject.id, { required: true });
    else text('subject.resource', subject.resource, { required: true });
    config.subject = subject as unknown as JobConfig['subject'];
  }
  return config;
}

const FILTER_TEXT = ['source', 'spaceId', 'environmentId', 'fileId', 'workbookId', 'parentId', 'operation'] as const;
const FILTER_KEYS = new Set<string>([
  ...FILTER_TEXT,
  'status',
  'type',
  'excludeChildJobs',
  'pageNumber',
  'pageSize',
  'sortDirection',
]);
export const MAX_PAGE_SIZE = 1000;

function whole(key: string, value: string, max: number): number {
  const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > max) {
    throw badRequest(key, `must be a whole number from 1 to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Reads `GET /jobs`'s query; `status` may repeat. Unknown or repeated parameters are refused. */
export function readJobsFilter(params: URLSearchParams): JobsFilter {
  const filter: JobsFilter = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!FILTER_KEYS.has(key)) throw badRequest(key, 'is not a known filter');
    if (key !== 'status' && seen.has(key)) throw badRequest(key, 'must be given once');
    seen.add(key);
    if ((FILTER_TEXT as readonly string[]).includes(key)) {
      filter[key as (typeof FILTER_TEXT)[number]] = text(key, value) as string;
    }
  }
  const statuses = params.getAll('status').flatMap((value) => value.split(','));
  if (statuses.length > 0) {
    const read = statuses.map((value) => oneOf('status', value === 'cancelled' ? 'canceled' : value, JOB_STATUSES));
    filter.status = read.length === 1 ? (read[0] as JobStatus) : read;
  }
  const type = params.get('type');
  if (type !== null) filter.type = oneOf('type', type, JOB_TYPES);
  const exclude = params.get('excludeChildJobs');
  if (exclude !== null)
    filter.excludeChildJobs = oneOf('excludeChildJobs', exclude, ['true', 'false'] as const) === 'true';
  const pageNumber = params.get('pageNumber');
  if (pageNumber !== null) filter.pageNumber = whole('pageNumber', pageNumber, 1_000_000);
  const pageSize = params.get('pageSize');
  if (pageSize !== null) filter.pageSize = whole('pageSize', pageSize, MAX_PAGE_SIZE);
  const direction = params.get('sortDirection');
  if (direction !== null) filter.sortDirection = oneOf('sortDirection', direction, ['asc', 'desc'] as const);
  return filter;
}

/** A job id from the path: short and plain, so it can name a Redis key or a log line safely. */
export function readJobId(value: string): string {
  let id: string;
  try {
    id = decodeURIComponent(value);
  } catch {
    throw badRequest('jobId', 'is not a valid path segment');
  }
  if (!/^[\w.-]{1,128}$/.test(id)) throw badRequest('jobId', 'must be 1 to 128 letters, digits, _, - or .');
  return id;
}
