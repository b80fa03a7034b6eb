/**
 * Configuration of \@nss: the types, JSON Schemas, validation, defaults and normalised settings of the
 * two input files (specs and simulation parameters, model-spec §1).
 *
 * @packageDocumentation
 */
export type {
  ArrivalKind,
  DataSourceSpec,
  EntitiesNumberSpec,
  LinkSpec,
  LocationSpec,
  NodeSpec,
  PriorityOrderCode,
  SfcRequestsSpec,
  SfcSpec,
  SliceSpec,
  SpecsFile,
  UserSpec,
  VnfSpec,
} from './specs-types.js';
export type {
  Flag,
  HeuristicParameters,
  DispatchParameters,
  MigrationParameters,
  ParametersFile,
  PlacementParameters,
  ScalingParameters,
  SimilarityOrderValue,
  SimulationParameters,
} from './parameters-types.js';
export type {
  HeuristicSettings,
  MigrationSettings,
  PlacementSettings,
  SettingsOverrides,
  SimulationSettings,
} from './settings-types.js';
export type { JsonSchema, JsonType, JsonValue } from './json-schema.js';
export { specsSchema } from './specs-schema.js';
export { parametersSchema } from './parameters-schema.js';
export { MIGRATION_DEFAULTS, PLACEMENT_DEFAULTS, SIMULATION_DEFAULTS, SPECS_DEFAULTS } from './default-values.js';
export { applyParametersDefaults, applySpecsDefaults } from './defaults.js';
export {
  DEFAULT_PARAMS_LABEL,
  DEFAULT_SPECS_LABEL,
  assertValidParameters,
  assertValidScenario,
  assertValidSpecs,
  validateParameters,
  validateScenario,
  validateSpecs,
  type ScenarioFileLabels,
  type ScenarioValidationResult,
  type ValidScenario,
  type ValidationResult,
} from './validate.js';
export { parseJsonText, readJsonFile } from './read-json.js';
export { loadScenarioFiles } from './load-scenario.js';
export { OVERRIDES_LABEL, resolveSettings } from './settings.js';
export { flagValue, similarityOrder, type SimilarityOrder } from './flags.js';
export { pythonRound } from './python-round.js';
export {
  CORRECTED,
  QUIRK_DESCRIPTIONS,
  QUIRK_NAMES,
  REFERENCE,
  resolveQuirks,
  type Quirks,
} from './quirks.js';
