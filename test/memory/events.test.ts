import { afterEach, describe, expect, it, vi } from 'vitest';

import type { JobEvent } from '../../src/core';
import { exportWorkbook, setup, START } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('job events', () => {
  it('come in Flatfile’s shape, with the job as it stood', async () => {
    const { client, events } = setup({ accountId: 'us_acc_1', environmentId: 'us_env_1', spaceId: 'us_sp_1' });

    const job = await client.create({ ...exportWorkbook, mode: 'foreground', input: { format: 'csv' } });

    expect(events).toEqual([
      {
        id: 'us_evt_00000001',
        domain: 'job',
        topic: 'job:created',
        payload: {
          domain: 'workbook',
          operation: 'export',
          job: 'workbook:export',
          status: 'created',
          isPart: false,
          input: { format: 'csv' },
        },
        context: {
          accountId: 'us_acc_1',
          environmentId: 'us_env_1',
          spaceId: 'us_sp_1',
          jobId: job.id,
          actorId: 'us_usr_memory',
        },
        createdAt: START,
        job: {
          id: job.id,
          type: 'workbook',
          operation: 'export',
          source: 'us_wb_1',
          status: 'created',
          trigger: 'immediate',
          mode: 'foreground',
          progress: 0,
          input: { format: 'csv' },
          createdBy: 'us_usr_memory',
          spaceId: 'us_sp_1',
          environmentId: 'us_env_1',
          createdAt: START,
          updatedAt: START,
        },
      } satisfies JobEvent,
    ]);
  });

  it('of one job share one frozen context; each event and payload is its own and frozen', async () => {
    const { client, events } = setup({ spaceId: 'us_sp_1' });
    const job = await client.create({ ...exportWorkbook, trigger: 'manual' });
    await client.cancel(job.id);
    const [created, canceled] = events;
    expect(canceled?.context).toBe(created?.context);
    expect(canceled?.payload).not.toBe(created?.payload);
    for (const event of events) {
      expect(Object.isFrozen(event)).toBe(true);
      expect(Object.isFrozen(event.context)).toBe(true);
      expect(Object.isFrozen(event.payload)).toBe(true);
    }
  });

  it('follow the lifecycle in order, one per transition, stamped by the clock', async () => {
    const { client, clock, events } = setup({
      actorId: 'us_usr_ada',
      handlers: {
        'workbook:export': async (_job, { tick, sleep }) => {
          await sleep(500);
          await tick(50, 'Halfway');
          await sleep(500);
          return { outcome: { message: 'Exported' }, info: 'Done' };
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(1000);
    await client.acknowledgeOutcome(job.id);

    expect(
      events.map((event) => ({
        topic: event.topic,
        status: event.payload.status,
        info: event.payload.info,
        at: event.createdAt.getTime() - START.getTime(),
        actor: event.context.actorId,
      })),
    ).toEqual([
      { topic: 'job:created', status: 'created', info: undefined, at: 0, actor: 'us_usr_ada' },
      { topic: 'job:ready', status: 'ready', info: undefined, at: 0, actor: 'us_usr_ada' },
      { topic: 'job:updated', status: 'executing', info: 'Accepted', at: 0, actor: 'us_usr_ada' },
      { topic: 'job:updated', status: 'executing', info: 'Halfway', at: 500, actor: 'us_usr_ada' },
      { topic: 'job:completed', status: 'complete', info: 'Done', at: 1000, actor: 'us_usr_ada' },
      { topic: 'job:outcome-acknowledged', status: 'complete', info: 'Done', at: 1000, actor: 'us_usr_ada' },
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.at(-1)?.job).toEqual(await client.get(job.id));
  });

  it('mark parts of multi-part jobs', async () => {
    const { client, events } = setup();
    const parent = await client.create(exportWorkbook);
    await client.create({ ...exportWorkbook, parentId: parent.id, part: 1 });
    expect(events.map((event) => event.payload.isPart)).toEqual([false, true]);
  });

  it('keep reaching other listeners, and the engine keeps working, when a listener throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { client, clock, events } = setup({ handlers: { 'workbook:export': () => undefined } });
    client.subscribe(() => {
      throw new Error('listener bug');
    });
    const after: string[] = [];
    client.subscribe((event) => after.push(event.topic));

    const job = await client.create(exportWorkbook);
    await clock.advance(0);

    expect((await client.get(job.id)).status).toBe('complete');
    expect(after).toEqual(['job:created', 'job:ready', 'job:updated', 'job:completed']);
    expect(events).toHaveLength(4);
    expect(errors).toHaveBeenCalledTimes(4);
  });

  it('stop after unsubscribing', async () => {
    const { client } = setup();
    const seen: string[] = [];
    const unsubscribe = client.subscribe((event) => seen.push(event.topic));
    await client.create(exportWorkbook);
    unsubscribe();
    await client.create(exportWorkbook);
    expect(seen).toEqual(['job:created']);
  });

  it('carry copies: a listener that edits its event changes neither the job nor what others see', async () => {
    const { client, events } = setup();
    client.subscribe((event) => {
      if (event.job) event.job.status = 'failed';
      event.payload.status = 'failed';
    });
    const job = await client.create(exportWorkbook);

    expect((await client.get(job.id)).status).toBe('created');
    expect(events[0]?.payload.status).toBe('created');
    expect(events[0]?.job?.status).toBe('created');
  });
});
