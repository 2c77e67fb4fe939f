import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A string, not `new URL`: jsdom's URL is not the one Node's fileURLToPath accepts.
const root = `${resolve(dirname(fileURLToPath(import.meta.url)), '../..')}/`;

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const WATCHDOG = `
const { spawn } = require('node:child_process');
const redis = spawn(process.argv[1], process.argv.slice(2), { stdio: ['ignore', 'inherit', 'inherit'] });
process.on('disconnect', () => redis.kill('SIGKILL'));
process.on('SIGTERM', () => redis.kill('SIGTERM'));
redis.on('exit', (code) => process.exit(code ?? 0));
`;

export interface Redis {
  port: number;
  connection: { host: string; port: number; maxRetriesPerRequest: null };
  stop(): Promise<void>;
}

function findRedisServer(): string {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(path)) return path;
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (found !== '') return found;
  throw new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does this)');
}

/** A throwaway redis-server on a free port, nothing saved; `stop` shuts it down (and kills it if it lingers). */
export async function startRedis(): Promise<Redis> {
  const binary = findRedisServer();
  const port = await freePort();
  // redis-server runs under a small Node watchdog that kills it when this process goes away, however it ends
  // (a crash or a kill of the test runner included): no instance outlives the run.
  const child: ChildProcess = spawn(
    process.execPath,
    ['-e', WATCHDOG, binary, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start on ${port}:\n${output}`)), 10_000);
    const check = () => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      spawnSync(binary.replace(/redis-server$/, 'redis-cli'), ['-p', String(port), 'shutdown', 'nosave'], {
        timeout: 5000,
      });
      const timer = setTimeout(() => child.kill('SIGTERM'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The worker fixture bundled for `node` (bullmq stays a package import). */
export async function buildWorker(): Promise<string> {
  const outDir = `${root}test-results`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/bullmq-worker.mjs`;
  // esbuild's CLI in its own process: its JS API refuses to load in jsdom.
  const result = spawnSync(
    `${root}node_modules/.bin/esbuild`,
    [
      `${root}test/server/fixtures/worker.ts`,
      `--outfile=${outfile}`,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--external:bullmq',
      '--external:ioredis',
      '--log-level=error',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`Could not bundle the worker: ${result.stderr}`);
  return outfile;
}

export interface WorkerProcess {
  pid: number;
  /** SIGKILL: the job it holds is left locked, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A worker process on `queue`; resolves once it is connected. It exits when this process goes away. */
export async function startWorker(script: string, port: number, queue: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, REDIS_PORT: String(port), QUEUE: queue },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker did not start in 15 s')), 15_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${code}`));
    });
  });
  const ended = (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    return exited.then(() => clearTimeout(timer));
  };
  return { pid: child.pid ?? 0, kill: () => ended('SIGKILL'), stop: () => ended('SIGTERM') };
}
