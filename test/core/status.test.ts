import { describe, expect, it } from 'vitest';
import {
  blocks,
  isActive,
  isBlocking,
  isCancelable,
  isRetryable,
  isTerminal,
  JOB_STATUSES,
  needsAcknowledgement,
  normalizeJob,
} from '../../src/core';

describe('status helpers', () => {
  it('sorts the nine statuses into active, terminal and neither', () => {
    const table = JOB_STATUSES.map((status) => [status, isActive(status), isTerminal(status)]);
    expect(table).toEqual([
      ['created', true, false],
      ['planning', true, false],
      ['scheduled', false, false],
      ['ready', true, false],
      ['executing', true, false],
      ['complete', false, true],
      ['failed', false, true],
      ['canceled', false, true],
      ['waiting', true, false],
    ]);
  });

  it('treats an unknown status as neither active nor terminal', () => {
    expect(isActive('paused')).toBe(false);
    expect(isTerminal('paused')).toBe(false);
    expect(isCancelable('paused')).toBe(false);
  });

  it('lets active and scheduled jobs be canceled and failed jobs be retried', () => {
    expect(JOB_STATUSES.filter(isCancelable)).toEqual([
      'created',
      'planning',
      'scheduled',
      'ready',
      'executing',
      'waiting',
    ]);
    expect(JOB_STATUSES.filter(isRetryable)).toEqual(['failed']);
  });

  it('says which modes block which region', () => {
    expect([blocks('foreground', 'resource'), blocks('foreground', 'toolbar')]).toEqual([true, true]);
    expect([blocks('toolbarBlocking', 'resource'), blocks('toolbarBlocking', 'toolbar')]).toEqual([false, true]);
    expect([blocks('background', 'toolbar'), blocks('hidden', 'toolbar'), blocks(undefined, 'toolbar')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('blocks only while the job is active', () => {
    expect(isBlocking({ mode: 'foreground', status: 'executing' }, 'resource')).toBe(true);
    expect(isBlocking({ mode: 'foreground', status: 'failed' }, 'resource')).toBe(false);
  });

  it('asks for acknowledgement of finished, unacknowledged, acknowledge-flagged outcomes, never for background jobs', () => {
    const job = (extra: Record<string, unknown>) =>
      normalizeJob({
        id: 'j',
        type: 'workbook',
        operation: 'export',
        source: 's',
        status: 'complete',
        outcome: { acknowledge: true },
        ...extra,
      });
    expect(needsAcknowledgement(job({}))).toBe(true);
    expect(needsAcknowledgement(job({ outcomeAcknowledgedAt: '2026-11-28T00:00:00Z' }))).toBe(false);
    expect(needsAcknowledgement(job({ mode: 'background' }))).toBe(false);
    expect(needsAcknowledgement(job({ status: 'executing' }))).toBe(false);
    expect(needsAcknowledgement(job({ outcome: { message: 'x' } }))).toBe(false);
  });
});
