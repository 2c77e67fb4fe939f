import { JobsClientError } from '../core';
import { abortError, invalidAnswer, networkError, responseError, sleep } from './errors';
import type { FetchLike, FlatfileConnectionOptions } from './types';

/** Flatfile's API (the adapter's only mention of a real host). */
export const FLATFILE_BASE_URL = 'https://platform.flatfile.com/api/v1';

type QueryValue = string | number | boolean | undefined;

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** From the API root, e.g. `/jobs/us_jb_1/cancel`; ids already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * `read`: repeated on network and server errors (408 included) with backoff, and after a 429's `Retry-After`.
   * `write`: sent once; only a 401/403 (refused before anything happened) is sent again, with a new token.
   */
  kind: 'read' | 'write';
  /** What the request is about, for messages: `job us_jb_1`. */
  subject?: string;
  signal?: AbortSignal | undefined;
  /** Told the headers of the answer that succeeded (the server's `Date`, say), before its body is read. */
  onHeaders?: (headers: Headers) => void;
}

/** Sends requests to Flatfile and answers with the parsed JSON body, or rejects with a `JobsClientError`. */
export type Http = (request: HttpRequest) => Promise<unknown>;

interface TokenSource {
  current(): Promise<string | undefined>;
  /** A new token after `used` was refused; false when there is no way to get one. */
  renew(used: string | undefined): Promise<boolean>;
}

function createTokens(options: FlatfileConnectionOptions): TokenSource {
  const { getAccessToken } = options;
  let token: string | undefined = options.accessToken;
  let pending: Promise<string> | undefined;

  function fetchToken(): Promise<string> {
    if (pending !== undefined) return pending;
    const renewal = (async () => {
      try {
        const next = await (getAccessToken as () => string | Promise<string>)();
        if (typeof next !== 'string' || next === '') throw new Error('getAccessToken gave no token');
        token = next;
        return next;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new JobsClientError('unauthorized', `Could not get a Flatfile access token: ${reason}`, { cause: error });
      }
    })();
    pending = renewal;
    const settle = () => {
      if (pending === renewal) pending = undefined;
    };
    renewal.then(settle, settle);
    return renewal;
  }

  return {
    current: async () => (token !== undefined ? token : getAccessToken === undefined ? undefined : fetchToken()),
    async renew(used) {
      if (getAccessToken === undefined) return false;
      if (token !== used && token !== undefined) return true; // another request renewed it already
      await fetchToken();
      return true;
    },
  };
}

/** `promise`, or an `AbortError` as soon as `signal` fires (a token that never comes must not hold a call). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

function urlOf(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search === '' ? '' : `?${search}`}`;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

async function parseBody(response: Response, label: string): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') throw invalidAnswer(label, 'an empty body where `{ data }` was expected');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalidAnswer(label, 'a body that is not JSON', error);
  }
}

/** `failure` as the last of `tries` tries: the kit does not repeat a read its client already repeated. */
function tried(failure: JobsClientError, tries: number): JobsClientError {
  if (tries <= 1) return failure;
  const { code, message, status, retryAfterMs, cause } = failure;
  return new JobsClientError(code, message, { status, retryAfterMs, cause, attempts: tries });
}

export function createHttp(options: FlatfileConnectionOptions): Http {
  const tokens = createTokens(options);
  const baseUrl = options.baseUrl ?? FLATFILE_BASE_URL;
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const attempts = Math.max(1, Math.floor(positive(options.retry?.attempts, 3)));
  const delayMs = positive(options.retry?.delayMs, 500);
  const maxDelayMs = positive(options.retry?.maxDelayMs, 5000);
  const maxWaitMs = positive(options.retry?.maxWaitMs, 30_000);

  return async function request({ method, path, query, body, kind, subject, signal, onHeaders }) {
    const label = `${method} ${path}`;
    const url = urlOf(baseUrl, path, query);
    let tries = 0;
    let renewed = false;
    for (;;) {
      const token = await untilAborted(tokens.current(), signal);
      // Sent by Flatfile's own SDK on every request: calls from the kit do not trigger the space's hooks.
      const headers: Record<string, string> = { accept: 'application/json', 'x-disable-hooks': 'true' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { signal } : {}),
      };
      tries += 1;
      let failure: JobsClientError;
      try {
        const response = await fetchImpl(url, init);
        if (response.ok) {
          onHeaders?.(response.headers);
          return await parseBody(response, label);
        }
        failure = await responseError(response, label, subject);
      } catch (error) {
        if (signal?.aborted) throw abortError();
        if (error instanceof JobsClientError) throw error;
        failure = networkError(label, error);
      }
      // Refused before anything happened: safe to send again with a new token, once, even for writes.
      if ((failure.code === 'unauthorized' || failure.code === 'forbidden') && !renewed) {
        renewed = true;
        if (await untilAborted(tokens.renew(token), signal)) {
          tries -= 1;
          continue;
        }
      }
      if (kind !== 'read' || !failure.retryable) throw failure;
      if (tries >= attempts) throw tried(failure, tries);
      const backoff = Math.min(maxDelayMs, delayMs * 2 ** (tries - 1));
      const wait = failure.retryAfterMs ?? backoff;
      if (wait > maxWaitMs) throw tried(failure, tries);
      await sleep(wait, signal);
    }
  };
}
