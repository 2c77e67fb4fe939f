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
