// @vitest-environment node
// The adapter against the local Flatfile stand-in in the situations a real workspace meets: a long job
// history, bursts of events, clocks apart, events stored late, topics the kit does not know. Each
// scenario checks what a caller gets and how many requests it cost.
import { describe, expect, it, vi } from 'vitest';

import { ACTIVE_STATUSES, type JobEvent } from '../../src/core';
import { createFlatfileJobsClient, type FlatfileJobsClientOptions } from '../../src/flatfile';
import { jobEvent, SPACE_ID, submitExecuting, WORKBOOK_ID, workbookWithHistory } from './fixtures';
import { type FakeFlatfile, withFakeFlatfile } from './server';

let server: FakeFlatfile;
withFakeFlatfile((started) => {
  server = started;
});

function client(options: Partial<FlatfileJobsClientOptions> = {}) {
  return createFlatfileJobsClient({
    baseUrl: server.baseUrl,
    accessToken: 'sk_test_valid',
    spaceId: SPACE_ID,
    retry: { delayMs: 5 },
    poll: { activeMs: 20, idleMs: 20, maxMs: 40 },
    ...options,
  });
}

function history(finished: number, running = true): void {
  server.jobs.clear();
  for (const job of workbookWithHistory(finished, { running })) server.jobs.set(job.id, job);
}

const count = (route: string) => server.calls().filter((call) => call === route).length;
const activeLookup = { source: WORKBOOK_ID, status: ACTIVE_STATUSES, pageSize: 100 } as const;

