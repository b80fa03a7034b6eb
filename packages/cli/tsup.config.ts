import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  silent: true,
    // The CJS build needs `import.meta.url` (it locates the embedded default scenario).
    shims: true,
    skipNodeModulesBundle: true,
  },
  {
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  silent: true,
    skipNodeModulesBundle: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
