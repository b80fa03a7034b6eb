/**
 * The normalised, fully defaulted settings the simulation consumes, and the overrides (typically from
 * the command line) applied on top of the parameter file.
 */
import type { Quirks } from './quirks.js';
import type { SimilarityOrder } from './flags.js';

/** A heuristic choice with its parameters, passed through unchanged (not stringified, [Q-32] corrected). */
export interface HeuristicSettings {
  /** The configured name (a registered name or alias, a package name or a module path). */
  heuristic: string;
  parameters: Record<string, unknown>;
}

/** Placement settings, including SFC-request re-placement (model-spec §3.5). */
export interface PlacementSettings extends HeuristicSettings {
  enableReplacement: boolean;
  maxReplacementRetries: number;
  /** ms. */
  replacementBackoffSlotSize: number;
}

/** Migration thresholds of the SFC-instance monitor (model-spec §7.1). */
export interface MigrationSettings {
  /** Fraction of the SFC's max_latency. */
  thresholdPercentage: number;
  /** Number of most recent packets averaged. */
  thresholdPacketWindow: number;
}

/** Everything the simulation needs from the two input files, camelCase, booleans as booleans, no absent values. */
export interface SimulationSettings {
  /** ms; the simulation stops at this time. */
  totalTime: number;
  numRounds: number;
  /** The seed as given (file or override); rounds derive their own seeds from it. */
  seed: number | string;
  /** Placement period (ms); 0 = one placement of all requests at the start. */
  timeWindow: number;
  computeLoopbackTime: boolean;
  shareSfcInstance: boolean;
  packetGeneration: boolean;
  /** ms. */
  sfcInstanceMonitorInterval: number;
  /** ms. */
  sfcInstanceMonitorWindowSize: number;
  maxSlaViolationSfcInstanceShared: number;
  orderSfcRequestBySimilarity: SimilarityOrder;
  logLinkEvents: boolean;
  logVnfInstanceEvents: boolean;
  logLinkEntity: boolean;
  logTotalResources: boolean;
  executeUserMobility: boolean;
  /** ms; no new burst or packet after it. Defaults to totalTime. */
  timeLimitToPacketGeneration: number;
  /** CSV of packets to inject instead of random flows, or null for random flows. */
  packetFlowFile: string | null;
  /** CSV of user moves, or null. */
  userMobilityFile: string | null;
  computeLinkBandwidthLimit: boolean;
  /** Reference-quirk switches, all false (corrected) by default; see {@link Quirks}. */
  quirks: Quirks;
  placement: PlacementSettings;
  /** null: no scaling. */
  scaling: HeuristicSettings | null;
  /** null: no second scaling process. Independent of `scaling` ([Q-32] corrected). */
  scalingDown: HeuristicSettings | null;
  /** The dispatch policy (`dispatch` section); null or absent: round robin. */
  dispatch?: HeuristicSettings | null;
  migration: MigrationSettings;
  /** Upper bound of arrival times (ms): sfc_requests.max_arrival_time, or totalTime − timeWindow. */
  maxArrivalTime: number;
}

/** Values that replace the parameter file's (typically command-line options). `undefined` = no override. */
export interface SettingsOverrides {
  /** Replaces simulation.random_seed. */
  seed?: number | string;
  /** Replaces simulation.num_rounds. */
  rounds?: number;
  /** Replaces simulation.packet_flow_file. */
  flowFile?: string;
  /** Replaces simulation.user_mobility_file. */
  mobilityFile?: string;
  /** Replaces placement.heuristic; the file's placement parameters are kept only if the name is unchanged. */
  placement?: string;
  /**
   * Replaces scaling.heuristic (parameters kept only if the name is unchanged); `null` disables the
   * `scaling` slot only — a configured `scaling_down` still runs.
   */
  scaling?: string | null;
}
