/**
 * The event catalogue: every event string the simulation can emit (model-spec §10.1), plus the \@nss
 * additions. The strings are part of the observable interface: they are written verbatim in the `Event`
 * column of the per-round CSV files, so analysis notebooks written for the reference keep working.
 *
 * Every event has a dense numeric id ({@link EventIds}) for the hot path: `bus.hasId(EventIds.X)` is a
 * single typed-array read.
 */

/**
 * Every event name, as typed constants (key = value). Grouped by the CSV file the event is written to.
 * Events the reference defines but never emits are included and marked "reserved".
 */
export const Events = {
  // ── packets.csv ────────────────────────────────────────────────────────────────────────────────
  /** A packet entered the network (model-spec §5.3 step 1). */
  PACKET_CREATED: 'PACKET_CREATED',
  /** A packet was delivered after its last link (§5.3 step 5). Payload carries the exact `delay`. */
  PACKET_PROCESSED: 'PACKET_PROCESSED',
  /** No SFC instance, or no serving VNF instance, for a packet (§5.3). */
  PACKET_ORPHAN: 'PACKET_ORPHAN',
  /**
   * First SLA violation of a packet (§5.9). Written to packets.csv always: \@nss does not gate it behind
   * VNF logging (corrects ).
   */
  EVENT_PACKET_SLA_VIOLATED: 'EVENT_PACKET_SLA_VIOLATED',
  /** A packet was rejected by a full VNF-instance queue (§5.4 step 3). Always written (corrects ). */
  PACKET_DROPPED_VNF_INSTANCE_QUEUE: 'PACKET_DROPPED_VNF_INSTANCE_QUEUE',
  /**
   * \@nss addition: a packet was rejected by a full link queue (§5.5 step 2). The reference logs link drops
   * only in links.csv, so packets.csv could not account for every packet.
   */
  PACKET_DROPPED_LINK_QUEUE: 'PACKET_DROPPED_LINK_QUEUE',
  /** A packet was still in flight at the end of the round (§5.10). Always written (corrects ). */
  PACKET_SIMULATION_TIME_EXPIRED: 'PACKET_SIMULATION_TIME_EXPIRED',

  // ── vnf_instance_packets.csv (VNF logging) ─────────────────────────────────────────────────────
  /** A packet arrived at a VNF instance (§5.4 step 2). */
  VNF_INSTANCE_PACKET_ARRIVED: 'VNF_INSTANCE_PACKET_ARRIVED',
  /** A packet got a processing slot (§5.4 step 6); `elapsedTime` = wait before service. */
  VNF_INSTANCE_PACKET_PROCESS_STARTED: 'VNF_INSTANCE_PACKET_PROCESS_STARTED',
  /** A packet finished processing (§5.4 step 15); `elapsedTime` = service time. */
  VNF_INSTANCE_PACKET_PROCESSED: 'VNF_INSTANCE_PACKET_PROCESSED',
  /** A packet needed a remote data access (§5.4 step 10). */
  VNF_INSTANCE_REMOTE_DATA_RECEIVED: 'VNF_INSTANCE_REMOTE_DATA_RECEIVED',
  /** A packet was rejected by the full queue of a VNF instance (§5.4 step 3). */
  VNF_INSTANCE_PACKET_DROPPED: 'VNF_INSTANCE_PACKET_DROPPED',

  // ── vnf_instance_resources.csv (VNF logging) ───────────────────────────────────────────────────
  /** Per-packet load added at service start (§5.4 step 9). */
  INSTANCE_RESOURCE_USAGE_INCREASE: 'INSTANCE_RESOURCE_USAGE_INCREASE',
  /** Per-packet load removed at service end (§5.4 step 15). */
  INSTANCE_RESOURCE_USAGE_DECREASE: 'INSTANCE_RESOURCE_USAGE_DECREASE',
  /** Memory load above 1: the disk delay was added (§5.4 step 11); usages are the instance's total loads. */
  INSTANCE_RESOURCE_DISK_ACCESS: 'INSTANCE_RESOURCE_DISK_ACCESS',

  // ── links.csv (link logging) ───────────────────────────────────────────────────────────────────
  /** A packet arrived at a link (§5.5 step 1). */
  LINK_PACKET_ARRIVED: 'LINK_PACKET_ARRIVED',
  /** A packet started transmission (§5.5 step 3). */
  LINK_PACKET_STARTED: 'LINK_PACKET_STARTED',
  /** A packet left the link (§5.5 step 5). */
  LINK_PACKET_SENT: 'LINK_PACKET_SENT',
  /** A packet was rejected by a full link queue (§5.5 step 2). */
  LINK_QUEUE_PACKET_DROPPED: 'LINK_QUEUE_PACKET_DROPPED',

  // ── placement.csv ──────────────────────────────────────────────────────────────────────────────
  /** Just before the placement strategy is called (§3.3). */
  PLACEMENT_STARTED: 'PLACEMENT_STARTED',
  /** Just after the placement strategy returned (§3.3). */
  PLACEMENT_PROCESSED: 'PLACEMENT_PROCESSED',

  // ── time_window.csv ────────────────────────────────────────────────────────────────────────────
  /** Start of a placement round, with the batch (§3.3). */
  TIME_WINDOW_STARTED: 'TIME_WINDOW_STARTED',
  /** End of a placement round, with cumulative counters and total node power (§3.3, §9). */
  TIME_WINDOW_PROCESSED: 'TIME_WINDOW_PROCESSED',

  // ── vnf_instance.csv ───────────────────────────────────────────────────────────────────────────
  /** A VNF instance was created by a placement (§6.1). */
  INSTANCE_CREATED: 'INSTANCE_CREATED',
  /** A VNF instance finished booting (§6.1). */
  INSTANCE_STARTUP: 'INSTANCE_STARTUP',
  /** A VNF instance idled out and started shutting down (§6.1). */
  INSTANCE_SHUTDOWN: 'INSTANCE_SHUTDOWN',
  /** A VNF instance finished shutting down (§6.1). */
  INSTANCE_DESTROYED: 'INSTANCE_DESTROYED',

  // ── sfc_instance.csv ───────────────────────────────────────────────────────────────────────────
  /** An SFC instance was created by a placement (§6.2). */
  SFC_INSTANCE_CREATED: 'SFC_INSTANCE_CREATED',
  /** An SFC instance timed out or was replaced (§6.2). */
  SFC_INSTANCE_DESTROYED: 'SFC_INSTANCE_DESTROYED',
  /** The SFC-instance monitor stopped new requests from sharing it (§7.1). */
  SFC_INSTANCE_LOCKED: 'SFC_INSTANCE_LOCKED',
  /** The SFC-instance monitor let new requests share it again (§7.1). */
  SFC_INSTANCE_UNLOCKED: 'SFC_INSTANCE_UNLOCKED',

  // ── sfc_request.csv ────────────────────────────────────────────────────────────────────────────
  /** A request was placed in a round (§3.3 step 6); carries the placement order. */
  SFC_REQUEST_PLACED: 'SFC_REQUEST_PLACED',
  /** A request was rejected in a round (§3.3 step 6); \@nss adds the `reason`. */
  SFC_REQUEST_NOT_PLACED: 'SFC_REQUEST_NOT_PLACED',
  /** A request's traffic process started (§5.2). */
  SFC_REQUEST_PACKET_GENERATION_STARTED: 'SFC_REQUEST_PACKET_GENERATION_STARTED',
  /** A request's traffic process ended (§5.2). */
  SFC_REQUEST_PACKET_GENERATION_STOPPED: 'SFC_REQUEST_PACKET_GENERATION_STOPPED',
  /** A re-placement succeeded (§3.5). */
  SFC_REQUEST_REPLACED: 'SFC_REQUEST_REPLACED',
  /** A re-placement attempt failed (§3.5). */
  SFC_REQUEST_REPLACEMENT_FAILED: 'SFC_REQUEST_REPLACEMENT_FAILED',

  // ── sfc_instance_vnf_mapping.csv ───────────────────────────────────────────────────────────────
  /** An SFC instance was mapped onto a VNF instance (placement). */
  EVENT_SFC_INSTANCE_VNF_MAPPED: 'EVENT_SFC_INSTANCE_VNF_MAPPED',
  /** An SFC instance was unmapped from a VNF instance (SFC-instance destruction, §6.2). */
  EVENT_SFC_INSTANCE_VNF_UNMAPPED: 'EVENT_SFC_INSTANCE_VNF_UNMAPPED',

  // ── user_mobility.csv ──────────────────────────────────────────────────────────────────────────
  /** A user changed node (§5.8). */
  USER_MOVED: 'USER_MOVED',

  // ── migration.csv ──────────────────────────────────────────────────────────────────────────────
  /** A request's recent latency crossed above the migration threshold (§7.1). */
  SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD: 'SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD',
  /** A request's recent latency fell back below the migration threshold (§7.1). */
  SFC_REQUEST_BELOW_MIGRATION_THRESHOLD: 'SFC_REQUEST_BELOW_MIGRATION_THRESHOLD',

  // ── vnf_instance_scaling.csv (and, for four of them, sfc_instance_resources.csv) ───────────────
  /** Vertical CPU scale-up applied (§8.1). Also an SFC-level row in BasicCPUScaling. */
  SCALING_UP_CPU: 'SCALING_UP_CPU',
  /** Vertical CPU scale-up refused (not enough free CPU on the node). */
  SCALING_UP_CPU_FAIL: 'SCALING_UP_CPU_FAIL',
  /** Vertical CPU scale-down applied. Also an SFC-level row in BasicCPUScaling. */
  SCALING_DOWN_CPU: 'SCALING_DOWN_CPU',
  /** Vertical CPU scale-down refused (below the VNF type's minimum). */
  SCALING_DOWN_CPU_FAIL: 'SCALING_DOWN_CPU_FAIL',
  /** The scaler decided not to change CPU (VNF-level or SFC-level row). */
  EVENT_NO_SCALING_CPU: 'EVENT_NO_SCALING_CPU',
  /** Vertical memory scale-up applied. */
  SCALING_UP_MEM: 'SCALING_UP_MEM',
  /** Vertical memory scale-up refused. */
  SCALING_UP_MEM_FAIL: 'SCALING_UP_MEM_FAIL',
  /** Vertical memory scale-down applied. */
  SCALING_DOWN_MEM: 'SCALING_DOWN_MEM',
  /** Vertical memory scale-down refused. */
  SCALING_DOWN_MEM_FAIL: 'SCALING_DOWN_MEM_FAIL',
  /** The scaler decided not to change memory (VNF-level or SFC-level row). */
  EVENT_NO_SCALING_MEM: 'EVENT_NO_SCALING_MEM',
  /** \@nss addition (horizontal scaling): a VNF instance was added to serve an SFC instance. */
  SCALING_ADD_INSTANCE: 'SCALING_ADD_INSTANCE',
  /** \@nss addition: adding a VNF instance was refused; `reason` names the plugin and constraint. */
  SCALING_ADD_INSTANCE_FAIL: 'SCALING_ADD_INSTANCE_FAIL',
  /** \@nss addition (horizontal scaling): a VNF instance was removed. */
  SCALING_REMOVE_INSTANCE: 'SCALING_REMOVE_INSTANCE',
  /** \@nss addition: removing a VNF instance was refused; `reason` names the plugin and constraint. */
  SCALING_REMOVE_INSTANCE_FAIL: 'SCALING_REMOVE_INSTANCE_FAIL',
  /** Reserved: defined by the reference, emitted only by dead code (model-spec §10.1). */
  SCALING_UP: 'SCALING_UP',
  /** Reserved: defined by the reference, emitted only by dead code (model-spec §10.1). */
  SCALING_DOWN: 'SCALING_DOWN',

  // ── sfc_instance_resources.csv ─────────────────────────────────────────────────────────────────
  /** SFC-level total CPU increased by a scaling cycle (§8). */
  EVENT_SFC_INSTANCE_CPU_INCREASE: 'EVENT_SFC_INSTANCE_CPU_INCREASE',
  /** SFC-level total CPU decreased by a scaling cycle. */
  EVENT_SFC_INSTANCE_CPU_DECREASE: 'EVENT_SFC_INSTANCE_CPU_DECREASE',
  /** SFC-level total memory increased by a scaling cycle. */
  EVENT_SFC_INSTANCE_MEM_INCREASE: 'EVENT_SFC_INSTANCE_MEM_INCREASE',
  /** SFC-level total memory decreased by a scaling cycle. */
  EVENT_SFC_INSTANCE_MEM_DECREASE: 'EVENT_SFC_INSTANCE_MEM_DECREASE',

  // ── resource_usage.csv (total-resources logging) ───────────────────────────────────────────────
  /** Total CPU allocated to active VNF instances (§5.1 step 1). */
  CPU_USAGE: 'CPU_USAGE',
  /** Reserved: defined by the reference, never emitted. */
  CPU_INCREASE_AVAILABILITY: 'CPU_INCREASE_AVAILABILITY',
  /** Reserved: defined by the reference, never emitted. */
  CPU_DECREASE_AVAILABILITY: 'CPU_DECREASE_AVAILABILITY',
  /** Reserved: defined by the reference, never emitted. */
  MEM_INCREASE_AVAILABILITY: 'MEM_INCREASE_AVAILABILITY',
  /** Reserved: defined by the reference, never emitted. */
  MEM_DECREASE_AVAILABILITY: 'MEM_DECREASE_AVAILABILITY',

  // ── monitor.csv ────────────────────────────────────────────────────────────────────────────────
  /** A scaling monitor examined an SFC instance (§8.1 step 3). */
  EVENT_MONITOR_ACTIVATION: 'EVENT_MONITOR_ACTIVATION',
  /** The monitor interval grew (§8.7.3). */
  EVENT_MONITOR_INTERVAL_INCREASE: 'EVENT_MONITOR_INTERVAL_INCREASE',
  /** The monitor interval shrank (§8.7.3). */
  EVENT_MONITOR_INTERVAL_DECREASE: 'EVENT_MONITOR_INTERVAL_DECREASE',
  /** Reserved: defined by the reference, never emitted. */
  EVENT_MONITOR_WINDOW_SIZE_INCREASE: 'EVENT_MONITOR_WINDOW_SIZE_INCREASE',
  /** Reserved: defined by the reference, never emitted. */
  EVENT_MONITOR_WINDOW_SIZE_DECREASE: 'EVENT_MONITOR_WINDOW_SIZE_DECREASE',
  /** Reserved: defined by the reference, never emitted. */
  SCALING_MONITORING: 'SCALING_MONITORING',

  // ── rl_agent.csv (§8.7.4) ──────────────────────────────────────────────────────────────────────
  /** RL resource agent chose INCREASE. */
  EVENT_RLAGENT_INCREASE_RESOURCE_DECREMENT: 'EVENT_RLAGENT_INCREASE_RESOURCE_DECREMENT',
  /** RL resource agent chose MAINTAIN. */
  EVENT_RLAGENT_MAINTAIN_RESOURCE_DECREMENT: 'EVENT_RLAGENT_MAINTAIN_RESOURCE_DECREMENT',
  /** RL resource agent chose DECREASE. */
  EVENT_RLAGENT_DECREASE_RESOURCE_DECREMENT: 'EVENT_RLAGENT_DECREASE_RESOURCE_DECREMENT',
  /** RL up-threshold agent chose INCREASE. */
  EVENT_RLAGENT_INCREASE_THRESHOLD_UP: 'EVENT_RLAGENT_INCREASE_THRESHOLD_UP',
  /** RL up-threshold agent chose MAINTAIN. */
  EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP: 'EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP',
  /** RL up-threshold agent chose DECREASE. */
  EVENT_RLAGENT_DECREASE_THRESHOLD_UP: 'EVENT_RLAGENT_DECREASE_THRESHOLD_UP',
  /** RL down-threshold agent chose INCREASE. */
  EVENT_RLAGENT_INCREASE_THRESHOLD_DOWN: 'EVENT_RLAGENT_INCREASE_THRESHOLD_DOWN',
  /** RL down-threshold agent chose MAINTAIN. */
  EVENT_RLAGENT_MAINTAIN_THRESHOLD_DOWN: 'EVENT_RLAGENT_MAINTAIN_THRESHOLD_DOWN',
  /** RL down-threshold agent chose DECREASE. */
  EVENT_RLAGENT_DECREASE_THRESHOLD_DOWN: 'EVENT_RLAGENT_DECREASE_THRESHOLD_DOWN',

  // ── lifecycle (\@nss additions; not written to CSV) ─────────────────────────────────────────────
  /** The simulation (all rounds) is about to start. */
  SIMULATION_STARTED: 'SIMULATION_STARTED',
  /** Periodic progress of the running round, for progress bars. */
  SIMULATION_PROGRESS: 'SIMULATION_PROGRESS',
  /** Every round has finished (or the run was interrupted). */
  SIMULATION_FINISHED: 'SIMULATION_FINISHED',
  /** A round is about to start. */
  ROUND_STARTED: 'ROUND_STARTED',
  /** A round has finished; carries its summary. */
  ROUND_FINISHED: 'ROUND_FINISHED',
} as const;

/** The name of an event of the catalogue (a value of {@link Events}). */
export type EventName = (typeof Events)[keyof typeof Events];

/** Every event name, in catalogue order; `EVENT_NAMES[EventIds[name]] === name`. */
export const EVENT_NAMES: readonly EventName[] = Object.freeze(Object.values(Events));

/** A dense numeric id of a catalogued event (its position in {@link EVENT_NAMES}). */
export type EventNameId = number;

/**
 * The numeric id of every event, for the hot path's `bus.hasId(EventIds.PACKET_CREATED)`.
 * Frozen, so the JIT folds `EventIds.X` to a constant.
 */
export const EventIds: { readonly [K in EventName]: EventNameId } = Object.freeze(
  Object.fromEntries(EVENT_NAMES.map((name, id) => [name, id])) as { [K in EventName]: EventNameId },
);

const KNOWN = new Set<string>(EVENT_NAMES);

/** Whether `name` is an event of the catalogue. */
export function isEventName(name: string): name is EventName {
  return KNOWN.has(name);
}
