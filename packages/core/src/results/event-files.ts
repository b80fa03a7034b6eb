import { Events, type EventName } from '../events/catalogue.js';
import * as C from './columns.js';

/** A flag of {@link RecorderFlags} that gates a file; `null` = always written. */
export type RecorderGate = 'logLinkEvents' | 'logVnfInstanceEvents' | 'logTotalResources';

/**
 * Which events a per-round event file records and under which flag. Besides the reference's own files,
 * the lifecycle events (SIMULATION_*, ROUND_*) go to no file.
 */
export interface EventFileSpec {
  /** File name inside `Round_<n>/`. */
  readonly file: string;
  /** Header, in order. */
  readonly columns: readonly string[];
  /** Events written to it. */
  readonly events: readonly EventName[];
  /** The flag that must be on for the file to exist; `null` = always written (header even if empty). */
  readonly gate: RecorderGate | null;
}

const E = Events;

/**
 * The 17 per-round event files of model-spec §10.2, in the reference's documentation order.
 *
 * Differences from the reference: `EVENT_PACKET_SLA_VIOLATED`, `PACKET_DROPPED_VNF_INSTANCE_QUEUE` and
 * `PACKET_SIMULATION_TIME_EXPIRED` are in packets.csv whatever the VNF logging (corrects );
 * packets.csv also gets the \@nss `PACKET_DROPPED_LINK_QUEUE`, so it accounts for every packet. The four
 * names that the reference writes to both scaling files appear in both specs; a VNF-level payload goes to
 * vnf_instance_scaling.csv and an SFC-level one to sfc_instance_resources.csv.
 */
