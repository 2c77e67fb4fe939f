// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlicedQueue } from '../../src/store/sliced-queue';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A queue recording what it applied, and in which batch. */
function recorder() {
  const applied: string[] = [];
  const batches: string[][] = [];
  let open: string[] | undefined;
  const queue = new SlicedQueue<string>(
    (item) => {
      applied.push(item);
      open?.push(item);
    },
    (run) => {
      open = [];
      run();
      batches.push(open);
      open = undefined;
    },
  );
  return { queue, applied, batches };
}

describe('SlicedQueue', () => {
  it('applies the first item of a task at once, and the ones following it together at the end of the task', async () => {
    const { queue, applied, batches } = recorder();
    queue.push('a');
    expect(applied).toEqual(['a']);
    queue.push('b');
    queue.push('c');
    // Not yet: they wait for the end of the task that handed them over.
    expect(applied).toEqual(['a']);
    await Promise.resolve();
    expect(applied).toEqual(['a', 'b', 'c']);
    // One batch for both.
    expect(batches).toEqual([['b', 'c']]);
    queue.clear();
  });

  it('hands what the task had no time for to later tasks, in order', async () => {
    vi.useFakeTimers();
    let clock = 0;
    // Each reading of the clock moves it 0.4 ms: about two items fit in the task's millisecond.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.4));
    const { queue, applied } = recorder();
    for (const item of ['a', 'b', 'c', 'd', 'e', 'f']) queue.push(item);
    await Promise.resolve();
    expect(applied.length).toBeGreaterThan(1);
    expect(applied.length).toBeLessThan(6);
    await vi.runAllTimersAsync();
    expect(applied).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops what it gathered when cleared', async () => {
    const { queue, applied } = recorder();
    queue.push('a');
    queue.push('b');
    queue.clear();
    await Promise.resolve();
    expect(applied).toEqual(['a']);
    queue.push('c');
    expect(applied).toEqual(['a', 'c']);
    queue.clear();
  });
});
