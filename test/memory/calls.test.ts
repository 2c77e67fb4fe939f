import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { compareJobs, JobsClientError, type JobConfig } from '../../src/core';
import type { MemoryCall } from '../../src/memory';
import { exportWorkbook, setup, START, track } from './helpers';

describe('get and unknown ids', () => {
  it('rejects with not-found for an id it does not know, whatever the call', async () => {
    const { client } = setup();
    const calls = [client.get, client.cancel, client.retry, client.acknowledgeOutcome, client.execute];
    for (const call of calls) {
      const answer = call('us_jb_nope');
      await expect(answer).rejects.toBeInstanceOf(JobsClientError);
      await expect(answer).rejects.toMatchObject({
        code: 'not-found',
        status: 404,
        message: 'Job us_jb_nope not found',
      });
    }
  });
});

describe('what callers get', () => {
  it('is frozen, and a copy: changing it throws, changing the config it came from leaves the engine alone', async () => {
    const { client } = setup();
    const config: JobConfig = { ...exportWorkbook, input: { sheets: ['Contacts'] } };
    const created = await client.create(config);
    expect(() => {
      created.status = 'complete';
    }).toThrow(TypeError);
    config.input = { sheets: ['Other'] };
    const fetched = await client.get(created.id);
    expect(() => (fetched.input!.sheets as string[]).push('Deals')).toThrow(TypeError);
    expect(Object.isFrozen(client.snapshot()[0])).toBe(true);

    expect(await client.get(created.id)).toMatchObject({
      status: 'created',
      input: { sheets: ['Contacts'] },
      createdAt: START,
    });
  });

  it('is one copy per version of a job: read twice it is the same object, changed it is a new one', async () => {
    const { client } = setup();
    const created = await client.create(exportWorkbook);
    const listed = (await client.list()).data[0];
    expect(listed).toBe(created);
    expect(await client.get(created.id)).toBe(created);
    const canceled = await client.cancel(created.id);
    expect(canceled).not.toBe(created);
    expect(created.status).toBe('created');
    expect(canceled.status).toBe('canceled');
  });

  it('shares a date with the next version while it is unchanged, and never the engine’s own date', async () => {
    const { client } = setup({
      jobs: [{ id: 'us_jb_f', ...exportWorkbook, status: 'failed', createdAt: START, outcome: { message: 'Broke' } }],
    });
    const failed = await client.get('us_jb_f');
    const acknowledged = await client.acknowledgeOutcome('us_jb_f');
    expect(acknowledged).not.toBe(failed);
    expect(acknowledged.createdAt).toBe(failed.createdAt);
    expect(acknowledged.createdAt).toEqual(START);

    // A caller that changes a date it was given (dates cannot be frozen) changes no later version.
    acknowledged.createdAt?.setTime(0);
    const retried = await client.retry('us_jb_f');
    expect(retried.createdAt).not.toBe(acknowledged.createdAt);
    expect(retried.createdAt).toEqual(START);
    expect((await client.list()).data[0]?.createdAt).toEqual(START);
  });
});

