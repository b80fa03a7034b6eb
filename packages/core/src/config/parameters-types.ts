/**
 * The simulation-parameter file (model-spec §1.4) exactly as users write it, snake_case, with the
 * reference's loose typing (flags as 0/1, true/false or "0"/"1"; the seed as a number or a string) and
 * the \@nss extensions under `simulation`. `resolveSettings` turns it into normalised camelCase
 * `SimulationSettings`.
 */

/** An on/off flag as the reference accepts it: 1, true or "1" = on; 0, false or "0" = off. */
export type Flag = 0 | 1 | boolean | '0' | '1';

/**
 * `order_sfc_request_by_similarity` as the reference accepts it: `"asc"`, `"desc"`, `"none"`; the other
 * truthy values `true` and `1` behave like `"asc"`; the falsy values `false`, `0`, `""` and `null` mean none.
 */
export type SimilarityOrderValue = 'asc' | 'desc' | 'none' | '' | boolean | 0 | 1 | null;

/** Free-form constructor parameters of a heuristic, passed through unchanged (never stringified, [Q-32] corrected). */
export type HeuristicParameters = Record<string, unknown>;

/** The `simulation` section. */
export interface SimulationParameters {
  /** Simulation stops at this time (ms); events at exactly `total_time` are not executed. */
  total_time: number;
  /** Number of rounds (integer ≥ 1). */
  num_rounds: number;
  /** Seed; required unless given as an override (CLI `--seed`). A number or a string. */
  random_seed?: number | string;
  /** Placement period (ms); 0 = a single placement of all requests at the start. */
  time_window: number;
  /** Off ⇒ hops between co-located VNFs cost nothing and produce no link events. */
  compute_loopback_time: Flag;
  /** On ⇒ SFC-instance sharing is enabled for placements that support it. */
  share_sfc_instance: Flag;
  /** Off ⇒ no packets at all (placement-only study). Default 0. */
  packet_generation?: Flag;
  /** Period (ms) of the SFC-instance monitor. Default 100. */
  sfc_instance_monitor_interval?: number;
  /** Look-back window (ms) of the SFC-instance monitor. Default 200. */
  sfc_instance_monitor_window_size?: number;
  /** SLA violations after which a shared SFC instance stops accepting requests. Default 1. */
  max_sla_violation_sfc_instance_shared?: number;
  /** Order of each placement batch by SFC similarity. Default "none". */
  order_sfc_request_by_similarity?: SimilarityOrderValue;
  /** Log link events. Default 0. */
  log_link_events?: Flag;
  /** Log VNF-instance events (the reference also gates SLA-violation events with it, [Q-19]). Default 0. */
  log_vnf_instance_events?: Flag;
  /** Write `Entities/links.csv`. Default 1. */
  log_link_entity?: Flag;
  /** Replay user moves from the user-mobility file. Default 0. */
  execute_user_mobility?: Flag;
  /** No new burst or packet after this time (ms). Default `total_time`. */
  time_limit_to_packet_generation?: number;
  /** \@nss extension: CSV of packets to inject instead of random flows (reference: env `PATH_PACKET_FLOW_FILE`). */
  packet_flow_file?: string;
  /** \@nss extension: CSV of user moves (reference: `--user_mobility_file`). */
  user_mobility_file?: string;
  /** \@nss extension: placement refuses links without available bandwidth (reference: env `COMPUTE_LINK_BW_LIMIT`). Default 0. */
  compute_link_bw_limit?: Flag;
  /** \@nss extension: log total CPU usage (reference: env `NSS_LOG_TOTAL_RESOURCES`). Default 0. */
  log_total_resources?: Flag;
  /**
   * \@nss extension: reference-quirk switches. `profile: "reference"` starts from every quirk on; each
   * named flag (see `Quirks`) overrides. Default: all corrected.
   */
  quirks?: { profile?: 'corrected' | 'reference' } & { [name: string]: Flag | 'corrected' | 'reference' | undefined };
}

/** The `placement` section. */
export interface PlacementParameters {
  /** Placement heuristic: a registered name or alias (e.g. `GreedyPlacement`), a package name or a module path. */
  heuristic: string;
  /** Free-form parameters of the heuristic. Default {}. */
  parameters?: HeuristicParameters;
  /** Re-place requests whose users moved (model-spec §3.5). Default 0. */
  enable_replacement?: Flag;
  /** Max re-placement attempts per request. Default 4. */
  max_replacement_retries?: number;
  /** Back-off slot (ms) between re-placement attempts. Default 200. */
  replacement_backoff_slot_size?: number;
}

/** A `scaling` or `scaling_down` section. */
export interface ScalingParameters {
  /** Scaling heuristic: a registered name or alias (e.g. `BasicCPUScaling`), a package name or a module path. */
  heuristic: string;
  /** Free-form parameters of the heuristic. Default {}. */
  parameters?: HeuristicParameters;
}

/** The `dispatch` section: the policy choosing among several instances serving one chain position. */
export interface DispatchParameters {
  /** Dispatch policy: a registered name or alias (e.g. `least-loaded`), a package name or a module path. */
  heuristic: string;
  /** Free-form parameters of the policy. Default {}. */
  parameters?: HeuristicParameters;
}

/** The `migration` section (thresholds of the SFC-instance monitor, model-spec §7.1). */
export interface MigrationParameters {
  /** Fraction of `max_latency` above which a request is a re-placement candidate. Default 0.8. */
  migration_threshold_percentage?: number;
  /** Number of most recent packets averaged. Default 10. */
  migration_threshold_packet_window?: number;
}

/** The whole simulation-parameter file (model-spec §1.4). */
export interface ParametersFile {
  /** Optional reference to this file's JSON Schema, for editors; ignored. */
  $schema?: string;
  simulation: SimulationParameters;
  placement: PlacementParameters;
  /** Absent ⇒ no scaling. */
  scaling?: ScalingParameters;
  /** A second, independent scaling process (usually a down-scaler). Valid without `scaling` ([Q-32] corrected). */
  scaling_down?: ScalingParameters;
  /** \@nss extension: absent ⇒ round robin among the instances serving one chain position. */
  dispatch?: DispatchParameters;
  /** Default: all migration defaults. */
  migration?: MigrationParameters;
}
