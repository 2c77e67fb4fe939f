import type { JobConfig, JobEvent } from '../../src/core';
import {
  createMemoryJobsClient,
  createVirtualClock,
  type MemoryJobsClient,
  type MemoryJobsClientOptions,
  type VirtualClock,
} from '../../src/memory';

export const START = new Date('2025-01-01T00:00:00.000Z');

export const exportWorkbook = { type: 'workbook', operation: 'export', source: 'us_wb_1' } satisfies JobConfig;

export interface Harness {
  clock: VirtualClock;
  client: MemoryJobsClient;
  events: JobEvent[];
  /** `topic status` of each event about `jobId`, in order. */
  story(jobId: string): string[];
}

/** A client on a virtual clock with a listener that records every event. */
export function setup(options: MemoryJobsClientOptions = {}): Harness {
  const clock = createVirtualClock(START.getTime());
  const client = createMemoryJobsClient({ clock, ...options });
  const events: JobEvent[] = [];
  client.subscribe((event) => {
    events.push(event);
  });
  return {
    clock,
    client,
    events,
    story: (jobId) =>
      events.filter((event) => event.context.jobId === jobId).map((event) => `${event.topic} ${event.payload.status}`),
  };
}

export interface Gate<T> {
  promise: Promise<T>;
  open(value: T): void;
}

/** A promise the test settles when it wants to. */
export function gate<T = void>(): Gate<T> {
  let open: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Whether `promise` has settled yet (checked after flushing pending callbacks). */
export function track<T>(promise: Promise<T>): { readonly settled: boolean } {
  const state = { settled: false };
  promise.then(
    () => {
      state.settled = true;
    },
    () => {
      state.settled = true;
    },
  );
  return state;
}
