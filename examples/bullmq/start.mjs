#!/usr/bin/env node
// `npm run example:bullmq`: bundles the example, then runs one server and two workers until Ctrl-C.
// Needs a running Redis (REDIS_URL, default redis://127.0.0.1:6379). PORT (default 3000), WORKERS (default 2).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}node_modules/.cache/jobkit-example-bullmq/`;
mkdirSync(out, { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
};
await Promise.all([
  build({ ...node, entryPoints: [`${here}server.ts`], outfile: `${out}server.mjs` }),
  build({ ...node, entryPoints: [`${here}worker.ts`], outfile: `${out}worker.mjs` }),
  build({
    entryPoints: [`${here}page.tsx`],
    outfile: `${out}app.js`,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  }),
]);
// The stylesheet's @imports are relative to src/: bundle it instead of copying it.
await build({ entryPoints: [`${root}src/styles.css`], outfile: `${out}styles.css`, bundle: true, logLevel: 'error' });

const env = { ...process.env, EXAMPLE_DIST: out };
const children = [];
const run = (file) => {
  // An IPC channel: a child exits when this process goes away, however it ends.
  const child = spawn(process.execPath, [`${out}${file}`], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${file} exited (${code}); stopping the example`);
      stop(1);
    }
  });
};
let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

for (let i = 0; i < Number(process.env.WORKERS ?? 2); i++) run('worker.mjs');
run('server.mjs');
