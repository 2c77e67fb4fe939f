#!/usr/bin/env node
// The package as a host receives it: `npm pack` (its `prepack` builds dist/), then
//  1. the tarball holds only dist/, README.md, LICENSE and package.json (and all four are there);
//  2. @arethetypeswrong/cli finds every "exports" entry typed under node16 and bundler resolution
//     (the kit is ESM-only, so the node10 and CommonJS rows are not asked for; a CSS subpath has no types);
//  3. publint (strict: warnings are errors) finds nothing, suggestions included.
// Leaves the tarball at test-results/package/jobkit.tgz for scripts/check-host-app.mjs. Exit code 1 on any problem.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'test-results', 'package');
const tarball = join(outDir, 'jobkit.tgz');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const problems = [];

function run(command, args, { capture = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
  });
  return { status: result.status ?? 1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

console.log('check-package: npm pack (prepack builds dist/)');
if (run(npm, ['pack', '--pack-destination', outDir]).status !== 0) {
  console.error('check-package: npm pack failed (see above).');
  process.exit(1);
}
const packed = readdirSync(outDir).filter((name) => name.endsWith('.tgz'));
if (packed.length !== 1 || packed[0] === undefined) {
  console.error(`check-package: expected one tarball in ${relative(root, outDir)}, found ${packed.length}.`);
  process.exit(1);
}
renameSync(join(outDir, packed[0]), tarball);

// 1. Content.
const dryRun = run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { capture: true });
const files = dryRun.status === 0 ? JSON.parse(dryRun.stdout)[0].files.map((file) => file.path) : [];
if (dryRun.status !== 0) problems.push(`npm pack --dry-run failed: ${dryRun.stderr.trim()}`);
const allowed = (path) => path.startsWith('dist/') || ['README.md', 'LICENSE', 'package.json'].includes(path);
for (const path of files.filter((file) => !allowed(file))) problems.push(`the tarball holds ${path}`);
for (const needed of [
  'README.md',
  'LICENSE',
  'package.json',
  'dist/index.js',
  'dist/styles.css',
  'dist/types/index.d.ts',
]) {
  if (dryRun.status === 0 && !files.includes(needed)) problems.push(`the tarball lacks ${needed}`);
}
console.log(
  `check-package: ${files.length} files, ${problems.length === 0 ? 'only dist/, README.md, LICENSE and package.json' : 'see problems below'}`,
);

// 2. Types under every resolution.
console.log('\ncheck-package: attw (are the types wrong?)');
const attw = run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css']);
if (attw.status !== 0) problems.push('attw reported problems (see above)');

// 3. publint on the same tarball.
console.log('\ncheck-package: publint --strict');
const publint = run(bin('publint'), ['run', tarball, '--strict', '--level', 'suggestion'], { capture: true });
process.stdout.write(publint.stdout + publint.stderr);
if (publint.status !== 0 || !publint.stdout.includes('All good!'))
  problems.push('publint reported problems (see above)');

if (problems.length > 0) {
  console.error(`\ncheck-package: FAILED, ${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`\ncheck-package: OK (${relative(root, tarball)}: contents, attw and publint clean)`);
