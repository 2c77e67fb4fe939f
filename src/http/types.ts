import type { JobsClient } from '../core';

/** The `fetch` the client calls; the global one by default. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpReconnectOptions {
  /** Wait before the first reconnect, doubled on each failure in a row. Default 500 ms. */
  initialMs?: number;
  /** Longest wait between reconnects. Default 15 s. */
  maxMs?: number;
}

export interface HttpJobsClientOptions {
  /** Where the routes live, e.g. `/api` (for `/api/jobs`) or `https://jobs.example.com`. */
  baseUrl: string;
  /** Sent with every request (a session token...). */
  headers?: Record<string, string>;
  /** Called before every request and stream connection, for headers that change (a refreshed token). */
  getHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: FetchLike;
  /** Backoff of the event stream's reconnects. */
  reconnect?: HttpReconnectOptions;
  /** Whether `subscribe` is offered (default true). Without it the kit polls active jobs. */
  events?: boolean;
}

export interface HttpJobsClient extends JobsClient {
  /** Whether the event stream is connected now (false between reconnects and with no listener). */
  readonly connected: boolean;
}
