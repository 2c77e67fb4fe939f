import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

import { createMemoryJobsClient, createVirtualClock, type MemoryJobsClient } from '../../src/memory';
import { exportWorkbook, gate, setup } from './helpers';

/** V8's full collection, made callable without starting Node with --expose-gc. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const statuses = (client: MemoryJobsClient) => client.snapshot().map((job) => `${job.operation} ${job.status}`);

describe('retain', () => {
  it('keeps the settled jobs up to the limit, and drops those that settled first on the next turn, each with job:deleted', async () => {
    const { client, clock, events } = setup({ retain: { jobs: 2 }, handlers: { 'workbook:export': () => undefined } });
    const first = await client.create({ ...exportWorkbook, input: { n: 1 } });
    await clock.advance(0);
    const second = await client.create(exportWorkbook);
    await clock.advance(0);
    expect(client.snapshot().map((job) => job.id)).toEqual([first.id, second.id]);
    const third = await client.create(exportWorkbook);
    await clock.advance(0);

    expect(client.snapshot().map((job) => job.id)).toEqual([second.id, third.id]);
    const deleted = events.filter((event) => event.topic === 'job:deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({
      context: { jobId: first.id },
      payload: { status: 'complete', input: { n: 1 } },
    });
    expect(deleted[0]).not.toHaveProperty('job');
    await expect(client.get(first.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await client.list()).data.map((job) => job.id)).toEqual([third.id, second.id]);
  });

  it('never drops running jobs, nor outcomes waiting to be acknowledged until they are', async () => {
    const running = gate();
    const { client, clock } = setup({
      retain: { jobs: 0 },
      handlers: {
        'workbook:export': () => ({ outcome: { acknowledge: true, message: 'Done' } }),
        'workbook:slow': () => running.promise,
        'workbook:quiet': () => undefined,
      },
    });
    const shown = await client.create({ ...exportWorkbook, mode: 'foreground' });
    const background = await client.create({ ...exportWorkbook, mode: 'background' });
    await client.create({ ...exportWorkbook, operation: 'slow' });
    await client.create({ ...exportWorkbook, operation: 'quiet' });
    await clock.runAll();
    expect(statuses(client)).toEqual(['export complete', 'slow executing']);
    expect(client.snapshot()[0]?.id).toBe(shown.id);
    await expect(client.get(background.id)).rejects.toMatchObject({ code: 'not-found' });

    await client.acknowledgeOutcome(shown.id);
    expect((await client.get(shown.id)).outcomeAcknowledgedAt).toBeInstanceOf(Date);
    await clock.runAll();
    expect(statuses(client)).toEqual(['slow executing']);
  });

  it('keeps a failed job until its outcome is acknowledged, and counts it again once it is retried', async () => {
    let failures = 1;
    const { client, clock, events } = setup({
      retain: { jobs: 0 },
      handlers: {
        'workbook:flaky': () => {
          if (failures-- > 0) throw new Error('Once');
        },
      },
    });
    const flaky = await client.create({ ...exportWorkbook, operation: 'flaky', mode: 'foreground' });
    await clock.runAll();
    expect(statuses(client)).toEqual(['flaky failed']);

    await client.retry(flaky.id);
    await clock.runAll();

    expect(statuses(client)).toEqual([]);
    expect(events.filter((event) => event.topic === 'job:deleted').map((event) => event.payload.status)).toEqual([
      'complete',
    ]);
  });

  it('keeps a predecessor that a kept job names, and drops it with its last dependent', async () => {
    const { client, clock } = setup({ retain: { jobs: 0 }, handlers: { 'workbook:export': () => undefined } });
    const done = await client.create(exportWorkbook);
    const later = await client.create({ ...exportWorkbook, trigger: 'manual' });
    await client.create({ ...exportWorkbook, operation: 'submit', predecessorIds: [done.id, later.id] });
    await clock.runAll();
    expect(statuses(client)).toEqual(['export complete', 'export created', 'submit waiting']);

    const release = gate();
    client.register('workbook:submit', () => release.promise);
    await client.execute(later.id);
    await clock.runAll();
    expect(statuses(client)).toEqual(['export complete', 'export complete', 'submit executing']);

    release.open();
    await clock.runAll();
    expect(statuses(client)).toEqual([]);
  });

  it('counts settled seeds, oldest first, and leaves the rest to list as before', async () => {
    const clock = createVirtualClock();
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const client = createMemoryJobsClient({
      clock,
      retain: { jobs: 1 },
      jobs: [
        { ...exportWorkbook, id: 'us_jb_new', status: 'complete', createdAt: at(3) },
        { ...exportWorkbook, id: 'us_jb_old', status: 'canceled', createdAt: at(1) },
        { ...exportWorkbook, id: 'us_jb_run', status: 'executing', createdAt: at(2) },
      ],
    });
    await clock.advance(0);
    expect((await client.list()).data.map((job) => job.id)).toEqual(['us_jb_new', 'us_jb_run']);
  });

  it('refuses a limit that is not a whole number of at least 0', () => {
    for (const jobs of [-1, 1.5, Number.NaN, '10']) {
      expect(() => createMemoryJobsClient({ retain: { jobs } as never })).toThrow(
        /retain\.jobs must be a whole number of at least 0/,
      );
    }
    expect(() => createMemoryJobsClient({ retain: null as never })).toThrow(RangeError);
    expect(() => createMemoryJobsClient({ retain: { jobs: Number.POSITIVE_INFINITY } })).not.toThrow();
  });

  it('lets the jobs it dropped be collected', async () => {
    const gc = collectGarbage();
    const clock = createVirtualClock();
    const client = createMemoryJobsClient({
      clock,
      retain: { jobs: 10 },
      handlers: { 'workbook:export': () => undefined },
    });
    // The copy of each job as it ended, the one every caller and listener shares.
    const refs: WeakRef<object>[] = [];
    client.subscribe((event) => {
      if (event.topic === 'job:completed' && event.job !== undefined) refs.push(new WeakRef(event.job));
    });
    for (let i = 0; i < 50; i += 1) await client.create(exportWorkbook);
    await clock.runAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();

    expect(refs).toHaveLength(50);
    const alive = refs.map((ref) => ref.deref() !== undefined);
    expect(alive.slice(40)).toEqual(Array(10).fill(true));
    expect(alive.slice(0, 40)).toEqual(Array(40).fill(false));
    expect(client.snapshot()).toHaveLength(10);
  });
});

describe('dispose', () => {
  it('lets go of every job, so that nothing the engine held stays reachable', async () => {
    const gc = collectGarbage();
    const clock = createVirtualClock();
    const client = createMemoryJobsClient({
      clock,
      handlers: { 'workbook:export': () => ({ outcome: { message: 'Done' } }) },
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await client.create(exportWorkbook)).id);
    await clock.runAll();
    const refs = (await client.list({ pageSize: 100 })).data.map((job) => new WeakRef(job));
    expect(refs).toHaveLength(20);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.every((ref) => ref.deref() !== undefined)).toBe(true);

    client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();

    expect(refs.filter((ref) => ref.deref() !== undefined)).toEqual([]);
    expect(client.snapshot()).toEqual([]);
    expect(ids).toHaveLength(20);
  });
});
