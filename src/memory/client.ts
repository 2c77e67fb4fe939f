import { JobsClientError, type CallOptions } from '../core';
import { systemClock } from './clock';
import { copyJob } from './clone';
import { createEmitter } from './emitter';
import { createEngine } from './engine';
import { createFaults, type MemoryCall } from './faults';
import { listJobs } from './list';
import { createIdFactory, mulberry32 } from './random';
import { abortError, createTimers } from './timers';
import type { MemoryJobsClient, MemoryJobsClientOptions } from './types';

const DEFAULT_ACTOR = 'us_usr_memory';
const DEFAULT_PAGE_SIZE = 20;

function disposedError(): JobsClientError {
  return new JobsClientError('aborted', 'The memory jobs client was disposed');
}

function milliseconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * An in-process job engine that follows Flatfile's lifecycle: `created` → (`waiting` on predecessors) →
 * `ready` → `executing` (when a handler for `domain:operation` is registered) → `complete` or `failed`;
 * `canceled` from any unfinished status; `retry` runs a failed job again under the same id. Every call
 * waits its latency on the clock, may fail by the configured faults (a failed call changes nothing) and
 * answers with copies. Events are Flatfile's `job:*` events, one per transition.
 *
 * Seeded jobs (`options.jobs`) keep their status and are not run: only seeded `ready` jobs are picked up
 * by a handler for them.
 */
export function createMemoryJobsClient(options: MemoryJobsClientOptions = {}): MemoryJobsClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? mulberry32(1);
  const actorId = options.actorId ?? DEFAULT_ACTOR;
  const timers = createTimers(clock);
  const ids = createIdFactory(random);
  const faults = createFaults(options.faults ?? {}, random);
  const emitter = createEmitter(clock, ids.event, {
    actorId,
    accountId: options.accountId,
    environmentId: options.environmentId,
    spaceId: options.spaceId,
  });
  const engine = createEngine({
    clock,
    timers,
    ids,
    emit: emitter.emit,
    actorId,
    spaceId: options.spaceId,
    environmentId: options.environmentId,
  });
  engine.seed(options.jobs ?? []);
  for (const [key, handler] of Object.entries(options.handlers ?? {})) engine.register(key, handler);
  let disposed = false;

  function latencyOf(call: MemoryCall): number {
    const { latency } = options;
    return milliseconds(typeof latency === 'function' ? latency(call) : (latency ?? 0)) + faults.delay(call);
  }

  /** The path of every call: abort check, latency, faults, then the change. */
  async function call<T>(kind: MemoryCall, callOptions: CallOptions | undefined, action: () => T): Promise<T> {
    const signal = callOptions?.signal;
    if (disposed) throw disposedError();
    if (signal?.aborted) throw abortError();
    const delay = latencyOf(kind);
    if (delay > 0) await timers.wait(delay, signal);
    else await Promise.resolve();
    if (disposed) throw disposedError();
    if (signal?.aborted) throw abortError();
    faults.check(kind);
    return action();
  }

  return {
    list: (filter = {}, callOptions) =>
      call('list', callOptions, () => listJobs(engine.all().map(copyJob), filter, options.pageSize ?? DEFAULT_PAGE_SIZE)),
    get: (jobId, callOptions) => call('get', callOptions, () => copyJob(engine.find(jobId))),
    create: (config, callOptions) => call('create', callOptions, () => copyJob(engine.create(config))),
    execute: (jobId, callOptions) => call('execute', callOptions, () => copyJob(engine.execute(jobId))),
    cancel: (jobId, callOptions) => call('cancel', callOptions, () => copyJob(engine.cancel(jobId))),
    retry: (jobId, callOptions) => call('retry', callOptions, () => copyJob(engine.retry(jobId))),
    acknowledgeOutcome: (jobId, callOptions) =>
      call('acknowledgeOutcome', callOptions, () => copyJob(engine.acknowledge(jobId))),
    subscribe: (listener) => (disposed ? () => {} : emitter.subscribe(listener)),
    register: (key, handler) => engine.register(key, handler),
    setFaults: (next) => faults.set(next),
    snapshot: () => engine.all().map(copyJob),
    dispose() {
      if (disposed) return;
      disposed = true;
      emitter.clear();
      engine.dispose();
      timers.close(disposedError());
    },
  };
}
