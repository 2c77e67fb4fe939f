// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/core';
import { JobVersions } from '../../src/store/versions';

const job = (id: string, progress = 0) =>
  ({ id, type: 'workbook', operation: 'export', status: 'executing', progress }) as unknown as Job;
const ids = (versions: JobVersions) => [...versions.values()].map((j) => j.id).sort();

describe('JobVersions', () => {
  it('answers with the version written last, and leaves the map it came from as it was', () => {
    const first = JobVersions.empty.with([job('a', 1), job('b', 1)]);
    const second = first.with([job('a', 2), job('c', 2)]);
    expect(second.get('a')?.progress).toBe(2);
    expect(second.get('b')?.progress).toBe(1);
    expect(ids(second)).toEqual(['a', 'b', 'c']);
    // The earlier value never changes.
    expect(first.get('a')?.progress).toBe(1);
    expect(first.get('c')).toBeUndefined();
    expect(ids(first)).toEqual(['a', 'b']);
    expect(ids(JobVersions.empty)).toEqual([]);
  });

  it('drops versions without touching what it does not hold', () => {
    const held = JobVersions.empty.with([job('a'), job('b')]);
    expect(held.without(['x', 'y'])).toBe(held);
    expect(held.with([])).toBe(held);
    const less = held.without(['a', 'x']);
    expect(ids(less)).toEqual(['b']);
    expect(less.get('a')).toBeUndefined();
    expect(ids(held)).toEqual(['a', 'b']);
  });

  it('matches a plain map over any sequence of batches, 10,000 ids included', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => job(`us_jb_${i}`, i % 100));
    const all = JobVersions.empty.with(big);
    expect([...all.values()]).toHaveLength(10_000);
    expect(all.get('us_jb_4242')?.progress).toBe(42);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            remove: fc.boolean(),
            ids: fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 40 }),
            progress: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        (batches) => {
          let versions = JobVersions.empty;
          const model = new Map<string, number>();
          const history: [JobVersions, Map<string, number>][] = [];
          for (const batch of batches) {
            const names = batch.ids.map((i) => `j${i}`);
            if (batch.remove) {
              versions = versions.without(names);
              for (const name of names) model.delete(name);
            } else {
              versions = versions.with(names.map((name) => job(name, batch.progress)));
              for (const name of names) model.set(name, batch.progress);
            }
            history.push([versions, new Map(model)]);
          }
          // Every value of the sequence still answers as it did when made.
          for (const [value, expected] of history) {
            expect(ids(value)).toEqual([...expected.keys()].sort());
            for (const [id, progress] of expected) expect(value.get(id)?.progress).toBe(progress);
          }
        },
      ),
    );
  });
});
