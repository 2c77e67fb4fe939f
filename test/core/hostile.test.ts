// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMessage, JobValidationError, normalizeJob } from '../../src/core';

const head = { id: 'us_jb_1', type: 'workbook', operation: 'export', source: 'us_wb_1' };
const boom = () => {
  throw new Error('boom');
};

/** `value` with `key` read through a getter that throws. */
function throwingAt(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return Object.defineProperty(copy, key, { get: boom, enumerable: true });
}

/** What normalizeJob did: the job, or the field a JobValidationError named; anything else fails the test. */
function outcomeOf(value: unknown): { job: ReturnType<typeof normalizeJob> } | { field: string } {
  try {
    return { job: normalizeJob(value) };
  } catch (error) {
    if (error instanceof JobValidationError) return { field: error.path };
    throw error;
  }
}

describe('normalizeJob with hostile payloads', () => {
  it('names a required field whose getter throws', () => {
    for (const key of ['id', 'type', 'operation', 'source', 'status']) {
      expect(outcomeOf(throwingAt({ ...head, status: 'executing' }, key))).toEqual({ field: key });
    }
  });

  it('drops an optional field whose getter throws, and keeps the rest', () => {
    for (const key of ['progress', 'info', 'mode', 'createdAt', 'config', 'outcome', 'subject', 'predecessorIds']) {
      const result = outcomeOf(throwingAt({ ...head, info: 'Reading', progress: 40, mode: 'foreground' }, key));
      expect(result).toHaveProperty('job');
      const job: object = 'job' in result ? result.job : {};
      expect(job).not.toHaveProperty(key);
      expect(job).toHaveProperty('id', 'us_jb_1');
    }
  });

  it('drops the fields of an outcome that throw when read', () => {
    const outcome = throwingAt({ heading: 'Done', acknowledge: true }, 'message');
    const job = normalizeJob({ ...head, status: 'complete', outcome });
    expect(job.outcome).toEqual({ heading: 'Done', acknowledge: true });
  });

  it('reads a Proxy whose traps throw as no job, naming what could not be read', () => {
    const traps = new Proxy(
      {},
      { get: boom, getPrototypeOf: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom },
    );
    expect(outcomeOf(traps)).toEqual({ field: 'job' });
    const revocable = Proxy.revocable({ ...head }, {});
    revocable.revoke();
    expect(outcomeOf(revocable.proxy)).toEqual({ field: 'job' });
    const throwsOnGet = new Proxy({ ...head }, { get: boom });
    expect(outcomeOf(throwsOnGet)).toEqual({ field: 'id' });
  });

  it('drops a nested Proxy that throws, as an outcome, a subject or input', () => {
    const hostile = new Proxy(
      {},
      { get: boom, getPrototypeOf: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom },
    );
    const job = normalizeJob({ ...head, outcome: hostile, subject: hostile, input: hostile, predecessorIds: hostile });
    expect(job).toEqual({ ...head, status: 'created' });
  });

  it('lets nothing but a JobValidationError escape, whatever getter throws', () => {
    const keys = [
      'id',
      'type',
      'operation',
      'source',
      'status',
      'progress',
      'info',
      'mode',
      'outcome',
      'updatedAt',
      'input',
    ];
    fc.assert(
      fc.property(fc.subarray(keys), fc.anything(), (throwing, thrown) => {
        const value: Record<string, unknown> = { ...head, status: 'executing', progress: 5, outcome: { message: 'x' } };
        for (const key of throwing) {
          delete value[key];
          Object.defineProperty(value, key, {
            enumerable: true,
            get: () => {
              throw thrown;
            },
          });
        }
        outcomeOf(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatMessage with hostile values', () => {
  it('never throws on a value that cannot be turned into text', () => {
    const hostile = { toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom } as unknown as string;
    expect(formatMessage('{label} failed', { label: hostile })).toBe(' failed');
  });
});
