import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.js';

export default defineConfig([
  // The CJS build needs `import.meta.url` (it locates the embedded default scenario).
  { ...packageBuild, shims: true },
  {
    ...packageBuild,
    entry: ['src/bin.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
