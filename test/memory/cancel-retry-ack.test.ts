import { describe, expect, it } from 'vitest';

import type { JobHandler } from '../../src/memory';
import { exportWorkbook, gate, setup, START } from './helpers';

describe('canceling', () => {
  it('stops a running job: the handler’s signal aborts, and what it does afterwards changes nothing', async () => {
    const seen: { aborted?: boolean; sleepError?: unknown } = {};
    const handler: JobHandler = async (_job, { tick, sleep, signal }) => {
      await tick(10, 'Working');
      try {
        await sleep(10_000);
      } catch (error) {
        seen.sleepError = error;
      }
      seen.aborted = signal.aborted;
      await tick(99, 'Still going');
      return { outcome: { message: 'Finished anyway' } };
    };
    const { client, clock, story } = setup({ handlers: { 'workbook:export': handler } });
    const job = await client.create(exportWorkbook);
    await clock.advance(100);

    const canceled = await client.cancel(job.id);
    await clock.advance(20_000);

    expect(canceled).toMatchObject({ status: 'canceled', progress: 10, finishedAt: new Date(START.getTime() + 100) });
    expect(seen.aborted).toBe(true);
    expect(seen.sleepError).toBeInstanceOf(DOMException);
    expect(seen.sleepError).toMatchObject({ name: 'AbortError' });
    expect(await client.get(job.id)).toEqual(canceled);
    expect(story(job.id)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:updated executing',
      'job:updated canceled',
    ]);
  });

  it('ignores a handler that throws after the cancel', async () => {
    const release = gate();
    const { client, clock, story } = setup({
      handlers: {
        'workbook:export': async () => {
          await release.promise;
          throw new Error('Interrupted');
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    await client.cancel(job.id);
    release.open();
    await clock.advance(0);

    expect((await client.get(job.id)).status).toBe('canceled');
    expect(story(job.id).at(-1)).toBe('job:updated canceled');
  });

  it.each([
    ['a ready job without a handler', {}],
    ['a created manual job', { trigger: 'manual' as const }],
  ])('cancels %s', async (_name, extra) => {
    const { client, clock } = setup();
    const job = await client.create({ ...exportWorkbook, ...extra });
    await clock.advance(0);
    expect(await client.cancel(job.id)).toMatchObject({ status: 'canceled', finishedAt: START });
  });

  it('refuses to cancel a job that already ended, and changes nothing', async () => {
    const { client, clock, events } = setup({ handlers: { 'workbook:export': () => undefined } });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    const before = await client.get(job.id);
    const eventCount = events.length;

    await expect(client.cancel(job.id)).rejects.toMatchObject({ code: 'conflict', status: 409 });

    expect(await client.get(job.id)).toEqual(before);
    expect(events).toHaveLength(eventCount);
  });
});

describe('retrying', () => {
  it('runs a failed job again under the same id, from a clean slate', async () => {
    let attempts = 0;
    const { client, clock, story } = setup({
      handlers: {
        'workbook:export': async (_job, { tick }) => {
          attempts += 1;
          await tick(50, `Attempt ${attempts}`);
          if (attempts === 1) throw new Error('Network hiccup');
          return { outcome: { message: 'Exported on the second try' } };
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    await client.acknowledgeOutcome(job.id);
    await clock.advance(60_000);

    const retried = await client.retry(job.id);

    expect(retried).toMatchObject({ id: job.id, status: 'ready', progress: 0 });
    for (const cleared of ['outcome', 'outcomeAcknowledgedAt', 'finishedAt', 'startedAt', 'info'] as const) {
      expect(retried[cleared]).toBeUndefined();
    }

    await clock.advance(0);
    expect(await client.get(job.id)).toMatchObject({
      status: 'complete',
      info: 'Attempt 2',
      outcome: { message: 'Exported on the second try' },
      startedAt: new Date(START.getTime() + 60_000),
    });
    expect(story(job.id)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:updated executing',
      'job:failed failed',
      'job:outcome-acknowledged failed',
      'job:ready ready',
      'job:updated executing',
      'job:updated executing',
      'job:completed complete',
    ]);
  });

  it('refuses to retry a job that completed, or one that is still running', async () => {
    const finish = gate();
    const { client, clock } = setup({
      handlers: { 'workbook:export': () => undefined, 'sheet:validate': () => finish.promise },
    });
    const done = await client.create(exportWorkbook);
    const running = await client.create({ type: 'sheet', operation: 'validate', source: 'us_sh_1' });
    await clock.advance(0);

    await expect(client.retry(done.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(client.retry(running.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await client.get(done.id)).status).toBe('complete');
    finish.open();
  });
});

describe('acknowledging an outcome', () => {
  it('records when it was acknowledged and emits the event once', async () => {
    const { client, clock, events } = setup({
      handlers: { 'workbook:export': () => ({ outcome: { acknowledge: true, message: 'Done' } }) },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    await clock.advance(3000);

    const first = await client.acknowledgeOutcome(job.id);
    await clock.advance(3000);
    const second = await client.acknowledgeOutcome(job.id);

    const acknowledgedAt = new Date(START.getTime() + 3000);
    expect(first.outcomeAcknowledgedAt).toEqual(acknowledgedAt);
    expect(second).toEqual(first);
    expect(events.filter((event) => event.topic === 'job:outcome-acknowledged')).toHaveLength(1);
  });

  it('works for failed jobs too', async () => {
    const { client, clock } = setup({
      handlers: {
        'workbook:export': () => {
          throw new Error('No');
        },
      },
    });
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    expect((await client.acknowledgeOutcome(job.id)).outcomeAcknowledgedAt).toEqual(START);
  });

  it('refuses a job that has not ended', async () => {
    const { client, clock } = setup();
    const job = await client.create(exportWorkbook);
    await clock.advance(0);
    await expect(client.acknowledgeOutcome(job.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('one ending per run', () => {
  it('never reports a job as both completed and failed', async () => {
    let call = 0;
    const handler: JobHandler = async (_job, { sleep }) => {
      call += 1;
      await sleep(call * 10);
      if (call % 3 === 0) throw new Error(`Run ${call} failed`);
      return { outcome: { message: `Run ${call}` } };
    };
    const { client, clock, events } = setup({ handlers: { 'workbook:export': handler } });
    const jobs = [];
    for (let index = 0; index < 9; index += 1) jobs.push(await client.create(exportWorkbook));
    await clock.advance(0);
    await client.cancel(jobs[4]?.id ?? '');
    await clock.advance(1000);

    for (const job of jobs) {
      const endings = events.filter(
        (event) => event.context.jobId === job.id && (event.topic === 'job:completed' || event.topic === 'job:failed'),
      );
      expect(endings.length).toBe(job === jobs[4] ? 0 : 1);
    }
  });
});
