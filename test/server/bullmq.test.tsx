// BullMQ on a real redis-server: two worker processes, the kit's hooks over HTTP, a worker killed mid-job,
// a dropped event stream, and one user kept from another's jobs. The test starts and stops its own Redis.
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JobsProvider, useCreateJob, useJob, useJobs } from '../../src';
import type { JobEvent } from '../../src/core';
import { createHttpJobsClient, type HttpJobsClient } from '../../src/http';
import { bullmqBackend, createJobsHandler, type JobsBackend, type JobsHandler } from '../../src/server';
import { quietQueryClient } from '../react/helpers';
import { as, bearerCaller, listen, until, type TestServer } from './helpers';
import { buildWorker, startRedis, startWorker, type Redis, type WorkerProcess } from './redis';

const TOTAL = 1000;
let redis: Redis;
let script: string;
const workers: WorkerProcess[] = [];
let backend: JobsBackend;
let jobs: JobsHandler;
let server: TestServer;

function clientFor(user: string): HttpJobsClient {
  return createHttpJobsClient({
    baseUrl: `${server.baseUrl}/api`,
    headers: as(user),
    reconnect: { initialMs: 20, maxMs: 200 },
  });
}

beforeAll(async () => {
  [redis, script] = await Promise.all([startRedis(), buildWorker()]);
  workers.push(
    await startWorker(script, redis.port, 'jobkit-count'),
    await startWorker(script, redis.port, 'jobkit-count'),
  );
  backend = bullmqBackend({
    connection: redis.connection,
    queues: { 'sheet:count': 'jobkit-count', 'sheet:fail': 'jobkit-count', 'sheet:slow': 'jobkit-slow' },
  });
  jobs = createJobsHandler({ backend, authorize: bearerCaller, basePath: '/api', heartbeatMs: 1000 });
  server = await listen(jobs.handle);
}, 60_000);

afterAll(async () => {
  jobs?.close();
  await server?.close();
  await Promise.all(workers.map((worker) => worker.stop()));
  await backend?.close();
  await redis?.stop();
}, 60_000);

function Starter({ total }: { total: number }) {
  const create = useCreateJob();
  const [started, setStarted] = useState(0);
  const start = async () => {
    let next = 0;
    const lane = async () => {
      while (next < total) {
        next += 1;
        await create.mutateAsync({ type: 'sheet', operation: 'count', source: `us_sh_${next}` });
        setStarted((count) => count + 1);
      }
    };
    await Promise.all(Array.from({ length: 20 }, lane));
  };
  const complete = useJobs({ status: 'complete', type: 'sheet', operation: 'count', pageSize: 1000 });
  return (
    <>
      <button type="button" onClick={() => void start()}>
        Start
      </button>
      <p>{`${started} started`}</p>
      <p>{complete.data === undefined ? 'Loading' : `${complete.data.ids.length} complete`}</p>
    </>
  );
}

function Row({ id }: { id: string }) {
  const { data: job } = useJob(id);
  return <p data-testid="job">{`${job?.status} ${job?.info ?? ''} ${job?.outcome?.message ?? ''}`.trim()}</p>;
}

