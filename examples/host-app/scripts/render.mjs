// Server-renders the app (dist-server/server.js, from `vite build --ssr src/server.tsx`) into the built
// page's #root, failing on any warning React logs while it renders (React 18 warns, for instance, about
// each useLayoutEffect that runs on the server). Usage: node scripts/render.mjs <built index.html>
import { readFileSync, writeFileSync } from 'node:fs';

const page = process.argv[2];
if (page === undefined) throw new Error('usage: node scripts/render.mjs <built index.html>');

const logged = [];
for (const level of ['error', 'warn']) {
  const original = console[level];
  console[level] = (...args) => {
    logged.push(`console.${level}: ${args.map(String).join(' ')}`);
    original.apply(console, args);
  };
}

const { render } = await import(new URL('../dist-server/server.js', import.meta.url).href);
const html = render();
const template = readFileSync(page, 'utf8');
if (!template.includes('<!--app-->')) throw new Error(`${page} has no <!--app--> placeholder`);
writeFileSync(page, template.replace('<!--app-->', html));

if (logged.length > 0) {
  console.error(`server render: ${logged.length} warning(s):\n${logged.join('\n')}`);
  process.exit(1);
}
console.log(`server render: ${html.length} characters of HTML, no warnings`);
