import type { JobsClient, JobsFilter } from '../core';

const scopes = new WeakMap<JobsClient, string>();
const keys = new WeakMap<JobsClient, JobsKeys>();
let clients = 0;

/**
 * The scope of a client's jobs in a QueryClient: clients that share one QueryClient keep their jobs
 * apart (two in-memory engines may both have a `job-1`), and a host holding the client can name its keys.
 */
export function scopeOf(client: JobsClient): string {
  let scope = scopes.get(client);
  if (scope === undefined) {
    clients += 1;
    scope = String(clients);
    scopes.set(client, scope);
  }
  return scope;
}

/**
 * The query keys of one client's jobs. Everything lives under `['jobkit', scope]`: each list (filter)
 * under its key, each job under its own. The public `jobsQueryKeys` are made from these.
 */
export function jobsKeys(scope: string) {
  return {
    /** Every list and job of the scope. */
    all: ['jobkit', scope] as const,
    /** Every list of the scope. */
    lists: ['jobkit', scope, 'list'] as const,
    list: (filter: JobsFilter) => ['jobkit', scope, 'list', filter] as const,
    job: (jobId: string) => ['jobkit', scope, 'job', jobId] as const,
    /** Newer versions of listed jobs that have no entry of their own (one entry for all of them). */
    versions: ['jobkit', scope, 'versions'] as const,
  };
}

export type JobsKeys = ReturnType<typeof jobsKeys>;

/** The keys of a client's jobs (`jobsKeys(scopeOf(client))`), made once per client. */
export function keysOf(client: JobsClient): JobsKeys {
  let made = keys.get(client);
  if (made === undefined) {
    made = jobsKeys(scopeOf(client));
    keys.set(client, made);
  }
  return made;
}
