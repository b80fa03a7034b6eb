/**
 * Filling in the defaults of optional keys (values in default-values.ts). The exported functions never
 * modify their argument: they return a filled deep copy.
 */
import { MIGRATION_DEFAULTS, PLACEMENT_DEFAULTS, SIMULATION_DEFAULTS, SPECS_DEFAULTS } from './default-values.js';
import { cloneJson, isObject, type JsonObject } from './json-access.js';
import type { ParametersFile } from './parameters-types.js';
import type { SpecsFile } from './specs-types.js';

function fill(target: unknown, defaults: Readonly<Record<string, unknown>>): void {
  if (!isObject(target)) return;
  for (const [key, value] of Object.entries(defaults)) {
    if (target[key] === undefined) target[key] = cloneJson(value);
  }
}

/** Fills specs defaults into `specs` in place (internal: the caller owns the object). */
export function fillSpecsDefaults(specs: unknown): void {
  if (!isObject(specs)) return;
  fill(specs.vnf, SPECS_DEFAULTS.vnf);
  fill(specs.node, SPECS_DEFAULTS.node);
  fill(specs.link, SPECS_DEFAULTS.link);
  // sfc.priorities_order stays absent (random order per SFC type); sfc_requests.max_arrival_time stays
  // absent (it depends on the parameter file: resolveSettings computes it).
}

/** Fills parameter defaults into `params` in place (internal: the caller owns the object). */
export function fillParametersDefaults(params: unknown): void {
  if (!isObject(params)) return;
  const simulation = params.simulation;
  if (isObject(simulation)) {
    fill(simulation, SIMULATION_DEFAULTS);
    fill(simulation, { quirks: {} });
    if (simulation.time_limit_to_packet_generation === undefined && typeof simulation.total_time === 'number') {
      simulation.time_limit_to_packet_generation = simulation.total_time;
    }
  }
  if (isObject(params.placement)) {
    fill(params.placement, PLACEMENT_DEFAULTS);
    fill(params.placement, { parameters: {} });
  }
  for (const slot of ['scaling', 'scaling_down'] as const) {
    if (isObject(params[slot])) fill(params[slot], { parameters: {} });
  }
  if (params.migration === undefined) params.migration = {};
  fill(params.migration, MIGRATION_DEFAULTS);
}

/** Returns a deep copy of `specs` with the defaults of model-spec §1.3 filled in. */
export function applySpecsDefaults(specs: SpecsFile): SpecsFile {
  const copy = cloneJson(specs) as unknown as JsonObject;
  fillSpecsDefaults(copy);
  return copy as unknown as SpecsFile;
}

/**
 * Returns a deep copy of `params` with the defaults of model-spec §1.4 filled in (including
 * `time_limit_to_packet_generation` = `total_time`, empty `parameters` objects and a `migration` section).
 */
export function applyParametersDefaults(params: ParametersFile): ParametersFile {
  const copy = cloneJson(params) as unknown as JsonObject;
  fillParametersDefaults(copy);
  return copy as unknown as ParametersFile;
}
