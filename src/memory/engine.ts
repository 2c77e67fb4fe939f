import { isCancelable, isRetryable, JobsClientError, type Job, type JobConfig, type JobEventTopic } from '../core';
import { readOutcome } from '../core/normalize';
import type { Clock } from './clock';
import { createHandlerContext } from './context';
import { copyJob, deepClone, deepFreeze } from './clone';
import { completionOf, failureOf, type Ending, type JobHandler } from './handler';
import { createOrderedJobs } from './ordered';
import { createDependents, predecessorVerdict } from './predecessors';
import type { IdFactory } from './random';
import { clearRun, createdRecord, seedRecords, type RecordDefaults } from './records';
import { createRetention } from './retention';
import type { Timers } from './timers';
import type { MemorySeedJob } from './types';
import { validateConfig } from './validate';

export interface EngineDeps extends RecordDefaults {
  clock: Clock;
  timers: Timers;
  ids: IdFactory;
  emit(topic: JobEventTopic, job: Job): void;
  /** The most settled jobs kept (see `RetainOptions`); `Infinity` keeps every job. */
  retain: number;
  /** A settled job was dropped beyond `retain`: the engine no longer knows it. */
  dropped(job: Job): void;
}

/** The job state machine. Works on its own records; the client hands out copies. */
export interface Engine {
  seed(seeds: readonly MemorySeedJob[]): void;
  find(jobId: string): Job;
  /** Every job, oldest first (by `createdAt`, then id). */
  all(): readonly Job[];
  /** Every job, in the order it was added. */
  added(): Job[];
  create(config: JobConfig): Job;
  execute(jobId: string): Job;
  cancel(jobId: string): Job;
  retry(jobId: string): Job;
  acknowledge(jobId: string): Job;
  register(key: string, handler: JobHandler): () => void;
  /** Stops every run and lets go of every job, handler and index. */
  dispose(): void;
}

interface Run {
  controller: AbortController;
}

const keyOf = (job: Job) => `${job.type}:${job.operation}`;

/** How a job ends when a predecessor did not complete: like a handler failure, with the reason as message. */
const blocked = (info: string): Ending => ({ info, outcome: { acknowledge: true, message: info } });

function conflict(message: string): JobsClientError {
  return new JobsClientError('conflict', message, { status: 409 });
}

