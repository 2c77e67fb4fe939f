/**
 * The parts of Node's `http.IncomingMessage` the listener reads. Written out rather than imported from
 * `node:http`, so `jobkit/server`'s types need no `@types/node` (edge runtimes, browser-only type checks).
 */
export interface NodeIncomingMessage {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  destroy(): unknown;
}

/** The parts of Node's `http.ServerResponse` the listener writes. */
export interface NodeServerResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** A listener for `http.createServer`, or an Express / Connect middleware (it never calls `next`). */
export type NodeRequestListener = (request: NodeIncomingMessage, response: NodeServerResponse) => Promise<void>;

/** The request body as a web stream, without `node:stream` (so this module loads on edge runtimes too). */
function bodyOf(req: NodeIncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Uint8Array) => controller.enqueue(new Uint8Array(chunk)));
      req.on('end', () => controller.close());
      req.on('error', (error) => controller.error(error));
    },
    cancel() {
      req.destroy();
    },
  });
}

/**
 * Mounts a `Request → Response` handler (e.g. `createJobsHandler(...).handle`) on Node's `http` server. The
 * request's signal fires when the client goes away, which ends an event stream and its timers.
 */
export function toNodeListener(
  handle: (request: Request) => Promise<Response>,
  { origin = 'http://localhost' }: { origin?: string } = {},
): NodeRequestListener {
  return async (req, res) => {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const init: RequestInit & { duplex?: 'half' } = { method: req.method ?? 'GET', headers, signal: controller.signal };
    if (hasBody) {
      init.body = bodyOf(req);
      init.duplex = 'half';
    }
    let response: Response;
    try {
      response = await handle(new Request(new URL(req.url ?? '/', origin), init));
    } catch {
      response = new Response(JSON.stringify({ errors: [{ message: 'The jobs server failed to answer' }] }), {
        status: 500,
      });
    }
    res.statusCode = response.status;
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    if (response.body === null) {
      res.end();
      return;
    }
    res.flushHeaders();
    const reader = response.body.getReader();
    res.on('close', () => void reader.cancel().catch(() => {}));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    } catch {
      // the client went away mid-body
    }
    res.end();
  };
}
