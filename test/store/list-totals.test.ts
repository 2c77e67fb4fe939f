// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { JobsClient } from '../../src/core';
import { fakeServer, settle, startStore, version } from './server';

/** The fake server, answering lists in pages with the pagination Flatfile's API sends. */
function pagedServer() {
  const server = fakeServer();
  const list: JobsClient['list'] = async (filter = {}) => {
    const { pageSize, pageNumber = 1, ...rest } = filter;
    const all = (await server.client.list(rest)).data;
    const size = pageSize ?? all.length;
    return {
      data: all.slice((pageNumber - 1) * size, pageNumber * size),
      pagination: { currentPage: pageNumber, pageCount: Math.ceil(all.length / size), totalCount: all.length },
    };
  };
  return { ...server, client: { ...server.client, list } };
}

const at = (day: number) => ({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, day)) });
const active = { status: ['executing'] as const, pageSize: 100 };

describe('the totals of a first page the store keeps in step', () => {
  it('count the jobs that join past the end of a full page, and the pages they make', async () => {
    const server = pagedServer();
    const { list } = startStore(server.client);
    const running = await list({ ...active, status: [...active.status] });
    expect(running.data()?.pagination).toEqual({ currentPage: 1, pageCount: 0, totalCount: 0 });
    // 500 jobs start, oldest first: the page keeps the newest 100, the total counts all of them.
    for (let i = 1; i <= 500; i += 1) server.change(version(`j${i}`, 'executing', 1, at(i)), 'job:created');
    // A burst is applied in slices over several tasks (as many as a loaded machine needs): j500 comes last.
    await vi.waitFor(() => expect(running.data()?.ids[0]).toBe('j500'), { timeout: 10_000, interval: 20 });
    expect(running.data()?.ids).toHaveLength(100);
    expect(running.data()?.pagination).toEqual({ currentPage: 1, pageCount: 5, totalCount: 500 });
    // A job on a later page ticks: it was counted already.
    server.change(version('j3', 'executing', 2, { ...at(3), progress: 40 }), 'job:updated');
    await settle();
    expect(running.data()?.pagination?.totalCount).toBe(500);
    // A job on a later page ends: the total loses it, though the page never held it.
    server.change(version('j2', 'complete', 3, at(2)), 'job:completed');
    await settle();
    expect(running.data()?.pagination).toEqual({ currentPage: 1, pageCount: 5, totalCount: 499 });
    // One on the page ends: it leaves the page and the total.
    server.change(version('j500', 'complete', 3, at(500)), 'job:completed');
    await settle();
    expect(running.data()?.ids).toHaveLength(99);
    expect(running.data()?.pagination).toEqual({ currentPage: 1, pageCount: 5, totalCount: 498 });
  });

  it('count a job moving between statuses of one list once', async () => {
    const server = pagedServer();
    const { list } = startStore(server.client);
    for (let i = 1; i <= 3; i += 1) server.change(version(`j${i}`, 'ready', 1, at(i)));
    const queued = await list({ status: ['ready', 'executing'], pageSize: 2 });
    expect(queued.data()?.pagination?.totalCount).toBe(3);
    // j1, on the second page, starts running: still in the list, counted once.
    server.change(version('j1', 'executing', 2, at(1)), 'job:updated');
    await settle();
    expect(queued.data()?.pagination).toEqual({ currentPage: 1, pageCount: 2, totalCount: 3 });
  });
});
