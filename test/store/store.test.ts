// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ACTIVE_STATUSES, type Job, type JobEvent } from '../../src/core';
import { endsOf, type JobEnd } from '../../src/store';
import { fakeServer, settle, startStore, version } from './server';

const active = { status: ACTIVE_STATUSES, source: 'us_sh_1' };

describe('the inbound pipeline', () => {
  it('writes a pushed job, then tells its event with the version kept', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const heard: JobEvent[] = [];
    store.on((event) => heard.push(event));
    server.change(version('a', 'executing', 1), 'job:created');
    await settle();
    expect(store.peek('a')?.status).toBe('executing');
    expect(heard.map((event) => [event.topic, event.job?.status])).toEqual([['job:created', 'executing']]);
  });

  it('reads a job once for a burst of events that do not carry it, and tells each event after the read', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const heard: string[] = [];
    store.on((event) => heard.push(`${event.topic}:${event.job?.progress ?? '-'}`));
    server.change(version('a', 'executing', 1, { progress: 10 }), 'job:created', { bare: true });
    server.change(version('a', 'executing', 2, { progress: 20 }), 'job:updated', { bare: true });
    await settle();
    expect(server.calls.get).toBe(1);
    expect(heard).toEqual(['job:created:20', 'job:updated:20']);
  });

  it('keeps the newest version whatever order versions arrive in (by updatedAt)', async () => {
    const server = fakeServer();
    const { store, list } = startStore(server.client);
    server.change(version('a', 'executing', 1, { progress: 10 }));
    const all = await list({});
    server.change(version('a', 'executing', 3, { progress: 60 }), 'job:updated');
    server.change(version('a', 'executing', 2, { progress: 35 }), 'job:updated');
    await settle();
    expect(store.peek('a')?.progress).toBe(60);
    expect(all.data()?.jobs.get('a')?.progress).toBe(60);
    // A list read that is older than what the store holds does not roll it back.
    server.jobs.set('a', version('a', 'executing', 2, { progress: 35 }));
    await list({ pageSize: 10 });
    expect(store.peek('a')?.progress).toBe(60);
  });

  it('changes nothing for a duplicate event, and routes a job’s end once', async () => {
    const server = fakeServer();
    const { store, list } = startStore(server.client);
    server.change(version('a', 'executing', 1));
    const all = await list({});
    const ends: Job[] = [];
    endsOf(store).on((end) => ends.push(end.job));
    const done = version('a', 'complete', 2);
    server.change(done, 'job:completed');
    await settle();
    const after = all.data();
    server.change(done, 'job:completed');
    await settle();
    expect(all.data()).toBe(after);
    expect(ends.map((job) => job.status)).toEqual(['complete']);
  });

  it('leaves out a pushed value that is no job, and still tells its event', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = fakeServer();
    const { store } = startStore(server.client);
    const heard: string[] = [];
    store.on((event) => heard.push(event.topic));
    expect(store.ingest({ id: 'a' }, 'push', [])).toBeUndefined();
    expect(store.peek('a')).toBeUndefined();
    warn.mockRestore();
  });
});

