import { JobsClientError, type CallOptions, type Job } from '../core';
import { systemClock } from './clock';
import { publishJob } from './clone';
import { createEmitter } from './emitter';
import { createEngine } from './engine';
import { createFaults, type MemoryCall } from './faults';
import { listJobs } from './list';
import { createIdFactory, mulberry32 } from './random';
import { retainLimit } from './retention';
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
 * answers with frozen copies (one per version of a job, shared by every caller). Events are Flatfile's
 * `job:*` events, one per transition.
 *
 * Seeded jobs (`options.jobs`) keep their status and are not run: only seeded `ready` jobs are picked up
 * by a handler for them.
 *
 * Every job is kept until `dispose` unless `options.retain` sets a limit: beyond `retain.jobs` settled
 * jobs (ended, no outcome waiting to be acknowledged), those that settled first are dropped on the next
 * turn, each with a `job:deleted` event; later calls about them reject with `not-found`.
 */
export function createMemoryJobsClient(options: MemoryJobsClientOptions = {}): MemoryJobsClient {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? mulberry32(1);
  const actorId = options.actorId ?? DEFAULT_ACTOR;
  const retain = retainLimit(options.retain);
  const timers = createTimers(clock);
  const ids = createIdFactory(random);
  const faults = createFaults(options.faults ?? {}, random);
  const emitter = createEmitter(clock, ids.event, {
    actorId,
    accountId: options.accountId,
    environmentId: options.environmentId,
    spaceId: options.spaceId,
  });
  // One frozen copy per version of a job, shared by every caller and listener: reading 10,000 jobs
  // copies none of them twice. Every change to a record ends in `emit`, which drops its stale copy.
  const published = new Map<string, Job>();
  const view = (job: Job): Job => {
    let copy = published.get(job.id);
    if (copy === undefined) {
      copy = publishJob(job);
      published.set(job.id, copy);
    }
    return copy;
  };
  const engine = createEngine({
    clock,
    timers,
    ids,
    emit: (topic, job) => {
      const copy = publishJob(job, published.get(job.id));
      published.set(job.id, copy);
      emitter.emit(topic, copy);
    },
    retain,
    dropped: (job) => {
      const last = published.get(job.id) ?? publishJob(job);
      published.delete(job.id);
      emitter.deleted(last);
    },
    actorId,
    spaceId: options.spaceId,
    environmentId: options.environmentId,
  });
  engine.seed(options.jobs ?? []);
  // Seeds are stored as callers read them, so the first list answers as fast as the next.
  for (const job of engine.all()) view(job);
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
      call('list', callOptions, () => listJobs(engine.all(), filter, options.pageSize ?? DEFAULT_PAGE_SIZE, view)),
    get: (jobId, callOptions) => call('get', callOptions, () => view(engine.find(jobId))),
    create: (config, callOptions) => call('create', callOptions, () => view(engine.create(config))),
    execute: (jobId, callOptions) => call('execute', callOptions, () => view(engine.execute(jobId))),
    cancel: (jobId, callOptions) => call('cancel', callOptions, () => view(engine.cancel(jobId))),
    retry: (jobId, callOptions) => call('retry', callOptions, () => view(engine.retry(jobId))),
    acknowledgeOutcome: (jobId, callOptions) =>
      call('acknowledgeOutcome', callOptions, () => view(engine.acknowledge(jobId))),
    subscribe: (listener) => (disposed ? () => {} : emitter.subscribe(listener)),
    register: (key, handler) => engine.register(key, handler),
    setFaults: (next) => faults.set(next),
    snapshot: () => engine.added().map(view),
    dispose() {
      if (disposed) return;
      disposed = true;
      emitter.clear();
      engine.dispose();
      published.clear();
      timers.close(disposedError());
    },
  };
}
