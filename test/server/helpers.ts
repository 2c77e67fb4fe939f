import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Caller } from '../../src/server';
import { toNodeListener } from '../../src/server';

/** `Authorization: Bearer <user>`; `admin` may see every job. */
export function bearerCaller(request: Request): Caller | undefined {
  const match = /^Bearer (\w+)$/.exec(request.headers.get('authorization') ?? '');
  if (match === null) return undefined;
  const id = match[1] as string;
  return id === 'admin' ? { id, canAccess: () => true } : { id };
}

export const as = (user: string) => ({ authorization: `Bearer ${user}` });

export interface TestServer {
  baseUrl: string;
  /** Cuts every open connection (event streams included), as a proxy or a network drop would. */
  dropConnections(): void;
  /** Cuts the open event streams only (requests in flight go on). */
  dropStreams(): void;
  close(): Promise<void>;
}

/** The handler on Node's http server on 127.0.0.1, on a free port. */
export async function listen(handle: (request: Request) => Promise<Response>): Promise<TestServer> {
  const server: Server = createServer(toNodeListener(handle));
  const streams = new Set<Socket>();
  server.on('request', (request: IncomingMessage) => {
    if (!request.url?.includes('/events')) return;
    const socket = request.socket;
    streams.add(socket);
    socket.once('close', () => streams.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    dropConnections: () => server.closeAllConnections(),
    dropStreams: () => {
      for (const socket of streams) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `check` passes, polling every 10 ms, for at most `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