describe('list data', () => {
  it('is never changed in place: a job joining makes a new value, the old one reads as before', async () => {
    const server = fakeServer();
    const { list } = startStore(server.client);
    server.change(version('a', 'executing', 1, { progress: 10 }));
    server.change(version('b', 'executing', 1));
    const all = await list({});
    const first = all.data();
    expect(first?.ids).toEqual(['b', 'a']);
    server.change(version('a', 'executing', 2, { progress: 50 }), 'job:updated');
    await settle();
    const second = all.data();
    // Only a listed job's version changed, not the list: the same value, which reads the newest version.
    expect(second).toBe(first);
    expect(second?.jobs.get('a')?.progress).toBe(50);
    // A job joining makes new ids; the old value still reads as it did.
    server.change(version('c', 'executing', 3, { createdAt: new Date(Date.UTC(2026, 0, 2)) }), 'job:created');
    await settle();
    expect(all.data()?.ids).toEqual(['c', 'b', 'a']);
    expect(second?.ids).toEqual(['b', 'a']);
    expect(second?.jobs.has('c')).toBe(false);
  });

  it('follows every write, in whatever order list reads, job reads and events arrive', async () => {
    const steps = ['list active', 'list all', 'read job', 'push running', 'push done'] as const;
    const orders = permutations([...steps]);
    for (const order of orders) {
      const server = fakeServer();
      const { store, list, read } = startStore(server.client);
      server.jobs.set('a', version('a', 'executing', 1));
      const lists: Record<string, Awaited<ReturnType<typeof list>>> = {};
      for (const step of order) {
        if (step === 'list active') lists.active = await list(active);
        else if (step === 'list all') lists.all = await list({});
        else if (step === 'read job') await read('a');
        else if (step === 'push running') server.push(version('a', 'executing', 1), 'job:created');
        else server.change(version('a', 'complete', 2), 'job:completed');
        await settle();
      }
      const label = order.join(' → ');
      expect(store.peek('a')?.status, label).toBe('complete');
      expect(lists.all?.data()?.ids, label).toEqual(['a']);
      expect(lists.active?.data()?.ids, label).toEqual([]);
      store.stop();
    }
  });

  it('leaves out of a page read a job the store knows no longer belongs there', async () => {
    const server = fakeServer();
    const { list, read } = startStore(server.client);
    server.change(version('a', 'executing', 1));
    await read('a');
    server.change(version('a', 'complete', 2), 'job:completed');
    await settle();
    // The server's list lags behind its event.
    server.jobs.set('a', version('a', 'executing', 1));
    const running = await list(active);
    expect(running.data()?.ids).toEqual([]);
    expect(running.data()?.jobs.has('a')).toBe(false);
  });

  it('keeps a job out of a full first page when it sorts after the page’s last job', async () => {
    const server = fakeServer();
    const { list } = startStore(server.client);
    for (const id of ['a', 'b'])
      server.change(version(id, 'executing', 1, { createdAt: new Date(Date.UTC(2026, 0, 5)) }));
    const firstPage = await list({ pageSize: 2 });
    server.change(version('old', 'executing', 2, { createdAt: new Date(Date.UTC(2025, 0, 1)) }), 'job:created');
    server.change(version('new', 'executing', 2, { createdAt: new Date(Date.UTC(2027, 0, 1)) }), 'job:created');
    await settle();
    // 'new' joins at the top; 'a', the last, moves to the second page.
    expect(firstPage.data()?.ids).toEqual(['new', 'b']);
    expect(firstPage.data()?.jobs.has('a')).toBe(false);
  });

  it('holds no more than a page of jobs however many are created, nor versions of the jobs that moved on', async () => {
    const server = fakeServer();
    const { store, list } = startStore(server.client);
    const firstPage = await list({ pageSize: 3 });
    for (let i = 1; i <= 10; i += 1) {
      const createdAt = new Date(Date.UTC(2026, 0, i));
      server.change(version(`j${i}`, 'executing', 1, { createdAt }), 'job:created');
      await settle();
      server.change(version(`j${i}`, 'complete', 2, { createdAt }), 'job:completed');
      await settle();
    }
    expect(firstPage.data()?.ids).toEqual(['j10', 'j9', 'j8']);
    expect(firstPage.data()?.pagination).toBeUndefined();
    // The newest versions of the listed jobs, and of no other.
    expect([...store.cache.versions().values()].map((job) => job.id).sort()).toEqual(['j10', 'j8', 'j9']);
    expect(store.peek('j10')?.status).toBe('complete');
    // Several at once, in one batch: the page keeps the newest three, the versions only theirs.
    store.batch(() => {
      for (const i of [12, 11, 13])
        store.ingest(version(`j${i}`, 'complete', 2, { createdAt: new Date(Date.UTC(2026, 0, i)) }), 'push');
      // Between j9 and j8: it joins, then moves on with them.
      store.ingest(version('jx', 'complete', 2, { createdAt: new Date(Date.UTC(2026, 0, 8, 12)) }), 'push');
    });
    expect(firstPage.data()?.ids).toEqual(['j13', 'j12', 'j11']);
    expect([...store.cache.versions().values()].map((job) => job.id).sort()).toEqual(['j11', 'j12', 'j13']);
  });
});

