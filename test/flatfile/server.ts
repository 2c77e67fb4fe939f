// A small stand-in for Flatfile's REST API on 127.0.0.1, answering with Flatfile's JSON shapes
// (`{ data }`, `pagination`, `{ errors: [{ message }] }`) as `@flatfile/api`'s schemas have them. Tests queue
// special answers per route. It keeps its own clock (unmoved when a test fakes the process's `Date`),
// sends it as the `Date` header, stamps what it creates with it, and lists an event only once it is stored.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

import { flatfileJobs, flatfileSheet, flatfileSpace, flatfileWorkbook } from './fixtures';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
  /** Answer after this long (bounded; dropped when the client goes away). */
  delayMs?: number;
}

type Json = Record<string, unknown>;

export interface FakeFlatfile {
  /** Base URL of the API, like `https://…/api/v1`. */
  baseUrl: string;
  requests: SeenRequest[];
  /** Tokens the server accepts. */
  tokens: Set<string>;
  jobs: Map<string, Json>;
  /** Listed only from their `storedAt` (server time, ms; default: at once), without that field. */
  events: Json[];
  /** The order `GET /events` lists events in, by `createdAt`. Default `desc`. */
  eventOrder: 'asc' | 'desc';
  /** Whether answers carry the `Date` header (a browser reading another origin does not see it). Default true. */
  sendDate: boolean;
  /** The server's clock (ms). */
  now(): number;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
  /** Answers the next calls of `route` (`GET /jobs`, `POST /jobs/:id/cancel`...) with `replies`, in order. */
  queue(route: string, ...replies: Reply[]): void;
  /** `METHOD path` of every request, in order. */
  calls(): string[];
  reset(): void;
  close(): Promise<void>;
}

const MAX_DELAY_MS = 10_000;

/** Real time, unmoved by fake timers or a spied `Date.now` in the test. */
const realNow = () => performance.timeOrigin + performance.now();

function errors(message: string): Json {
  return { errors: [{ message }] };
}

function routeOf(method: string, path: string): string {
  return `${method} ${path.replace(/^\/api\/v1/, '').replace(/\/(us_[a-z]+_[^/]+)/g, '/:id')}`;
}

function listJobs(jobs: Json[], query: URLSearchParams): Json {
  let list = jobs.filter((job) => {
    for (const key of ['spaceId', 'environmentId', 'fileId', 'parentId', 'source'] as const) {
      const wanted = query.get(key);
      if (wanted !== null && job[key] !== wanted) return false;
    }
    const workbookId = query.get('workbookId');
    if (workbookId !== null && job.source !== workbookId && job.type === 'workbook') return false;
    return !(query.get('excludeChildJobs') === 'true' && typeof job.parentId === 'string');
  });
  const direction = query.get('sortDirection') === 'asc' ? 1 : -1;
  list = list.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)) * direction);
  const pageSize = Number(query.get('pageSize') ?? 20);
  const pageNumber = Number(query.get('pageNumber') ?? 1);
  return {
    data: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pagination: {
      currentPage: pageNumber,
      pageCount: Math.max(1, Math.ceil(list.length / pageSize)),
      totalCount: list.length,
    },
  };
}

