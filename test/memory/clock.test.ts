import { afterEach, describe, expect, it, vi } from 'vitest';

import { createVirtualClock, systemClock } from '../../src/memory';

describe('createVirtualClock', () => {
  it('starts at the given time, or at 2025-01-01 UTC', () => {
    expect(createVirtualClock(1000).now()).toBe(1000);
    expect(new Date(createVirtualClock().now()).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('runs timers that fall due while advancing, in time order, and keeps later ones', async () => {
    const clock = createVirtualClock(0);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b at ${clock.now()}`), 20);
    clock.setTimeout(() => ran.push(`a at ${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`c at ${clock.now()}`), 50);

    await clock.advance(30);

    expect(ran).toEqual(['a at 10', 'b at 20']);
    expect(clock.now()).toBe(30);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('runs timers due at the same moment in the order they were set', async () => {
    const clock = createVirtualClock(0);
    const ran: number[] = [];
    for (const n of [1, 2, 3]) clock.setTimeout(() => ran.push(n), 0);
    await clock.advance(0);
    expect(ran).toEqual([1, 2, 3]);
  });

  it('lets awaited code run between timers, so a timer set after an await still fires in the same advance', async () => {
    const clock = createVirtualClock(0);
    const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
    const steps: number[] = [];
    void (async () => {
      for (let step = 1; step <= 3; step += 1) {
        await sleep(10);
        await Promise.resolve();
        steps.push(clock.now());
      }
    })();

    await clock.advance(30);

    expect(steps).toEqual([10, 20, 30]);
  });

  it('does not run a cleared timer', async () => {
    const clock = createVirtualClock(0);
    const callback = vi.fn();
    const handle = clock.setTimeout(callback, 5);
    clock.clearTimeout(handle);
    await clock.advance(10);
    expect(callback).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runAll runs every timer, moving time to the last one', async () => {
    const clock = createVirtualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => {
      ran.push(clock.now());
      clock.setTimeout(() => ran.push(clock.now()), 500);
    }, 100);
    await clock.runAll();
    expect(ran).toEqual([100, 600]);
    expect(clock.now()).toBe(600);
  });

  it('refuses to go back in time', async () => {
    await expect(createVirtualClock(0).advance(-1)).rejects.toThrow(RangeError);
  });
});

describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows fake timers installed after it was imported', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-06-01T12:00:00.000Z'));
    const callback = vi.fn();

    const handle = systemClock.setTimeout(callback, 100);
    expect(systemClock.now()).toBe(Date.parse('2030-06-01T12:00:00.000Z'));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(100);
    expect(callback).toHaveBeenCalledOnce();

    systemClock.clearTimeout(systemClock.setTimeout(callback, 100));
    expect(vi.getTimerCount()).toBe(0);
    expect(handle).toBeDefined();
  });
});