describe('list', () => {
  it('orders any mix of seeded and created jobs as compareJobs does, both ways', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), at: fc.integer({ min: 0, max: 3 }) }), {
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
        async (seeds, creates) => {
          const unique = [...new Map(seeds.map((seed) => [seed.id, seed])).values()];
          const { client, clock } = setup({
            jobs: unique.map(({ id, at }) => ({
              id,
              ...exportWorkbook,
              status: 'complete',
              createdAt: new Date(START.getTime() + at * 1000),
            })),
          });
          for (const at of [...creates].sort()) {
            await clock.advance(START.getTime() + at * 1000 - clock.now());
            await client.create(exportWorkbook);
          }
          const all = client.snapshot();
          for (const sortDirection of ['asc', 'desc'] as const) {
            const listed = (await client.list({ pageSize: 100, sortDirection })).data.map((job) => job.id);
            expect(listed).toEqual([...all].sort(compareJobs({ sortDirection })).map((job) => job.id));
          }
          client.dispose();
        },
      ),
      { numRuns: 200 },
    );
  });

  async function seeded() {
    const harness = setup({
      pageSize: 3,
      spaceId: 'us_sp_1',
      jobs: [
        {
          id: 'us_jb_a',
          type: 'workbook',
          operation: 'export',
          source: 'us_wb_1',
          status: 'complete',
          createdAt: new Date('2025-01-01T00:00:01Z'),
        },
        {
          id: 'us_jb_b',
          type: 'workbook',
          operation: 'submit',
          source: 'us_wb_1',
          status: 'failed',
          createdAt: new Date('2025-01-01T00:00:02Z'),
        },
        {
          id: 'us_jb_c',
          type: 'sheet',
          operation: 'validate',
          source: 'us_sh_1',
          status: 'executing',
          createdAt: new Date('2025-01-01T00:00:03Z'),
        },
        {
          id: 'us_jb_d',
          type: 'sheet',
          operation: 'validate',
          source: 'us_sh_1',
          status: 'executing',
          parentId: 'us_jb_c',
          part: 1,
          createdAt: new Date('2025-01-01T00:00:04Z'),
        },
        {
          id: 'us_jb_e',
          type: 'file',
          operation: 'extract',
          source: 'us_fl_1',
          status: 'ready',
          spaceId: 'us_sp_2',
          createdAt: new Date('2025-01-01T00:00:05Z'),
        },
      ],
    });
    return harness;
  }
  const ids = (page: { data: Array<{ id: string }> }) => page.data.map((job) => job.id);

  it('lists newest first, a page at a time', async () => {
    const { client } = await seeded();
    const first = await client.list();
    const second = await client.list({ pageNumber: 2 });

    expect(ids(first)).toEqual(['us_jb_e', 'us_jb_d', 'us_jb_c']);
    expect(first.pagination).toEqual({ currentPage: 1, pageCount: 2, totalCount: 5 });
    expect(ids(second)).toEqual(['us_jb_b', 'us_jb_a']);
    expect(second.pagination).toEqual({ currentPage: 2, pageCount: 2, totalCount: 5 });
  });

  it('lists oldest first on request, with a page size per call', async () => {
    const { client } = await seeded();
    const page = await client.list({ sortDirection: 'asc', pageSize: 2, pageNumber: 3 });
    expect(ids(page)).toEqual(['us_jb_e']);
    expect(page.pagination).toEqual({ currentPage: 3, pageCount: 3, totalCount: 5 });
  });

  it.each([
    [{ status: 'executing' as const }, ['us_jb_d', 'us_jb_c']],
    [{ status: ['complete', 'failed'] as const }, ['us_jb_b', 'us_jb_a']],
    [{ source: 'us_wb_1' }, ['us_jb_b', 'us_jb_a']],
    [{ operation: 'validate' }, ['us_jb_d', 'us_jb_c']],
    [{ type: 'file' as const }, ['us_jb_e']],
    [{ parentId: 'us_jb_c' }, ['us_jb_d']],
    [{ type: 'sheet' as const, excludeChildJobs: true }, ['us_jb_c']],
    [{ spaceId: 'us_sp_2' }, ['us_jb_e']],
  ])('filters by %j', async (filter, expected) => {
    const { client } = await seeded();
    expect(ids(await client.list(filter))).toEqual(expected);
  });

  it('answers an empty page past the end, and an empty list as one empty page', async () => {
    const { client } = await seeded();
    expect(await client.list({ pageNumber: 9 })).toEqual({
      data: [],
      pagination: { currentPage: 9, pageCount: 2, totalCount: 5 },
    });
    expect(await client.list({ source: 'nothing' })).toEqual({
      data: [],
      pagination: { currentPage: 1, pageCount: 1, totalCount: 0 },
    });
  });

  it('uses pages of 20 unless told otherwise', async () => {
    const { client } = setup();
    for (let index = 0; index < 21; index += 1) await client.create(exportWorkbook);
    const page = await client.list();
    expect(page.data).toHaveLength(20);
    expect(page.pagination).toEqual({ currentPage: 1, pageCount: 2, totalCount: 21 });
  });

  it('refuses page numbers and sizes below 1', async () => {
    const { client } = setup();
    await expect(client.list({ pageNumber: 0 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(client.list({ pageSize: -3 })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('abort signals', () => {
  it('reject at once with an AbortError when already aborted, and change nothing', async () => {
    const { client, events } = setup();
    const controller = new AbortController();
    controller.abort();

    const create = client.create(exportWorkbook, { signal: controller.signal });

    await expect(create).rejects.toBeInstanceOf(DOMException);
    await expect(create).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.snapshot()).toEqual([]);
    expect(events).toEqual([]);
  });

  it('reject a call aborted before it answers, even without latency', async () => {
    const { client } = setup();
    const controller = new AbortController();
    const create = client.create(exportWorkbook, { signal: controller.signal });
    controller.abort();
    await expect(create).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.snapshot()).toEqual([]);
  });

  it('reject a call aborted during its latency, which then changes nothing and leaves no timer', async () => {
    const { client, clock, events } = setup({ latency: 200 });
    const controller = new AbortController();
    const create = client.create(exportWorkbook, { signal: controller.signal });
    await clock.advance(100);

    controller.abort();

    await expect(create).rejects.toMatchObject({ name: 'AbortError' });
    await clock.advance(1000);
    expect(client.snapshot()).toEqual([]);
    expect(events).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('latency', () => {
  it('makes every call wait on the clock before it answers', async () => {
    const { client, clock, events } = setup({ latency: 300 });
    const created = client.create(exportWorkbook);
    const progress = track(created);

    await clock.advance(299);
    expect(progress.settled).toBe(false);
    expect(events).toEqual([]);

    await clock.advance(1);
    expect(progress.settled).toBe(true);
    expect((await created).createdAt).toEqual(new Date(START.getTime() + 300));
  });

  it('can differ per kind of call', async () => {
    const latency = (call: MemoryCall) => (call === 'list' ? 1000 : 10);
    const { client, clock } = setup({ latency });
    const listed = track(client.list());
    const fetched = track(client.get('us_jb_nope'));
    await clock.advance(10);
    expect(fetched.settled).toBe(true);
    expect(listed.settled).toBe(false);
    await clock.advance(990);
    expect(listed.settled).toBe(true);
  });
});
