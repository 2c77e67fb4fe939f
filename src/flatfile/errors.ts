import { JobsClientError, type JobsClientErrorCode } from '../core';

/** The error a call rejects with when its signal fires (the kit's contract: an `AbortError`). */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`; rejects with an `AbortError` (and clears the timer) when `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      globalThis.clearTimeout(timer);
      reject(abortError());
    };
    const timer = globalThis.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `Retry-After` in ms: delta seconds (`"7"`) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function codeOf(status: number): JobsClientErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  // 408: the server gave up waiting for the request; like the SDK, a read is sent again.
  if (status === 408 || status >= 500) return 'server';
  return 'invalid';
}

/** Flatfile's error bodies read `{ errors: [{ key?, message }] }`; other JSON or text is shown as is, cut short. */
function serverMessage(text: string): string {
  let messages: string[] = [];
  try {
    const body: unknown = JSON.parse(text);
    const errors = typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
    if (Array.isArray(errors)) {
      messages = errors.flatMap((entry: unknown) => {
        const message =
          typeof entry === 'object' && entry !== null ? (entry as { message?: unknown }).message : undefined;
        return typeof message === 'string' ? [message] : [];
      });
    }
  } catch {
    // not JSON: use the text
  }
  const message = messages.length > 0 ? messages.join('; ') : text.trim();
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

function describe(code: JobsClientErrorCode, status: number, label: string, subject: string | undefined): string {
  const where = `${status} on ${label}`;
  switch (code) {
    case 'unauthorized':
      return `Flatfile did not accept the access token (${where}): it is missing, invalid or expired`;
    case 'forbidden':
      return `The access token may not do this (${where}): it lacks the rights for this space or resource`;
    case 'not-found':
      return `Flatfile has no ${subject ?? 'such resource'} (${where})`;
    case 'conflict':
      return `Flatfile refused ${label} in the current state of ${subject ?? 'the resource'} (${status})`;
    case 'rate-limited':
      return `Flatfile is limiting the rate of requests (${where})`;
    case 'server':
      return status === 408
        ? `Flatfile timed out waiting for ${label} (408)`
        : `Flatfile failed to answer ${label} (${status})`;
    default:
      return `Flatfile rejected ${label} as invalid (${status})`;
  }
}

/** The `JobsClientError` for a response that is not ok; reads (and so releases) its body. */
export async function responseError(response: Response, label: string, subject?: string): Promise<JobsClientError> {
  const code = codeOf(response.status);
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read: the status says enough
  }
  const detail = serverMessage(text);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const wait = retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`;
  const message = `${describe(code, response.status, label, subject)}${detail === '' ? '' : `: ${detail}`}${wait}`;
  return new JobsClientError(code, message, {
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** The error for a `fetch` that threw: the request may or may not have reached Flatfile. */
export function networkError(label: string, cause: unknown): JobsClientError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new JobsClientError('network', `Could not reach Flatfile for ${label}: ${reason}`, { cause });
}

export function invalidAnswer(label: string, message: string, cause?: unknown): JobsClientError {
  return new JobsClientError(
    'invalid',
    `Flatfile answered ${label} with ${message}`,
    cause === undefined ? {} : { cause },
  );
}
