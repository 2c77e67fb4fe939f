import { type Job, type JobConfig, JobsClientError, type JobsFilter, type JobsPage, matchesFilter } from '../core';
import { createActionsReader } from './actions';
import { isActiveLookup, lookUpActiveJobs } from './active';
import { createHttp, type HttpRequest } from './http';
import { createEventPoller } from './poller';
import { readJob, readJobs } from './read';
import type { FlatfileJobsClient, FlatfileJobsClientOptions } from './types';

function pageParameter(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new JobsClientError('invalid', `${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

function jobPath(jobId: string, action = ''): string {
  if (typeof jobId !== 'string' || jobId.trim() === '') {
    throw new JobsClientError('invalid', `A job id is required, got ${JSON.stringify(jobId)}`);
  }
  return `/jobs/${encodeURIComponent(jobId)}${action}`;
}

/** The filters Flatfile's `GET /jobs` does not have; the client applies them to each page it reads. */
function localFilter(filter: JobsFilter): JobsFilter | undefined {
  const local: JobsFilter = {};
  if (filter.status !== undefined) local.status = filter.status;
  if (filter.operation !== undefined) local.operation = filter.operation;
  if (filter.type !== undefined) local.type = filter.type;
  return Object.keys(local).length === 0 ? undefined : local;
}

/**
 * A `JobsClient` for Flatfile's REST API, with `fetch` only:
 * - `list` → `GET /jobs` with Flatfile's filters (space, environment, workbook, file, parent, source,
 *   excludeChildJobs, page size and number, sort). `status`, `operation` and `type` are not filters of
 *   Flatfile's list: they are applied to each page as it comes, so a page may hold fewer jobs than
 *   `pageSize` and `pagination` counts the server's pages. A `status` filter naming no finished status
 *   (the active jobs) is an active lookup instead: every match on page 1, read newest first through
 *   at most `activeLookup.maxRequests` pages (see `lookUpActiveJobs`). An entry that is no job is left
 *   out with a development warning.
 * - `get` → `GET /jobs/{id}`; `create` → `POST /jobs`; `cancel` → `POST /jobs/{id}/cancel`;
 *   `acknowledgeOutcome` → `POST /jobs/{id}/outcome/ack`; `retry` → `POST /jobs/{id}/retry`.
 * - `subscribe` reads `GET /events` for the space (one request for all jobs; see `createEventPoller`).
 * - `readActions` reads the actions configured on a workbook, sheet (with its fields) or space.
 *
 * Answers pass through `normalizeJob`; a malformed one fails with `JobsClientError('invalid')` naming the
 * field. Reads are repeated on network and server errors (3 tries, backoff) and after a 429's
 * `Retry-After`; writes are sent once, except after a 401/403 with a renewed token. Nothing starts timers
 * until `subscribe` is called.
 */
export function createFlatfileJobsClient(options: FlatfileJobsClientOptions): FlatfileJobsClient {
  const { spaceId, environmentId } = options;
  if (typeof spaceId !== 'string' || spaceId === '') throw new TypeError('createFlatfileJobsClient needs a spaceId');
  const http = createHttp(options);
  const poller = createEventPoller({ http, spaceId, environmentId, poll: options.poll, onError: options.onError });

  async function one(request: HttpRequest): Promise<Job> {
    const job = readJob(await http(request), `${request.method} ${request.path}`);
    poller.note(job.id, job.status, job.updatedAt);
    return job;
  }

  async function write(jobId: string, action: string, signal: AbortSignal | undefined): Promise<Job> {
    return one({ method: 'POST', path: jobPath(jobId, action), kind: 'write', subject: `job ${jobId}`, signal });
  }

  return {
    async list(filter = {}, callOptions = {}): Promise<JobsPage> {
      const scope = {
        spaceId: filter.spaceId ?? spaceId,
        environmentId: filter.environmentId ?? environmentId,
        workbookId: filter.workbookId,
        fileId: filter.fileId,
        parentId: filter.parentId,
        source: filter.source,
        excludeChildJobs: filter.excludeChildJobs,
      };
      const pageSize = pageParameter('pageSize', filter.pageSize ?? options.pageSize);
      const pageNumber = pageParameter('pageNumber', filter.pageNumber);
      if (isActiveLookup(filter)) {
        const seen = (job: Job) => poller.note(job.id, job.status, job.updatedAt);
        return lookUpActiveJobs({
          query: scope,
          filter,
          http,
          signal: callOptions.signal,
          options: options.activeLookup,
          seen,
        });
      }
      const query = { ...scope, pageSize, pageNumber, sortDirection: filter.sortDirection };
      const body = await http({ method: 'GET', path: '/jobs', query, kind: 'read', signal: callOptions.signal });
      const page = readJobs(body, 'GET /jobs');
      for (const job of page.data) poller.note(job.id, job.status, job.updatedAt);
      const local = localFilter(filter);
      return local === undefined ? page : { ...page, data: page.data.filter((job) => matchesFilter(job, local)) };
    },
    get: async (jobId, callOptions = {}) =>
      one({ method: 'GET', path: jobPath(jobId), kind: 'read', subject: `job ${jobId}`, signal: callOptions.signal }),
    create(config: JobConfig, callOptions = {}) {
      const body =
        environmentId === undefined || config.environmentId !== undefined ? config : { ...config, environmentId };
      return one({ method: 'POST', path: '/jobs', body, kind: 'write', signal: callOptions.signal });
    },
    cancel: (jobId, callOptions = {}) => write(jobId, '/cancel', callOptions.signal),
    acknowledgeOutcome: (jobId, callOptions = {}) => write(jobId, '/outcome/ack', callOptions.signal),
    retry: (jobId, callOptions = {}) => write(jobId, '/retry', callOptions.signal),
    subscribe: (listener) => poller.subscribe(listener),
    readActions: createActionsReader(http),
  };
}
