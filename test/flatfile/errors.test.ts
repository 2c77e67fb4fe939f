// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it, vi } from 'vitest';

import { isRetryableError, JobsClientError } from '../../src/core';
import { createFlatfileJobsClient, type FlatfileJobsClientOptions, parseRetryAfter } from '../../src/flatfile';
import { SPACE_ID, submitExecuting, WORKBOOK_ID } from './fixtures';
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
    ...options,
  });
}

const exportConfig = { type: 'workbook', operation: 'export', source: WORKBOOK_ID } as const;
const flatfileError = (message: string) => ({ errors: [{ message }] });

describe('authorization', () => {
  it('asks getAccessToken lazily, once, and again after a 401; the fresh token succeeds', async () => {
    server.tokens.clear();
    server.tokens.add('tok_2');
    const getAccessToken = vi.fn<() => Promise<string>>().mockResolvedValueOnce('tok_1').mockResolvedValueOnce('tok_2');
    const c = client({ accessToken: undefined, getAccessToken });
    expect(getAccessToken).not.toHaveBeenCalled();

    const job = await c.get(submitExecuting.id);
    await c.get(submitExecuting.id);

    expect(job.id).toBe(submitExecuting.id);
    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer tok_1',
      'Bearer tok_2',
      'Bearer tok_2',
    ]);
  });

  it('renews the token for a create refused with 401: the server refused it, so nothing was started twice', async () => {
    server.tokens.clear();
    server.tokens.add('tok_2');
    const c = client({ accessToken: 'tok_1', getAccessToken: () => 'tok_2' });

    await c.create(exportConfig);

    expect(server.calls()).toEqual(['POST /jobs', 'POST /jobs']);
    expect(server.jobs.has('us_jb_New1')).toBe(true);
    expect(server.jobs.has('us_jb_New2')).toBe(false);
  });

  it('gives up with `unauthorized` when the renewed token is refused too, saying why', async () => {
    const getAccessToken = vi.fn(async () => 'tok_expired');
    const error = await client({ accessToken: undefined, getAccessToken })
      .get(submitExecuting.id)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JobsClientError);
    expect(error).toMatchObject({
      code: 'unauthorized',
      status: 401,
      message: expect.stringMatching(/missing, invalid or expired.*invalid or expired token/),
    });
    expect(getAccessToken).toHaveBeenCalledTimes(2);
    expect(server.requests).toHaveLength(2);
  });

  it('fails at once with `unauthorized` for a fixed token: there is no other to try', async () => {
    await expect(client({ accessToken: 'sk_test_revoked' }).list()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports 403 as `forbidden` after one renewal', async () => {
    server.queue(
      'GET /jobs/:id',
      { status: 403, body: flatfileError('Forbidden') },
      { status: 403, body: flatfileError('Forbidden') },
    );
    const getAccessToken = vi.fn(() => 'sk_test_valid');

    await expect(client({ getAccessToken }).get(submitExecuting.id)).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      message: expect.stringMatching(/lacks the rights/),
    });
    expect(getAccessToken).toHaveBeenCalledTimes(1);
  });
});

