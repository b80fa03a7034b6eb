/**
 * The embedded default scenario `nss run` uses without `--specs`/`--params`: a small edge of 8 nodes,
 * 4 VNF types, 3 SFC types and 30 users over 60 s of simulated time. Shipped in the package's
 * `scenarios/` folder, found relative to this module (from `src/` or from the built `dist/`).
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of the embedded default specs file. */
export function defaultSpecsPath(): string {
  return fileURLToPath(new URL('../scenarios/default-specs.json', import.meta.url));
}

/** Absolute path of the embedded default simulation-parameter file. */
export function defaultParamsPath(): string {
  return fileURLToPath(new URL('../scenarios/default-params.json', import.meta.url));
}
