import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ListedJobs } from '../../src/store/listed';
import {
  type JobsPanelItem,
  jobMatcher,
  narrows,
  searchRows,
  searchRowsInSlices,
  searchTerms,
} from '../../src/store/panel-search';

const n = 5000;
const { ids, jobs } = ListedJobs.read(
  Array.from({ length: n }, (_, i) => ({
    id: `j${i}`,
    type: 'workbook',
    operation: i % 2 === 0 ? 'import' : 'export',
    source: 's',
    status: 'complete',
    info: `Step ${i}`,
  })),
);
const rows: JobsPanelItem[] = ids.map((id, index) => ({ id, level: 1, posInSet: index + 1, setSize: n }));
const label = ({ operation }: { operation: string }) => (operation === 'import' ? 'Import contacts' : 'Export CSV');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('jobs panel search', () => {
  it('splits the text into lower-case words and knows when a search narrows the last one', () => {
    expect(searchTerms('  Step  42 ')).toEqual(['step', '42']);
    expect(searchTerms('')).toEqual([]);
    expect(narrows(['step', '421'], ['step', '42'])).toBe(true);
    expect(narrows(['step'], ['step', '42'])).toBe(false);
    expect(narrows(['ste'], ['step'])).toBe(false);
  });

  it('matches the name, the operation and the info, every word somewhere', () => {
    const result = searchRows(rows, jobMatcher(['contacts', 'step', '42'], jobs, label), false);
    // Even ids are imports ("Import contacts"); their info holds "42": 42, 142, 242... and 420..429 and so on.
    expect(
      result.rows.every((row) => Number(row.id.slice(1)) % 2 === 0 && jobs.field(row.id, 'info')?.includes('42')),
    ).toBe(true);
    expect(result.rows.map((row) => row.id).slice(0, 4)).toEqual(['j42', 'j142', 'j242', 'j342']);
    expect(result.rows.map((row) => row.posInSet).slice(0, 3)).toEqual([1, 2, 3]);
    expect(result.rows.every((row) => row.setSize === result.top)).toBe(true);
    expect(searchRows(rows, jobMatcher(['export'], jobs, label), true).rows[0]).toEqual({
      id: 'j1',
      level: 1,
      posInSet: 1,
      setSize: -1,
    });
  });

  it('gives the same rows in slices, with the main thread free between them, and leaves no timer when canceled', async () => {
    const matches = jobMatcher(['step', '1'], jobs, label);
    const whole = searchRows(rows, matches, false);
    const done = vi.fn();
    searchRowsInSlices(rows, matches, false, done, 0);
    expect(done).not.toHaveBeenCalled();
    let slices = 0;
    while (done.mock.calls.length === 0 && slices < 100) {
      await vi.advanceTimersToNextTimerAsync();
      slices += 1;
    }
    expect(slices).toBeGreaterThan(5);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]?.[0].rows).toEqual(whole.rows);

    const never = vi.fn();
    const cancel = searchRowsInSlices(rows, matches, false, never, 0);
    await vi.advanceTimersToNextTimerAsync();
    cancel();
    expect(vi.getTimerCount()).toBe(0);
    await vi.runAllTimersAsync();
    expect(never).not.toHaveBeenCalled();
  });
});
