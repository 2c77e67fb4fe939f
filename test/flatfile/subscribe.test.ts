// @vitest-environment node
// `subscribe` against an injected `fetch` that plays Flatfile's `GET /events`, on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { JobEvent } from '../../src/core';
import { createFlatfileJobsClient, type FlatfileJobsClientOptions } from '../../src/flatfile';
import { ENVIRONMENT_ID, exportComplete, jobEvent, SPACE_ID, submitExecuting } from './fixtures';

const START = Date.parse('2025-03-04T10:00:00.000Z');
const at = (ms: number) => new Date(START + ms).toISOString();

type Json = Record<string, unknown>;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A fake Flatfile: `/events` filtered by `since` (inclusive), `POST /jobs` answering a created job. */
function fakeFlatfile() {
  const events: Json[] = [];
  const reads: { time: number; query: URLSearchParams; signal: AbortSignal | undefined }[] = [];
  const overrides: (() => Response)[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const { pathname, searchParams } = new URL(url);
    if (pathname.endsWith('/jobs') && init.method === 'POST') {
      return json({
        data: {
          ...submitExecuting,
          id: 'us_jb_New1',
          status: 'created',
          progress: 0,
          updatedAt: new Date().toISOString(),
        },
      });
    }
    if (pathname.includes('/jobs/')) {
      // Stuck: still "executing", last changed two hours ago.
      return json({ data: { ...submitExecuting, updatedAt: '2025-03-04T08:00:00.000Z' } });
    }
    reads.push({ time: Date.now() - START, query: searchParams, signal: init.signal ?? undefined });
    const override = overrides.shift();
    if (override) return override();
    const since = searchParams.get('since') ?? '';
    const pageSize = Number(searchParams.get('pageSize') ?? 10);
    const offset = (Number(searchParams.get('pageNumber') ?? 1) - 1) * pageSize;
    // Newest first, as a list endpoint would have it: the client orders them itself.
    const matching = events.filter((event) => String(event.createdAt) >= since).reverse();
    return json({ data: matching.slice(offset, offset + pageSize) });
  });
  return { events, reads, overrides, fetch, times: () => reads.map((read) => read.time) };
}

let api: ReturnType<typeof fakeFlatfile>;

function client(options: Partial<FlatfileJobsClientOptions> = {}) {
  return createFlatfileJobsClient({
    baseUrl: 'http://127.0.0.1:9/api/v1',
    accessToken: 'sk_test_valid',
    spaceId: SPACE_ID,
    fetch: api.fetch,
    ...options,
  });
}

function collect(c: ReturnType<typeof client>) {
  const received: JobEvent[] = [];
  const unsubscribe = c.subscribe((event) => received.push(event));
  return { received, unsubscribe };
}