describe('jobs started through the provider', () => {
  it('count as running on their source from the moment create answers until they are seen to end', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const job = store.ingest(
      await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }),
      'create',
    );
    expect(store.started.on('us_sh_1').map((facts) => facts.id)).toEqual([job?.id]);
    expect(store.started.has(job?.id ?? '')).toBe(true);
    server.change({ ...(job as Job), status: 'failed', updatedAt: new Date(Date.UTC(2026, 0, 1, 1)) }, 'job:failed');
    await settle();
    expect(store.started.on('us_sh_1')).toEqual([]);
    // Still the user's: its outcome is theirs to see.
    expect(store.started.has(job?.id ?? '')).toBe(true);
  });

  it('tell their listeners once for a burst of creates, after it, with every job of the burst counted', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const told: number[] = [];
    store.started.subscribe(() => told.push(store.started.on('us_sh_1').length));
    const created: (Job | undefined)[] = [];
    // One task, as a host's loop: each create is answered in a microtask.
    for (let i = 0; i < 200; i += 1)
      created.push(
        store.ingest(await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }), 'create'),
      );
    // Counted at once: a view rendering meanwhile reads them all...
    expect(store.started.on('us_sh_1')).toHaveLength(200);
    expect(store.started.on('us_sh_1')).toBe(store.started.on('us_sh_1'));
    // ...and the views are told once, not once per job.
    expect(told).toEqual([]);
    await settle();
    expect(told).toEqual([200]);
    expect(store.started.on('us_sh_1').map((facts) => facts.id)).toEqual(created.map((job) => job?.id));
  });
});

describe('jobs the user started, once the cache holds them no more', () => {
  it('are forgotten when they ended with nothing left for the user, and kept while an outcome waits', async () => {
    const server = fakeServer();
    const { store, list, queryClient } = startStore(server.client);
    const firstPage = await list({ pageSize: 2 });
    const at = (day: number) => ({ createdAt: new Date(Date.UTC(2026, 0, day)) });
    store.ingest(version('done', 'executing', 1, at(1)), 'create');
    store.ingest(version('waits', 'executing', 1, at(2)), 'create');
    store.ingest(version('done', 'complete', 2, at(1)), 'push');
    store.ingest(version('waits', 'complete', 2, { ...at(2), outcome: { acknowledge: true } }), 'push');
    // Nothing reads them: their own entries go, and the page keeps them.
    queryClient.removeQueries({ queryKey: ['jobkit', store.scope, 'job'] });
    expect(firstPage.data()?.ids).toEqual(['waits', 'done']);
    expect([store.started.has('done'), store.started.has('waits')]).toEqual([true, true]);
    // Newer jobs push them off the first page: no list holds them any more.
    for (const day of [3, 4]) server.change(version(`new${day}`, 'executing', 1, at(day)), 'job:created');
    await settle();
    expect(firstPage.data()?.ids).toEqual(['new4', 'new3']);
    expect([store.started.has('done'), store.started.has('waits')]).toEqual([false, true]);
  });
});

