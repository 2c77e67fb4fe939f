import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';

// Three projects, all run by `npm test` (scripts/test.mjs):
//   unit      jsdom, test/**/*.test.{ts,tsx} except test/browser/**
//   browser   real Chromium, test/browser/**/*.test.{ts,tsx}
//   storybook real Chromium, every story in stories/ with its play function, checked by axe
//   e2e       node, e2e/**/*.e2e.test.ts: playwright-core drives Chromium against the BUILT Storybook
//             (storybook-static/, from `npm run build-storybook`); fails clearly when it is missing
// Pick one with `npm test -- --project unit` (or `npx vitest run --project unit`).

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as PackageJson;

/**
 * Pre-bundled before the first browser test: a dependency discovered mid-run makes Vite reload
 * the page, which fails tests at random (e.g. two copies of React: "reading 'useState'").
 * Runtime dependencies come from package.json, so a new one needs no edit here.
 */
const browserDeps = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.dependencies ?? {}),
  '@testing-library/dom',
  '@testing-library/react',
  '@testing-library/user-event',
  '@testing-library/jest-dom/vitest',
].filter((id, index, all) => {
  const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
  return all.indexOf(id) === index && name !== undefined && existsSync(fromRoot(`./node_modules/${name}/package.json`));
});

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh Chromium browser config per call: projects must not share one provider object. */
function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [...chromiumFlags],
      },
    }),
    instances: [{ browser: 'chromium' as const }],
    screenshotDirectory: fromRoot('./test-results/screenshots'),
  };
}

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: browserDeps },
  test: {
    passWithNoTests: true,
    // Hang protection, not a speed check: machines here are shared, and a loaded one runs a jsdom test
    // with dialogs and user-event well past Vitest's default 5 s. Speed lives in bench/.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          setupFiles: [fromRoot('./test/setup.ts')],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: [fromRoot('./test/setup.ts')],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fromRoot('./.storybook') })],
        test: {
          name: 'storybook',
          browser: chromium(),
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          // One Chromium at a time on a 2-core machine; each file shares one browser across its tests.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
