#!/usr/bin/env node
// `npm test`: every Vitest project (unit, browser, storybook), closing with one line
// `N passed, N failed` that CI reads. Extra arguments go to Vitest:
//   npm test -- --project unit
//   npm test -- test/core/status.test.ts
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportFile = join(root, 'test-results', 'vitest.json');
const args = process.argv.slice(2);
const started = Date.now();

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.warn(`CHROMIUM_PATH=${fromEnv} is not an executable file; looking elsewhere.`);
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? onPath('chromium-browser');
}

function installChromium() {
  const run = (command, commandArgs) => {
    console.log(`$ ${command} ${commandArgs.join(' ')}`);
    const result = spawnSync(command, commandArgs, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return result.status === 0;
  };
  console.log('Chromium not found: installing it with apt-get (running as root).');
  return run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']);
}

/** Projects named with `--project x` / `--project=x`; empty means all of them. */
function selectedProjects() {
  const names = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--project' && args[i + 1]) names.push(args[++i]);
    else if (arg.startsWith('--project=')) names.push(arg.slice('--project='.length));
  }
  return names;
}

function ensureChromium() {
  const projects = selectedProjects();
  if (projects.length > 0 && projects.every((name) => name === 'unit')) return;

  let chromium = findChromium();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!chromium && isRoot && onPath('apt-get')) {
    if (installChromium()) chromium = findChromium();
    else console.error('apt-get could not install Chromium (see its output above).');
  }
  if (!chromium) {
    console.error(
      [
        '',
        'Chromium is needed for the `browser` and `storybook` test projects, and none was found',
        '(looked at $CHROMIUM_PATH, /usr/bin/chromium, `chromium` and `chromium-browser` on PATH).',
        'Install it, then run `npm test` again:',
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
        '  elsewhere:     install Chromium and set CHROMIUM_PATH=/path/to/chromium',
        'Only the jsdom tests need no browser: npm test -- --project unit',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  process.env.CHROMIUM_PATH = chromium;
}

function vitestBin() {
  const require = createRequire(join(root, 'package.json'));
  const pkgPath = require.resolve('vitest/package.json');
  const { bin } = require(pkgPath);
  return join(dirname(pkgPath), typeof bin === 'string' ? bin : bin.vitest);
}

function runVitest() {
  rmSync(reportFile, { force: true });
  mkdirSync(dirname(reportFile), { recursive: true });
  const vitestArgs = [
    vitestBin(),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${relative(root, reportFile)}`,
    ...args,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, vitestArgs, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => child.kill(signal));
    }
    child.on('error', (error) => {
      console.error(`Could not start Vitest: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Counts from the JSON report; a file that failed outside its tests (import error, hook) counts as one failure. */
function summarize(exitCode) {
  if (!existsSync(reportFile)) {
    console.error(`\nVitest wrote no report (${relative(root, reportFile)}); exit code ${exitCode}.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  );
  if (brokenFiles.length > 0) {
    console.error(`\n${brokenFiles.length} test file(s) failed outside any test (each counted as 1 failure):`);
    for (const file of brokenFiles) {
      const message = (file.message || 'no message').split('\n')[0];
      console.error(`  ${relative(root, file.name)}: ${message}`);
    }
    failed += brokenFiles.length;
  }

  if (exitCode !== 0 && failed === 0) {
    console.error(
      `\nVitest exited with code ${exitCode} without a failing test (an unhandled error or a ` +
        'config problem, see above): counted as 1 failure.',
    );
    failed = 1;
  }
  return { passed, failed, skipped };
}

/**
 * The e2e project drives the built Storybook: build it first, so `npm test` works on a fresh clone and never
 * tests an old build. Skipped when only other projects run, or when the caller built it just now
 * (`STORYBOOK_BUILT=1`, as .ci/run does).
 */
function buildStorybookForE2e() {
  const projects = selectedProjects();
  if (projects.length > 0 && !projects.includes('e2e')) return true;
  if (process.env.STORYBOOK_BUILT === '1') return true;
  console.log('Building Storybook for the e2e project (npm run build-storybook)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'storybook.mjs'), 'build', '--quiet', '-o', 'storybook-static'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    },
  );
  if (result.status !== 0) console.error('Storybook did not build: the e2e tests will fail (see above).');
  return result.status === 0;
}

ensureChromium();
buildStorybookForE2e();
const exitCode = await runVitest();
const { passed, failed, skipped } = summarize(exitCode);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (passed + failed === 0) {
  console.error('\nNo tests ran: that is a failure, not a pass.');
}
console.log(`\n${skipped > 0 ? `${skipped} skipped or todo; ` : ''}took ${seconds}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed + failed === 0 || exitCode !== 0 ? 1 : 0);
