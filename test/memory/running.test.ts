import { describe, expect, it } from 'vitest';

import { JobFailure, type JobHandler } from '../../src/memory';
import { exportWorkbook, gate, setup, START } from './helpers';

describe('a running job', () => {
  it('reports ticks: progress clamped to 0..100, info and an expected finish', async () => {
    const proceed = gate();
    const { client, clock, events } = setup({
      handlers: {
        'workbook:export': async (_job, { tick }) => {
          await tick(42, 'Exporting Contacts', '2025-01-01T00:05:00.000Z');
          await proceed.promise;
          await tick(150);
          await tick(-5, 'Rewinding');
          await proceed.promise;
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);

    expect(await client.get(job.id)).toMatchObject({
      status: 'executing',
      progress: 42,
      info: 'Exporting Contacts',
      estimatedCompletionAt: new Date('2025-01-01T00:05:00.000Z'),
    });

    proceed.open();
    await clock.advance(0);

    const ticks = events
      .filter((event) => event.topic === 'job:updated')
      .map((event) => [event.job?.progress, event.payload.info]);
    expect(ticks).toEqual([
      [0, 'Accepted'],
      [42, 'Exporting Contacts'],
      [100, 'Exporting Contacts'],
      [0, 'Rewinding'],
    ]);
  });

  it('completes with "Job complete" when its handler returns nothing', async () => {
    const { client, clock } = setup({
      handlers: {
        'workbook:export': async (_job, { tick, sleep }) => {
          await sleep(1000);
          await tick(60, 'Halfway');
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(1000);

    expect(await client.get(job.id)).toMatchObject({
      status: 'complete',
      progress: 100,
      info: 'Halfway',
      outcome: { message: 'Job complete' },
      startedAt: START,
      finishedAt: new Date(START.getTime() + 1000),
    });
  });

  it('completes with the outcome and info its handler returns', async () => {
    const outcome = {
      heading: 'Success!',
      message: 'Exported 12 records',
      acknowledge: true,
      next: { type: 'url' as const, url: 'https://example.com/export.csv', label: 'Download' },
    };
    const { client, clock } = setup({ handlers: { 'workbook:export': () => ({ outcome, info: 'Exported' }) } });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    expect(await client.get(job.id)).toMatchObject({ status: 'complete', info: 'Exported', outcome });
  });

  it('fails with the error message and an acknowledgeable outcome when its handler throws', async () => {
    const { client, clock, story } = setup({
      handlers: {
        'workbook:export': async () => {
          throw new Error('Sheet Contacts is locked');
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);

    expect(await client.get(job.id)).toMatchObject({
      status: 'failed',
      info: 'Sheet Contacts is locked',
      outcome: { acknowledge: true, message: 'Sheet Contacts is locked' },
      finishedAt: START,
    });
    expect(story(job.id).at(-1)).toBe('job:failed failed');
  });

  it('fails the same way when its handler throws synchronously', async () => {
    const handler: JobHandler = () => {
      throw new Error('Boom');
    };
    const { client, clock } = setup({ handlers: { 'workbook:export': handler } });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    expect(await client.get(job.id)).toMatchObject({ status: 'failed', info: 'Boom' });
  });

  it('fails with the outcome of a JobFailure', async () => {
    const outcome = { heading: 'Rejected Records', message: '3 records were rejected', buttonText: 'Review' };
    const { client, clock } = setup({
      handlers: {
        'workbook:export': () => {
          throw new JobFailure('3 records rejected', outcome);
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    const failed = await client.get(job.id);
    expect(failed).toMatchObject({ status: 'failed', info: '3 records rejected' });
    expect(failed.outcome).toEqual(outcome);
  });

  it('ignores ticks sent after it ended', async () => {
    let lateTick: (() => Promise<void>) | undefined;
    const { client, clock, story } = setup({
      handlers: {
        'workbook:export': (_job, { tick }) => {
          lateTick = () => tick(5, 'Too late');
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    await lateTick?.();
    expect(await client.get(job.id)).toMatchObject({ status: 'complete', progress: 100 });
    expect(story(job.id).at(-1)).toBe('job:completed complete');
  });
});

describe('seeded jobs', () => {
  it('keep their status and are not run, except ready ones with a handler', async () => {
    const { client, clock, events } = setup({
      jobs: [
        { ...exportWorkbook, id: 'us_jb_running', status: 'executing', progress: 30 },
        { ...exportWorkbook, id: 'us_jb_ready', status: 'ready' },
        { ...exportWorkbook, status: 'complete', createdAt: new Date('2024-12-31T00:00:00.000Z') },
      ],
      handlers: { 'workbook:export': () => undefined },
    });
    await clock.advance(0);

    const [running, ready, done] = client.snapshot();
    expect(running).toMatchObject({ id: 'us_jb_running', status: 'executing', progress: 30, createdAt: START });
    expect(ready).toMatchObject({ id: 'us_jb_ready', status: 'complete' });
    expect(done).toMatchObject({
      status: 'complete',
      createdBy: 'us_usr_memory',
      createdAt: new Date('2024-12-31T00:00:00.000Z'),
    });
    expect(done?.id).toMatch(/^us_jb_/);
    expect(events.map((event) => `${event.context.jobId} ${event.topic}`)).toEqual([
      'us_jb_ready job:updated',
      'us_jb_ready job:completed',
    ]);
  });

  it('that wait on predecessors follow them when those end through the engine', async () => {
    const { client, clock } = setup({
      jobs: [
        { ...exportWorkbook, id: 'us_jb_first', status: 'ready' },
        { ...exportWorkbook, id: 'us_jb_then', status: 'waiting', predecessorIds: ['us_jb_first'] },
      ],
    });
    await clock.advance(0);
    expect((await client.get('us_jb_then')).status).toBe('waiting');

    client.register('workbook:export', () => undefined);
    await clock.advance(0);

    expect(client.snapshot().map((job) => job.status)).toEqual(['complete', 'complete']);
  });
});
