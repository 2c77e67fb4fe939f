import { JobsClientError } from '../core';

/** The client calls the memory engine answers; latency and faults are set per kind. */
export type MemoryCall = 'list' | 'get' | 'create' | 'cancel' | 'acknowledgeOutcome' | 'retry' | 'execute';

/** Failures and slowness to rehearse with. A call that fails changes nothing. */
export interface FaultOptions {
  /** 0..1: the chance that any call fails with `JobsClientError('server')`, drawn from the client's `random`. */
  errorRate?: number;
  /** The next N calls of a kind fail with `JobsClientError('server')`. */
  failNext?: Partial<Record<MemoryCall, number>>;
  /** Extra latency in ms for a kind of call, on top of `latency`. */
  slow?: Partial<Record<MemoryCall, number>>;
}

export interface Faults {
  set(faults: FaultOptions): void;
  /** Extra ms for this kind of call. */
  delay(call: MemoryCall): number;
  /** Throws the simulated server error when this call should fail. */
  check(call: MemoryCall): void;
}

function nonNegative(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

export function createFaults(initial: FaultOptions, random: () => number): Faults {
  let errorRate = 0;
  let failNext: Partial<Record<MemoryCall, number>> = {};
  let slow: Partial<Record<MemoryCall, number>> = {};

  function set(faults: FaultOptions): void {
    errorRate = Math.min(1, nonNegative(faults.errorRate));
    // Copies: counting down must not write into the caller's object.
    failNext = { ...faults.failNext };
    slow = { ...faults.slow };
  }
  set(initial);

  return {
    set,
    delay: (call) => nonNegative(slow[call]),
    check(call) {
      const remaining = Math.floor(nonNegative(failNext[call]));
      if (remaining > 0) {
        failNext[call] = remaining - 1;
        throw new JobsClientError('server', `Simulated server error (failNext.${call})`, { status: 500 });
      }
      if (errorRate > 0 && random() < errorRate) {
        throw new JobsClientError('server', `Simulated server error (errorRate on ${call})`, { status: 500 });
      }
    },
  };
}