const executing = (id: string, ms: number, status = 'executing') =>
  jobEvent(id, 'job:updated', { ...submitExecuting, status }, at(ms));

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  api = fakeFlatfile();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('subscribe', () => {
  it('starts nothing until the first listener: no timer, no request', () => {
    client();

    expect(vi.getTimerCount()).toBe(0);
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it('reads the space’s job events at once, one request for all jobs', async () => {
    const { unsubscribe } = collect(client({ environmentId: ENVIRONMENT_ID }));
    await vi.advanceTimersByTimeAsync(0);

    expect(api.reads).toHaveLength(1);
    expect(Object.fromEntries(api.reads[0]?.query ?? [])).toEqual({
      spaceId: SPACE_ID,
      environmentId: ENVIRONMENT_ID,
      domain: 'job',
      // The server's clock is not known yet: the first read reaches back as far as the clocks may differ.
      since: at(-603_000),
      includeAcknowledged: 'true',
      pageSize: '100',
      pageNumber: '1',
    });
    unsubscribe();
  });

  it('delivers job events in order as the kit’s JobEvents, without the job (the kit reads it)', async () => {
    const { received, unsubscribe } = collect(client());
    api.events.push(
      jobEvent('us_evt_1', 'job:created', { ...submitExecuting, status: 'created' }, at(100)),
      jobEvent('us_evt_2', 'job:updated', { ...submitExecuting, status: 'executing', info: 'Accepted' }, at(200)),
      { ...jobEvent('us_evt_x', 'job:updated', submitExecuting, at(250)), topic: 'workbook:updated' },
    );
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((event) => `${event.topic} ${event.payload.status}`)).toEqual([
      'job:created created',
      'job:updated executing',
    ]);
    expect(received[1]).toEqual({
      id: 'us_evt_2',
      domain: 'job',
      topic: 'job:updated',
      payload: {
        domain: 'workbook',
        operation: 'submitActionFg',
        job: 'workbook:submitActionFg',
        status: 'executing',
        info: 'Accepted',
        isPart: false,
      },
      context: expect.objectContaining({ jobId: submitExecuting.id, spaceId: SPACE_ID }),
      createdAt: new Date(at(200)),
    });
    expect(received[1]).not.toHaveProperty('job');
    unsubscribe();
  });

  it('passes on the file, the document and the preceding event named by an event’s context', async () => {
    const { received, unsubscribe } = collect(client());
    const event = jobEvent('us_evt_1', 'job:created', { ...submitExecuting, status: 'created' }, at(100));
    event.context = {
      ...event.context,
      fileId: 'us_fl_1',
      documentId: 'us_dc_1',
      precedingEventId: 'us_evt_0',
      namespaces: ['workbook'],
    };
    api.events.push(event);
    await vi.advanceTimersByTimeAsync(0);

    expect(received[0]?.context).toMatchObject({
      jobId: submitExecuting.id,
      fileId: 'us_fl_1',
      documentId: 'us_dc_1',
      precedingEventId: 'us_evt_0',
    });
    expect(received[0]?.context).not.toHaveProperty('namespaces');
    unsubscribe();
  });

  it('moves its cursor past what it delivered and never delivers an event twice', async () => {
    const { received, unsubscribe } = collect(client());
    api.events.push(executing('us_evt_1', 100));
    await vi.advanceTimersByTimeAsync(0);
    api.events.push(
      executing('us_evt_2', 900),
      jobEvent('us_evt_3', 'job:updated', { ...submitExecuting, status: 'cancelled' }, at(900)),
    );
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(5000);

    // From the newest event delivered, or the server's clock as known from below (the event stamped 100 ms
    // arrived at 0 ms: the server is at least 100 ms ahead), less 3 s.
    expect(api.reads.map((read) => read.query.get('since'))).toEqual([at(-603_000), at(100 - 3000), at(1100 - 3000)]);
    expect(received.map((event) => event.id)).toEqual(['us_evt_1', 'us_evt_2', 'us_evt_3']);
    expect(received[2]?.payload.status).toBe('canceled');
    unsubscribe();
  });

  it('reads further pages when a page of events is full, within one poll', async () => {
    const { received, unsubscribe } = collect(client());
    for (let index = 0; index < 150; index += 1)
      api.events.push(executing(`us_evt_${String(index).padStart(3, '0')}`, 10 + index));
    await vi.advanceTimersByTimeAsync(0);

    expect(api.reads.map((read) => read.query.get('pageNumber'))).toEqual(['1', '2']);
    expect(received).toHaveLength(150);
    expect(new Set(received.map((event) => event.id)).size).toBe(150);
    unsubscribe();
  });

  it('reads every second while a job is active, then backs off while idle up to maxMs', async () => {
    const { unsubscribe } = collect(client());
    api.events.push(executing('us_evt_1', 0));
    await vi.advanceTimersByTimeAsync(3000);
    api.events.push(jobEvent('us_evt_2', 'job:completed', { ...submitExecuting, status: 'complete' }, at(3000)));
    await vi.advanceTimersByTimeAsync(100_000);

    // Every second while active; the read at 4 s brings the completion; then 5 s, 10 s, 20 s, 30 s, 30 s apart.
    expect(api.times()).toEqual([0, 1000, 2000, 3000, 4000, 9000, 19_000, 39_000, 69_000, 99_000]);
    unsubscribe();
  });

  it('delivers a job:* topic it does not know (the kit reads the job again), and no other domain', async () => {
    const { received, unsubscribe } = collect(client());
    api.events.push(
      { ...executing('us_evt_1', 100), topic: 'job:rescheduled' },
      { ...executing('us_evt_2', 200), topic: 'jobs:updated' },
      { ...executing('us_evt_3', 300), topic: 'sheet:updated' },
    );
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((event) => `${event.topic} ${event.context.jobId}`)).toEqual([
      `job:rescheduled ${submitExecuting.id}`,
    ]);
    unsubscribe();
  });

  it('keeps reading fast after a parts count that carries no status: the parent is still running', async () => {
    const { received, unsubscribe } = collect(client());
    api.events.push(executing('us_evt_1', 0));
    await vi.advanceTimersByTimeAsync(1000);
    const parts = jobEvent('us_evt_2', 'job:parts-completed', { ...submitExecuting, status: undefined }, at(1000));
    Object.assign(parts.payload, { parts: { total: 4, completed: 4, failed: 0, canceled: 0 } });
    api.events.push(parts);
    await vi.advanceTimersByTimeAsync(4000);

    expect(received.map((event) => event.topic)).toEqual(['job:updated', 'job:parts-completed']);
    expect(received[1]?.payload.parts).toEqual({ total: 4, completed: 4, failed: 0, canceled: 0 });
    // Still every second: the parts count did not make the parent look ended (or unknown).
    expect(api.times()).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    unsubscribe();
  });

  it('reads sooner as soon as the client itself starts a job', async () => {
    const c = client();
    const { unsubscribe } = collect(c);
    await vi.advanceTimersByTimeAsync(25_000); // idle: reads at 0 and 10 s; the next is due at 30 s

    await c.create({ type: 'workbook', operation: 'submitActionFg', source: submitExecuting.source });
    await vi.advanceTimersByTimeAsync(1000);

    expect(api.times()).toEqual([0, 10_000, 26_000]);
    unsubscribe();
  });

  it('is not sped up by a job stuck in an active status for long', async () => {
    const c = client();
    const { unsubscribe } = collect(c);
    await vi.advanceTimersByTimeAsync(25_000);

    expect((await c.get(submitExecuting.id)).status).toBe('executing');
    await vi.advanceTimersByTimeAsync(5000);

    expect(api.times()).toEqual([0, 10_000, 30_000]);
    unsubscribe();
  });

  it('backs off after failures and honours Retry-After', async () => {
    const onError = vi.fn();
    const { unsubscribe } = collect(client({ onError, retry: { attempts: 1 } }));
    api.overrides.push(
      () => json({ errors: [{ message: 'Internal error' }] }, 500),
      () => json({ errors: [{ message: 'Internal error' }] }, 500),
      () => json({ errors: [{ message: 'Slow down' }] }, 429, { 'retry-after': '45' }),
    );
    await vi.advanceTimersByTimeAsync(200_000);

    // Failures at 0 and 5 s wait 5 s then 10 s; the 429 at 15 s asks for 45 s (more than maxMs); then quiet reads.
    expect(api.times().slice(0, 5)).toEqual([0, 5000, 15_000, 60_000, 70_000]);
    expect(onError.mock.calls.map(([error]) => (error as { code: string }).code)).toEqual([
      'server',
      'server',
      'rate-limited',
    ]);
    unsubscribe();
  });

  it('leaves no timer and aborts the request in flight when the last listener leaves', async () => {
    api.fetch.mockImplementationOnce(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          api.reads.push({ time: Date.now() - START, query: new URLSearchParams(), signal: init.signal ?? undefined });
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const c = client();
    const first = collect(c);
    const second = collect(c);
    await vi.advanceTimersByTimeAsync(0);

    first.unsubscribe();
    expect(api.reads[0]?.signal?.aborted).toBe(false);
    second.unsubscribe();
    second.unsubscribe();

    expect(api.reads[0]?.signal?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.reads).toHaveLength(1);
  });

  it('leaves no timer when the last listener leaves from inside its own callback', async () => {
    const c = client();
    const unsubscribe = c.subscribe(() => unsubscribe());
    api.events.push(executing('us_evt_1', 10));
    await vi.advanceTimersByTimeAsync(0);

    expect(api.reads).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one listener’s error from the others, and skips malformed events with a warning', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const c = client();
    const thrower = c.subscribe(() => {
      throw new Error('listener bug');
    });
    const { received, unsubscribe } = collect(c);
    api.events.push(
      { ...executing('us_evt_bad', 50), context: { spaceId: SPACE_ID } },
      jobEvent('us_evt_ok', 'job:completed', { ...exportComplete, status: 'complete' }, at(60)),
    );
    await vi.advanceTimersByTimeAsync(0);

    expect(received.map((event) => event.id)).toEqual(['us_evt_ok']);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('context.jobId is missing');
    thrower();
    unsubscribe();
    expect(vi.getTimerCount()).toBe(0);
  });
});
