#!/usr/bin/env node
// Last step of `npm run build`: checks dist/ against package.json before anyone publishes it.
//  1. every target in package.json "exports" exists;
//  2. dist/core.js and dist/memory.js (and every chunk they import) import nothing from
//     react, react-dom, @tanstack/* or @radix-ui/*: core and memory are framework-free;
//  3. dist/index.js starts with the 'use client' directive;
//  4. dist/flatfile.js (the Flatfile adapter) imports neither React nor `@flatfile/api`, and nothing
//     dist/index.js loads contains it: the main entry never pulls the adapter in;
//  5. dist/http.js and dist/server.js import no React; dist/http.js (browser) neither bullmq nor node:*.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

function exportTargets(value, key = '.') {
  if (typeof value === 'string') return [{ key, target: value }];
  if (Array.isArray(value)) return value.flatMap((item) => exportTargets(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => exportTargets(v, k.startsWith('.') ? k : `${key} [${k}]`));
  }
  return [];
}

for (const { key, target } of exportTargets(pkg.exports ?? {})) {
  if (!existsSync(join(root, target))) problems.push(`exports "${key}" points to ${target}, which does not exist`);
}

const importPatterns = [
  // import x from 'y'; import { a } from 'y'; import * as n from 'y'; export { a } from 'y'; export * from 'y'
  /(?:^|[\s;])(?:import|export)\s*(?:type\s+)?[\w$*{}\s,]*?\s*from\s*(['"])([^'"]+)\1/g,
  // import 'y';
  /(?:^|[\s;])import\s*(['"])([^'"]+)\1/g,
  // import('y')
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
];

function importsOf(code) {
  const specifiers = new Set();
  for (const pattern of importPatterns) {
    for (const match of code.matchAll(pattern)) specifiers.add(match[2]);
  }
  return [...specifiers];
}

const forbidden = [/^react(?:\/|$)/, /^react-dom(?:\/|$)/, /^@tanstack\//, /^@radix-ui\//];

/** The files an entry loads (itself and the local chunks it imports) and its bare imports, with their path. */
function walk(entry) {
  const start = join(root, entry);
  const files = new Set();
  const bare = [];
  if (!existsSync(start)) return { files, bare }; // already reported as a missing export target
  const queue = [[start, [entry]]];
  while (queue.length > 0) {
    const [file, trail] = queue.shift();
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const next = resolve(dirname(file), specifier);
        if (existsSync(next)) queue.push([next, [...trail, relative(root, next)]]);
        else problems.push(`${relative(root, file)} imports ${specifier}, which does not exist`);
      } else {
        bare.push({ specifier, trail });
      }
    }
  }
  return { files, bare };
}

/** Reports framework imports (and any `extra` pattern) reached from an entry, with their path. */
function checkFrameworkFree(entry, extra = []) {
  for (const { specifier, trail } of walk(entry).bare) {
    if ([...forbidden, ...extra].some((pattern) => pattern.test(specifier))) {
      problems.push(`${trail.join(' -> ')} imports "${specifier}": ${entry} must not depend on it`);
    }
  }
}

checkFrameworkFree('dist/core.js');
checkFrameworkFree('dist/memory.js');
checkFrameworkFree('dist/locales/de.js');
checkFrameworkFree('dist/flatfile.js', [/^@flatfile\//]);
checkFrameworkFree('dist/http.js', [/^bullmq/, /^node:/]);
checkFrameworkFree('dist/server.js');

const adapter = join(root, 'dist/flatfile.js');
for (const file of walk('dist/index.js').files) {
  if (file === adapter)
    problems.push('dist/index.js loads dist/flatfile.js: the main entry must not pull in the Flatfile adapter');
  else if (readFileSync(file, 'utf8').includes('createFlatfileJobsClient')) {
    problems.push(`${relative(root, file)}, loaded by dist/index.js, contains the Flatfile adapter`);
  }
}

const reactEntry = join(root, 'dist/index.js');
if (existsSync(reactEntry)) {
  const head = readFileSync(reactEntry, 'utf8').slice(0, 200);
  if (!/^(['"])use client\1/.test(head)) {
    problems.push(`dist/index.js must start with 'use client'; it starts with: ${JSON.stringify(head.slice(0, 40))}`);
  }
}

if (problems.length > 0) {
  console.error(`check-build: ${problems.length} problem(s) in dist/:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  "check-build: exports resolve, core, memory, flatfile, http and server are React-free, dist/index.js starts with 'use client' and does not load the Flatfile adapter.",
);
