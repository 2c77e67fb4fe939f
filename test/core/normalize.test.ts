import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKnownStatus, JobValidationError, normalizeJob } from '../../src/core';

const base = { id: 'us_jb_1', type: 'workbook', operation: 'export', source: 'us_wb_1' };

describe('normalizeJob', () => {
  it('keeps a well-formed Flatfile job as it is, with dates as Dates', () => {
    const job = normalizeJob({
      ...base,
      status: 'executing',
      mode: 'foreground',
      progress: 42,
      info: 'Exporting',
      createdAt: '2026-11-28T10:00:00.000Z',
      input: { format: 'csv' },
      subject: { type: 'resource', id: 'us_wb_1' },
      outcome: { heading: 'Done', acknowledge: true, next: { type: 'url', url: 'https://example.test' } },
    });
    expect(job).toEqual({
      ...base,
      status: 'executing',
      mode: 'foreground',
      progress: 42,
      info: 'Exporting',
      createdAt: new Date('2026-11-28T10:00:00.000Z'),
      input: { format: 'csv' },
      subject: { type: 'resource', id: 'us_wb_1' },
      outcome: { heading: 'Done', acknowledge: true, next: { type: 'url', url: 'https://example.test' } },
    });
  });

  it('clamps progress to 0..100 and drops what is not a number', () => {
    expect(normalizeJob({ ...base, progress: 250 }).progress).toBe(100);
    expect(normalizeJob({ ...base, progress: -5 }).progress).toBe(0);
    expect(normalizeJob({ ...base, progress: '37' }).progress).toBe(37);
    expect(normalizeJob({ ...base, progress: Number.NaN })).not.toHaveProperty('progress');
    expect(normalizeJob({ ...base, progress: Number.POSITIVE_INFINITY })).not.toHaveProperty('progress');
    expect(normalizeJob({ ...base, progress: 'half' })).not.toHaveProperty('progress');
  });

  it('parses dates from strings and epoch numbers and drops the unreadable ones', () => {
    const job = normalizeJob({ ...base, createdAt: 1_700_000_000_000, updatedAt: 'not a date', startedAt: {} });
    expect(job.createdAt).toEqual(new Date(1_700_000_000_000));
    expect(job).not.toHaveProperty('updatedAt');
    expect(job).not.toHaveProperty('startedAt');
  });

  it('reads "cancelled" as "canceled" and keeps an unknown status, flagged as unknown', () => {
    expect(normalizeJob({ ...base, status: 'cancelled' }).status).toBe('canceled');
    expect(normalizeJob({ ...base, status: ' Complete ' }).status).toBe('complete');
    const odd = normalizeJob({ ...base, status: 'paused' });
    expect(odd.status).toBe('paused');
    expect(isKnownStatus(odd.status)).toBe(false);
  });

  it('treats a missing status as created and drops an unknown mode', () => {
    const job = normalizeJob({ ...base, mode: 'fullscreen' });
    expect(job.status).toBe('created');
    expect(job).not.toHaveProperty('mode');
  });

  it('passes estimatedCompletionAt through as an optional extra', () => {
    const job = normalizeJob({ ...base, estimatedCompletionAt: '2026-11-28T10:05:00Z' });
    expect(job.estimatedCompletionAt).toEqual(new Date('2026-11-28T10:05:00Z'));
  });

  it('drops outcome fields of the wrong type but keeps the rest of the outcome', () => {
    const job = normalizeJob({
      ...base,
      outcome: {
        heading: 12,
        message: 'Saved',
        acknowledge: 'yes',
        next: 'nowhere',
        trigger: { type: 'automatic', audience: 'someone' },
      },
    });
    expect(job.outcome).toEqual({ message: 'Saved', trigger: { type: 'automatic' } });
  });

  it.each([
    ['a string', 'job', 'job must be an object, got string'],
    ['null', null, 'job must be an object, got null'],
    ['an array', [], 'job must be an object, got an array'],
  ])('refuses %s with an error naming the job', (_name, value, message) => {
    expect(() => normalizeJob(value)).toThrow(`Invalid job: ${message}`);
  });

  it.each(['id', 'type', 'operation', 'source'])('names the missing required field %s', (field) => {
    const value: Record<string, unknown> = { ...base };
    delete value[field];
    expect(() => normalizeJob(value)).toThrow(new JobValidationError(field, 'is required'));
  });

  it('names a required field of the wrong type', () => {
    expect(() => normalizeJob({ ...base, id: 7 })).toThrow('Invalid job: id must be a string, got number');
    expect(() => normalizeJob({ ...base, status: 3 })).toThrow('Invalid job: status must be a string, got number');
  });
});

