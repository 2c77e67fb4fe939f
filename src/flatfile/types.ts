import type { Action, CallOptions, JobEventListener, JobsClient } from '../core';

/** The subset of `fetch` the adapter uses; the global `fetch` fits, and so does a test double. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How reads are repeated when the network, the server or a rate limit gets in the way. */
export interface FlatfileRetryOptions {
  /** Tries per read, the first included. Default 3. Writes are never repeated once sent. */
  attempts?: number;
  /** Wait before the second try; doubles for each further try. Default 500 ms. */
  delayMs?: number;
  /** Cap on that wait. Default 5 s. */
  maxDelayMs?: number;
  /** A read waits out a 429's `Retry-After` up to this long; a longer wait fails at once. Default 30 s. */
  maxWaitMs?: number;
}

/** How to reach Flatfile: shared by the jobs client and `readActions`. */
export interface FlatfileConnectionOptions {
  /**
   * A secret key (servers) or a space's access token (browsers), sent as `Authorization: Bearer …`.
   * With `getAccessToken` as well, this is the first token and `getAccessToken` renews it.
   */
  accessToken?: string;
  /** Called on the first request, and once more after a 401 or 403 to renew the token. */
  getAccessToken?: () => string | Promise<string>;
  /** Default `FLATFILE_BASE_URL` (Flatfile's production API); pass a regional URL for other deployments. */
  baseUrl?: string;
  /** Default: the global `fetch`, looked up at each call. */
  fetch?: FetchLike;
  retry?: FlatfileRetryOptions;
}

/** How often `subscribe` reads `GET /events`. */
export interface FlatfilePollOptions {
  /** While a job the client knows of is active. Default 1 s. */
  activeMs?: number;
  /** While nothing is active; doubles after each quiet read up to `maxMs`. Default 5 s. */
  idleMs?: number;
  /** The longest wait between reads while idle or failing (a `Retry-After` may ask for longer). Default 30 s. */
  maxMs?: number;
  /** How often a read reaches `lateWindowMs` back for events stored late. Default 15 s. */
  lateEveryMs?: number;
  /** How late an event may be stored and still be delivered. Default 60 s (at least 3 s). */
  lateWindowMs?: number;
}

/**
 * How a list of active jobs is read (Flatfile cannot filter jobs by status): newest first, `pageSize`
 * jobs a request, stopping at the end of the list or after `maxRequests` requests.
 */
export interface FlatfileActiveLookupOptions {
  /** Default 100. */
  pageSize?: number;
  /** Default 10: the active jobs among the 1,000 newest jobs of the list are found. */
  maxRequests?: number;
}

export interface FlatfileJobsClientOptions extends FlatfileConnectionOptions {
  /** The space whose jobs and events are read (`us_sp_…`). */
  spaceId: string;
  /** Narrows lists and events to one environment, and is sent with created jobs. */
  environmentId?: string;
  /** Page size of `list` when the filter names none. Default: Flatfile's (20). */
  pageSize?: number;
  poll?: FlatfilePollOptions;
  activeLookup?: FlatfileActiveLookupOptions;
  /** Told about every failed read of `GET /events`; the subscription keeps going, backing off. */
  onError?: (error: unknown) => void;
}

/** Whose actions to read. */
export type FlatfileActionsTarget = { workbookId: string } | { sheetId: string } | { spaceId: string };

/** The actions of one field (column) of a sheet. */
export interface FlatfileFieldActions {
  fieldKey: string;
  actions: Action[];
}

/** A sheet's actions and those of its fields (only fields that have some). */
export interface FlatfileSheetActions {
  actions: Action[];
  fields: FlatfileFieldActions[];
}

/** Reads actions configured in Flatfile: a workbook's or space's as a list, a sheet's with its fields'. */
export interface FlatfileActionsReader {
  (target: { workbookId: string }, options?: CallOptions): Promise<Action[]>;
  (target: { spaceId: string }, options?: CallOptions): Promise<Action[]>;
  (target: { sheetId: string }, options?: CallOptions): Promise<FlatfileSheetActions>;
}

/** A `JobsClient` over Flatfile's REST API, with events and a reader for configured actions. */
export interface FlatfileJobsClient extends JobsClient {
  subscribe(listener: JobEventListener): () => void;
  readActions: FlatfileActionsReader;
}
