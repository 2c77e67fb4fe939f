#!/usr/bin/env node
// Part of `npm run build`, after `tsc -p tsconfig.build.json`: makes dist/types resolve under every
// `moduleResolution` a host may use (node16, nodenext, bundler).
//
// The sources use extensionless relative imports (`export * from './core'`), which bundler resolution and
// Vite accept. In a `"type": "module"` package, node16/nodenext resolution follows ESM rules in .d.ts files
// too: `'./core'` resolves to nothing, and the host sees `Module '"jobkit"' has no exported member ...`
// (or, with skipLibCheck, silent `any`s). This rewrites every relative specifier in the emitted
// declarations to the file it means (`./core/index.js`, `./job.js`), exactly as the JS build already
// writes them, and fails on a specifier that points at no declaration file, so nothing is guessed.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const typesDir = join(root, 'dist', 'types');

function declarationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./core` gives `./core/index.js` when core/index.d.ts exists, `./job` gives `./job.js`; else undefined. */
function withExtension(file, specifier) {
  if (/\.(?:js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  return undefined;
}

// `from './x'` (import, export ... from) and `import('./x')` (inline type imports tsc writes).
const specifierPattern = /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

if (!existsSync(typesDir)) {
  console.error(`declarations: ${relative(root, typesDir)} does not exist; run tsc -p tsconfig.build.json first.`);
  process.exit(1);
}

const problems = [];
let rewritten = 0;
const files = declarationFiles(typesDir);
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const next = source.replace(specifierPattern, (match, lead, quote, specifier) => {
    const fixed = withExtension(file, specifier);
    if (fixed === undefined) {
      problems.push(`${relative(root, file)}: "${specifier}" points at no declaration file`);
      return match;
    }
    if (fixed !== specifier) rewritten++;
    return `${lead}${quote}${fixed}${quote}`;
  });
  if (next !== source) writeFileSync(file, next);
}

if (problems.length > 0) {
  console.error(`declarations: ${problems.length} relative import(s) resolve to nothing:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`declarations: ${rewritten} relative import(s) in ${files.length} files now name their .js file.`);
