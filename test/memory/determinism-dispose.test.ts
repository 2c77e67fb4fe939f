import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Job, JobEvent } from '../../src/core';
import { createMemoryJobsClient, createVirtualClock, type JobHandler } from '../../src/memory';
import { exportWorkbook } from './helpers';

const exportHandler: JobHandler = async (job, { tick, sleep }) => {
  for (let step = 1; step <= 3; step += 1) {
    await sleep(100);
    await tick(step * 30, `Step ${step}`);
  }
  return { outcome: { message: `Exported ${job.source}` } };
};

/** The same calls against a fresh client; returns what a caller could observe. */
async function script(seed?: () => number): Promise<{ jobs: Job[]; events: JobEvent[] }> {
  const clock = createVirtualClock();
  const client = createMemoryJobsClient({
    clock,
    latency: 5,
    ...(seed ? { random: seed } : {}),
    handlers: {
      'workbook:export': exportHandler,
      'sheet:validate': () => {
        throw new Error('Invalid rows');
      },
    },
  });
  const events: JobEvent[] = [];
  client.subscribe((event) => events.push(event));

  const first = client.create(exportWorkbook);
  await clock.advance(5);
  const second = client.create({ type: 'sheet', operation: 'validate', source: 'us_sh_1' });
  const third = client.create({ ...exportWorkbook, predecessorIds: [(await first).id] });
  await clock.advance(150);
  const cancel = client.cancel((await third).id);
  await clock.advance(5);
  await cancel;
  const retry = client.retry((await second).id);
  await clock.runAll();
  await retry;
  return { jobs: client.snapshot(), events };
}

describe('determinism', () => {
  it('gives the same ids, times and events for the same calls on a virtual clock', async () => {
    const one = await script();
    const two = await script();

    expect(one.events.length).toBeGreaterThan(10);
    expect(two).toEqual(one);
    expect(one.jobs.map((job) => job.status)).toEqual(['complete', 'failed', 'canceled']);
  });

  it('draws ids from the random source it is given', async () => {
    const seeded = await script();
    const other = await script(() => 0.5);
    expect(other.jobs.map((job) => job.id)).not.toEqual(seeded.jobs.map((job) => job.id));
    expect(new Set(other.jobs.map((job) => job.id)).size).toBe(3);
  });
});

describe('dispose', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves no timers behind on the system clock, aborts handlers and rejects pending calls', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const client = createMemoryJobsClient({
      handlers: {
        'workbook:export': async (_job, context) => {
          signal = context.signal;
          await context.sleep(60_000);
        },
      },
    });
    const listener = vi.fn();
    client.subscribe(listener);
    await client.create(exportWorkbook);
    await client.create({ ...exportWorkbook, operation: 'other' });
    // Fake timers, like real ones, run a 0 ms timer set inside a timer 1 ms later.
    await vi.advanceTimersByTimeAsync(10);
    client.setFaults({ slow: { list: 5000 } });
    const pending = client.list().catch((error: unknown) => error);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    listener.mockClear();

    client.dispose();

    expect(vi.getTimerCount()).toBe(0);
    expect(signal?.aborted).toBe(true);
    expect(await pending).toMatchObject({ code: 'aborted' });
    await expect(client.get('us_jb_any')).rejects.toMatchObject({ code: 'aborted' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(listener).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timers on a virtual clock either, and keeps no job', async () => {
    const clock = createVirtualClock();
    const client = createMemoryJobsClient({ clock, latency: 50, handlers: { 'workbook:export': exportHandler } });
    const created = client.create(exportWorkbook);
    await clock.advance(150);
    const job = await created;

    client.dispose();

    expect(clock.pendingTimers()).toBe(0);
    expect(client.snapshot()).toEqual([]);
    await expect(client.get(job.id)).rejects.toMatchObject({ code: 'aborted' });
  });
});
