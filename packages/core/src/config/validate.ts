/**
 * Validation of the specs and simulation-parameter files: JSON Schema, semantic and cross-file checks,
 * all reported together, then defaults. The caller's objects are never modified.
 */
import { ConfigError, type ConfigIssue } from '../errors.js';
import { fillParametersDefaults, fillSpecsDefaults } from './defaults.js';
import { dedupeIssues, hasErrors, sortIssues } from './issue.js';
import { cloneJson } from './json-access.js';
import { parametersSemanticIssues } from './parameters-checks.js';
import type { ParametersFile } from './parameters-types.js';
import { crossFileIssues, readinessIssues } from './scenario-checks.js';
import { parametersSchemaIssues, specsSchemaIssues } from './schema-validators.js';
import type { SettingsOverrides } from './settings-types.js';
import { specsSemanticIssues } from './specs-checks.js';
import type { SpecsFile } from './specs-types.js';

/** Default label of in-memory specs in issues. */
export const DEFAULT_SPECS_LABEL = '<specs>';
/** Default label of in-memory simulation parameters in issues. */
export const DEFAULT_PARAMS_LABEL = '<params>';

/** Outcome of validating one file. */
export interface ValidationResult<T> {
  /** True when no issue is an error (warnings allowed). */
  ok: boolean;
  /** The validated document with defaults applied (a copy); present only when `ok`. */
  value?: T;
  /** Every error and warning, ordered by JSON path. */
  issues: ConfigIssue[];
}

/** Outcome of validating a specs file and a parameter file together. */
export interface ScenarioValidationResult {
  /** True when no issue in either file, nor across them, is an error. */
  ok: boolean;
  /** The specs with defaults applied; present only when `ok`. */
  specs?: SpecsFile;
  /** The parameters with defaults applied; present only when `ok`. */
  params?: ParametersFile;
  /** Every error and warning of both files (specs first), ordered by JSON path. */
  issues: ConfigIssue[];
}

/** How the two files are named in issues (their paths, usually). */
export interface ScenarioFileLabels {
  specs?: string;
  params?: string;
}

function finish<T>(data: unknown, issues: ConfigIssue[], file: string, fillDefaults: (d: unknown) => void): ValidationResult<T> {
  const ordered = sortIssues(dedupeIssues(issues), [file]);
  if (hasErrors(ordered)) return { ok: false, issues: ordered };
  fillDefaults(data);
  return { ok: true, value: data as T, issues: ordered };
}

/**
 * Validates a specs document (model-spec §1.3): schema errors, unknown keys (warnings) and the semantic
 * checks of model-spec §1.6, all reported together. `file` labels the issues (default `<specs>`).
 */
export function validateSpecs(raw: unknown, file: string = DEFAULT_SPECS_LABEL): ValidationResult<SpecsFile> {
  const data = cloneJson(raw);
  const issues = [...specsSchemaIssues(data, file), ...specsSemanticIssues(data, file)];
  return finish<SpecsFile>(data, issues, file, fillSpecsDefaults);
}

/**
 * Validates a simulation-parameter document (model-spec §1.4): schema errors, unknown keys (warnings)
 * and semantic checks. `file` labels the issues (default `<params>`).
 */
export function validateParameters(raw: unknown, file: string = DEFAULT_PARAMS_LABEL): ValidationResult<ParametersFile> {
  const data = cloneJson(raw);
  const issues = [...parametersSchemaIssues(data, file), ...parametersSemanticIssues(data, file)];
  return finish<ParametersFile>(data, issues, file, fillParametersDefaults);
}

/**
 * Validates both files and what ties them together: linear-arrival counts, `max_arrival_time` vs
 * `total_time`, and — taking `overrides` into account — a seed exists, random flows cannot spin at one
 * instant, and a mobility file exists when mobility is on. Pass the overrides you will give to
 * `resolveSettings` (e.g. a command-line seed or flow file).
 */
export function validateScenario(
  specsRaw: unknown,
  paramsRaw: unknown,
  files: ScenarioFileLabels = {},
  overrides: SettingsOverrides = {},
): ScenarioValidationResult {
  const labels = { specs: files.specs ?? DEFAULT_SPECS_LABEL, params: files.params ?? DEFAULT_PARAMS_LABEL };
  const specs = validateSpecs(specsRaw, labels.specs);
  const params = validateParameters(paramsRaw, labels.params);
  const issues = sortIssues(
    dedupeIssues([
      ...specs.issues,
      ...params.issues,
      ...crossFileIssues(specsRaw, paramsRaw, labels),
      ...readinessIssues(specsRaw, paramsRaw, labels, overrides),
    ]),
    [labels.specs, labels.params],
  );
  if (hasErrors(issues)) return { ok: false, issues };
  return { ok: true, specs: specs.value, params: params.value, issues };
}

/** Validates a specs document and returns it with defaults applied; throws a ConfigError listing every issue otherwise. */
export function assertValidSpecs(raw: unknown, file?: string): SpecsFile {
  const result = validateSpecs(raw, file);
  if (!result.ok || result.value === undefined) throw new ConfigError(result.issues);
  return result.value;
}

/** Validates a parameter document and returns it with defaults applied; throws a ConfigError listing every issue otherwise. */
export function assertValidParameters(raw: unknown, file?: string): ParametersFile {
  const result = validateParameters(raw, file);
  if (!result.ok || result.value === undefined) throw new ConfigError(result.issues);
  return result.value;
}

/** A valid scenario: both documents with defaults applied, and the warnings found. */
export interface ValidScenario {
  specs: SpecsFile;
  params: ParametersFile;
  warnings: ConfigIssue[];
}

/** Validates both files (see {@link validateScenario}); throws a ConfigError listing every issue when any is an error. */
export function assertValidScenario(
  specsRaw: unknown,
  paramsRaw: unknown,
  files?: ScenarioFileLabels,
  overrides?: SettingsOverrides,
): ValidScenario {
  const result = validateScenario(specsRaw, paramsRaw, files, overrides);
  if (!result.ok || result.specs === undefined || result.params === undefined) throw new ConfigError(result.issues);
  return { specs: result.specs, params: result.params, warnings: result.issues };
}
