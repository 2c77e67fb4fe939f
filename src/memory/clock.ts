/** Where the memory engine reads time and schedules work. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type TimeoutHandle = Parameters<typeof globalThis.clearTimeout>[0];

/**
 * The real clock. It looks up `Date.now` and `globalThis.setTimeout` at every call, so fake timers installed
 * after the client was created (`vi.useFakeTimers()`) still apply.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as TimeoutHandle),
};

/** A clock that only moves when told to: same calls, same times, same order. */
export interface VirtualClock extends Clock {
  /**
   * Moves time forward by `ms`, running every timer that falls due on the way in time order (timers due at
   * the same moment in the order they were set). Pending promise callbacks are flushed before and after each
   * timer, so awaited handler code runs as it would between real timers.
   */
  advance(ms: number): Promise<void>;
  /** Runs timers until none is left, moving time to each. Throws when timers keep rescheduling forever. */
  runAll(): Promise<void>;
  /** How many timers are waiting. */
  pendingTimers(): number;
}

/** 2025-01-01T00:00:00.000Z: readable dates in stories and snapshots. */
const DEFAULT_START = Date.UTC(2025, 0, 1);
/** Promise turns flushed around each timer; deep enough for handlers that await a few helpers. */
const FLUSH_TURNS = 50;
const RUN_ALL_LIMIT = 10_000;

interface VirtualTimer {
  due: number;
  order: number;
  callback: () => void;
}

async function flushMicrotasks(): Promise<void> {
  for (let turn = 0; turn < FLUSH_TURNS; turn += 1) await Promise.resolve();
}

export function createVirtualClock(start: number = DEFAULT_START): VirtualClock {
  let now = start;
  let order = 0;
  const timers = new Map<number, VirtualTimer>();

  function earliest(limit: number): [number, VirtualTimer] | undefined {
    let found: [number, VirtualTimer] | undefined;
    for (const entry of timers) {
      const timer = entry[1];
      if (timer.due > limit) continue;
      if (
        found === undefined ||
        timer.due < found[1].due ||
        (timer.due === found[1].due && timer.order < found[1].order)
      ) {
        found = entry;
      }
    }
    return found;
  }

  function fire([handle, timer]: [number, VirtualTimer]): void {
    timers.delete(handle);
    now = Math.max(now, timer.due);
    timer.callback();
  }

  return {
    now: () => now,
    setTimeout(callback, ms) {
      order += 1;
      const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
      timers.set(order, { due: now + delay, order, callback });
      return order;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    async advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      const target = now + ms;
      for (;;) {
        await flushMicrotasks();
        const next = earliest(target);
        if (next === undefined) break;
        fire(next);
      }
      now = target;
    },
    async runAll() {
      for (let fired = 0; ; fired += 1) {
        await flushMicrotasks();
        const next = earliest(Number.POSITIVE_INFINITY);
        if (next === undefined) return;
        if (fired >= RUN_ALL_LIMIT) throw new Error(`runAll() gave up after ${RUN_ALL_LIMIT} timers`);
        fire(next);
      }
    },
    pendingTimers: () => timers.size,
  };
}
