/**
 * `resolveSettings`: validated input files plus overrides → the normalised {@link SimulationSettings}
 * the simulation consumes.
 */
import { type Quirks, resolveQuirks } from './quirks.js';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { MIGRATION_DEFAULTS, PLACEMENT_DEFAULTS, SIMULATION_DEFAULTS } from './default-values.js';
import { flagValue, similarityOrder } from './flags.js';
import { IssueList, hasErrors } from './issue.js';
import { cloneJson } from './json-access.js';
import type { DispatchParameters, Flag, ParametersFile, ScalingParameters } from './parameters-types.js';
import { readinessIssues } from './scenario-checks.js';
import type { HeuristicSettings, SettingsOverrides, SimulationSettings } from './settings-types.js';
import type { SpecsFile } from './specs-types.js';
import { DEFAULT_PARAMS_LABEL, DEFAULT_SPECS_LABEL, type ScenarioFileLabels } from './validate.js';

/** Label of the overrides in issues. */
export const OVERRIDES_LABEL = '<overrides>';

function overrideIssues(overrides: SettingsOverrides): ConfigIssue[] {
  const issues = new IssueList(OVERRIDES_LABEL);
  const { seed, rounds, flowFile, mobilityFile, placement, scaling } = overrides;
  if (seed !== undefined && !(typeof seed === 'string' ? seed !== '' : Number.isInteger(seed) && seed >= 0)) {
    issues.error('/seed', 'an integer >= 0 or a non-empty string', seed);
  }
  if (rounds !== undefined && !(Number.isInteger(rounds) && rounds >= 1)) issues.error('/rounds', 'an integer >= 1', rounds);
  for (const [key, value] of [['flowFile', flowFile], ['mobilityFile', mobilityFile], ['placement', placement]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) issues.error(`/${key}`, 'a non-empty string', value);
  }
  if (scaling !== undefined && scaling !== null && (typeof scaling !== 'string' || scaling === '')) {
    issues.error('/scaling', 'a non-empty string, or null for no scaling', scaling);
  }
  return issues.issues;
}

function heuristic(configured: ScalingParameters | DispatchParameters | undefined, override: string | null | undefined): HeuristicSettings | null {
  if (override === null) return null;
  if (override !== undefined) {
    const keep = configured !== undefined && configured.heuristic === override;
    return { heuristic: override, parameters: keep ? cloneJson(configured.parameters ?? {}) : {} };
  }
  if (configured === undefined) return null;
  return { heuristic: configured.heuristic, parameters: cloneJson(configured.parameters ?? {}) };
}

/** A flag with its default (a Flag itself) as a boolean. */
function on(value: Flag | undefined, defaultValue: Flag): boolean {
  return flagValue(value ?? defaultValue, false);
}

function quirks(configured: Readonly<Record<string, unknown>> | undefined): Quirks {
  return resolveQuirks(configured).quirks;
}

/**
 * Resolves validated input files (see `validateScenario` / `loadScenarioFiles`) and overrides into
 * normalised settings: camelCase, every default applied, flags as booleans, the similarity order as
 * `'asc' | 'desc' | 'none'`, `maxArrivalTime` resolved (`sfc_requests.max_arrival_time`, else
 * `total_time − time_window`), `scaling` / `scalingDown` / `dispatch` null when absent, heuristic parameters passed
 * through unchanged (copied, never stringified).
 *
 * Overrides: `seed` replaces `random_seed`, `rounds` replaces `num_rounds`, `flowFile` /
 * `mobilityFile` replace the files, `placement` / `scaling` replace a heuristic name (the file's
 * parameters are kept only when the name is unchanged), `scaling: null` disables the `scaling` slot
 * only (a `scaling_down` still runs).
 *
 * @throws ConfigError when an override is malformed, no seed is given anywhere, a random flow could create
 *   packets forever at one instant, or mobility is on without a mobility file.
 */
