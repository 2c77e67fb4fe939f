import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Library build (`npm run build`). Storybook's Vite builder also loads this file for its
// plugins (it drops `build`), so anything build-only checks for library mode first.

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
}

const pkg = JSON.parse(readFileSync(fromRoot('./package.json'), 'utf8')) as PackageJson;

const externalPackages = new Set([
  'react',
  'react-dom',
  '@tanstack/react-query',
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.dependencies ?? {}),
]);

/**
 * The library's entries come from package.json "exports", the one list of them: `"./core": { types:
 * "./dist/types/core/index.d.ts", default: "./dist/core.js" }` builds src/core/index.ts into dist/core.js.
 * A new entry is one more line there (attw, publint and scripts/check-build.mjs read the same list).
 */
function libraryEntries(exports: PackageJson['exports']): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, target] of Object.entries(exports)) {
    if (typeof target === 'string') continue; // ./styles.css, ./package.json
    const name = /^\.\/dist\/(.+)\.js$/.exec(target.default)?.[1];
    const source = /^\.\/dist\/types\/(.+)\.d\.ts$/.exec(target.types)?.[1];
    if (name === undefined || source === undefined) {
      throw new Error(`package.json exports "${key}": expected ./dist/<name>.js and ./dist/types/<path>.d.ts`);
    }
    entries[name] = fromRoot(`./src/${source}.ts`);
  }
  return entries;
}

/** `react`, `react/jsx-runtime`, `react-dom/client`, `@floating-ui/react-dom`... stay imports. */
function isExternal(id: string): boolean {
  for (const name of externalPackages) {
    if (id === name || id.startsWith(`${name}/`)) return true;
  }
  return false;
}

/**
 * The stylesheet with its local `@import`s inlined, so `dist/styles.css` is one self-contained file. An
 * `@import './x.css' layer(jobkit);` becomes `@layer jobkit { ... }` around the file's rules.
 */
function inlineImports(file: string): string {
  return readFileSync(file, 'utf8').replace(
    /^@import\s+'(\.[^']+)'(?:\s+layer\(([\w-]+)\))?;\s*$/gm,
    (_line, path: string, layer: string | undefined) => {
      const css = inlineImports(fileURLToPath(new URL(path, `file://${file}`))).trim();
      return layer === undefined ? css : `@layer ${layer} {\n${css}\n}`;
    },
  );
}

/** Ships the optional stylesheet as `dist/styles.css` (library builds only). */
function emitStylesheet(source: string, fileName: string): Plugin {
  return {
    name: 'jobkit:emit-stylesheet',
    apply: (config, env) => env.command === 'build' && Boolean(config.build?.lib),
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle(_options, bundle) {
      // If a module ever imports the stylesheet, Vite already extracted it under this name.
      if (fileName in bundle) return;
      this.emitFile({ type: 'asset', fileName, source: inlineImports(source) });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), emitStylesheet(fromRoot('./src/styles.css'), 'styles.css')],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: libraryEntries(pkg.exports),
      formats: ['es'],
      cssFileName: 'styles',
    },
    rolldownOptions: {
      external: isExternal,
      output: {
        // One file per source module, so a host's bundler keeps only the parts it imports (the package has
        // no side effects but its CSS): `import { ProgressBar } from 'jobkit'` then costs about 1 KB.
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