describe('HTTP errors', () => {
  it('maps 404 to `not-found`, naming the job', async () => {
    await expect(client().get('us_jb_Gone0000')).rejects.toMatchObject({
      code: 'not-found',
      status: 404,
      message: expect.stringMatching(/no job us_jb_Gone0000.*Job us_jb_Gone0000 not found/),
    });
  });

  it('maps 409 to `conflict` and 400/422 to `invalid`, with Flatfile’s message', async () => {
    server.queue('POST /jobs', { status: 422, body: flatfileError('source must be a valid id') });

    await expect(client().cancel('us_jb_Ex7pK2wL')).rejects.toMatchObject({ code: 'conflict', status: 409 });
    await expect(client().retry(submitExecuting.id)).rejects.toMatchObject({
      code: 'invalid',
      status: 400,
      message: expect.stringMatching(/Only failed jobs/),
    });
    await expect(client().create(exportConfig)).rejects.toMatchObject({
      code: 'invalid',
      status: 422,
      message: expect.stringMatching(/source must be a valid id/),
    });
  });

  it('repeats a read after a 500 and answers with the second try', async () => {
    server.queue(
      'GET /jobs/:id',
      { status: 500, body: flatfileError('Internal error') },
      { status: 502, raw: 'Bad gateway' },
    );

    const job = await client().get(submitExecuting.id);

    expect(job.id).toBe(submitExecuting.id);
    expect(server.calls()).toEqual(Array(3).fill(`GET /jobs/${submitExecuting.id}`));
  });

  it('repeats a read after a 408 like the SDK does, but never a write', async () => {
    server.queue('GET /jobs/:id', { status: 408, body: flatfileError('Request timeout') });
    server.queue('POST /jobs', { status: 408, body: flatfileError('Request timeout') });

    const job = await client().get(submitExecuting.id);
    const error = await client()
      .create(exportConfig)
      .catch((e: unknown) => e);

    expect(job.id).toBe(submitExecuting.id);
    expect(error).toMatchObject({ code: 'server', status: 408, message: expect.stringMatching(/timed out/) });
    expect(server.calls()).toEqual([
      `GET /jobs/${submitExecuting.id}`,
      `GET /jobs/${submitExecuting.id}`,
      'POST /jobs',
    ]);
    expect(server.requests.map((request) => request.headers['x-disable-hooks'])).toEqual(['true', 'true', 'true']);
  });

  it('stops repeating a read after three tries with a retryable `server` error', async () => {
    server.queue('GET /jobs', ...Array(5).fill({ status: 503, body: flatfileError('Unavailable') }));

    const error = await client()
      .list()
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'server', status: 503, attempts: 3 });
    // Repeated here already: the kit does not repeat it again (3 requests, not 3 × 3).
    expect(isRetryableError(error)).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('never repeats a create after a 500: the server saw exactly one POST', async () => {
    server.queue('POST /jobs', { status: 500, body: flatfileError('Internal error') });

    await expect(client().create(exportConfig)).rejects.toMatchObject({ code: 'server', status: 500 });
    expect(server.calls()).toEqual(['POST /jobs']);
  });

  it('never repeats cancel, acknowledge or retry after a 5xx', async () => {
    for (const route of ['POST /jobs/:id/cancel', 'POST /jobs/:id/outcome/ack', 'POST /jobs/:id/retry'])
      server.queue(route, { status: 502 });
    const c = client();

    await expect(c.cancel(submitExecuting.id)).rejects.toMatchObject({ code: 'server' });
    await expect(c.acknowledgeOutcome(submitExecuting.id)).rejects.toMatchObject({ code: 'server' });
    await expect(c.retry(submitExecuting.id)).rejects.toMatchObject({ code: 'server' });
    expect(server.requests).toHaveLength(3);
  });

  it('waits out a 429’s Retry-After on a read, then succeeds', async () => {
    server.queue('GET /jobs/:id', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: flatfileError('Too many requests'),
    });
    const started = Date.now();

    const job = await client().get(submitExecuting.id);

    expect(job.id).toBe(submitExecuting.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it('fails a create on 429 at once, with retryAfterMs from the header, and does not send it again', async () => {
    server.queue('POST /jobs', { status: 429, headers: { 'retry-after': '30' } });

    await expect(client().create(exportConfig)).rejects.toMatchObject({
      code: 'rate-limited',
      status: 429,
      retryAfterMs: 30_000,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('does not wait longer than maxWaitMs: a long Retry-After fails the read with `rate-limited`', async () => {
    server.queue('GET /jobs', { status: 429, headers: { 'retry-after': '120' } });

    await expect(client({ retry: { maxWaitMs: 1000 } }).list()).rejects.toMatchObject({
      code: 'rate-limited',
      retryAfterMs: 120_000,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-04T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 04 Mar 2025 10:00:12 GMT', now)).toBe(12_000);
    expect(parseRetryAfter('Tue, 04 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('network and abort', () => {
  it('maps a refused connection to `network`, repeating reads but not a create', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const fetches = vi.fn((url: string, init: RequestInit) => fetch(url, init));
    const c = client({ baseUrl: `http://127.0.0.1:${port}/api/v1`, fetch: fetches });

    await expect(c.get(submitExecuting.id)).rejects.toMatchObject({ code: 'network' });
    expect(fetches).toHaveBeenCalledTimes(3);
    fetches.mockClear();
    await expect(c.create(exportConfig)).rejects.toMatchObject({ code: 'network' });
    expect(fetches).toHaveBeenCalledTimes(1);
  });

  it('rejects with an AbortError when the signal fires during a slow answer', async () => {
    server.queue('GET /jobs/:id', { delayMs: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);

    const error = await client()
      .get(submitExecuting.id, { signal: controller.signal })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('rejects with an AbortError while waiting to repeat a read, without trying again', async () => {
    server.queue('GET /jobs', { status: 503 });
    const controller = new AbortController();
    const pending = client({ retry: { delayMs: 5000 } }).list({}, { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects with an AbortError while getAccessToken is still pending', async () => {
    const controller = new AbortController();
    const pending = client({ accessToken: undefined, getAccessToken: () => new Promise<string>(() => {}) }).get(
      submitExecuting.id,
      { signal: controller.signal },
    );
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toHaveLength(0);
  });

  it('never sends a request when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();

    await expect(client().create(exportConfig, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(server.requests).toHaveLength(0);
  });
});
