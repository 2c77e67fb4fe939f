// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

import { type JobEvent, JobsClientError } from '../../src/core';
import { createFlatfileJobsClient, type FlatfileJobsClientOptions } from '../../src/flatfile';
import {
  cancelledSpelling,
  ENVIRONMENT_ID,
  exportComplete,
  extractPart,
  FILE_ID,
  progressOver100,
  SPACE_ID,
  submitExecuting,
  submitFailed,
  flatfileEvents,
  WORKBOOK_ID,
} from './fixtures';
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

describe('createFlatfileJobsClient: jobs', () => {
  it('gets a job by id with a bearer token, dates as Dates and the ETA passed through', async () => {
    const job = await client().get(submitExecuting.id);

    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk_test_valid');
    expect(server.requests[0]?.headers['x-disable-hooks']).toBe('true');
    expect(server.calls()).toEqual([`GET /jobs/${submitExecuting.id}`]);
    expect(job).toMatchObject({
      id: submitExecuting.id,
      type: 'workbook',
      operation: 'submitActionFg',
      status: 'executing',
      progress: 42,
      mode: 'foreground',
      info: 'Sending 1,204 records to the CRM',
      spaceId: SPACE_ID,
      createdAt: new Date('2025-03-04T10:00:00.000Z'),
      estimatedCompletionAt: new Date('2025-03-04T10:00:50.000Z'),
    });
  });

  it('reads the docs’ “cancelled” as canceled and clamps progress past 100', async () => {
    const c = client();

    expect((await c.get(cancelledSpelling.id as string)).status).toBe('canceled');
    expect((await c.get(progressOver100.id as string)).progress).toBe(100);
  });

  it('keeps an outcome’s `next` as Flatfile sent it', async () => {
    const job = await client().get(exportComplete.id);

    expect(job.outcome).toEqual(exportComplete.outcome);
  });

  it('lists with Flatfile’s filters in the query and the server’s pagination', async () => {
    const page = await client({ environmentId: ENVIRONMENT_ID }).list({
      workbookId: WORKBOOK_ID,
      fileId: FILE_ID,
      parentId: 'us_jb_Pa1rE9nT',
      source: FILE_ID,
      excludeChildJobs: false,
      pageSize: 5,
      pageNumber: 1,
      sortDirection: 'asc',
    });

    const query = Object.fromEntries(server.requests[0]?.query ?? []);
    expect(query).toEqual({
      spaceId: SPACE_ID,
      environmentId: ENVIRONMENT_ID,
      workbookId: WORKBOOK_ID,
      fileId: FILE_ID,
      parentId: 'us_jb_Pa1rE9nT',
      source: FILE_ID,
      excludeChildJobs: 'false',
      pageSize: '5',
      pageNumber: '1',
      sortDirection: 'asc',
    });
    expect(page.data.map((job) => job.id)).toEqual([extractPart.id]);
    expect(page.pagination).toEqual({ currentPage: 1, pageCount: 1, totalCount: 1 });
  });

  it('applies status, operation and type itself, to the page the server sent', async () => {
    const page = await client().list({ status: ['complete', 'failed'], type: 'workbook', pageSize: 6 });

    const query = server.requests[0]?.query;
    expect(query?.has('status')).toBe(false);
    expect(query?.has('type')).toBe(false);
    // The server's first page of six holds three complete or failed workbook jobs.
    expect(page.data.map((job) => job.id)).toEqual([exportComplete.id, 'us_jb_Fs9wE4hM', submitFailed.id]);
    expect(page.pagination?.totalCount).toBe(13);
  });

  it('leaves out a listed entry that is no job, with a warning naming the field, and keeps the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    server.queue('GET /jobs', {
      body: {
        data: [submitExecuting, { ...exportComplete, id: 7 }],
        pagination: { currentPage: 1, pageCount: 1, totalCount: 2 },
      },
    });

    const page = await client().list();

    expect(page.data.map((job) => job.id)).toEqual([submitExecuting.id]);
    expect(String(warn.mock.calls[0]?.[1])).toContain('data[1].id must be a string, got number');
  });

  it('refuses page numbers that are no whole number ≥ 1 without asking the server', async () => {
    await expect(client().list({ pageNumber: 0 })).rejects.toMatchObject({ code: 'invalid' });
    expect(server.requests).toHaveLength(0);
  });

  it('creates a job with POST /jobs, sending the config as JSON with the environment', async () => {
    const job = await client({ environmentId: ENVIRONMENT_ID }).create({
      type: 'workbook',
      operation: 'export',
      source: WORKBOOK_ID,
      mode: 'foreground',
      input: { format: 'csv' },
    });

    expect(server.calls()).toEqual(['POST /jobs']);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(server.requests[0]?.body).toEqual({
      type: 'workbook',
      operation: 'export',
      source: WORKBOOK_ID,
      mode: 'foreground',
      input: { format: 'csv' },
      environmentId: ENVIRONMENT_ID,
    });
    expect(job).toMatchObject({ id: 'us_jb_New1', status: 'created', operation: 'export' });
  });

  it('cancels, acknowledges outcomes and retries through their endpoints', async () => {
    const c = client();

    expect((await c.cancel(submitExecuting.id)).status).toBe('canceled');
    expect((await c.acknowledgeOutcome(exportComplete.id)).outcomeAcknowledgedAt).toBeInstanceOf(Date);
    expect((await c.retry(submitFailed.id)).status).toBe('ready');
    expect(server.calls()).toEqual([
      `POST /jobs/${submitExecuting.id}/cancel`,
      `POST /jobs/${exportComplete.id}/outcome/ack`,
      `POST /jobs/${submitFailed.id}/retry`,
    ]);
  });

  it('says which field is wrong when an answer is malformed', async () => {
    server.queue('GET /jobs/:id', { body: { data: { ...submitExecuting, operation: undefined } } });
    server.queue('GET /jobs/:id', { body: { job: submitExecuting } });
    server.queue('GET /jobs/:id', { raw: '<html>Bad gateway</html>' });
    server.queue('GET /jobs/:id', { body: { data: null } });
    const c = client();

    await expect(c.get(submitExecuting.id)).rejects.toThrow(/malformed job: data\.operation is required/);
    await expect(c.get(submitExecuting.id)).rejects.toThrow(/without `data`/);
    await expect(c.get(submitExecuting.id)).rejects.toThrow(/not JSON/);
    const error = await c.get(submitExecuting.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobsClientError);
    expect(error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/data must be an object, got null/),
    });
  });
});

describe('createFlatfileJobsClient: events over HTTP', () => {
  it('turns the events list into JobEvents for one subscriber, and stops when it leaves', async () => {
    const now = Date.now();
    server.events.push(
      ...flatfileEvents.map((event, index) => ({ ...event, createdAt: new Date(now + index).toISOString() })),
    );
    const received: JobEvent[] = [];

    const unsubscribe = client().subscribe((event) => received.push(event));
    await vi.waitFor(() => expect(received).toHaveLength(flatfileEvents.length));
    unsubscribe();

    expect(received.map((event) => `${event.topic} ${event.payload.status}`)).toEqual([
      'job:created created',
      'job:ready ready',
      'job:updated executing',
      'job:updated executing',
      'job:completed complete',
    ]);
    const read = server.requests.find((request) => request.path === '/events');
    expect(read?.query.get('domain')).toBe('job');
    expect(read?.query.get('spaceId')).toBe(SPACE_ID);
    const reads = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(server.requests).toHaveLength(reads);
  });
});