const anyValue = fc.oneof(
  fc.anything(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 101, 1e308, '', ' ', 'cancelled', null),
  fc.date({ noInvalidDate: false }),
);

const jobLike = fc.record(
  {
    id: fc.oneof(fc.string(), anyValue),
    type: fc.oneof(fc.constantFrom('workbook', 'sheet', 'file'), anyValue),
    operation: fc.oneof(fc.string(), anyValue),
    source: fc.oneof(fc.string(), anyValue),
    status: fc.oneof(fc.constantFrom('executing', 'cancelled', 'COMPLETE', 'weird'), anyValue),
    progress: anyValue,
    mode: anyValue,
    info: anyValue,
    createdAt: fc.oneof(fc.date({ noInvalidDate: false }), fc.string(), anyValue),
    finishedAt: anyValue,
    outcome: fc.oneof(fc.dictionary(fc.string(), anyValue), anyValue),
    predecessorIds: fc.oneof(fc.array(anyValue), anyValue),
    subject: anyValue,
  },
  { requiredKeys: [] },
);

describe('normalizeJob over arbitrary payloads', () => {
  it('either returns a well-formed job or throws its own error naming a field', () => {
    fc.assert(
      fc.property(fc.oneof(jobLike, fc.anything()), (value) => {
        let job: ReturnType<typeof normalizeJob>;
        try {
          job = normalizeJob(value);
        } catch (error) {
          expect(error).toBeInstanceOf(JobValidationError);
          expect((error as JobValidationError).path).toMatch(/^(job|id|type|operation|source|status)$/);
          return;
        }
        for (const key of ['id', 'type', 'operation', 'source', 'status'] as const) {
          expect(typeof job[key]).toBe('string');
        }
        if (job.progress !== undefined) {
          expect(Number.isNaN(job.progress)).toBe(false);
          expect(job.progress).toBeGreaterThanOrEqual(0);
          expect(job.progress).toBeLessThanOrEqual(100);
        }
        for (const key of ['createdAt', 'updatedAt', 'startedAt', 'finishedAt', 'outcomeAcknowledgedAt'] as const) {
          const date = job[key];
          if (date !== undefined) expect(Number.isFinite(date.getTime())).toBe(true);
        }
        expect(job.status).not.toBe('cancelled');
        if (job.predecessorIds) for (const id of job.predecessorIds) expect(typeof id).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('repairs every optional field of a job whose identity is sound', () => {
    fc.assert(
      fc.property(jobLike, fc.string(), (value, status) => {
        const job = normalizeJob({ ...value, ...base, status });
        expect(job.status).toBe(
          status.trim() === ''
            ? 'created'
            : status
                .trim()
                .toLowerCase()
                .replace(/^cancelled$/, 'canceled'),
        );
        expect(job.id).toBe(base.id);
        expect(job.progress === undefined || (job.progress >= 0 && job.progress <= 100)).toBe(true);
        expect(job.createdAt === undefined || Number.isFinite(job.createdAt.getTime())).toBe(true);
        expect(
          job.mode === undefined || ['foreground', 'background', 'toolbarBlocking', 'hidden'].includes(job.mode),
        ).toBe(true);
        expect(job.info === undefined || typeof job.info === 'string').toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never yields out-of-range progress from any number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), (progress) => {
        const job = normalizeJob({ ...base, progress });
        if (Number.isFinite(progress)) {
          expect(job.progress).toBe(Math.min(100, Math.max(0, progress)));
        } else {
          expect(job).not.toHaveProperty('progress');
        }
      }),
    );
  });
});
