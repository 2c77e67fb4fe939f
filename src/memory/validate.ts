import { JOB_MODES, JOB_TYPES, JobsClientError, type JobConfig } from '../core';

function invalid(message: string): JobsClientError {
  return new JobsClientError('invalid', message, { status: 400 });
}

function requireString(config: Record<string, unknown>, field: string): void {
  const value = config[field];
  if (value === undefined || value === null) throw invalid(`${field} is required`);
  if (typeof value !== 'string' || value.trim() === '') throw invalid(`${field} must be a non-empty string`);
}

/** Checks what `POST /jobs` would refuse; the error names the field. */
export function validateConfig(config: unknown, exists: (jobId: string) => boolean): asserts config is JobConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw invalid('config must be an object');
  const record = config as Record<string, unknown>;
  requireString(record, 'type');
  if (!(JOB_TYPES as readonly unknown[]).includes(record.type)) {
    throw invalid(`type must be one of ${JOB_TYPES.join(', ')}, got ${String(record.type)}`);
  }
  requireString(record, 'operation');
  requireString(record, 'source');
  if (record.trigger !== undefined && record.trigger !== 'manual' && record.trigger !== 'immediate') {
    throw invalid(`trigger must be manual or immediate, got ${String(record.trigger)}`);
  }
  if (record.mode !== undefined && !(JOB_MODES as readonly unknown[]).includes(record.mode)) {
    throw invalid(`mode must be one of ${JOB_MODES.join(', ')}, got ${String(record.mode)}`);
  }
  const predecessors = record.predecessorIds;
  if (predecessors === undefined) return;
  if (!Array.isArray(predecessors)) throw invalid('predecessorIds must be an array of job ids');
  for (const id of predecessors) {
    if (typeof id !== 'string') throw invalid('predecessorIds must be an array of job ids');
    if (!exists(id)) throw invalid(`predecessorIds: job ${id} does not exist`);
  }
}