export async function startFakeFlatfile(): Promise<FakeFlatfile> {
  const requests: SeenRequest[] = [];
  const queued = new Map<string, Reply[]>();
  const tokens = new Set<string>(['sk_test_valid']);
  const jobs = new Map<string, Json>();
  const events: Json[] = [];
  let created = 0;
  let offset = 0;
  const clock = () => realNow() + offset;

  function seed(): void {
    jobs.clear();
    for (const job of flatfileJobs) jobs.set(job.id as string, structuredClone(job));
    events.length = 0;
  }
  seed();

  function answer(method: string, path: string, query: URLSearchParams, body: unknown): Reply {
    const route = routeOf(method, path);
    const id = /\/(us_[a-z]+_[^/]+)/.exec(path)?.[1] ?? '';
    const job = jobs.get(id);
    const now = new Date(clock()).toISOString();
    if (route === 'GET /jobs') return { body: listJobs([...jobs.values()], query) };
    if (route === 'POST /jobs') {
      created += 1;
      const next = {
        ...(body as Json),
        id: `us_jb_New${created}`,
        status: 'created',
        progress: 0,
        createdBy: 'us_usr_7Kd2pQx8',
        createdAt: now,
        updatedAt: now,
      };
      jobs.set(next.id, next);
      return { status: 200, body: { data: next } };
    }
    if (route === 'GET /events') {
      const since = query.get('since') === null ? Number.NEGATIVE_INFINITY : Date.parse(query.get('since') ?? '');
      const stored = events.filter((event) => (typeof event.storedAt === 'number' ? event.storedAt : 0) <= clock());
      const direction = fake.eventOrder === 'asc' ? 1 : -1;
      const list = stored
        .filter((event) => Date.parse(String(event.createdAt)) >= since)
        .sort((a, b) => (Date.parse(String(a.createdAt)) - Date.parse(String(b.createdAt))) * direction)
        .map(({ storedAt: _, ...event }) => event);
      const pageSize = Number(query.get('pageSize') ?? 10);
      const pageNumber = Number(query.get('pageNumber') ?? 1);
      return { body: { data: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) } };
    }
    if (route === 'GET /workbooks/:id')
      return id === flatfileWorkbook.id
        ? { body: { data: flatfileWorkbook } }
        : { status: 404, body: errors('Workbook not found') };
    if (route === 'GET /sheets/:id')
      return id === flatfileSheet.id
        ? { body: { data: flatfileSheet } }
        : { status: 404, body: errors('Sheet not found') };
    if (route === 'GET /spaces/:id')
      return id === flatfileSpace.id
        ? { body: { data: flatfileSpace } }
        : { status: 404, body: errors('Space not found') };
    if (!route.startsWith('GET /jobs/:id') && !route.startsWith('POST /jobs/:id'))
      return { status: 404, body: errors(`No route ${route}`) };
    if (job === undefined) return { status: 404, body: errors(`Job ${id} not found`) };
    if (route === 'GET /jobs/:id') return { body: { data: job } };
    const terminal = ['complete', 'failed', 'canceled', 'cancelled'].includes(String(job.status));
    if (route === 'POST /jobs/:id/cancel') {
      if (terminal) return { status: 409, body: errors(`Job ${id} is already ${String(job.status)}`) };
      Object.assign(job, { status: 'canceled', updatedAt: now, finishedAt: now });
    } else if (route === 'POST /jobs/:id/outcome/ack') {
      Object.assign(job, { outcomeAcknowledgedAt: now, updatedAt: now });
    } else if (route === 'POST /jobs/:id/retry') {
      if (job.status !== 'failed') return { status: 400, body: errors('Only failed jobs can be retried') };
      Object.assign(job, { status: 'ready', progress: 0, updatedAt: now });
    } else {
      return { status: 404, body: errors(`No route ${route}`) };
    }
    return { body: { data: job } };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      const method = req.method ?? 'GET';
      requests.push({
        method,
        path: url.pathname.replace(/^\/api\/v1/, ''),
        query: url.searchParams,
        headers: req.headers,
        body,
      });
      const route = routeOf(method, url.pathname);
      const special = queued.get(route)?.shift();
      const authorized = tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      const reply =
        special ??
        (authorized
          ? answer(method, url.pathname, url.searchParams, body)
          : { status: 401, body: errors('Unauthorized: invalid or expired token') });
      const send = () => {
        if (res.destroyed) return;
        const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
        res.sendDate = false;
        const date = fake.sendDate ? { date: new Date(clock()).toUTCString() } : {};
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...date, ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs === undefined) return send();
      const timer = setTimeout(send, Math.min(reply.delayMs, MAX_DELAY_MS));
      res.on('close', () => clearTimeout(timer));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeFlatfile = {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    tokens,
    jobs,
    events,
    eventOrder: 'desc',
    sendDate: true,
    now: clock,
    advance(ms) {
      offset += ms;
    },
    queue(route, ...replies) {
      queued.set(route, [...(queued.get(route) ?? []), ...replies]);
    },
    calls: () => requests.map((request) => `${request.method} ${request.path}`),
    reset() {
      requests.length = 0;
      queued.clear();
      tokens.clear();
      tokens.add('sk_test_valid');
      created = 0;
      offset = 0;
      fake.eventOrder = 'desc';
      fake.sendDate = true;
      seed();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}

/**
 * The fake Flatfile for a test file: started before its tests, reset before each (its mocks restored after
 * each), closed after them. `use` receives the running server.
 */
export function withFakeFlatfile(use: (server: FakeFlatfile) => void): void {
  let server: FakeFlatfile | undefined;
  beforeAll(async () => {
    server = await startFakeFlatfile();
    use(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    server?.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}
