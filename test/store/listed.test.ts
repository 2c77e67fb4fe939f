// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Job, needsAcknowledgement, normalizeJob } from '../../src/core';
import { ListedJobs, lookupAll } from '../../src/store/listed';

const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('background', 'foreground', 'hidden', 'toolbarBlocking', '', null),
);
const entry = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.constantFrom('a', 'b', 'c', ' '), anyValue),
      type: fc.oneof(fc.constantFrom('workbook', 'file'), anyValue),
      operation: fc.oneof(fc.constantFrom('export', 'import'), anyValue),
      source: fc.oneof(fc.constant('us_wb_1'), anyValue),
      status: fc.oneof(fc.constantFrom('executing', 'COMPLETE', 'weird'), anyValue),
      mode: anyValue,
      parentId: fc.oneof(fc.constantFrom('a', 'b'), anyValue),
      outcome: fc.oneof(fc.record({ acknowledge: anyValue, message: anyValue }, { requiredKeys: [] }), anyValue),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

/** What reading the page eagerly would give: each id once where it first appears, with its last valid entry, normalized. */
function eager(entries: unknown[]) {
  const jobs = new Map<string, ReturnType<typeof normalizeJob>>();
  const ids: string[] = [];
  let skipped = 0;
  for (const value of entries) {
    try {
      const job = normalizeJob(value);
      if (!jobs.has(job.id)) ids.push(job.id);
      jobs.set(job.id, job);
    } catch {
      skipped += 1;
    }
  }
  return { ids, skipped, jobs };
}

describe('a listed page', () => {
  it('keeps and skips exactly the entries normalizeJob accepts and rejects, and reads each as it would', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const expected = eager(entries);
        const page = ListedJobs.read(entries);
        expect(page.ids).toEqual(expected.ids);
        expect(page.skipped).toBe(expected.skipped);
        for (const [id, job] of expected.jobs) {
          // The cheap reads agree with the normalized job, before and after it is normalized.
          for (const key of ['type', 'operation', 'mode', 'parentId'] as const)
            expect(page.jobs.field(id, key)).toEqual(job[key]);
          expect(page.jobs.get(id)).toEqual(job);
          for (const key of ['type', 'operation', 'mode', 'parentId'] as const)
            expect(page.jobs.field(id, key)).toEqual(job[key]);
        }
        // Grouping reads no job only when no listed job is hidden or a part; every operation shown is offered.
        const jobs = [...expected.jobs.values()];
        if (jobs.some((job) => job.mode === 'hidden' || job.parentId !== undefined))
          expect(page.jobs.grouped()).toBe(true);
        for (const job of jobs) if (job.mode !== 'hidden') expect(page.jobs.operations().has(job.operation)).toBe(true);
        const waiting = [...expected.jobs.values()].filter(needsAcknowledgement);
        expect(
          ListedJobs.read(entries)
            .jobs.withOutcomes()
            .map((job) => job.id)
            .sort(),
        ).toEqual(waiting.map((job) => job.id).sort());
      }),
      { numRuns: 1000 },
    );
    warn.mockRestore();
  });

  it('normalizes a job once, when first read, and answers with the newer version the cache holds', () => {
    const raw = { id: 'a', type: 'workbook', operation: 'export', source: 's', status: 'executing', progress: 250 };
    const cached = new Map<string, ReturnType<typeof normalizeJob>>();
    const { jobs } = ListedJobs.read([raw], (id) => cached.get(id));
    const first = jobs.get('a');
    expect(first).toMatchObject({ id: 'a', progress: 100 });
    expect(jobs.get('a')).toBe(first);
    const newer = { ...normalizeJob(raw), status: 'complete', outcome: { acknowledge: true, message: 'Done' } };
    cached.set('a', newer);
    expect(jobs.get('a')).toBe(newer);
    expect(jobs.status('a')).toBe('complete');
    expect(jobs.listed('a')).toBe(first);
  });

  it('never changes: a job joining or leaving makes a new list, the old one reads as before', () => {
    const entry = (id: string, operation = 'export') => ({
      id,
      type: 'workbook',
      operation,
      source: 's',
      status: 'executing',
    });
    const { jobs } = ListedJobs.read([entry('a'), entry('b')]);
    const joining = { ...normalizeJob(entry('c', 'import')), mode: 'hidden' as const };
    const ended = { ...normalizeJob(entry('d')), status: 'complete' as const, outcome: { acknowledge: true } };
    const next = jobs.changed([joining, ended], new Set(['a']));
    expect([jobs.has('a'), jobs.has('c'), jobs.grouped(), jobs.withOutcomes()]).toEqual([true, false, false, []]);
    expect([next.has('a'), next.has('b'), next.has('c'), next.grouped()]).toEqual([false, true, true, true]);
    expect(next.get('c')).toBe(joining);
    expect(next.field('a', 'operation')).toBeUndefined();
    expect(next.withOutcomes()).toEqual([ended]);
    // Reading a job of the old list normalizes it for both, and the new one still lacks the one that left.
    expect(jobs.get('a')?.id).toBe('a');
    expect(next.get('a')).toBeUndefined();
  });

  it('looks only at outcomes still waiting: none acknowledged, none gone, none it found acknowledged before', () => {
    const at = (status: string, outcome?: object) => ({
      type: 'workbook',
      operation: 'export',
      source: 's',
      mode: 'foreground',
      status,
      outcome,
    });
    const entries = [
      { id: 'seen', ...at('complete', { acknowledge: true }), outcomeAcknowledgedAt: '2026-01-01T00:00:00Z' },
      { id: 'b', ...at('complete', { acknowledge: true }) },
      { id: 'c', ...at('failed', { acknowledge: true }) },
      { id: 'd', ...at('executing') },
    ];
    const cached = new Map<string, Job>();
    const newer = vi.fn((id: string) => cached.get(id));
    const { jobs } = ListedJobs.read(entries, newer);
    expect(jobs.withOutcomes().map((job) => job.id)).toEqual(['b', 'c']);
    expect(newer.mock.calls.map(([id]) => id)).toEqual(['b', 'c']);
    // b is acknowledged (a newer version in the cache): looked at once more, then never again.
    cached.set('b', { ...(jobs.get('b') as Job), outcomeAcknowledgedAt: new Date() });
    newer.mockClear();
    expect(jobs.withOutcomes().map((job) => job.id)).toEqual(['c']);
    expect(jobs.withOutcomes().map((job) => job.id)).toEqual(['c']);
    expect(newer.mock.calls.map(([id]) => id)).toEqual(['b', 'c', 'c']);
    // c leaves, and jobs join still running: the next list has nothing to look at.
    const running = normalizeJob({ id: 'e', ...at('executing') });
    const next = jobs.changed([running], new Set(['c']));
    newer.mockClear();
    expect(next.withOutcomes()).toEqual([]);
    expect(newer).not.toHaveBeenCalled();
  });

  it('reads several pages as one, the first page holding an id answering for it', () => {
    const job = (id: string, operation: string) => ({ id, type: 'workbook', operation, source: 's' });
    const lookup = lookupAll([
      ListedJobs.read([job('a', 'export')]).jobs,
      ListedJobs.read([job('a', 'import'), job('b', 'import')]).jobs,
    ]);
    expect(lookup.field('a', 'operation')).toBe('export');
    expect(lookup.get('b')?.operation).toBe('import');
    expect(lookup.get('c')).toBeUndefined();
  });
});
