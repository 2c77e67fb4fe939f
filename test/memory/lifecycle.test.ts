import { describe, expect, it } from 'vitest';

import { JobsClientError } from '../../src/core';
import { exportWorkbook, gate, setup, START } from './helpers';

describe('creating a job', () => {
  it('answers with a created job stamped by the clock, the actor and the space', async () => {
    const { client } = setup({ spaceId: 'us_sp_1', environmentId: 'us_env_1' });

    const job = await client.create({ ...exportWorkbook, input: { format: 'csv' } });

    expect(job).toEqual({
      id: job.id,
      type: 'workbook',
      operation: 'export',
      source: 'us_wb_1',
      status: 'created',
      trigger: 'immediate',
      progress: 0,
      input: { format: 'csv' },
      createdBy: 'us_usr_memory',
      spaceId: 'us_sp_1',
      environmentId: 'us_env_1',
      createdAt: START,
      updatedAt: START,
    });
    expect(job.id).toMatch(/^us_jb_[a-z0-9]{8}$/);
    expect(job.mode).toBeUndefined();
  });

  it('keeps the mode it was given', async () => {
    const { client } = setup();
    expect((await client.create({ ...exportWorkbook, mode: 'foreground' })).mode).toBe('foreground');
  });

  it.each([
    ['type', { operation: 'export', source: 'us_wb_1' }],
    ['operation', { type: 'workbook', source: 'us_wb_1' }],
    ['source', { type: 'workbook', operation: 'export' }],
  ])('refuses a config without %s, naming the field, and creates nothing', async (field, config) => {
    const { client, events } = setup();
    // Deliberately incomplete, as an untyped caller could send it.
    const create = client.create(config as unknown as typeof exportWorkbook);
    await expect(create).rejects.toBeInstanceOf(JobsClientError);
    await expect(create).rejects.toMatchObject({ code: 'invalid', message: `${field} is required` });
    expect(client.snapshot()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('refuses an unknown type, and predecessors that do not exist', async () => {
    const { client } = setup();
    await expect(client.create({ ...exportWorkbook, type: 'spreadsheet' as 'sheet' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('type must be one of'),
    });
    await expect(client.create({ ...exportWorkbook, predecessorIds: ['us_jb_missing'] })).rejects.toMatchObject({
      code: 'invalid',
      message: 'predecessorIds: job us_jb_missing does not exist',
    });
  });
});

describe('an immediate job', () => {
  it('becomes ready after create resolves and, with a handler, runs to completion', async () => {
    const { client, clock, story } = setup({ handlers: { 'workbook:export': () => undefined } });

    const job = await client.create(exportWorkbook);
    expect(story(job.id)).toEqual(['job:created created']);

    await clock.advance(0);

    expect(story(job.id)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:completed complete',
    ]);
  });

  it('stays ready without a handler, and runs once one is registered', async () => {
    const { client, clock, story } = setup();
    const job = await client.create(exportWorkbook);
    await clock.advance(1000);
    expect((await client.get(job.id)).status).toBe('ready');

    client.register('workbook:export', () => ({ outcome: { message: 'Done' } }));
    await clock.advance(0);

    expect(await client.get(job.id)).toMatchObject({ status: 'complete', outcome: { message: 'Done' } });
    expect(story(job.id)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:completed complete',
    ]);
  });

  it('is not picked up by a handler that was unregistered', async () => {
    const { client, clock } = setup();
    const unregister = client.register('workbook:export', () => undefined);
    unregister();
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    expect((await client.get(job.id)).status).toBe('ready');
  });

  it('is acknowledged with "Accepted" and progress 0 when its handler starts, like Flatfile’s job handler', async () => {
    const finish = gate();
    const { client, clock } = setup({ handlers: { 'workbook:export': () => finish.promise } });
    const job = await client.create(exportWorkbook);
    await clock.advance(250);

    expect(await client.get(job.id)).toMatchObject({
      status: 'executing',
      progress: 0,
      info: 'Accepted',
      startedAt: START,
    });
    finish.open();
  });
});

describe('a manual job', () => {
  it('stays created until it is executed, then runs', async () => {
    const { client, clock, story } = setup({ handlers: { 'workbook:export': () => undefined } });
    const job = await client.create({ ...exportWorkbook, trigger: 'manual' });
    await clock.advance(5000);
    expect((await client.get(job.id)).status).toBe('created');

    const executed = await client.execute(job.id);
    expect(executed.status).toBe('ready');
    await clock.advance(0);

    expect(story(job.id)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:completed complete',
    ]);
  });

  it('cannot be executed twice', async () => {
    const { client } = setup();
    const job = await client.create({ ...exportWorkbook, trigger: 'manual' });
    await client.execute(job.id);
    await expect(client.execute(job.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('a job with predecessors', () => {
  it('waits until every predecessor is complete, then runs', async () => {
    const first = gate();
    const { client, clock, story } = setup({
      handlers: { 'workbook:export': () => first.promise, 'file:extract': () => undefined },
    });
    const predecessor = await client.create(exportWorkbook);
    const done = await client.create({ type: 'file', operation: 'extract', source: 'us_fl_1' });
    await clock.advance(0);
    const follower = await client.create({
      ...exportWorkbook,
      operation: 'submit',
      predecessorIds: [predecessor.id, done.id],
    });
    client.register('workbook:submit', () => undefined);
    await clock.advance(0);
    expect((await client.get(follower.id)).status).toBe('waiting');

    first.open();
    await clock.advance(0);

    expect(story(follower.id)).toEqual([
      'job:created created',
      'job:updated waiting',
      'job:ready ready',
      'job:updated executing',
      'job:completed complete',
    ]);
  });

  it('fails, naming the predecessor, when a predecessor fails', async () => {
    const { client, clock, story } = setup({
      handlers: {
        'workbook:export': () => {
          throw new Error('Disk full');
        },
      },
    });
    const predecessor = await client.create({ ...exportWorkbook, trigger: 'manual' });
    const follower = await client.create({ ...exportWorkbook, operation: 'submit', predecessorIds: [predecessor.id] });
    await clock.advance(0);
    await client.execute(predecessor.id);
    await clock.advance(0);

    expect(await client.get(follower.id)).toMatchObject({
      status: 'failed',
      info: `Predecessor ${predecessor.id} failed`,
      outcome: { acknowledge: true, message: `Predecessor ${predecessor.id} failed` },
      finishedAt: START,
    });
    expect(story(follower.id)).toEqual(['job:created created', 'job:updated waiting', 'job:failed failed']);
  });

  it('fails when a predecessor is canceled', async () => {
    const { client, clock } = setup();
    const predecessor = await client.create(exportWorkbook);
    const follower = await client.create({ ...exportWorkbook, predecessorIds: [predecessor.id] });
    await clock.advance(0);
    await client.cancel(predecessor.id);
    expect(await client.get(follower.id)).toMatchObject({
      status: 'failed',
      info: `Predecessor ${predecessor.id} was canceled`,
    });
  });
});
