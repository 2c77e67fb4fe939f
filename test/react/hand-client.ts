import {
  type Job,
  type JobEvent,
  type JobEventListener,
  JobsClientError,
  type JobsClient,
  jobEventPayload,
  normalizeJob,
} from '../../src/core';

/** A running foreground job on sheet `us_sh_1`. */
export const running: Job = normalizeJob({
  id: 'us_jb_1',
  type: 'sheet',
  operation: 'dedupe',
  source: 'us_sh_1',
  status: 'executing',
  mode: 'foreground',
  progress: 10,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:01Z',
});

/** A client the test drives by hand: it pushes what the test hands it and answers reads from a map. */
export function handClient(jobs: Map<string, Job>) {
  const listeners = new Set<JobEventListener>();
  const client: JobsClient = {
    list: async () => ({ data: [] }),
    get: async (id) => {
      const job = jobs.get(id);
      if (job === undefined) throw new JobsClientError('not-found', `no ${id}`);
      return job;
    },
    create: async () => {
      throw new Error('not used');
    },
    cancel: async () => {
      throw new Error('not used');
    },
    acknowledgeOutcome: async () => {
      throw new Error('not used');
    },
    retry: async () => {
      throw new Error('not used');
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (topic: JobEvent['topic'], job: Job) => {
    const event: JobEvent = {
      id: `ev_${topic}`,
      domain: 'job',
      topic,
      payload: jobEventPayload(job),
      context: { jobId: job.id },
      createdAt: new Date(),
      job,
    };
    for (const listener of listeners) listener(event);
  };
  return { client, push };
}
