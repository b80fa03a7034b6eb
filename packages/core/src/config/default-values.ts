/**
 * Default values of optional keys (model-spec §1.3 and §1.4, "default when missing"). The schemas use
 * these constants for their `default` annotations and `applySpecsDefaults` / `applyParametersDefaults`
 * fill them in, so a default is written in exactly one place.
 */

/** Defaults of the specs file, per section. */
export const SPECS_DEFAULTS = {
  vnf: {
    /** Informational only; the reference stores "CPU" when the key is absent. */
    resource_intensive: ['CPU'],
  },
  node: {
    /** An empty list selects the 70 % rule: idle power = 0.7 · energy_max (model-spec §2.3). */
    energy_idle: [] as number[],
  },
  link: {
    /** -1 = unlimited queue. */
    max_packet_queue: [-1],
  },
} as const;

/** Defaults of `simulation` in the simulation-parameter file. */
export const SIMULATION_DEFAULTS = {
  packet_generation: 0,
  sfc_instance_monitor_interval: 100,
  sfc_instance_monitor_window_size: 200,
  max_sla_violation_sfc_instance_shared: 1,
  order_sfc_request_by_similarity: 'none',
  log_link_events: 0,
  log_vnf_instance_events: 0,
  log_link_entity: 1,
  execute_user_mobility: 0,
  compute_link_bw_limit: 0,
  log_total_resources: 0,
} as const;

/** Defaults of `placement` in the simulation-parameter file. */
export const PLACEMENT_DEFAULTS = {
  enable_replacement: 0,
  max_replacement_retries: 4,
  replacement_backoff_slot_size: 200,
} as const;

/** Defaults of `migration` in the simulation-parameter file. */
export const MIGRATION_DEFAULTS = {
  migration_threshold_percentage: 0.8,
  migration_threshold_packet_window: 10,
} as const;