export function resolveSettings(
  specs: SpecsFile,
  params: ParametersFile,
  overrides: SettingsOverrides = {},
  files: ScenarioFileLabels = {},
): SimulationSettings {
  const labels = { specs: files.specs ?? DEFAULT_SPECS_LABEL, params: files.params ?? DEFAULT_PARAMS_LABEL };
  const issues = [...overrideIssues(overrides), ...readinessIssues(specs, params, labels, overrides)];
  if (hasErrors(issues)) throw new ConfigError(issues);

  const sim = params.simulation;
  const D = SIMULATION_DEFAULTS;
  const seed = overrides.seed ?? sim.random_seed;
  if (seed === undefined) {
    // Normally reported by readinessIssues; reached only when `simulation` is not an object.
    const missing = new IssueList(labels.params);
    missing.error('/simulation/random_seed', 'a seed (an integer >= 0 or a string) in the file or as an override (--seed)', undefined);
    throw new ConfigError(missing.issues);
  }
  const placementOverride = overrides.placement;
  const keepPlacementParameters = placementOverride === undefined || placementOverride === params.placement.heuristic;

  return {
    totalTime: sim.total_time,
    numRounds: overrides.rounds ?? sim.num_rounds,
    seed,
    timeWindow: sim.time_window,
    computeLoopbackTime: flagValue(sim.compute_loopback_time, false),
    shareSfcInstance: flagValue(sim.share_sfc_instance, false),
    packetGeneration: on(sim.packet_generation, D.packet_generation),
    sfcInstanceMonitorInterval: sim.sfc_instance_monitor_interval ?? D.sfc_instance_monitor_interval,
    sfcInstanceMonitorWindowSize: sim.sfc_instance_monitor_window_size ?? D.sfc_instance_monitor_window_size,
    maxSlaViolationSfcInstanceShared: sim.max_sla_violation_sfc_instance_shared ?? D.max_sla_violation_sfc_instance_shared,
    orderSfcRequestBySimilarity: similarityOrder(sim.order_sfc_request_by_similarity ?? D.order_sfc_request_by_similarity),
    logLinkEvents: on(sim.log_link_events, D.log_link_events),
    logVnfInstanceEvents: on(sim.log_vnf_instance_events, D.log_vnf_instance_events),
    logLinkEntity: on(sim.log_link_entity, D.log_link_entity),
    logTotalResources: on(sim.log_total_resources, D.log_total_resources),
    executeUserMobility: on(sim.execute_user_mobility, D.execute_user_mobility),
    timeLimitToPacketGeneration: sim.time_limit_to_packet_generation ?? sim.total_time,
    packetFlowFile: overrides.flowFile ?? sim.packet_flow_file ?? null,
    userMobilityFile: overrides.mobilityFile ?? sim.user_mobility_file ?? null,
    computeLinkBandwidthLimit: on(sim.compute_link_bw_limit, D.compute_link_bw_limit),
    quirks: quirks(sim.quirks),
    placement: {
      heuristic: placementOverride ?? params.placement.heuristic,
      parameters: keepPlacementParameters ? cloneJson(params.placement.parameters ?? {}) : {},
      enableReplacement: on(params.placement.enable_replacement, PLACEMENT_DEFAULTS.enable_replacement),
      maxReplacementRetries: params.placement.max_replacement_retries ?? PLACEMENT_DEFAULTS.max_replacement_retries,
      replacementBackoffSlotSize: params.placement.replacement_backoff_slot_size ?? PLACEMENT_DEFAULTS.replacement_backoff_slot_size,
    },
    scaling: heuristic(params.scaling, overrides.scaling),
    scalingDown: heuristic(params.scaling_down, undefined),
    dispatch: heuristic(params.dispatch, undefined),
    migration: {
      thresholdPercentage: params.migration?.migration_threshold_percentage ?? MIGRATION_DEFAULTS.migration_threshold_percentage,
      thresholdPacketWindow: params.migration?.migration_threshold_packet_window ?? MIGRATION_DEFAULTS.migration_threshold_packet_window,
    },
    maxArrivalTime: specs.sfc_requests.max_arrival_time ?? sim.total_time - sim.time_window,
  };
}
