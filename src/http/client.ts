import { normalizeJob, type CallOptions, type Job, type JobsFilter, type JobsPage } from '../core';
import { abortError, networkError, responseError } from './errors';
import { createEventStream } from './stream';
import type { FetchLike, HttpJobsClient, HttpJobsClientOptions } from './types';

const FILTER_KEYS = [
  'source',
  'spaceId',
  'environmentId',
  'fileId',
  'workbookId',
  'parentId',
  'operation',
  'type',
  'excludeChildJobs',
  'pageNumber',
  'pageSize',
  'sortDirection',
] as const;

/** `GET /jobs`'s query: `status` repeats for several. */
export function filterQuery(filter: JobsFilter = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const { status } = filter;
  for (const value of status === undefined ? [] : Array.isArray(status) ? status : [status])
    params.append('status', value);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A `JobsClient` for the kit's jobs protocol (`jobkit/server`, or any server that speaks it): JSON over
 * HTTP, and `subscribe` over one shared Server-Sent Events stream that reconnects with backoff and resumes
 * by `Last-Event-ID`. Reads are not repeated here (the kit repeats them); writes are sent once.
 */
export function createHttpJobsClient(options: HttpJobsClientOptions): HttpJobsClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function headersFor(extra: Record<string, string>): Promise<Record<string, string>> {
    const dynamic = options.getHeaders === undefined ? {} : await options.getHeaders();
    return { ...options.headers, ...dynamic, ...extra };
  }

  async function call(method: 'GET' | 'POST', path: string, label: string, callOptions?: CallOptions, body?: unknown) {
    const signal = callOptions?.signal;
    if (signal?.aborted) throw abortError();
    const extra: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) extra['content-type'] = 'application/json';
    let response: Response;
    try {
      const init: RequestInit = { method, headers: await headersFor(extra) };
      if (body !== undefined) init.body = JSON.stringify(body);
      if (signal !== undefined) init.signal = signal;
      response = await fetchImpl(`${baseUrl}${path}`, init);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw networkError(label, error);
    }
    if (!response.ok) throw await responseError(response, label);
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw networkError(label, error);
    }
  }

  async function job(
    method: 'GET' | 'POST',
    jobId: string,
    action: string,
    label: string,
    callOptions?: CallOptions,
    body?: unknown,
  ): Promise<Job> {
    const answer = await call(
      method,
      `/jobs/${encodeURIComponent(jobId)}${action}`,
      `${label} of job ${jobId}`,
      callOptions,
      body,
    );
    return stream.fresher(normalizeJob(isObject(answer) ? answer.data : undefined));
  }

  const stream = createEventStream({
    reconnect: options.reconnect,
    open: async (headers, signal) => fetchImpl(`${baseUrl}/events`, { headers: await headersFor(headers), signal }),
  });

  const client: HttpJobsClient = {
    get connected() {
      return stream.connected;
    },
    async list(filter, callOptions): Promise<JobsPage> {
      const answer = await call('GET', `/jobs${filterQuery(filter)}`, 'the jobs list', callOptions);
      const data = isObject(answer) && Array.isArray(answer.data) ? answer.data : [];
      const page: JobsPage = { data: data.map((item) => normalizeJob(item)) };
      if (isObject(answer) && isObject(answer.pagination))
        page.pagination = answer.pagination as unknown as JobsPage['pagination'];
      return page;
    },
    get: (jobId, callOptions) => job('GET', jobId, '', 'reading', callOptions),
    async create(config, callOptions) {
      const answer = await call(
        'POST',
        '/jobs',
        `creating a ${config.type}:${config.operation} job`,
        callOptions,
        config,
      );
      return stream.fresher(normalizeJob(isObject(answer) ? answer.data : undefined));
    },
    cancel: (jobId, callOptions) => job('POST', jobId, '/cancel', 'canceling', callOptions, {}),
    retry: (jobId, callOptions) => job('POST', jobId, '/retry', 'retrying', callOptions, {}),
    acknowledgeOutcome: (jobId, callOptions) =>
      job('POST', jobId, '/outcome/acknowledge', 'acknowledging', callOptions, {}),
  };
  if (options.events !== false) client.subscribe = (listener) => stream.subscribe(listener);
  return client;
}
