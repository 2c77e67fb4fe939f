#!/usr/bin/env node
// Sizes of the kit's public entries, min + gzip, measured as P1 in PERFORMANCE.md says: esbuild (bundle,
// minify, ESM, browser, production) and zlib gzip level 9, on the built dist/. Sizes are deterministic, so
// CI enforces the budgets: `node scripts/sizes.mjs --check` exits 1 when an entry is over.
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query'];
const KB = 1024;

const kit = (names) => `export { ${names.join(', ')} } from './dist/index.js';`;

/**
 * What is measured (P1 in PERFORMANCE.md): what a host pays for what it embeds, min + gzip, with React,
 * react-dom and react-query external and everything else (Floating UI, clsx) inside. `--check` (CI)
 * fails when an entry is over its budget, or, for an entry that is over its budget today, over its
 * `ceiling`: today's size and a little room, so no entry grows unnoticed while the kit is brought under
 * its budget (lower a ceiling whenever an entry gets smaller).
 */
export const entries = [
  {
    id: 'hooks',
    name: 'hooks: JobsProvider, useJobs, useJob, useCreateJob',
    code: kit(['JobsProvider', 'useJobs', 'useJob', 'useCreateJob']),
    external: peers,
    budget: 6 * KB,
    ceiling: 11.3 * KB,
  },
  {
    id: 'overlay',
    name: 'JobsProvider, ProgressOverlay',
    code: kit(['JobsProvider', 'ProgressOverlay']),
    external: peers,
    budget: 10 * KB,
    ceiling: 19.9 * KB,
  },
  {
    id: 'outcome',
    name: 'JobsProvider, OutcomeDialog',
    code: kit(['JobsProvider', 'OutcomeDialog']),
    external: peers,
    budget: 22 * KB,
  },
  {
    id: 'actions',
    name: 'JobsProvider, ActionBar',
    code: kit(['JobsProvider', 'ActionBar']),
    external: peers,
    budget: 28 * KB,
    ceiling: 34.1 * KB,
  },
  {
    id: 'whole',
    name: 'whole kit (export *)',
    code: "export * from './dist/index.js';",
    external: peers,
    budget: 48 * KB,
    ceiling: 55.0 * KB,
  },
  {
    id: 'core',
    name: 'jobkit/core',
    code: "export * from './dist/core.js';",
    external: peers,
    budget: 8 * KB,
    ceiling: 10.9 * KB,
  },
  { id: 'memory', name: 'jobkit/memory', code: "export * from './dist/memory.js';", external: peers, budget: 8 * KB },
  {
    id: 'flatfile',
    name: 'jobkit/flatfile',
    code: "export * from './dist/flatfile.js';",
    external: peers,
    budget: 8 * KB,
    ceiling: 8.1 * KB,
  },
  { id: 'http', name: 'jobkit/http', code: "export * from './dist/http.js';", external: peers, budget: 8 * KB },
  {
    id: 'de',
    name: 'jobkit/locales/de',
    code: "export * from './dist/locales/de.js';",
    external: peers,
    budget: 3 * KB,
  },
];

export async function measure(code, external, { metafile = false } = {}) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external,
    write: false,
    logLevel: 'silent',
    metafile,
  });
  const bytes = result.outputFiles[0].contents;
  const size = { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  if (!metafile) return size;
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]);
  return { ...size, inputs: inputs.sort((a, b) => b[1] - a[1]) };
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(`${root}/dist/index.js`)) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(1);
  }
  // `--detail[=N]`: for each entry, the N files (default 15) that put the most minified bytes into it.
  const detailArg = process.argv.find((arg) => arg === '--detail' || arg.startsWith('--detail='));
  const detail = detailArg ? Number(detailArg.split('=')[1] ?? 15) : 0;
  let over = 0;
  const rows = [];
  const details = [];
  for (const entry of entries) {
    const { min, gzip, inputs } = await measure(entry.code, entry.external, { metafile: detail > 0 });
    if (inputs) details.push([entry.name, inputs.slice(0, detail)]);
    const ok = gzip <= entry.budget;
    const limit = entry.ceiling ?? entry.budget;
    if (gzip > limit) over += 1;
    const verdict = ok ? 'ok' : gzip > limit ? 'OVER' : `over budget; under its ceiling of ${kb(limit)}`;
    rows.push([entry.name, kb(min), kb(gzip), kb(entry.budget), verdict]);
  }
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map((r) => r[i].length), ['entry', 'min', 'min+gzip', 'budget', ''][i].length),
  );
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(['entry', 'min', 'min+gzip', 'budget', '']));
  for (const row of rows) console.log(line(row));
  for (const [name, inputs] of details) {
    console.log(`\n${name}: minified bytes by file`);
    for (const [file, bytes] of inputs) console.log(`  ${String(bytes).padStart(7)}  ${file}`);
  }
  if (process.argv.includes('--check') && over > 0) {
    console.error(`\n${over} entr${over === 1 ? 'y is' : 'ies are'} over budget (or over its ceiling).`);
    process.exit(1);
  }
}
