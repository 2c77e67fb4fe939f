// The server process: the jobs protocol under /api on BullMQ, the host page, and the host app's data.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { bullmqBackend, createJobsHandler, toNodeListener } from '../../src/server';
import { CONTACTS_KEY, exportKey, OPERATIONS, QUEUE, redisConnection } from './config';

const here = process.env.EXAMPLE_DIST ?? '.';
const port = Number(process.env.PORT ?? 3000);
const connection = redisConnection();
const redis = new Redis(connection);

const backend = bullmqBackend({ connection, queues: Object.fromEntries(OPERATIONS.map((key) => [key, QUEUE])) });
const jobs = createJobsHandler({
  backend,
  basePath: '/api',
  // A demo sign-in: the page's cookie names the user. A real host reads its own session here.
  authorize: (request) => {
    const user = /(?:^|;\s*)demo-user=(\w{1,40})/.exec(request.headers.get('cookie') ?? '')?.[1];
    return user === undefined ? undefined : { id: user };
  },
});
const api = toNodeListener(jobs.handle);

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Jobkit on BullMQ</title><link rel="stylesheet" href="/styles.css"></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body>
</html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/contacts') {
    void redis.get(CONTACTS_KEY).then((text) => {
      res.setHeader('content-type', 'application/json');
      res.end(text ?? '[]');
    });
    return;
  }
  if (path.startsWith('/api/')) return void api(req, res);
  if (path.startsWith('/exports/')) {
    void redis.get(exportKey(path)).then((text) => {
      res.statusCode = text === null ? 404 : 200;
      res.setHeader('content-type', 'text/csv');
      res.end(text ?? 'No such export');
    });
    return;
  }
  const files: Record<string, [string, string]> = {
    '/app.js': ['app.js', 'text/javascript'],
    '/styles.css': ['styles.css', 'text/css'],
  };
  const file = files[path];
  if (file !== undefined) {
    res.setHeader('content-type', file[1]);
    res.end(readFileSync(join(here, file[0])));
    return;
  }
  if (path !== '/') {
    res.statusCode = 404;
    res.end('Not found');
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  if (!/demo-user=/.test(req.headers.cookie ?? ''))
    res.setHeader('set-cookie', 'demo-user=demo; Path=/; SameSite=Lax; HttpOnly');
  res.end(page);
});

server.listen(port, '127.0.0.1', () => console.log(`Jobkit on BullMQ: http://127.0.0.1:${port}/`));

const stop = async () => {
  jobs.close();
  server.closeAllConnections();
  server.close();
  await backend.close();
  redis.disconnect();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());
