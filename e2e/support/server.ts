import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built Storybook; `E2E_STORYBOOK_DIR` points elsewhere (e.g. to check the missing-build message). */
export const staticDir =
  process.env.E2E_STORYBOOK_DIR ?? fileURLToPath(new URL('../../storybook-static/', import.meta.url));

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Throws a clear error when the built Storybook is missing: the suite never passes without it. */
export function assertBuilt(): void {
  if (!existsSync(join(staticDir, 'iframe.html')) || !existsSync(join(staticDir, 'index.json'))) {
    throw new Error(
      `The end-to-end suite runs against the built Storybook, and ${staticDir} has no iframe.html/index.json. ` +
        'Build it first: npm run build-storybook',
    );
  }
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves storybook-static on 127.0.0.1 at a random free port. */
export async function serveStorybook(): Promise<StaticServer> {
  assertBuilt();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(staticDir, path));
    if (!file.startsWith(staticDir.endsWith(sep) ? staticDir : staticDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'max-age=3600',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
