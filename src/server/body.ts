import { badRequest, HttpError } from './errors';

/**
 * The request's JSON body, read at most `maxBytes` (413 past it, whatever `Content-Length` claims). With
 * `optional`, an empty body reads as `undefined`.
 */
export async function readBody(request: Request, maxBytes: number, { optional = false } = {}): Promise<unknown> {
  const tooLarge = () => new HttpError(413, `The request body must be at most ${maxBytes} bytes`, 'body');
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (size === 0) {
    if (optional) return undefined;
    throw badRequest('body', 'is required: send the job as JSON');
  }
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'The request body must be JSON (Content-Type: application/json)', 'body');
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw badRequest('body', 'is not valid JSON');
  }
}
