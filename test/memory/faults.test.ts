import { describe, expect, it } from 'vitest';

import { JobsClientError } from '../../src/core';
import type { FaultOptions } from '../../src/memory';
import { exportWorkbook, setup, START, track } from './helpers';

describe('faults', () => {
  it('fail the next N calls of a kind with a retryable server error, creating nothing', async () => {
    const { client, clock, events } = setup({ faults: { failNext: { create: 2 } } });

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const failed = client.create(exportWorkbook);
      await expect(failed).rejects.toBeInstanceOf(JobsClientError);
      await expect(failed).rejects.toMatchObject({ code: 'server', status: 500, retryable: true });
    }
    await clock.advance(0);
    expect(client.snapshot()).toEqual([]);
    expect(events).toEqual([]);

    await expect(client.create(exportWorkbook)).resolves.toMatchObject({ status: 'created' });
    await expect(client.list()).resolves.toMatchObject({ pagination: { totalCount: 1 } });
  });

  it('leave a job untouched when the call that would change it fails', async () => {
    const { client, clock } = setup({ faults: { failNext: { cancel: 1, acknowledgeOutcome: 1 } } });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);

    await expect(client.cancel(job.id)).rejects.toMatchObject({ code: 'server' });
    expect((await client.get(job.id)).status).toBe('ready');
    await expect(client.cancel(job.id)).resolves.toMatchObject({ status: 'canceled' });
  });

  it('fail calls at the error rate, drawn from the injected random source', async () => {
    let roll = 0.9;
    const { client } = setup({ random: () => roll, faults: { errorRate: 0.5 } });
    const job = await client.create(exportWorkbook);

    roll = 0.1; // below the rate: the call fails
    await expect(client.get(job.id)).rejects.toMatchObject({ code: 'server' });
    roll = 0.7; // above it: the call goes through
    await expect(client.get(job.id)).resolves.toMatchObject({ id: job.id });
  });

  it('never fail at error rate 0, and always at 1', async () => {
    const { client } = setup({ faults: { errorRate: 0 } });
    for (let index = 0; index < 20; index += 1) await client.create(exportWorkbook);
    client.setFaults({ errorRate: 1 });
    await expect(client.list()).rejects.toMatchObject({ code: 'server' });
    client.setFaults({});
    await expect(client.list()).resolves.toMatchObject({ pagination: { totalCount: 20 } });
  });

  it('slow down one kind of call on top of the latency', async () => {
    const { client, clock } = setup({ latency: 10, faults: { slow: { create: 490 } } });
    const listed = track(client.list());
    const created = client.create(exportWorkbook);
    const creating = track(created);

    await clock.advance(10);
    expect(listed.settled).toBe(true);
    expect(creating.settled).toBe(false);

    await clock.advance(490);
    expect((await created).createdAt).toEqual(new Date(START.getTime() + 500));
  });

  it('are replaced by setFaults, and never count down in the caller’s object', async () => {
    const faults: FaultOptions = { failNext: { get: 1 } };
    const { client } = setup({ faults });
    await expect(client.get('us_jb_x')).rejects.toMatchObject({ code: 'server' });
    await expect(client.get('us_jb_x')).rejects.toMatchObject({ code: 'not-found' });
    expect(faults.failNext).toEqual({ get: 1 });

    client.setFaults(faults);
    await expect(client.get('us_jb_x')).rejects.toMatchObject({ code: 'server' });
  });
});