export const EventFiles = {
  packets: {
    file: 'packets.csv',
    columns: C.PACKETS_COLUMNS,
    events: [
      E.PACKET_CREATED, E.PACKET_PROCESSED, E.PACKET_ORPHAN, E.EVENT_PACKET_SLA_VIOLATED,
      E.PACKET_DROPPED_VNF_INSTANCE_QUEUE, E.PACKET_DROPPED_LINK_QUEUE, E.PACKET_SIMULATION_TIME_EXPIRED,
    ],
    gate: null,
  },
  vnfInstancePackets: {
    file: 'vnf_instance_packets.csv',
    columns: C.VNF_INSTANCE_PACKETS_COLUMNS,
    events: [
      E.VNF_INSTANCE_PACKET_ARRIVED, E.VNF_INSTANCE_PACKET_PROCESS_STARTED, E.VNF_INSTANCE_PACKET_PROCESSED,
      E.VNF_INSTANCE_REMOTE_DATA_RECEIVED, E.VNF_INSTANCE_PACKET_DROPPED,
    ],
    gate: 'logVnfInstanceEvents',
  },
  vnfInstanceResources: {
    file: 'vnf_instance_resources.csv',
    columns: C.VNF_INSTANCE_RESOURCES_COLUMNS,
    events: [
      E.INSTANCE_RESOURCE_USAGE_INCREASE, E.INSTANCE_RESOURCE_USAGE_DECREASE, E.INSTANCE_RESOURCE_DISK_ACCESS,
    ],
    gate: 'logVnfInstanceEvents',
  },
  links: {
    file: 'links.csv',
    columns: C.LINKS_COLUMNS,
    events: [E.LINK_PACKET_ARRIVED, E.LINK_PACKET_STARTED, E.LINK_PACKET_SENT, E.LINK_QUEUE_PACKET_DROPPED],
    gate: 'logLinkEvents',
  },
  placement: {
    file: 'placement.csv',
    columns: C.PLACEMENT_COLUMNS,
    events: [E.PLACEMENT_STARTED, E.PLACEMENT_PROCESSED],
    gate: null,
  },
  timeWindow: {
    file: 'time_window.csv',
    columns: C.TIME_WINDOW_COLUMNS,
    events: [E.TIME_WINDOW_STARTED, E.TIME_WINDOW_PROCESSED],
    gate: null,
  },
  vnfInstance: {
    file: 'vnf_instance.csv',
    columns: C.VNF_INSTANCE_COLUMNS,
    events: [E.INSTANCE_CREATED, E.INSTANCE_STARTUP, E.INSTANCE_SHUTDOWN, E.INSTANCE_DESTROYED],
    gate: null,
  },
  sfcInstance: {
    file: 'sfc_instance.csv',
    columns: C.SFC_INSTANCE_COLUMNS,
    events: [E.SFC_INSTANCE_CREATED, E.SFC_INSTANCE_DESTROYED, E.SFC_INSTANCE_LOCKED, E.SFC_INSTANCE_UNLOCKED],
    gate: null,
  },
  sfcRequest: {
    file: 'sfc_request.csv',
    columns: C.SFC_REQUEST_COLUMNS,
    events: [
      E.SFC_REQUEST_PLACED, E.SFC_REQUEST_NOT_PLACED, E.SFC_REQUEST_PACKET_GENERATION_STARTED,
      E.SFC_REQUEST_PACKET_GENERATION_STOPPED, E.SFC_REQUEST_REPLACED, E.SFC_REQUEST_REPLACEMENT_FAILED,
    ],
    gate: null,
  },
  sfcInstanceVnfMapping: {
    file: 'sfc_instance_vnf_mapping.csv',
    columns: C.SFC_INSTANCE_VNF_MAPPING_COLUMNS,
    events: [E.EVENT_SFC_INSTANCE_VNF_MAPPED, E.EVENT_SFC_INSTANCE_VNF_UNMAPPED],
    gate: null,
  },
  userMobility: {
    file: 'user_mobility.csv',
    columns: C.USER_MOBILITY_COLUMNS,
    events: [E.USER_MOVED],
    gate: null,
  },
  migration: {
    file: 'migration.csv',
    columns: C.MIGRATION_COLUMNS,
    events: [E.SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD, E.SFC_REQUEST_BELOW_MIGRATION_THRESHOLD],
    gate: null,
  },
  vnfInstanceScaling: {
    file: 'vnf_instance_scaling.csv',
    columns: C.VNF_INSTANCE_SCALING_COLUMNS,
    events: [
      E.SCALING_UP_CPU, E.SCALING_UP_CPU_FAIL, E.SCALING_DOWN_CPU, E.SCALING_DOWN_CPU_FAIL, E.EVENT_NO_SCALING_CPU,
      E.SCALING_UP_MEM, E.SCALING_UP_MEM_FAIL, E.SCALING_DOWN_MEM, E.SCALING_DOWN_MEM_FAIL, E.EVENT_NO_SCALING_MEM,
      E.SCALING_ADD_INSTANCE, E.SCALING_ADD_INSTANCE_FAIL, E.SCALING_REMOVE_INSTANCE,
      E.SCALING_REMOVE_INSTANCE_FAIL, E.SCALING_UP, E.SCALING_DOWN,
    ],
    gate: null,
  },
  sfcInstanceResources: {
    file: 'sfc_instance_resources.csv',
    columns: C.SFC_INSTANCE_RESOURCES_COLUMNS,
    events: [
      E.EVENT_SFC_INSTANCE_CPU_INCREASE, E.EVENT_SFC_INSTANCE_CPU_DECREASE, E.EVENT_SFC_INSTANCE_MEM_INCREASE,
      E.EVENT_SFC_INSTANCE_MEM_DECREASE, E.EVENT_NO_SCALING_CPU, E.EVENT_NO_SCALING_MEM, E.SCALING_UP_CPU,
      E.SCALING_DOWN_CPU,
    ],
    gate: null,
  },
  resourceUsage: {
    file: 'resource_usage.csv',
    columns: C.RESOURCE_USAGE_COLUMNS,
    events: [
      E.CPU_USAGE, E.CPU_INCREASE_AVAILABILITY, E.CPU_DECREASE_AVAILABILITY, E.MEM_INCREASE_AVAILABILITY,
      E.MEM_DECREASE_AVAILABILITY,
    ],
    gate: 'logTotalResources',
  },
  monitor: {
    file: 'monitor.csv',
    columns: C.MONITOR_COLUMNS,
    events: [
      E.EVENT_MONITOR_ACTIVATION, E.EVENT_MONITOR_INTERVAL_INCREASE, E.EVENT_MONITOR_INTERVAL_DECREASE,
      E.EVENT_MONITOR_WINDOW_SIZE_INCREASE, E.EVENT_MONITOR_WINDOW_SIZE_DECREASE, E.SCALING_MONITORING,
    ],
    gate: null,
  },
  rlAgent: {
    file: 'rl_agent.csv',
    columns: C.RL_AGENT_COLUMNS,
    events: [
      E.EVENT_RLAGENT_INCREASE_RESOURCE_DECREMENT, E.EVENT_RLAGENT_MAINTAIN_RESOURCE_DECREMENT,
      E.EVENT_RLAGENT_DECREASE_RESOURCE_DECREMENT, E.EVENT_RLAGENT_INCREASE_THRESHOLD_UP,
      E.EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP, E.EVENT_RLAGENT_DECREASE_THRESHOLD_UP,
      E.EVENT_RLAGENT_INCREASE_THRESHOLD_DOWN, E.EVENT_RLAGENT_MAINTAIN_THRESHOLD_DOWN,
      E.EVENT_RLAGENT_DECREASE_THRESHOLD_DOWN,
    ],
    gate: null,
  },
} as const satisfies Record<string, EventFileSpec>;

/** Key of a per-round event file in {@link EventFiles}. */
export type EventFileKey = keyof typeof EventFiles;
