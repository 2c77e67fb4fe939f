// @vitest-environment node
import { focusManager } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_STATUSES, type Job, JobsClientError } from '../../src/core';
import { endsOf } from '../../src/store';
import { fakeServer, startStore, version } from './server';

const active = { status: ACTIVE_STATUSES, source: 'us_sh_1' };
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  focusManager.setFocused(undefined);
  vi.useRealTimers();
});

/** A store on a client that pushes events, re-reading every second, with what it read on the way. */
async function pushingStore() {
  const server = fakeServer();
  const started = startStore(server.client, { reconcileInterval: 1000 });
  const read = async (jobId: string) => {
    const reading = started.read(jobId);
    await advance(0);
    return reading;
  };
  const list = async (filter: Parameters<typeof started.list>[0]) => {
    const listing = started.list(filter);
    await advance(0);
    return listing;
  };
  return { server, ...started, read, list };
}

describe('reconciliation, for a client that pushes events', () => {
  it('re-reads every interval the active jobs shown, listed as active on screen or started here, and no other', async () => {
    const { server, store, read, list } = await pushingStore();
    server.jobs.set('shown', version('shown', 'executing', 1));
    server.jobs.set('shown-done', version('shown-done', 'complete', 1));
    server.jobs.set('listed', version('listed', 'executing', 1, { source: 'us_sh_1' }));
    server.jobs.set('unwatched', version('unwatched', 'executing', 1, { source: 'us_sh_2' }));
    await read('shown');
    await read('shown-done');
    const activeList = await list(active);
    const job = store.ingest(
      await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }),
      'create',
    ) as Job;
    const reads = () => {
      const before = server.calls.get;
      return () => server.calls.get - before;
    };
    const firstRound = reads();
    await advance(999);
    expect(firstRound()).toBe(0);
    await advance(1);
    // `shown`, `listed` and the job started here; not the finished one, not the one nothing watches.
    expect(firstRound()).toBe(3);
    expect([...(activeList.data()?.ids ?? [])].sort()).toEqual([job.id, 'listed', 'shown'].sort());
    const secondRound = reads();
    await advance(1000);
    expect(secondRound()).toBe(3);
    activeList.unsubscribe();
  });

  it('ends, within one interval, what a missed event left running: the list, the source, the job’s end', async () => {
    const { server, store, list } = await pushingStore();
    const job = store.ingest(
      await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }),
      'create',
    ) as Job;
    server.jobs.set('listed', version('listed', 'executing', 1));
    const activeList = await list(active);
    const heard: string[] = [];
    const ends: string[] = [];
    store.on((event) => heard.push(`${event.topic}:${event.context.jobId}`));
    endsOf(store).on((end) => ends.push(end.job.id));
    // The server finishes both jobs, and the events never arrive.
    server.jobs.set(job.id, version(job.id, 'complete', 2));
    server.jobs.set('listed', version('listed', 'failed', 2));
    await advance(1000);
    expect(store.started.on('us_sh_1')).toEqual([]);
    expect(activeList.data()?.ids).toEqual([]);
    expect(heard.sort()).toEqual([`job:completed:${job.id}`, 'job:failed:listed'].sort());
    expect(ends.sort()).toEqual([job.id, 'listed'].sort());
    activeList.unsubscribe();
  });

  it('tells a change once when the pushed event for it comes after the re-read that found it', async () => {
    const { server, store } = await pushingStore();
    const job = store.ingest(
      await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }),
      'create',
    ) as Job;
    const heard: string[] = [];
    const ends: string[] = [];
    store.on((event) => heard.push(event.topic));
    endsOf(store).on((end) => ends.push(end.job.id));
    const done = version(job.id, 'complete', 2);
    server.jobs.set(job.id, done);
    await advance(1000);
    expect(heard).toEqual(['job:completed']);
    server.push(done, 'job:completed', { bare: true });
    await advance(10);
    expect(heard).toEqual(['job:completed']);
    expect(ends).toEqual([job.id]);
    // Only that one: another copy of the event is the client's duplicate, told as before.
    server.push(done, 'job:completed');
    await advance(10);
    expect(heard).toEqual(['job:completed', 'job:completed']);
    // A newer change pushed after that is told as usual.
    const later = version(job.id, 'complete', 3, { outcomeAcknowledgedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 3)) });
    server.change(later, 'job:outcome-acknowledged');
    await advance(10);
    expect(heard).toEqual(['job:completed', 'job:completed', 'job:outcome-acknowledged']);
  });

  it('keeps no timer and sends no request while nothing watched is active, and none after it stops', async () => {
    const { server, store, read } = await pushingStore();
    server.jobs.set('a', version('a', 'complete', 1));
    await read('a');
    server.calls.get = 0;
    await advance(10_000);
    expect(server.calls.get).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    // A job started here wakes it; stopping the store clears its timer.
    store.ingest(await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }), 'create');
    expect(vi.getTimerCount()).toBe(1);
    store.stop();
    expect(vi.getTimerCount()).toBe(0);
    await advance(10_000);
    expect(server.calls.get).toBe(0);
  });

  it('pauses while the page is hidden and re-reads within one interval of it showing again', async () => {
    const { server, store } = await pushingStore();
    store.ingest(await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }), 'create');
    focusManager.setFocused(false);
    await advance(10_000);
    expect(server.calls.get).toBe(0);
    focusManager.setFocused(true);
    await advance(1000);
    expect(server.calls.get).toBe(1);
    store.stop();
  });

  it('counts its reads as reads: a failure goes on the job, and failing rounds wait longer, up to four intervals', async () => {
    const { server, store, read } = await pushingStore();
    server.jobs.set('a', version('a', 'executing', 1));
    await read('a');
    const get = server.client.get;
    server.client.get = async () => {
      server.calls.get += 1;
      throw new JobsClientError('server', 'Unavailable');
    };
    server.calls.get = 0;
    const times: number[] = [];
    for (let t = 0; t < 16_000; t += 500) {
      const before = server.calls.get;
      await advance(500);
      if (server.calls.get > before) times.push(t + 500);
    }
    // 1 s, then 2 s, 4 s, 4 s, 4 s later.
    expect(times).toEqual([1000, 3000, 7000, 11_000, 15_000]);
    const query = store.cache.jobQuery('a');
    expect(query?.state.error).toBeInstanceOf(JobsClientError);
    // The job read before stays, and the next round that succeeds writes what the server holds.
    expect(store.peek('a')?.status).toBe('executing');
    server.client.get = get;
    server.jobs.set('a', version('a', 'complete', 2));
    await advance(4000);
    expect(store.peek('a')?.status).toBe('complete');
    store.stop();
  });
});