describe('polling, for a client that pushes nothing', () => {
  it('reads the jobs started here and those shown, until they end, and nothing once idle', async () => {
    vi.useFakeTimers();
    try {
      const server = fakeServer({ pushes: false });
      const { store, read } = startStore(server.client, { pollInterval: 100 });
      server.jobs.set('shown', version('shown', 'executing', 1));
      server.jobs.set('other', version('other', 'executing', 1));
      const shown = read('shown');
      await vi.advanceTimersByTimeAsync(0);
      await shown;
      const started = store.ingest(
        await server.client.create({ type: 'sheet', operation: 'dedupe', source: 'us_sh_1' }),
        'create',
      );
      server.calls.get = 0;
      await vi.advanceTimersByTimeAsync(100);
      // One read per job worth reading: the one shown and the one started, not `other`.
      expect(server.calls.get).toBe(2);
      server.jobs.set('shown', version('shown', 'complete', 2));
      server.jobs.set(started?.id ?? '', version(started?.id ?? '', 'canceled', 2));
      await vi.advanceTimersByTimeAsync(100);
      server.calls.get = 0;
      await vi.advanceTimersByTimeAsync(10_000);
      expect(server.calls.get).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
      store.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('derives events from what the reads saw change', async () => {
    vi.useFakeTimers();
    try {
      const server = fakeServer({ pushes: false });
      const { store, read } = startStore(server.client, { pollInterval: 100 });
      server.jobs.set('a', version('a', 'executing', 1));
      const reading = read('a');
      await vi.advanceTimersByTimeAsync(0);
      await reading;
      const heard: string[] = [];
      store.on((event) => heard.push(event.topic));
      server.jobs.set('a', version('a', 'executing', 2, { progress: 50 }));
      await vi.advanceTimersByTimeAsync(100);
      server.jobs.set('a', version('a', 'complete', 3));
      await vi.advanceTimersByTimeAsync(100);
      expect(heard).toEqual(['job:updated', 'job:completed']);
      store.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the routing of a job’s end', () => {
  const withOutcome = (status: Job['status'], mode: Job['mode'], t: number) =>
    version('a', status, t, { mode, outcome: { acknowledge: true, message: 'Done' }, createdBy: 'us_usr_1' });

  async function endOf(options: { mode: Job['mode']; dialog: boolean; currentUserId?: string; started?: boolean }) {
    const server = fakeServer();
    const { store } = startStore(server.client);
    store.currentUserId = options.currentUserId;
    if (options.dialog) endsOf(store).claimOutcomes();
    const ends: JobEnd[] = [];
    endsOf(store).on((end) => ends.push(end));
    const running = withOutcome('executing', options.mode, 1);
    store.ingest(running, options.started ? 'create' : 'push', []);
    server.change(withOutcome('complete', options.mode, 2), 'job:completed');
    await settle();
    return ends.map(({ mine, popsUp, notice }) => ({ mine, popsUp, notice }));
  }

  it('pops up a foreground outcome of the user’s job when an outcome dialog is mounted, and only then', async () => {
    expect(await endOf({ mode: 'foreground', dialog: true, started: true })).toEqual([
      { mine: true, popsUp: true, notice: false },
    ]);
    expect(await endOf({ mode: 'foreground', dialog: false, started: true })).toEqual([
      { mine: true, popsUp: false, notice: false },
    ]);
  });

  it('tells a background job of the user’s with a notice', async () => {
    expect(await endOf({ mode: 'background', dialog: true, currentUserId: 'us_usr_1' })).toEqual([
      { mine: true, popsUp: false, notice: true },
    ]);
  });

  it('asks the system notifiers once per end, before any listener, and marks what they claim', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const asked: [string, boolean][] = [];
    const seen: boolean[] = [];
    endsOf(store).on((end) => seen.push(end.notified));
    const release = endsOf(store).claimSystemNotices((job, started) => {
      asked.push([job.id, started]);
      return started;
    });
    store.ingest(withOutcome('executing', 'background', 1), 'create', []);
    server.change(withOutcome('complete', 'background', 2), 'job:completed');
    await settle();
    expect(asked).toEqual([['a', true]]);
    expect(seen).toEqual([true]);
    release();
    store.ingest(withOutcome('executing', 'background', 3), 'push', []);
    server.change(withOutcome('failed', 'background', 4), 'job:failed');
    await settle();
    expect(asked).toEqual([['a', true]]);
    expect(seen).toEqual([true, false]);
  });

  it('tells another user’s job to nobody in particular', async () => {
    expect(await endOf({ mode: 'background', dialog: true, currentUserId: 'us_usr_2' })).toEqual([
      { mine: false, popsUp: false, notice: false },
    ]);
  });

  it('routes the end of a job it never saw running only when an event says it completed or failed', async () => {
    const server = fakeServer();
    const { store } = startStore(server.client);
    const ends: string[] = [];
    endsOf(store).on((end) => ends.push(end.job.id));
    server.change(version('x', 'canceled', 1), 'job:updated');
    server.change(version('y', 'failed', 1), 'job:failed');
    await settle();
    expect(ends).toEqual(['y']);
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
