/**
 * The reference scenarios S, M and L of the repository (`scenarios/reference/{S,M,L}-specs.json` and
 * `-params.json`): where they are, their specs, and a whole simulation of one with a plugin under test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { SpecsFile } from '../config/index.js';
import { loadScenarioFiles } from '../config/load-scenario.js';
import { resolveSettings } from '../config/settings.js';
import { generateEnvironment } from '../environment/generate.js';
import type { PlacementPlugin } from '../plugins/define-plugin.js';
import { type RunResult, runSimulation } from '../simulation/run-simulation.js';

/** Size of a reference scenario. */
export type ReferenceScenarioSize = 'S' | 'M' | 'L';

/** Timing of the reference scenarios' parameter files (total_time 3000 ms, time_window 500 ms). */
export const TIMING = { totalTime: 3000, timeWindow: 500 } as const;

/**
 * The folder `scenarios/reference/` of the \@nss repository: the first one found in `from` (default the
 * working directory) or a folder above it. Throws, naming where it looked, when there is none (run the
 * tests from inside the repository, or copy that folder next to your package).
 */
export function referenceScenarioDir(from: string = process.cwd()): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'scenarios', 'reference');
    if (existsSync(join(candidate, 'S-specs.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `scenarios/reference/ (with S-specs.json) not found in ${resolve(from)} or any folder above it: run the tests from inside the @nss repository, or copy its scenarios/reference/ folder into your project`,
      );
    }
    dir = parent;
  }
}

/** A fresh, mutable copy of the specs file of reference scenario `size` (valid, defaults present). */
export function scenarioSpecs(size: ReferenceScenarioSize): SpecsFile {
  return JSON.parse(readFileSync(join(referenceScenarioDir(), `${size}-specs.json`), 'utf8')) as SpecsFile;
}

/**
 * Runs reference scenario `size` through `runSimulation` with `plugin` as the placement: its parameters
 * file is copied to a scratch folder with `placement` replaced by `{ heuristic, parameters }` and the
 * scaling section removed; the environment is generated from its specs and seed. The scratch folder
 * (parameters and result files) is removed afterwards, also on failure.
 */
export async function runReferenceScenario(
  size: ReferenceScenarioSize,
  plugin: PlacementPlugin,
  heuristic: string,
  parameters: unknown = {},
): Promise<RunResult> {
  const reference = referenceScenarioDir();
  const dir = mkdtempSync(join(tmpdir(), `nss-${plugin.name}-`));
  try {
    const params = JSON.parse(readFileSync(join(reference, `${size}-params.json`), 'utf8')) as Record<string, unknown>;
    params.placement = { heuristic, parameters };
    delete params.scaling;
    const paramsPath = join(dir, `${size}-params.json`);
    writeFileSync(paramsPath, JSON.stringify(params));
    const valid = loadScenarioFiles(join(reference, `${size}-specs.json`), paramsPath);
    const settings = resolveSettings(valid.specs, valid.params);
    const environment = generateEnvironment(valid.specs, settings.seed, settings);
    return await runSimulation({ environment, settings, plugins: { placement: { plugin, parameters } }, outDir: join(dir, 'out') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
