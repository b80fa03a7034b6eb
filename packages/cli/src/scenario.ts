/**
 * Loading a scenario for a command: which two files (given, or the embedded default), their
 * validation, warnings on stderr, and the resolved settings.
 */
import {
  type SettingsOverrides,
  type SimulationSettings,
  type ValidScenario,
  loadScenarioFiles,
  resolveSettings,
} from '@nss/core';
import { defaultParamsPath, defaultSpecsPath } from './default-scenario.js';
import { UsageError, printWarnings } from './errors.js';
import type { Output } from './output.js';

/** The two files of a scenario, as given on the command line (or the embedded ones). */
export interface ScenarioFiles {
  readonly specs: string;
  readonly params: string;
  /** True when these are the embedded default scenario's files. */
  readonly embedded: boolean;
}

/**
 * The scenario files of a command: both given, or neither (the embedded default scenario).
 * `specsOptional` (a run on a loaded environment, which needs no specs): `--params` alone is paired
 * with the embedded specs, which are then only validated, never used.
 */
export function scenarioFiles(specs: string | undefined, params: string | undefined, specsOptional = false): ScenarioFiles {
  if (specs === undefined && params === undefined) {
    return { specs: defaultSpecsPath(), params: defaultParamsPath(), embedded: true };
  }
  if (specs === undefined && params !== undefined && specsOptional) {
    return { specs: defaultSpecsPath(), params, embedded: false };
  }
  if (specs === undefined || params === undefined) {
    throw new UsageError(
      '--specs and --params go together: give both, or neither to use the embedded default scenario',
    );
  }
  return { specs, params, embedded: false };
}

/** A loaded scenario: both documents with defaults, and the settings of the run. */
export interface LoadedScenario extends ValidScenario {
  readonly files: ScenarioFiles;
  readonly settings: SimulationSettings;
}

/**
 * Reads, validates (every problem at once: ConfigError) and resolves a scenario; prints its warnings
 * to stderr.
 */
export function loadScenario(output: Output, files: ScenarioFiles, overrides: SettingsOverrides): LoadedScenario {
  const labels = { specs: files.specs, params: files.params };
  const scenario = loadScenarioFiles(files.specs, files.params, overrides);
  printWarnings(output, scenario.warnings);
  const settings = resolveSettings(scenario.specs, scenario.params, overrides, labels);
  return { ...scenario, files, settings };
}
