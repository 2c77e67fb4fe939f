#!/usr/bin/env node
// Runs the Storybook CLI with telemetry off: `node scripts/storybook.mjs <storybook args...>`.
// Also imported by scripts/start.mjs.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function storybookBin() {
  const require = createRequire(join(root, 'package.json'));
  const pkgPath = require.resolve('storybook/package.json');
  const { bin } = require(pkgPath);
  const rel = typeof bin === 'string' ? bin : (bin.storybook ?? bin.sb);
  return join(dirname(pkgPath), rel);
}

/** Spawns Storybook and mirrors its exit code into this process. */
export function runStorybook(args) {
  const child = spawn(process.execPath, [storybookBin(), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`Could not start Storybook: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runStorybook(process.argv.slice(2));
}