export function createEngine(deps: EngineDeps): Engine {
  const { clock, timers, ids, emit, dropped } = deps;
  const jobs = new Map<string, Job>();
  const ordered = createOrderedJobs();
  const dependents = createDependents();
  // Only a host that sets a limit pays for keeping track of settled jobs.
  const retention = Number.isFinite(deps.retain)
    ? createRetention(deps.retain, {
        later: (task) => timers.schedule(0, task),
        keep: (job) => dependents.has(job.id),
        drop: (job) => {
          jobs.delete(job.id);
          ordered.remove(job);
          dependents.remove(job);
          dropped(job);
        },
      })
    : undefined;
  const runs = new Map<string, Run>();
  const handlers = new Map<string, JobHandler>();
  let disposed = false;

  const stamp = () => new Date(clock.now());

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (job === undefined) throw new JobsClientError('not-found', `Job ${jobId} not found`, { status: 404 });
    return job;
  }

  /** Every transition ends here: one `updatedAt`, one event. */
  function commit(job: Job, topic: JobEventTopic): void {
    job.updatedAt = stamp();
    emit(topic, job);
    retention?.note(job);
  }

  /** created / planning / failed (retry) → waiting, ready, or failed when a predecessor already failed. */
  function promote(job: Job): void {
    const verdict = predecessorVerdict(job, jobs);
    if (verdict.kind === 'failed') {
      end(job, 'failed', blocked(verdict.info));
      return;
    }
    if (verdict.kind === 'ready') {
      becomeReady(job);
      return;
    }
    job.status = 'waiting';
    commit(job, 'job:updated');
  }

  function becomeReady(job: Job): void {
    job.status = 'ready';
    commit(job, 'job:ready');
    timers.schedule(0, () => pickUp(job.id));
  }

  /** Ready jobs are picked up on the next turn, in one timer however many there are (10,000 seeds: not 10,000 timers). */
  function pickUpLater(ready: readonly Job[]): void {
    if (ready.length === 0) return;
    const ids = ready.map((job) => job.id);
    timers.schedule(0, () => {
      for (const id of ids) pickUp(id);
    });
  }

  /** A ready job starts once a handler for it exists (Flatfile: a listener acks `job:ready`). */
  function pickUp(jobId: string): void {
    const job = jobs.get(jobId);
    if (disposed || job === undefined || job.status !== 'ready' || runs.has(jobId)) return;
    const handler = handlers.get(keyOf(job));
    if (handler !== undefined) start(job, handler);
  }

  function start(job: Job, handler: JobHandler): void {
    const run: Run = { controller: new AbortController() };
    runs.set(job.id, run);
    job.status = 'executing';
    job.startedAt = stamp();
    job.progress = 0;
    job.info = 'Accepted';
    commit(job, 'job:updated');
    if (runs.get(job.id) !== run) return; // a listener canceled it on the spot
    const context = createHandlerContext({
      signal: run.controller.signal,
      wait: timers.wait,
      live: () => live(job.id, run),
      commit: (current) => commit(current, 'job:updated'),
    });
    const given = copyJob(job);
    void Promise.resolve()
      .then(() => handler(given, context))
      .then(
        (details) => settle(job.id, run, 'complete', completionOf(details)),
        (error: unknown) => settle(job.id, run, 'failed', failureOf(error)),
      );
  }

  /** The current run of a job, or undefined once it was canceled, retried or the engine disposed. */
  function live(jobId: string, run: Run): Job | undefined {
    const job = jobs.get(jobId);
    if (disposed || runs.get(jobId) !== run || job?.status !== 'executing') return undefined;
    return job;
  }

  function settle(jobId: string, run: Run, status: 'complete' | 'failed', ending: Ending): void {
    const job = live(jobId, run);
    if (job === undefined) return; // canceled meanwhile: a late result changes nothing
    runs.delete(jobId);
    if (status === 'complete') job.progress = 100;
    end(job, status, ending);
  }

  function end(job: Job, status: 'complete' | 'failed', ending: Ending): void {
    job.status = status;
    job.finishedAt = stamp();
    // Read as `normalizeJob` reads an outcome (the handler's is any object), frozen like every part.
    job.outcome = deepFreeze(readOutcome(deepClone(ending.outcome)));
    if (ending.info !== undefined) job.info = ending.info;
    commit(job, status === 'complete' ? 'job:completed' : 'job:failed');
    releaseDependents(job);
  }

  /** A job reached an end: jobs waiting on it become ready, or fail when it did not complete. */
  function releaseDependents(finished: Job): void {
    for (const id of dependents.of(finished.id)) {
      const job = jobs.get(id);
      if (job === undefined || job.status !== 'waiting') continue;
      const verdict = predecessorVerdict(job, jobs);
      if (verdict.kind === 'ready') becomeReady(job);
      else if (verdict.kind === 'failed') end(job, 'failed', blocked(verdict.info));
    }
  }

  return {
    find,
    all: () => ordered.all,
    added: () => [...jobs.values()],

    seed(seeds) {
      for (const job of seedRecords(seeds, (taken) => ids.job((id) => jobs.has(id) || taken(id)), stamp(), deps)) {
        if (jobs.has(job.id)) throw new JobsClientError('invalid', `Seed job ${job.id} already exists`);
        jobs.set(job.id, job);
        ordered.push(job);
        dependents.add(job);
      }
      ordered.sort();
      // Seeds that already settled count against the limit, oldest first.
      if (retention !== undefined) for (const job of ordered.all) retention.note(job);
      // Seeds are records of work done elsewhere: `executing`, `waiting`... jobs are not run here (no handler
      // started them, and running them again would duplicate their effects). Only `ready` jobs are waiting
      // for a handler, so those are picked up, now or when one is registered. A seeded `waiting` job still
      // follows its predecessors when one of them ends through this engine.
      pickUpLater([...jobs.values()].filter((job) => job.status === 'ready'));
    },

    create(config) {
      validateConfig(config, (id) => jobs.has(id));
      const job = createdRecord(
        config,
        ids.job((id) => jobs.has(id)),
        stamp(),
        deps,
      );
      jobs.set(job.id, job);
      ordered.insert(job);
      dependents.add(job);
      emit('job:created', job);
      if (job.trigger === 'immediate') {
        timers.schedule(0, () => {
          if (!disposed && job.status === 'created') promote(job);
        });
      }
      return job;
    },

    execute(jobId) {
      const job = find(jobId);
      if (job.status !== 'created' && job.status !== 'planning') {
        throw conflict(`Job ${jobId} is ${job.status}; only created or planning jobs can be executed`);
      }
      promote(job);
      return job;
    },

    cancel(jobId) {
      const job = find(jobId);
      if (!isCancelable(job.status)) throw conflict(`Job ${jobId} is ${job.status} and cannot be canceled`);
      const run = runs.get(jobId);
      runs.delete(jobId);
      job.status = 'canceled';
      job.finishedAt = stamp();
      run?.controller.abort();
      commit(job, 'job:updated'); // Flatfile has no canceled topic
      releaseDependents(job);
      return job;
    },

    retry(jobId) {
      const job = find(jobId);
      if (!isRetryable(job.status)) throw conflict(`Job ${jobId} is ${job.status}; only failed jobs can be retried`);
      clearRun(job);
      promote(job);
      return job;
    },

    acknowledge(jobId) {
      const job = find(jobId);
      if (job.status !== 'complete' && job.status !== 'failed') {
        throw conflict(`Job ${jobId} is ${job.status}; only complete or failed jobs have an outcome to acknowledge`);
      }
      if (job.outcomeAcknowledgedAt !== undefined) return job;
      job.outcomeAcknowledgedAt = stamp();
      commit(job, 'job:outcome-acknowledged');
      return job;
    },

    register(key, handler) {
      if (disposed) return () => {};
      handlers.set(key, handler);
      pickUpLater([...jobs.values()].filter((job) => job.status === 'ready' && keyOf(job) === key));
      return () => {
        if (handlers.get(key) === handler) handlers.delete(key);
      };
    },

    dispose() {
      disposed = true;
      const current = [...runs.values()];
      runs.clear();
      for (const run of current) run.controller.abort();
      jobs.clear();
      ordered.clear();
      handlers.clear();
      dependents.clear();
      retention?.clear();
    },
  };
}
