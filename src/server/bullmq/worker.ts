import { toDate, toProgress } from '../../core';
import { completionOf, failureOf, JobFailure, type JobHandler, type JobHandlerContext } from '../../memory/handler';
import { CANCEL_EVENT } from './backend';
import type { BullmqConnection } from './connection';
import { loadBullmq } from './load';
import { toKitJob, type BullJobLike, type StoredJob, type StoredProgress, type StoredResult } from './mapping';

export interface BullmqWorkerOptions {
  connection: BullmqConnection;
  /** The queue to work on. */
  queue: string;
  /** Handlers keyed `domain:operation`, written as for the memory engine. */
  handlers: Record<string, JobHandler>;
  /** Jobs run at once by this worker. Default 1. */
  concurrency?: number;
  prefix?: string;
  /** How long a job's lock lasts without renewal; a worker that died is noticed after it. Default 30 s (BullMQ's). */
  lockDuration?: number;
  /** How often stalled jobs are looked for. Default 30 s (BullMQ's). */
  stalledInterval?: number;
}

export interface BullmqWorker {
  /** Waits for running jobs, then disconnects. */
  close(): Promise<void>;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException('The operation was aborted.', 'AbortError'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A BullMQ worker running the kit's job handlers (the memory engine's signature): `tick` becomes
 * `job.updateProgress`, the result becomes the return value, a throw fails the job (without BullMQ retries:
 * the kit's retry is the user's), and a cancel from `bullmqBackend` aborts `signal`. Start one in as many
 * processes as needed; BullMQ hands each job to one of them and recovers jobs of a worker that died.
 */
export async function startBullmqWorker(options: BullmqWorkerOptions): Promise<BullmqWorker> {
  const bull = await loadBullmq();
  const base = (
    options.prefix === undefined
      ? { connection: options.connection }
      : { connection: options.connection, prefix: options.prefix }
  ) as {
    connection: import('bullmq').ConnectionOptions;
  };
  const canceled = (error: string) => new bull.UnrecoverableError(error);

  const worker = new bull.Worker(
    options.queue,
    async (bullJob, _token, signal) => {
      const data = bullJob.data as StoredJob;
      if (data.canceledAt !== undefined) throw canceled('Canceled');
      const handler = options.handlers[bullJob.name];
      if (handler === undefined) throw new bull.UnrecoverableError(`No handler for ${bullJob.name}`);
      const abort = signal ?? new AbortController().signal;
      let reported: StoredProgress = {};
      const context: JobHandlerContext = {
        signal: abort,
        sleep: (ms) => sleep(ms, abort),
        async tick(progress, info, estimatedCompletionAt) {
          if (abort.aborted) return;
          const next: StoredProgress = { ...reported };
          const value = toProgress(progress);
          if (value !== undefined) next.progress = value;
          if (typeof info === 'string') next.info = info;
          if (estimatedCompletionAt !== undefined) {
            const eta = toDate(estimatedCompletionAt);
            if (eta === undefined) delete next.estimatedCompletionAt;
            else next.estimatedCompletionAt = eta.toISOString();
          }
          reported = next;
          await bullJob.updateProgress(next as object);
        },
      };
      let details: Awaited<ReturnType<JobHandler>>;
      try {
        details = await handler(toKitJob(bullJob as unknown as BullJobLike, 'active'), context);
      } catch (error) {
        if (abort.aborted) throw canceled('Canceled');
        const ending = failureOf(error);
        if (error instanceof JobFailure && error.outcome !== undefined) {
          await bullJob.updateData({ ...(bullJob.data as StoredJob), failure: ending.outcome });
        }
        throw new bull.UnrecoverableError(ending.info ?? 'Job failed');
      }
      // A handler that returns after a cancel does not complete the job.
      if (abort.aborted) throw canceled('Canceled');
      const ending = completionOf(details);
      const result: StoredResult = { outcome: ending.outcome };
      if (ending.info !== undefined) result.info = ending.info;
      return result;
    },
    {
      ...base,
      concurrency: options.concurrency ?? 1,
      ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
      ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
    },
  );
  // Cancels come from the server as a custom event on the queue's stream; whichever worker holds the job aborts it.
  const events = new bull.QueueEvents(options.queue, base);
  events.on(CANCEL_EVENT as 'added', (args: { jobId: string }) => {
    worker.cancelJob(args.jobId, 'Canceled');
  });
  events.on('error', () => {});
  worker.on('error', () => {});
  await Promise.all([worker.waitUntilReady(), events.waitUntilReady()]);
  return {
    async close() {
      await events.close();
      await worker.close();
    },
  };
}
