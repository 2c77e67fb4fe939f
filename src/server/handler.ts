import type { Job, JobEvent } from '../core';
import type { Caller, JobsBackend } from './backend';
import { badRequest, errorResponse, HttpError, jsonResponse } from './errors';
import { createEventLog } from './event-log';
import { readBody } from './body';
import { sseStream } from './sse';
import { readJobConfig, readJobId, readJobsFilter } from './validate';

export interface JobsHandlerOptions {
  backend: JobsBackend;
  /**
   * Who is asking: a `Caller`, or `undefined` (or a throw) for a 401. Read a session cookie or a bearer token
   * here. Every route calls it before anything else.
   */
  authorize: (request: Request) => Caller | undefined | Promise<Caller | undefined>;
  /** Path the routes sit under, e.g. `/api` for `/api/jobs`. Default: none. */
  basePath?: string;
  /** Largest request body accepted, in bytes (413 above). Default 64 KiB. */
  maxBodyBytes?: number;
  /** Events kept for streams that resume by `Last-Event-ID`. Default 10,000. */
  replayLimit?: number;
  /** Interval of the stream's keep-alive comments. Default 15 s. */
  heartbeatMs?: number;
  /** Unexpected errors (answered as a bare 500). Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/** The jobs protocol on the web-standard `Request` → `Response`. */
export interface JobsHandler {
  /** Answers one request; unbound, so it can be passed as is to a router. */
  handle: (request: Request) => Promise<Response>;
  /** Ends every open event stream and stops listening to the backend (the backend itself stays open). */
  close(): void;
}

const ownJobs = (caller: Caller) => caller.canAccess ?? ((job: Job) => job.createdBy === caller.id);

type Route =
  | { name: 'list' | 'create' | 'events' }
  | { name: 'get' | 'cancel' | 'retry' | 'acknowledge'; jobId: string };

const ACTIONS: Record<string, 'cancel' | 'retry' | 'acknowledge'> = {
  cancel: 'cancel',
  retry: 'retry',
  'outcome/acknowledge': 'acknowledge',
};

function notAllowed(allow: string): HttpError {
  return new HttpError(405, `Method not allowed; use ${allow}`, undefined, { allow });
}

/** The route of `method path`, or an `HttpError` (404 for no route, 405 for a wrong method). */
function route(method: string, path: string): Route {
  if (path === '/jobs') {
    if (method === 'GET') return { name: 'list' };
    if (method === 'POST') return { name: 'create' };
    throw notAllowed('GET, POST');
  }
  if (path === '/events') {
    if (method === 'GET') return { name: 'events' };
    throw notAllowed('GET');
  }
  const match = /^\/jobs\/([^/]+)(?:\/(.+))?$/.exec(path);
  if (match !== null) {
    const [, segment = '', rest] = match;
    if (rest === undefined) {
      if (method !== 'GET') throw notAllowed('GET');
      return { name: 'get', jobId: readJobId(segment) };
    }
    const name = ACTIONS[rest];
    if (name !== undefined) {
      if (method !== 'POST') throw notAllowed('POST');
      return { name, jobId: readJobId(segment) };
    }
  }
  throw new HttpError(404, `No such operation: ${method} ${path}`);
}

/** The id a stream resumes after; undefined for a new stream (it gets only events from now on). */
function lastEventId(request: Request, url: URL): number | undefined {
  const value = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
  if (value === null || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) throw badRequest('Last-Event-ID', 'must be an event id this server sent');
  return Number(value);
}

/**
 * A request handler for the jobs protocol (see the README): list, get, create, cancel, retry, acknowledge and a
 * Server-Sent Events stream of `job:*` events, over a `JobsBackend`. Every caller is authorized first, sees
 * and changes only the jobs its `Caller.canAccess` allows, and gets Flatfile's error body on any refusal.
 */
export function createJobsHandler(options: JobsHandlerOptions): JobsHandler {
  const { backend, authorize } = options;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const onError = options.onError ?? ((error: unknown) => console.error('jobkit/server:', error));
  const log = createEventLog(options.replayLimit ?? 10_000);
  const closing = new AbortController();
  let unsubscribe: (() => void) | undefined = backend.subscribe((event: JobEvent) => log.append(event));

  async function identify(request: Request): Promise<Caller> {
    let caller: Caller | undefined;
    try {
      caller = await authorize(request);
    } catch {
      caller = undefined;
    }
    if (caller === undefined || typeof caller.id !== 'string' || caller.id === '') {
      throw new HttpError(401, 'Authentication is required to use jobs', undefined, { 'www-authenticate': 'Bearer' });
    }
    return caller;
  }

  async function accessible(jobId: string, canAccess: (job: Job) => boolean): Promise<Job> {
    const job = await backend.get(jobId);
    if (!canAccess(job)) throw new HttpError(403, `You may not access job ${jobId}`);
    return job;
  }

  async function respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(basePath))
      throw new HttpError(404, `No such operation: ${request.method} ${url.pathname}`);
    const target = route(request.method, url.pathname.slice(basePath.length) || '/');
    const caller = await identify(request);
    const canAccess = ownJobs(caller);
    switch (target.name) {
      case 'list':
        return jsonResponse(200, await backend.list(readJobsFilter(url.searchParams), canAccess));
      case 'create': {
        const config = readJobConfig(await readBody(request, maxBodyBytes));
        const key = `${config.type}:${config.operation}`;
        if (!backend.accepts(key)) throw badRequest('operation', `${key} is not an operation this server runs`);
        return jsonResponse(201, { data: await backend.create(config, caller.id) });
      }
      case 'events': {
        const after = lastEventId(request, url) ?? log.lastSeq;
        const signal = AbortSignal.any([request.signal, closing.signal]);
        const body = sseStream({ log, after, visible: canAccess, heartbeatMs, signal });
        return new Response(body, {
          headers: {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-store',
            connection: 'keep-alive',
            'x-accel-buffering': 'no',
          },
        });
      }
      case 'get':
        return jsonResponse(200, { data: await accessible(target.jobId, canAccess) });
      default: {
        await accessible(target.jobId, canAccess);
        const extra = request.body === null ? undefined : await readBody(request, maxBodyBytes, { optional: true });
        if (extra !== undefined && (typeof extra !== 'object' || extra === null || Object.keys(extra).length > 0)) {
          throw badRequest('body', `must be empty or {} for ${target.name}`);
        }
        const job =
          target.name === 'cancel'
            ? await backend.cancel(target.jobId)
            : target.name === 'retry'
              ? await backend.retry(target.jobId)
              : await backend.acknowledgeOutcome(target.jobId);
        return jsonResponse(200, { data: job });
      }
    }
  }

  return {
    handle: async (request) => {
      try {
        return await respond(request);
      } catch (error) {
        return errorResponse(error, onError);
      }
    },
    close() {
      closing.abort();
      unsubscribe?.();
      unsubscribe = undefined;
    },
  };
}
