import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The stylesheet's contract with a host app, read from the source files: every rule in the `jobkit` layer,
// every selector zero-specificity and naming kit elements only.

// Vitest runs from the repository's root.
const stylesDir = join(process.cwd(), 'src', 'styles');
const entry = readFileSync(join(process.cwd(), 'src', 'styles.css'), 'utf8');
const files = readdirSync(stylesDir).filter((name) => name.endsWith('.css'));

/** Every selector list of a file (rules only; at-rules, keyframe steps and declarations left out). */
function selectorsOf(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/([^{};]+)\{/g)]
    .map((match) => (match[1] ?? '').replace(/\s+/g, ' ').trim())
    .filter(
      (selector) => !selector.startsWith('@') && !/^(?:from|to|[\d.]+%)(?:\s*,\s*(?:from|to|[\d.]+%))*$/.test(selector),
    );
}

/** Splits on commas outside parentheses. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

describe('the stylesheet', () => {
  it('imports every part file into the jobkit layer', () => {
    const imports = [...entry.matchAll(/^@import '\.\/styles\/([\w-]+\.css)'(.*);$/gm)];
    expect(imports.map((match) => match[1]).sort()).toEqual([...files].sort());
    for (const match of imports) expect(match[2]).toBe(' layer(jobkit)');
  });

  it.each(files)('%s: every selector sits in :where() and names a slot only with the kit mark', (file) => {
    const selectors = selectorsOf(readFileSync(join(stylesDir, file), 'utf8'));
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors.flatMap(splitTopLevel)) {
      expect(selector, selector).toMatch(/^:where\(/);
      // Each occurrence of a slot attribute comes right after the kit's mark, in the same compound.
      const slots = selector.match(/\[data-slot=/g)?.length ?? 0;
      const marked = selector.match(/\[data-jk\]\[data-slot=/g)?.length ?? 0;
      expect(marked, selector).toBe(slots);
    }
  });
});
