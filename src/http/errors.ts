import { JobsClientError, type JobsClientErrorCode } from '../core';

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function codeOf(status: number): JobsClientErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** The `JobsClientError` for a response that is not ok, with the server's `{ errors: [{ key?, message }] }`. */
export async function responseError(response: Response, label: string): Promise<JobsClientError> {
  let detail = '';
  try {
    const text = await response.text();
    try {
      const errors = (JSON.parse(text) as { errors?: Array<{ key?: unknown; message?: unknown }> }).errors ?? [];
      detail = errors.map((entry) => String(entry.message)).join('; ');
    } catch {
      detail = text.trim();
    }
  } catch {
    // the status says enough
  }
  if (detail.length > 200) detail = `${detail.slice(0, 200)}…`;
  const seconds = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
  const message = `The jobs server refused ${label} (${response.status})${detail === '' ? '' : `: ${detail}`}`;
  return new JobsClientError(codeOf(response.status), message, {
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

export function networkError(label: string, cause: unknown): JobsClientError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new JobsClientError('network', `Could not reach the jobs server for ${label}: ${reason}`, { cause });
}
