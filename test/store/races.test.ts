// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, type JobsClient } from '../../src/core';
import { fakeServer, settle, startStore, version } from './server';

const active = { status: ACTIVE_STATUSES, source: 'us_sh_1' };

/** The server's list as it stood when asked, answered only when `answer` is called. */
function slowLists(client: JobsClient) {
  const waiting: (() => void)[] = [];
  const list: JobsClient['list'] = async (filter, options) => {
    const page = await client.list(filter, options);
    await new Promise<void>((resolve) => waiting.push(resolve));
    return page;
  };
  const answer = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { client: { ...client, list }, answer };
}

describe('a list read in flight', () => {
  it('comes back with the jobs whose events arrived meanwhile, placed as their newest version says', async () => {
    const server = fakeServer();
    server.change(version('done', 'executing', 1));
    server.change(version('stays', 'executing', 1));
    const slow = slowLists(server.client);
    const { store, list } = startStore(slow.client);
    const reading = Promise.all([list(active), list({})]);
    await settle();
    // While the server answers with what it held before: a job starts, another ends.
    server.change(version('started', 'executing', 2, { createdAt: new Date(Date.UTC(2026, 0, 2)) }), 'job:created');
    server.change(version('done', 'complete', 2), 'job:completed');
    await settle();
    slow.answer();
    const [running, all] = await reading;
    expect(running.data()?.ids).toEqual(['started', 'stays']);
    // As the server lists them now.
    expect(all.data()?.ids).toEqual((await server.client.list({})).data.map((job) => job.id));
    expect(all.data()?.ids).toHaveLength(3);
    expect(all.data()?.jobs.get('done')?.status).toBe('complete');
    expect(store.peek('started')?.status).toBe('executing');
    // Later writes keep placing them.
    server.change(version('started', 'complete', 3), 'job:completed');
    await settle();
    expect(running.data()?.ids).toEqual(['stays']);
  });
});

describe('a mutation’s answer', () => {
  it('never replaces a newer version pushed before it arrived (create, cancel, retry, acknowledge)', async () => {
    const server = fakeServer();
    const { store, list } = startStore(server.client);
    const running = await list(active);
    // The job's first tick is pushed before create answers with the job as it was created.
    server.change(version('a', 'executing', 2, { progress: 40 }), 'job:updated');
    await settle();
    const created = store.ingest(version('a', 'executing', 1, { progress: 0 }), 'create');
    expect([created?.progress, store.peek('a')?.progress]).toEqual([40, 40]);
    expect(store.started.has('a')).toBe(true);
    expect(running.data()?.ids).toEqual(['a']);
    // It completes; the answer to a cancel sent before that arrives after the push.
    server.change(version('a', 'complete', 3), 'job:completed');
    await settle();
    const canceled = store.ingest(version('a', 'canceled', 2), 'mutation');
    expect([canceled?.status, store.peek('a')?.status]).toEqual(['complete', 'complete']);
    expect(running.data()?.ids).toEqual([]);
  });
});
