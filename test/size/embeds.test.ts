// @vitest-environment node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// What a host pays for is what it embeds (P1 in PERFORMANCE.md): these tests read the module graph esbuild
// bundles for an embed of the built kit (`measure` in scripts/sizes.mjs), by file, not by byte count.

interface Embed {
  id: string;
  code: string;
  external: string[];
}
interface Sizes {
  entries: Embed[];
  measure(code: string, external: string[], options: { metafile: true }): Promise<{ inputs: [string, number][] }>;
}

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
let sizes: Sizes;

async function filesOf(id: string): Promise<string[]> {
  const entry = sizes.entries.find((e) => e.id === id);
  if (entry === undefined) throw new Error(`no embed "${id}" in scripts/sizes.mjs`);
  const { inputs } = await sizes.measure(entry.code, entry.external, { metafile: true });
  return inputs.map(([file]) => file);
}

/**
 * What a component brings with it: strings, live regions, the hidden-tab notifier, the overlays' registry,
 * and the routing of a job's end to dialogs, notices and announcements.
 */
const uiModules = [
  'dist/core/messages.js',
  'dist/core/message-format.js',
  'dist/core/outcome-helpers.js',
  'dist/store/job-ends.js',
  'dist/react/announcer.js',
  'dist/react/overlay-registry.js',
  'dist/react/use-hidden-tab.js',
  'dist/store/hidden-tab.js',
];

describe('the hooks-only embed (JobsProvider, useJobs, useJob, useCreateJob)', () => {
  beforeAll(async () => {
    if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first.');
    const url = new URL('../../scripts/sizes.mjs', import.meta.url).href;
    sizes = (await import(/* @vite-ignore */ url)) as Sizes;
  }, 30_000);

  it('carries the data layer and none of what the kit’s components bring', async () => {
    const files = await filesOf('hooks');
    expect(files).toContain('dist/react/provider.js');
    expect(files).toContain('dist/store/store.js');
    expect(files.filter((file) => uiModules.includes(file))).toEqual([]);
  });

  it('while a component brings what it uses: the progress overlay its strings and live regions', async () => {
    const files = await filesOf('overlay');
    expect(files).toEqual(
      expect.arrayContaining(['dist/core/messages.js', 'dist/react/announcer.js', 'dist/react/overlay-registry.js']),
    );
  });
});