describe('jobkit/server on BullMQ with two worker processes', () => {
  it(`runs ${TOTAL} jobs started through the kit’s hooks over HTTP, and the stream survives drops`, async () => {
    const sent: string[] = [];
    const stopSent = backend.subscribe((event) =>
      sent.push(`${event.context.jobId} ${event.topic} ${event.job?.status}`),
    );
    const watcher = clientFor('alice');
    const received: string[] = [];
    const stopWatcher = watcher.subscribe?.((event: JobEvent) =>
      received.push(`${event.context.jobId} ${event.topic} ${event.job?.status}`),
    );
    await until(() => watcher.connected, 5000, 'the event stream');

    render(
      <JobsProvider client={clientFor('alice')} queryClient={quietQueryClient()}>
        <Starter total={TOTAL} />
      </JobsProvider>,
    );
    // As a user would: once the page has shown its list.
    await screen.findByText('0 complete');
    await act(async () => screen.getByRole('button', { name: 'Start' }).click());
    await until(() => sent.length > 300, 60_000, 'the first events');
    server.dropStreams();
    await until(() => sent.length > 2000, 60_000, 'more events');
    server.dropStreams();

    await screen.findByText(`${TOTAL} started`, {}, { timeout: 120_000 });
    await screen.findByText(`${TOTAL} complete`, {}, { timeout: 120_000 });

    const all = await watcher.list({ status: 'complete', pageSize: 1000 });
    const by = new Set(all.data.map((job) => job.outcome?.message));
    expect(by).toEqual(new Set(workers.map((worker) => `Counted by ${worker.pid}`)));
    await until(() => received.length >= sent.length, 30_000, 'every event over the stream');
    expect(received).toEqual(sent);
    stopSent();
    stopWatcher?.();
  }, 240_000);

  it('brings back the job of a worker killed mid-job: shown running again, then its outcome', async () => {
    const doomed = await startWorker(script, redis.port, 'jobkit-slow');
    const client = clientFor('alice');
    const job = await client.create({ type: 'sheet', operation: 'slow', source: 'us_sh_slow' });
    const shown: string[] = [];
    function Watch() {
      const { data } = useJob(job.id);
      const text = `${data?.status} ${data?.info ?? ''}`;
      if (shown.at(-1) !== text) shown.push(text);
      return <Row id={job.id} />;
    }
    render(
      <JobsProvider client={client} queryClient={quietQueryClient()}>
        <Watch />
      </JobsProvider>,
    );
    await screen.findByText(`executing Running on ${doomed.pid}`, {}, { timeout: 20_000 });
    await doomed.kill();
    const rescuer = await startWorker(script, redis.port, 'jobkit-slow');
    workers.push(rescuer);
    await screen.findByText(`executing Running on ${rescuer.pid}`, {}, { timeout: 30_000 });
    await screen.findByText(`complete Running on ${rescuer.pid} Finished by ${rescuer.pid}`, {}, { timeout: 30_000 });
    const firstRun = shown.indexOf(`executing Running on ${doomed.pid}`);
    const secondRun = shown.indexOf(`executing Running on ${rescuer.pid}`);
    expect(firstRun).toBeGreaterThanOrEqual(0);
    expect(secondRun).toBeGreaterThan(firstRun);
  }, 90_000);

  it('cancels a running job, fails with the handler’s outcome, retries and acknowledges', async () => {
    const client = clientFor('alice');
    const slow = await client.create({ type: 'sheet', operation: 'slow', source: 'us_sh_cancel' });
    await until(async () => (await client.get(slow.id)).status === 'executing', 20_000, 'the slow job to run');
    expect((await client.cancel(slow.id)).status).toBe('canceled');
    await until(async () => (await client.get(slow.id)).finishedAt !== undefined, 10_000, 'the worker to let go');
    expect(await client.get(slow.id)).toMatchObject({ status: 'canceled', info: 'Canceled' });

    const failing = await client.create({ type: 'sheet', operation: 'fail', source: 'us_sh_fail' });
    await until(async () => (await client.get(failing.id)).status === 'failed', 20_000, 'the failure');
    const failed = await client.get(failing.id);
    expect(failed.outcome).toMatchObject({ message: 'Broken sheet', heading: 'Import failed' });
    const acknowledged = await client.acknowledgeOutcome(failing.id);
    expect(acknowledged.outcomeAcknowledgedAt).toBeInstanceOf(Date);
    const retried = await client.retry(failing.id);
    expect(retried.status).not.toBe('failed');
    expect(retried.outcomeAcknowledgedAt).toBeUndefined();
    await expect(client.retry(slow.id)).rejects.toMatchObject({ status: 409 });
  }, 60_000);

  it('keeps a user from another’s jobs: list, get, cancel and events are refused or filtered', async () => {
    const bob = clientFor('bob');
    const carol = clientFor('carol');
    const seenByCarol: JobEvent[] = [];
    const stopCarol = carol.subscribe?.((event) => seenByCarol.push(event));
    await until(() => carol.connected, 5000, 'carol’s stream');
    const job = await bob.create({ type: 'sheet', operation: 'count', source: 'us_sh_bob' });
    await until(async () => (await bob.get(job.id)).status === 'complete', 20_000, 'bob’s job');

    expect((await carol.list()).data).toEqual([]);
    await expect(carol.get(job.id)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(carol.acknowledgeOutcome(job.id)).rejects.toMatchObject({ status: 403 });
    expect(seenByCarol).toEqual([]);
    expect((await bob.get(job.id)).outcomeAcknowledgedAt).toBeUndefined();
    stopCarol?.();
  }, 60_000);
});
