/**
 * Loading a scenario from its two files: read, parse, validate everything, apply defaults.
 */
import { readJsonFile } from './read-json.js';
import type { SettingsOverrides } from './settings-types.js';
import { assertValidScenario, type ValidScenario } from './validate.js';

/**
 * Reads and validates a specs file and a simulation-parameter file (issues are labelled with the paths as
 * given). Returns both documents with defaults applied, plus the warnings. Throws `InputFileError` when a
 * file cannot be read or is not JSON, and `ConfigError` listing every problem of both files otherwise.
 * `overrides` are those that will be given to `resolveSettings` (they affect the seed, flow-file and
 * mobility-file checks).
 */
export function loadScenarioFiles(specsPath: string, paramsPath: string, overrides?: SettingsOverrides): ValidScenario {
  const specsRaw = readJsonFile(specsPath);
  const paramsRaw = readJsonFile(paramsPath);
  return assertValidScenario(specsRaw, paramsRaw, { specs: specsPath, params: paramsPath }, overrides);
}
