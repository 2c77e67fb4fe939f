import type { Job, JobEvent } from '../core';
import { createMemoryJobsClient, type MemoryJobsClient, type MemoryJobsClientOptions } from '../memory';
import type { JobsBackend } from './backend';

export interface MemoryBackendOptions extends MemoryJobsClientOptions {
  /** Operations (`domain:operation`) accepted besides those of `handlers`, e.g. ones registered later. */
  operations?: string[];
}

export interface MemoryBackend extends JobsBackend {
  /** The engine underneath, e.g. to `register` a handler or look at every job. */
  readonly engine: MemoryJobsClient;
}

/**
 * The in-memory engine (`jobkit/memory`) as a backend: one process, nothing persisted. For demos, tests and
 * the protocol's reference; jobs record who created them.
 */
export function memoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const engine = createMemoryJobsClient({ ...options, pageSize: options.pageSize ?? 20 });
  const operations = new Set([...Object.keys(options.handlers ?? {}), ...(options.operations ?? [])]);
  const owners = new Map<string, string>();
  let creating: Promise<void> = Promise.resolve();
  let creator: string | undefined;
  // Subscribed before anyone else, so every listener sees a new job with its owner.
  engine.subscribe((event) => {
    if (event.topic === 'job:created' && creator !== undefined) owners.set(event.context.jobId, creator);
  });
  // One copy per published version of a job (the engine's are frozen and shared), so events and reads
  // of the same version hand out the same object.
  const owned = new WeakMap<Job, Job>();
  const withOwner = (job: Job): Job => {
    const owner = owners.get(job.id);
    if (owner === undefined || job.createdBy === owner) return job;
    let copy = owned.get(job);
    if (copy === undefined) {
      copy = Object.freeze({ ...job, createdBy: owner });
      owned.set(job, copy);
    }
    return copy;
  };

  return {
    engine,
    async list(filter, visible) {
      const pageSize = filter.pageSize ?? options.pageSize ?? 20;
      const pageNumber = filter.pageNumber ?? 1;
      const all = await engine.list({ ...filter, pageSize: Number.MAX_SAFE_INTEGER, pageNumber: 1 });
      const matching = all.data.map(withOwner).filter(visible);
      const offset = (pageNumber - 1) * pageSize;
      return {
        data: matching.slice(offset, offset + pageSize),
        pagination: {
          currentPage: pageNumber,
          pageCount: Math.max(1, Math.ceil(matching.length / pageSize)),
          totalCount: matching.length,
        },
      };
    },
    get: async (jobId) => withOwner(await engine.get(jobId)),
    create(config, createdBy) {
      // The engine emits `job:created` before `create` answers, so the owner is recorded from that event;
      // creations run one at a time so each event is matched to its caller.
      const created = creating.then(async () => {
        creator = createdBy;
        try {
          return withOwner(await engine.create(config));
        } finally {
          creator = undefined;
        }
      });
      creating = created.then(
        () => {},
        () => {},
      );
      return created;
    },
    cancel: async (jobId) => withOwner(await engine.cancel(jobId)),
    retry: async (jobId) => withOwner(await engine.retry(jobId)),
    acknowledgeOutcome: async (jobId) => withOwner(await engine.acknowledgeOutcome(jobId)),
    subscribe(listener) {
      return engine.subscribe((event: JobEvent) => {
        listener(event.job === undefined ? event : { ...event, job: withOwner(event.job) });
      });
    },
    accepts: (key) => operations.has(key),
    async close() {
      engine.dispose();
    },
  };
}
