// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createJobsHandler, memoryBackend, type JobsHandler, type MemoryBackend } from '../../src/server';
import { as, bearerCaller } from './helpers';

let backend: MemoryBackend;
let jobs: JobsHandler;

beforeEach(() => {
  backend = memoryBackend({
    handlers: {
      'workbook:export': async (_job, { tick }) => {
        await tick(50, 'Halfway');
        return { outcome: { message: 'Exported' } };
      },
      'workbook:fail': () => {
        throw new Error('Broken sheet');
      },
    },
    operations: ['sheet:slow'],
  });
  jobs = createJobsHandler({
    backend,
    authorize: bearerCaller,
    basePath: '/api',
    maxBodyBytes: 1024,
    onError: () => {},
  });
});

afterEach(async () => {
  jobs.close();
  await backend.close();
});

function call(
  method: string,
  path: string,
  { user, body, headers = {} }: { user?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const init: RequestInit = { method, headers: { ...(user === undefined ? {} : as(user)), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  return jobs.handle(new Request(`http://jobs.test/api${path}`, init));
}

async function json(response: Response | Promise<Response>) {
  const answer = await response;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON the server answered, field by field
  return { status: answer.status, body: (await answer.json()) as Record<string, any> };
}

const exportJob = { type: 'workbook', operation: 'export', source: 'us_wb_1' };

async function settle(jobId: string, status: string) {
  for (let i = 0; i < 100; i++) {
    const { body } = await json(call('GET', `/jobs/${jobId}`, { user: 'alice' }));
    if (body.data.status === status) return body.data;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

describe('the jobs protocol on the memory backend', () => {
  it('creates a job for the caller, runs it and answers it in Flatfile’s shape', async () => {
    const created = await json(call('POST', '/jobs', { user: 'alice', body: exportJob }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      type: 'workbook',
      operation: 'export',
      source: 'us_wb_1',
      createdBy: 'alice',
    });
    expect(typeof created.body.data.createdAt).toBe('string');

    const done = await settle(created.body.data.id, 'complete');
    expect(done).toMatchObject({ progress: 100, outcome: { message: 'Exported' }, createdBy: 'alice' });
  });

  it('lists with filters applied on the server, status included, and pages', async () => {
    const first = await json(call('POST', '/jobs', { user: 'alice', body: exportJob }));
    const second = await json(call('POST', '/jobs', { user: 'alice', body: { ...exportJob, operation: 'fail' } }));
    await json(call('POST', '/jobs', { user: 'alice', body: { ...exportJob, type: 'sheet', operation: 'slow' } }));
    await settle(first.body.data.id, 'complete');

    const complete = await json(call('GET', '/jobs?status=complete', { user: 'alice' }));
    expect(complete.body.data.map((job: { operation: string }) => job.operation)).toEqual(['export']);
    await settle(second.body.data.id, 'failed');
    const several = await json(call('GET', '/jobs?status=complete&status=failed', { user: 'alice' }));
    expect(several.body.data.map((job: { operation: string }) => job.operation).sort()).toEqual(['export', 'fail']);
    const sheets = await json(call('GET', '/jobs?type=sheet', { user: 'alice' }));
    expect(sheets.body.data).toHaveLength(1);
    const paged = await json(call('GET', '/jobs?pageSize=2&pageNumber=2', { user: 'alice' }));
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.pagination).toEqual({ currentPage: 2, pageCount: 2, totalCount: 3 });
  });

  it('cancels, retries and acknowledges, and refuses what the job’s state does not allow', async () => {
    const slow = await json(
      call('POST', '/jobs', { user: 'alice', body: { type: 'sheet', operation: 'slow', source: 'us_sh_1' } }),
    );
    const canceled = await json(call('POST', `/jobs/${slow.body.data.id}/cancel`, { user: 'alice' }));
    expect(canceled.body.data.status).toBe('canceled');

    const failing = await json(call('POST', '/jobs', { user: 'alice', body: { ...exportJob, operation: 'fail' } }));
    const failed = await settle(failing.body.data.id, 'failed');
    expect(failed.outcome.message).toBe('Broken sheet');
    const ack = await json(call('POST', `/jobs/${failed.id}/outcome/acknowledge`, { user: 'alice', body: {} }));
    expect(typeof ack.body.data.outcomeAcknowledgedAt).toBe('string');
    const retried = await json(call('POST', `/jobs/${failed.id}/retry`, { user: 'alice' }));
    expect(retried.status).toBe(200);
    expect(retried.body.data.status).not.toBe('failed');

    const again = await json(call('POST', `/jobs/${slow.body.data.id}/retry`, { user: 'alice' }));
    expect(again.status).toBe(409);
    expect(again.body.errors[0].message).toMatch(/retry|failed/i);
  });

  it('answers 401 with Flatfile’s error body to a caller authorize does not know, and changes nothing', async () => {
    for (const [method, path] of [
      ['GET', '/jobs'],
      ['POST', '/jobs'],
      ['GET', '/events'],
      ['GET', '/jobs/us_jb_1'],
    ] as const) {
      const answer = await json(call(method, path, { body: method === 'POST' ? exportJob : undefined }));
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ errors: [{ message: 'Authentication is required to use jobs' }] });
    }
    expect(backend.engine.snapshot()).toHaveLength(0);
  });

  it('keeps each user to their own jobs: others’ are filtered from lists and refused with 403, unchanged', async () => {
    const bobs = await json(
      call('POST', '/jobs', { user: 'bob', body: { type: 'sheet', operation: 'slow', source: 'us_sh_1' } }),
    );
    await json(call('POST', '/jobs', { user: 'alice', body: { type: 'sheet', operation: 'slow', source: 'us_sh_2' } }));
    const id = bobs.body.data.id;

    const list = await json(call('GET', '/jobs', { user: 'alice' }));
    expect(list.body.data.map((job: { source: string }) => job.source)).toEqual(['us_sh_2']);
    expect(list.body.pagination.totalCount).toBe(1);
    for (const [method, path] of [
      ['GET', ''],
      ['POST', '/cancel'],
      ['POST', '/retry'],
      ['POST', '/outcome/acknowledge'],
    ] as const) {
      const answer = await json(call(method, `/jobs/${id}${path}`, { user: 'alice' }));
      expect(answer.status).toBe(403);
      expect(answer.body.errors[0].message).toBe(`You may not access job ${id}`);
    }
    expect((await json(call('GET', `/jobs/${id}`, { user: 'bob' }))).body.data.status).not.toBe('canceled');
    const all = await json(call('GET', '/jobs', { user: 'admin' }));
    expect(all.body.data).toHaveLength(2);
  });
});

describe('bad input', () => {
  it('refuses each invalid field of a new job with a 400 that names it', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...exportJob, type: 'planet' }, 'type'],
      [{ ...exportJob, operation: '' }, 'operation'],
      [{ type: 'workbook', operation: 'export' }, 'source'],
      [{ ...exportJob, mode: 'loud' }, 'mode'],
      [{ ...exportJob, trigger: 'manual' }, 'trigger'],
      [{ ...exportJob, input: [1, 2] }, 'input'],
      [{ ...exportJob, status: 'complete' }, 'status'],
      [{ ...exportJob, subject: { type: 'resource' } }, 'subject.id'],
      [[exportJob], 'body'],
      [{ ...exportJob, operation: 'launch' }, 'operation'],
    ];
    for (const [body, key] of cases) {
      const answer = await json(call('POST', '/jobs', { user: 'alice', body }));
      expect(answer.status, key).toBe(400);
      expect(answer.body.errors[0].key).toBe(key);
      expect(answer.body.errors[0].message).toMatch(new RegExp(`^${key.replace('.', '\\.')} `));
    }
    expect(backend.engine.snapshot()).toHaveLength(0);
  });

  it('refuses a body that is not JSON, too large, or sent to an action that takes none', async () => {
    expect((await call('POST', '/jobs', { user: 'alice', body: '{nope' })).status).toBe(400);
    expect(
      (
        await call('POST', '/jobs', {
          user: 'alice',
          body: JSON.stringify(exportJob),
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    const large = await json(call('POST', '/jobs', { user: 'alice', body: { ...exportJob, info: 'x'.repeat(2000) } }));
    expect(large.status).toBe(413);
    expect(large.body.errors[0].message).toBe('The request body must be at most 1024 bytes');
    const job = await json(
      call('POST', '/jobs', { user: 'alice', body: { type: 'sheet', operation: 'slow', source: 's' } }),
    );
    const extra = await json(
      call('POST', `/jobs/${job.body.data.id}/cancel`, { user: 'alice', body: { force: true } }),
    );
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].key).toBe('body');
    expect((await json(call('GET', `/jobs/${job.body.data.id}`, { user: 'alice' }))).body.data.status).not.toBe(
      'canceled',
    );
  });

  it('refuses every invalid query parameter by name', async () => {
    for (const [query, key] of [
      ['status=done', 'status'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=5000', 'pageSize'],
      ['pageNumber=1.5', 'pageNumber'],
      ['sortDirection=up', 'sortDirection'],
      ['excludeChildJobs=yes', 'excludeChildJobs'],
      ['type=planet', 'type'],
      ['owner=bob', 'owner'],
      ['source=a&source=b', 'source'],
    ]) {
      const answer = await json(call('GET', `/jobs?${query}`, { user: 'alice' }));
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors[0].key).toBe(key);
    }
  });

  it('refuses unknown operations, wrong methods and malformed ids', async () => {
    expect((await json(call('POST', '/jobs/us_jb_1/explode', { user: 'alice' }))).status).toBe(404);
    expect((await json(call('GET', '/queues', { user: 'alice' }))).status).toBe(404);
    const wrong = await call('DELETE', '/jobs', { user: 'alice' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expect((await json(call('GET', '/jobs/a%20b', { user: 'alice' }))).body.errors[0].key).toBe('jobId');
    expect((await json(call('GET', '/jobs/us_jb_missing', { user: 'alice' }))).status).toBe(404);
    expect((await json(call('GET', '/events', { user: 'alice', headers: { 'last-event-id': 'abc' } }))).status).toBe(
      400,
    );
  });
});
