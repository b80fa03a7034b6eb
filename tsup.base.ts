import type { Options } from 'tsup';

/**
 * The build every @nss package shares: `src/index.ts` as ESM + CJS with type declarations, for Node 20,
 * runtime dependencies kept external (Node's ESM/CJS interop resolves them). A package's own
 * `tsup.config.ts` spreads this and adds what it needs.
 */
export const packageBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  silent: true,
  skipNodeModulesBundle: true,
};
