import type { Clock } from './clock';

/** The error a call or a handler's `sleep` rejects with when its signal fires. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Every timer the engine sets, so that `close` can leave none behind. */
export interface Timers {
  /** Runs `callback` after `ms` on the clock; does nothing once closed. */
  schedule(ms: number, callback: () => void): void;
  /** Resolves after `ms`; rejects with an `AbortError` when `signal` fires, and with the close reason on close. */
  wait(ms: number, signal?: AbortSignal): Promise<void>;
  /** Clears every pending timer and rejects every pending wait with `reason`. */
  close(reason: unknown): void;
}

interface Pending {
  handle: unknown;
  onClose?: (reason: unknown) => void;
}

export function createTimers(clock: Clock): Timers {
  const pending = new Map<number, Pending>();
  let nextKey = 0;
  let closedWith: { reason: unknown } | undefined;

  function set(ms: number, callback: () => void): number {
    nextKey += 1;
    const key = nextKey;
    const handle = clock.setTimeout(() => {
      pending.delete(key);
      callback();
    }, ms);
    pending.set(key, { handle });
    return key;
  }

  function clear(key: number): void {
    const entry = pending.get(key);
    if (entry === undefined) return;
    pending.delete(key);
    clock.clearTimeout(entry.handle);
  }

  return {
    schedule(ms, callback) {
      if (closedWith === undefined) set(ms, callback);
    },
    wait(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (closedWith !== undefined) return reject(closedWith.reason);
        if (signal?.aborted) return reject(abortError());
        const onAbort = () => {
          clear(key);
          reject(abortError());
        };
        const key = set(ms, () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        });
        const entry = pending.get(key);
        if (entry !== undefined) {
          entry.onClose = (reason) => {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          };
        }
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    close(reason) {
      if (closedWith !== undefined) return;
      closedWith = { reason };
      const entries = [...pending.values()];
      pending.clear();
      for (const entry of entries) {
        clock.clearTimeout(entry.handle);
        entry.onClose?.(reason);
      }
    },
  };
}
