// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JobsClientError, type JobEvent } from '../../src/core';
import { createHttpJobsClient, type FetchLike } from '../../src/http';
import { createJobsHandler, memoryBackend, type JobsHandler, type MemoryBackend } from '../../src/server';
import { as, bearerCaller, listen, until, type TestServer } from '../server/helpers';

let backend: MemoryBackend;
let jobs: JobsHandler;
let server: TestServer;

beforeEach(async () => {
  backend = memoryBackend({
    handlers: {
      'sheet:count': async (_job, { tick, sleep }) => {
        for (let step = 1; step <= 10; step++) {
          await sleep(2);
          await tick(step * 10, `Step ${step}`);
        }
        return { outcome: { message: 'Counted' } };
      },
    },
    operations: ['sheet:hold'],
  });
  jobs = createJobsHandler({ backend, authorize: bearerCaller, basePath: '/api', heartbeatMs: 50 });
  server = await listen(jobs.handle);
});

afterEach(async () => {
  jobs.close();
  await server.close();
  await backend.close();
});

const count = { type: 'sheet', operation: 'count', source: 'us_sh_1' } as const;

function clientFor(user: string, fetch?: FetchLike) {
  return createHttpJobsClient({
    baseUrl: `${server.baseUrl}/api`,
    headers: as(user),
    reconnect: { initialMs: 20, maxMs: 100 },
    ...(fetch === undefined ? {} : { fetch }),
  });
}

describe('createHttpJobsClient', () => {
  it('creates, reads, lists and cancels jobs as the kit’s JobsClient, with dates as Dates', async () => {
    const client = clientFor('alice');
    const job = await client.create({ type: 'sheet', operation: 'hold', source: 'us_sh_9' });
    expect(job).toMatchObject({ status: 'created', createdBy: 'alice', source: 'us_sh_9' });
    expect(job.createdAt).toBeInstanceOf(Date);
    await until(async () => (await client.get(job.id)).status === 'ready', 2000, 'the job to be ready');
    const page = await client.list({ status: ['ready', 'executing'], type: 'sheet' });
    expect(page.data.map((item) => item.id)).toEqual([job.id]);
    expect(page.pagination).toEqual({ currentPage: 1, pageCount: 1, totalCount: 1 });
    expect((await client.cancel(job.id)).status).toBe('canceled');
  });

  it('rejects with a JobsClientError carrying the server’s message and the HTTP status', async () => {
    const alice = clientFor('alice');
    const bob = clientFor('bob');
    const job = await bob.create({ type: 'sheet', operation: 'hold', source: 's' });

    const forbidden = await alice.cancel(job.id).catch((error: unknown) => error);
    expect(forbidden).toBeInstanceOf(JobsClientError);
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    expect((forbidden as Error).message).toContain(`You may not access job ${job.id}`);

    const invalid = await alice
      .create({ type: 'sheet', operation: 'launch', source: 's' })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: 'invalid', status: 400 });
    expect((invalid as Error).message).toContain('sheet:launch is not an operation this server runs');

    const anonymous = createHttpJobsClient({ baseUrl: `${server.baseUrl}/api` });
    await expect(anonymous.list()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const offline = createHttpJobsClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(offline.list()).rejects.toMatchObject({ code: 'network' });
  });

  it('pushes a job’s events over SSE, only to callers who may see it', async () => {
    const alice = clientFor('alice');
    const bob = clientFor('bob');
    const seenByAlice: JobEvent[] = [];
    const seenByBob: JobEvent[] = [];
    const stopAlice = alice.subscribe?.((event) => seenByAlice.push(event));
    const stopBob = bob.subscribe?.((event) => seenByBob.push(event));
    await until(() => alice.connected && bob.connected, 2000, 'both streams');

    const job = await alice.create(count);
    await until(() => seenByAlice.some((event) => event.topic === 'job:completed'), 5000, 'the completed event');
    expect(seenByAlice.every((event) => event.context.jobId === job.id)).toBe(true);
    expect(seenByAlice.at(-1)?.job).toMatchObject({
      status: 'complete',
      progress: 100,
      outcome: { message: 'Counted' },
    });
    expect(seenByAlice.at(-1)?.createdAt).toBeInstanceOf(Date);
    expect(seenByBob).toEqual([]);
    stopAlice?.();
    stopBob?.();
  });

  it('starts a new stream with events from now on, none from before it connected', async () => {
    const client = clientFor('alice');
    const job = await client.create(count);
    await until(async () => (await client.get(job.id)).status === 'complete', 5000, 'the job to finish');
    const seen: JobEvent[] = [];
    const stop = client.subscribe?.((event) => seen.push(event));
    await until(() => client.connected, 2000, 'the stream');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
    await client.create(count);
    await until(() => seen.some((event) => event.topic === 'job:completed'), 5000, 'the new job’s events');
    expect(seen.every((event) => event.context.jobId !== job.id)).toBe(true);
    stop?.();
  });

  it('resumes a dropped stream by Last-Event-ID: every event arrives once, in order', async () => {
    const sent: string[] = [];
    backend.subscribe((event) => sent.push(event.id));
    const client = clientFor('alice');
    const received: string[] = [];
    const stop = client.subscribe?.((event) => received.push(event.id));
    await until(() => client.connected, 2000, 'the stream');

    for (let round = 0; round < 3; round++) {
      await client.create(count);
      await until(() => received.length > 0 && received.length >= sent.length / 2, 3000, 'some events');
      server.dropConnections();
      await until(() => !client.connected, 2000, 'the drop');
    }
    await until(async () => (await client.list({ status: 'complete' })).data.length === 3, 5000, 'three complete jobs');
    await until(() => received.length >= sent.length, 5000, 'every event');
    expect(received).toEqual(sent);
    expect(new Set(received).size).toBe(received.length);
    stop?.();
  });

  it('answers a create that took longer than its job’s events with the newer job, never an older one', async () => {
    const seen: JobEvent[] = [];
    const fetch: FetchLike = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      if (init.method !== 'POST' || !input.endsWith('/jobs')) return response;
      // Hold the answer back until the job's events have told the whole story.
      const { data } = (await response.clone().json()) as { data: { id: string } };
      await until(
        () => seen.some((event) => event.context.jobId === data.id && event.topic === 'job:completed'),
        5000,
        'the completion',
      );
      return response;
    };
    const client = clientFor('alice', fetch);
    const stop = client.subscribe?.((event) => seen.push(event));
    await until(() => client.connected, 2000, 'the stream');
    const job = await client.create(count);
    expect(job).toMatchObject({ status: 'complete', progress: 100 });
    stop?.();
  });

  it('leaves no connection and no reconnect timer once the last listener goes', async () => {
    const signals: AbortSignal[] = [];
    let opened = 0;
    const fetch: FetchLike = (input, init) => {
      if (input.endsWith('/events')) {
        opened += 1;
        if (init.signal) signals.push(init.signal);
      }
      return globalThis.fetch(input, init);
    };
    const client = clientFor('alice', fetch);
    const first = client.subscribe?.(() => {});
    const second = client.subscribe?.(() => {});
    await until(() => client.connected, 2000, 'the stream');
    expect(opened).toBe(1);
    first?.();
    expect(signals.every((signal) => signal.aborted)).toBe(false);
    server.dropConnections();
    await until(() => opened === 2 && client.connected, 2000, 'the reconnect');
    second?.();
    expect(client.connected).toBe(false);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    server.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(opened).toBe(2);
  });
});