describe('active jobs behind a long history', () => {
  it('finds the one running job behind 120 finished ones, in 2 requests, whatever order is asked', async () => {
    history(120);

    const newest = await client().list({ ...activeLookup, sortDirection: 'desc' });
    const oldest = await client().list({ ...activeLookup, sortDirection: 'asc' });

    expect(newest.data.map((job) => `${job.id} ${job.status} ${job.mode}`)).toEqual([
      `${submitExecuting.id} executing foreground`,
    ]);
    expect(oldest.data.map((job) => job.id)).toEqual([submitExecuting.id]);
    expect(newest.pagination).toEqual({ currentPage: 1, pageCount: 1, totalCount: 1 });
    // Newest first, 100 a page, until the short page: 2 requests per lookup.
    expect(count('GET /jobs')).toBe(4);
    const queries = server.requests.map((request) => Object.fromEntries(request.query));
    expect(queries.slice(0, 2)).toEqual([
      expect.objectContaining({ source: WORKBOOK_ID, pageSize: '100', pageNumber: '1', sortDirection: 'desc' }),
      expect.objectContaining({ source: WORKBOOK_ID, pageSize: '100', pageNumber: '2', sortDirection: 'desc' }),
    ]);
  });

  it('stops after 10 requests with 5,000 finished jobs, and says so in development', async () => {
    history(5000, false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const page = await client().list(activeLookup);

    expect(page.data).toEqual([]);
    expect(count('GET /jobs')).toBe(10);
    expect(String(warn.mock.calls[0]?.[1] ?? warn.mock.calls[0]?.[0])).toMatch(/stopped after 10 requests/);
  });

  it('finds a job started among the 1,000 newest of 5,000, within the same 10 requests', async () => {
    history(5000, false);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const recent = server.jobs.get('us_jb_Done04200');
    Object.assign(recent ?? {}, { status: 'executing', mode: 'foreground', finishedAt: undefined });

    const page = await client().list(activeLookup);

    expect(page.data.map((job) => job.id)).toEqual(['us_jb_Done04200']);
    expect(count('GET /jobs')).toBe(10);
  });

  it('keeps paging other status filters as before: one request, the page filtered', async () => {
    history(120);

    const page = await client().list({ source: WORKBOOK_ID, status: ['complete', 'failed'], pageSize: 100 });

    expect(page.data).toHaveLength(100);
    expect(page.pagination).toEqual({ currentPage: 1, pageCount: 2, totalCount: 121 });
    expect(count('GET /jobs')).toBe(1);
  });
});

type Json = Record<string, unknown>;

function event(id: string, at: number, topic = 'job:updated', status: string | undefined = 'executing'): Json {
  return jobEvent(id, topic as never, { ...submitExecuting, status }, new Date(at).toISOString());
}

function listen(c: ReturnType<typeof client>) {
  const received: JobEvent[] = [];
  const unsubscribe = c.subscribe((delivered) => received.push(delivered));
  const ids = () => received.map((delivered) => delivered.id);
  return { received, ids, unsubscribe };
}

const eventReads = () => count('GET /events');

describe('events: none lost, none doubled', () => {
  for (const order of ['asc', 'desc'] as const) {
    it(`delivers a burst of 1,000 events in one second listed ${order === 'asc' ? 'oldest' : 'newest'} first, once each, and the events after it`, async () => {
      server.eventOrder = order;
      const c = listen(client());
      await vi.waitFor(() => expect(eventReads()).toBeGreaterThan(0));
      const start = server.now();
      const burst = Array.from({ length: 1000 }, (_, index) =>
        event(`us_evt_B${String(index).padStart(4, '0')}`, start + index),
      );
      server.events.push(...burst);

      await vi.waitFor(() => expect(c.received.length).toBeGreaterThanOrEqual(1000), { timeout: 5000 });
      const after = server.now() + 1000;
      server.events.push(event('us_evt_After1', after), event('us_evt_After2', after + 1, 'job:completed', 'complete'));
      await vi.waitFor(() => expect(c.received.length).toBeGreaterThanOrEqual(1002), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      c.unsubscribe();

      expect(c.ids()).toEqual([...burst.map((raw) => raw.id), 'us_evt_After1', 'us_evt_After2']);
      expect(new Set(c.ids()).size).toBe(c.ids().length);
    });
  }

  for (const [name, offset] of [
    ['+5 min', 5 * 60_000],
    ['-5 min', -5 * 60_000],
  ] as const) {
    for (const sendDate of [true, false]) {
      it(`loses no event with the browser's clock ${name} off (${sendDate ? 'with' : 'without'} the Date header)`, async () => {
        server.sendDate = sendDate;
        vi.spyOn(Date, 'now').mockImplementation(() => performance.timeOrigin + performance.now() + offset);
        const c = listen(client());
        await vi.waitFor(() => expect(eventReads()).toBeGreaterThan(0));
        // A job created right after subscribing, then its progress a little later.
        server.events.push(event('us_evt_C1', server.now(), 'job:created', 'created'));
        await vi.waitFor(() => expect(c.ids()).toContain('us_evt_C1'));
        server.events.push(event('us_evt_C2', server.now()));
        await vi.waitFor(() => expect(c.ids()).toContain('us_evt_C2'));
        c.unsubscribe();

        expect(c.ids()).toEqual(['us_evt_C1', 'us_evt_C2']);
      });
    }
  }

  it('delivers an event stored 10 s after its createdAt, once, on the next late read', async () => {
    const c = listen(client({ poll: { activeMs: 20, idleMs: 20, maxMs: 40, lateEveryMs: 200 } }));
    await vi.waitFor(() => expect(eventReads()).toBeGreaterThan(0));
    const subscribedAt = server.now();
    server.advance(11_000);
    server.events.push(event('us_evt_OnTime', server.now()));
    await vi.waitFor(() => expect(c.ids()).toContain('us_evt_OnTime'));
    // Created a second after subscribing, stored only now, 10 s later: behind the cursor.
    server.events.push(event('us_evt_Late', subscribedAt + 1000));

    await vi.waitFor(() => expect(c.ids()).toContain('us_evt_Late'), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    c.unsubscribe();

    expect(c.ids()).toEqual(['us_evt_OnTime', 'us_evt_Late']);
  });

  it('delivers a job:* topic it does not know, so the kit reads the job again', async () => {
    const c = listen(client());
    await vi.waitFor(() => expect(eventReads()).toBeGreaterThan(0));
    server.events.push(event('us_evt_New', server.now(), 'job:paused', 'waiting'));

    await vi.waitFor(() => expect(c.ids()).toEqual(['us_evt_New']));
    c.unsubscribe();

    expect(c.received[0]).toMatchObject({
      topic: 'job:paused',
      context: { jobId: submitExecuting.id },
      payload: { status: 'waiting' },
    });
  });
});
