import { JobsClientError, normalizeJob, toDate, type Job, type JobConfig } from '../core';
import { deepClone, freezeParts } from './clone';
import type { MemorySeedJob } from './types';

/** What new and seeded records take from the client's options. */
export interface RecordDefaults {
  actorId: string;
  spaceId: string | undefined;
  environmentId: string | undefined;
}

/**
 * The record of a job created through the client: status `created`, progress 0, `trigger` defaulting to
 * `immediate`. Status and outcome in the config are ignored: the lifecycle sets them.
 */
export function createdRecord(config: JobConfig, id: string, now: Date, defaults: RecordDefaults): Job {
  const raw: Record<string, unknown> = deepClone({ ...config });
  delete raw.status;
  delete raw.outcome;
  Object.assign(raw, { id, status: 'created', progress: 0, trigger: config.trigger ?? 'immediate' });
  Object.assign(raw, { createdBy: defaults.actorId, createdAt: now, updatedAt: now });
  raw.spaceId ??= defaults.spaceId;
  raw.environmentId ??= defaults.environmentId;
  return freezeParts(normalizeJob(raw));
}

/**
 * The records of seeded jobs, in the given status. Missing ids are drawn from `newId` (never one a seed
 * names); dates default to `now`. Throws a `JobValidationError` for a seed that is no job.
 */
export function seedRecords(
  seeds: readonly MemorySeedJob[],
  newId: (taken: (id: string) => boolean) => string,
  now: Date,
  defaults: RecordDefaults,
): Job[] {
  const named = new Set(seeds.flatMap((seed) => (typeof seed.id === 'string' ? [seed.id] : [])));
  const records = new Map<string, Job>();
  for (const seed of seeds) {
    const raw: Record<string, unknown> = deepClone({ ...seed });
    raw.id ??= newId((id) => named.has(id) || records.has(id));
    raw.createdAt = toDate(raw.createdAt) ?? now;
    raw.updatedAt ??= raw.createdAt;
    raw.createdBy ??= defaults.actorId;
    raw.spaceId ??= defaults.spaceId;
    raw.environmentId ??= defaults.environmentId;
    const job = freezeParts(normalizeJob(raw));
    if (records.has(job.id)) throw new JobsClientError('invalid', `Seed job ${job.id} is given twice`);
    records.set(job.id, job);
  }
  return [...records.values()];
}

/** What a retried job forgets of its last run: it starts again from 0 %, with no outcome, times or info. */
export function clearRun(job: Job): void {
  for (const key of [
    'outcome',
    'outcomeAcknowledgedAt',
    'finishedAt',
    'startedAt',
    'info',
    'estimatedCompletionAt',
  ] as const)
    delete job[key];
  job.progress = 0;
}
