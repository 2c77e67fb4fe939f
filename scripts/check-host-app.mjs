#!/usr/bin/env node
// The kit as a real host app gets it: examples/host-app (Vite, React, Tailwind v4, a shadcn-style tooltip)
// installs the tarball that `npm pack` made (test-results/package/jobkit.tgz, from scripts/check-package.mjs),
// once with React 18 and once with React 19, each in a fresh folder outside the repository (so nothing
// resolves from the kit's own node_modules). For each: type-check a host file under NodeNext and Bundler
// resolution with skipLibCheck off, build for production, build for development (React's warnings on) with
// a server-rendered page, fail on any warning while rendering on the server, then drive it in Chromium
// (scripts/host-app/drive.mjs). Prints one line per check and `host-app: OK` or `host-app: FAILED`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drive } from './host-app/drive.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'examples', 'host-app');
const tarball = join(root, 'test-results', 'package', 'jobkit.tgz');
const keep = process.env.KEEP_HOST_APP === '1';

/** The React versions the peer range promises, with the matching type packages. */
const variants = [
  {
    name: 'React 18',
    versions: { react: '18.3.1', 'react-dom': '18.3.1', '@types/react': '18.3.32', '@types/react-dom': '18.3.7' },
  },
  {
    name: 'React 19',
    versions: { react: '19.3.1', 'react-dom': '19.3.1', '@types/react': '19.3.3', '@types/react-dom': '19.3.0' },
  },
];

if (!existsSync(tarball)) {
  console.error(`host-app: ${relative(root, tarball)} is missing; pack the kit first: node scripts/check-package.mjs`);
  process.exit(1);
}

/** Runs a command in `cwd`; its output shows only when it fails. */
function run(cwd, command, args, env = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(
      `\`${[command, ...args].join(' ')}\` failed (exit ${result.status}):\n${output.trim().split('\n').slice(-40).join('\n')}`,
    );
  }
  return output;
}

/** A copy of the example with the tarball and this variant's React, installed. */
function install(variant) {
  const dir = mkdtempSync(join(tmpdir(), `jobkit-host-app-${variant.versions.react}-`));
  cpSync(example, dir, {
    recursive: true,
    filter: (path) => !['node_modules', 'dist', 'dist-dev', 'dist-server'].includes(basename(path)),
  });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.dependencies.jobkit = `file:${tarball}`;
  for (const [name, version] of Object.entries(variant.versions)) {
    if (name in pkg.dependencies) pkg.dependencies[name] = version;
    else pkg.devDependencies[name] = version;
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline']);
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'react', 'package.json'), 'utf8')).version;
  if (installed !== variant.versions.react)
    throw new Error(`installed react ${installed}, expected ${variant.versions.react}`);
  return dir;
}

/**
 * Every JS entry of package.json "exports" (the one list of them), imported by name: type-checked by the
 * host's tsconfigs and loaded by Node, so a new entry is checked without an edit here.
 */
function entryChecks(dir) {
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && target !== null)
    .map(([key]) => (key === '.' ? 'jobkit' : `jobkit/${key.slice(2)}`));
  const lines = names.map((name, i) => `import * as entry${i} from '${name}';`);
  lines.push('', `export const entries: object[] = [${names.map((_, i) => `entry${i}`).join(', ')}];`, '');
  writeFileSync(join(dir, 'src', 'entries-check.ts'), `// Written by scripts/check-host-app.mjs.\n${lines.join('\n')}`);
  const load = names.map((name) => `await import('${name}');`).join(' ');
  return { names, load };
}

async function check(variant) {
  const log = (line) => console.log(`  ✓ ${variant.name}: ${line}`);
  const started = Date.now();
  const dir = install(variant);
  try {
    log(`installed the tarball with react ${variant.versions.react} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const entries = entryChecks(dir);
    run(dir, 'node', ['--input-type=module', '-e', entries.load]);
    log(`Node loads every entry: ${entries.names.join(', ')}`);
    run(dir, 'npx', ['tsc', '-p', 'tsconfig.nodenext.json']);
    run(dir, 'npx', ['tsc', '-p', 'tsconfig.bundler.json']);
    log('the host (and an import of every entry) type-checks under NodeNext and Bundler, skipLibCheck off');
    run(dir, 'npx', ['vite', 'build']);
    log('vite build (production)');
    const dev = { NODE_ENV: 'development' };
    run(dir, 'npx', ['vite', 'build', '--outDir', 'dist-dev'], dev);
    run(dir, 'npx', ['vite', 'build', '--ssr', 'src/server.tsx', '--outDir', 'dist-server'], dev);
    run(dir, 'node', ['scripts/render.mjs', 'dist-dev/index.html'], dev);
    log('server-rendered on Node with no warnings (React development build)');
    await drive(join(dir, 'dist-dev'), log);
  } finally {
    if (keep) console.log(`  (kept ${dir})`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const failures = [];
for (const variant of variants) {
  console.log(`\nhost-app: ${variant.name}`);
  try {
    await check(variant);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`  ✗ ${variant.name}: ${message}`);
    failures.push(variant.name);
  }
}

if (failures.length > 0) {
  console.error(`\nhost-app: FAILED on ${failures.join(' and ')}`);
  process.exit(1);
}
console.log(`\nhost-app: OK on ${variants.map((variant) => variant.name).join(' and ')}`);
