/**
 * Event payloads: one interface per CSV-row family (model-spec §10.2). Fields are the file's columns in
 * camelCase (minus `Event`, which is the event name), numbers as numbers, times in exact milliseconds.
 *
 * Listeners must treat a payload as borrowed: read it during the call, copy what they need, never keep
 * the object. The simulation may reuse one payload object per event family to avoid allocation.
 */
import type { RoundSummary } from '../results/round-summary.js';

/** A row of packets.csv: a packet's lifecycle event. */
export interface PacketEvent {
  /** Simulated time (ms). */
  readonly time: number;
  /** Per-request packet id (starting at 1). */
  readonly packetId: number;
  /** SFC request name. */
  readonly request: string;
  /** The SFC instance the packet travels on (the request's current one before it has one); `''` if none. */
  readonly sfcInstance: string;
  /** User name. */
  readonly user: string;
  /** SFC type name. */
  readonly sfc: string;
  /** Data source name. */
  readonly dataSource: string;
}

/**
 * A packet event that carries the packet's delay: `PACKET_PROCESSED` (end-to-end delay of a delivered
 * packet) and `PACKET_SIMULATION_TIME_EXPIRED` (delay so far of a packet still in flight at the end).
 */
export interface PacketDelayEvent extends PacketEvent {
  /** Exact delay (ms) since creation, mobility penalty included. Not written to packets.csv. */
  readonly delay: number;
}

/** `PACKET_PROCESSED`: a packet delivered, with its end-to-end delay. */
export type PacketProcessedEvent = PacketDelayEvent;

/** `EVENT_PACKET_SLA_VIOLATED`: the first SLA violation of a packet. */
export interface PacketSlaViolatedEvent extends PacketEvent {
  /** (delay − maxDelay) / maxDelay at violation time; 1 for drops and orphans. Not written to packets.csv. */
  readonly slaViolationPercentage: number;
}

/** A row of vnf_instance_packets.csv (model-spec §5.4). */
export interface VnfInstancePacketEvent {
  readonly time: number;
  readonly packetId: number;
  readonly vnfInstance: string;
  readonly request: string;
  readonly sfcInstance: string;
  readonly user: string;
  readonly sfc: string;
  readonly dataSource: string;
  /** Work W = packet size × packet_cpu_demand (instructions). */
  readonly size: number;
  /** Wait before service (PROCESS_STARTED), service time (PROCESSED), −1 otherwise (ms). */
  readonly elapsedTime: number;
}

/** A row of vnf_instance_resources.csv (model-spec §5.4 steps 9, 11, 15). */
export interface VnfInstanceResourceEvent {
  readonly time: number;
  readonly vnfInstance: string;
  /** Allocated CPU. */
  readonly cpu: number;
  /** Per-packet CPU load delta (the instance's total load for DISK_ACCESS). */
  readonly cpuUsage: number;
  /** Allocated memory. */
  readonly mem: number;
  /** Per-packet memory load delta (the instance's total load for DISK_ACCESS). */
  readonly memUsage: number;
  readonly user: string;
  readonly request: string;
  readonly sfcInstance: string;
  readonly packetId: number;
}

/** A row of links.csv (model-spec §5.5). */
export interface LinkEvent {
  readonly time: number;
  readonly packetId: number;
  readonly link: string;
  readonly request: string;
  readonly sfcInstance: string;
  readonly user: string;
  readonly sfc: string;
  readonly dataSource: string;
  /** The sending VNF instance, or `data_source` for the ingress hop. */
  readonly vnfInstance: string;
  /** Amount S sent on the link (size units). */
  readonly packetSize: number;
}

/** A row of placement.csv. */
export interface PlacementEvent {
  readonly time: number;
  /** PROCESSED rows: what the strategy reported about the round (the plan's `details`), if anything. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** A row of time_window.csv (model-spec §3.3). */
export interface TimeWindowEvent {
  readonly time: number;
  /** Window start (ms). */
  readonly windowInit: number;
  /** Window end (ms). */
  readonly windowEnd: number;
  /** Cumulative requests placed (0 in STARTED rows). */
  readonly sfcRequestsPlaced: number;
  /** Cumulative requests not placed (0 in STARTED rows). */
  readonly sfcRequestsNotPlaced: number;
  /** Total CPU allocated to active VNF instances. */
  readonly cpuAllocated: number;
  /** Total memory allocated to active VNF instances. */
  readonly memAllocated: number;
  /** Active VNF instances. */
  readonly vnfInstancesCount: number;
  /** Active SFC instances. */
  readonly sfcInstancesCount: number;
  /** Wall-clock ms of the placement call (nondeterministic). */
  readonly totalAlgTime: number;
  /** Size of the batch. */
  readonly countSfcRequests: number;
  /** Names of the batch's requests, in placement order. */
  readonly sfcRequests: readonly string[];
  /** Total node power at the end of the round (W, model-spec §9). */
  readonly totalEnergyConsumption: number;
}

/** A row of vnf_instance.csv (model-spec §6.1). */
export interface VnfInstanceEvent {
  readonly time: number;
  readonly vnfInstance: string;
  readonly node: string;
  readonly vnf: string;
  /** The VNF type's minimum CPU. */
  readonly vnfCpu: number;
  /** The VNF type's minimum memory. */
  readonly vnfMem: number;
}

/** A row of sfc_instance.csv. */
export interface SfcInstanceEvent {
  readonly time: number;
  readonly sfcInstance: string;
}

/** A row of sfc_request.csv. */
export interface SfcRequestEvent {
  readonly time: number;
  readonly request: string;
  /** SFC instance name, `''` if none. */
  readonly sfcInstance: string;
  /** Global 1-based placement order for PLACED / NOT_PLACED, −1 otherwise. */
  readonly placementOrder: number;
  /** \@nss addition: why the request was not placed (plugin and violated constraint). Trailing `Reason` column. */
  readonly reason?: string;
}

/** A row of sfc_instance_vnf_mapping.csv. */
export interface SfcInstanceVnfMappingEvent {
  readonly time: number;
  readonly sfcInstance: string;
  readonly vnfInstance: string;
}

/** A row of user_mobility.csv (model-spec §5.8). */
export interface UserMovedEvent {
  readonly time: number;
  readonly user: string;
  readonly originNode: string;
  readonly destinyNode: string;
}

/** A row of migration.csv (model-spec §7.1). */
export interface MigrationEvent {
  readonly time: number;
  readonly request: string;
  readonly user: string;
}

/**
 * A row of vnf_instance_scaling.csv (model-spec §8.1). For vertical scaling `old`/`new` are the allocation
 * before and the requested (unrounded) value; for the horizontal \@nss events they are the number of live
 * instances of that VNF type on that node before and after.
 */
export interface VnfInstanceScalingEvent {
  readonly time: number;
  readonly vnfInstance: string;
  readonly old: number;
  readonly new: number;
  /** \@nss addition: why (plugin and violated constraint for *_FAIL events). Trailing `Reason` column. */
  readonly reason?: string;
}

/** A row of sfc_instance_resources.csv: SFC-level totals before and after a scaling cycle. */
export interface SfcInstanceResourcesEvent {
  readonly time: number;
  readonly sfcInstance: string;
  readonly oldCpu: number;
  readonly newCpu: number;
  readonly oldMem: number;
  readonly newMem: number;
}

/**
 * Payload of the four event names the reference writes to both scaling files (`SCALING_UP_CPU`,
 * `SCALING_DOWN_CPU`, `EVENT_NO_SCALING_CPU`, `EVENT_NO_SCALING_MEM`): a VNF-level row goes to
 * vnf_instance_scaling.csv, an SFC-level row to sfc_instance_resources.csv. Narrow with
 * `'vnfInstance' in payload`.
 */
export type ScalingEvent = VnfInstanceScalingEvent | SfcInstanceResourcesEvent;

/** A row of resource_usage.csv. */
export interface ResourceUsageEvent {
  readonly time: number;
  readonly value: number;
}

/** A row of monitor.csv. */
export interface MonitorEvent {
  readonly time: number;
  readonly sfcInstance: string;
  /** Monitoring window (ms). */
  readonly windowSize: number;
  /** Monitoring interval (ms). */
  readonly monitorInterval: number;
}

/** Which RL agent of a VNF instance a row belongs to (model-spec §8.7.4). */
export type RlAgentKind = 'RESOURCE' | 'UP' | 'DOWN';

/** A row of rl_agent.csv (model-spec §8.7.4). */
export interface RlAgentEvent {
  readonly time: number;
  readonly vnfInstance: string;
  readonly agent: RlAgentKind;
  /** The tuned parameter's current value. */
  readonly value: number;
  /** Q[state][action]. */
  readonly reward: number;
}

/** `SIMULATION_STARTED`. */
export interface SimulationStartedEvent {
  /** Rounds that will run. */
  readonly rounds: number;
  /** Simulated ms per round. */
  readonly totalTime: number;
  /** The configured base seed. */
  readonly seed: number | string;
}

/** `SIMULATION_PROGRESS`: emitted periodically while a round runs. */
export interface SimulationProgressEvent {
  readonly round: number;
  /** Current simulated time (ms). */
  readonly time: number;
  /** Simulated ms of the round. */
  readonly totalTime: number;
  /** Packets created so far in the round. */
  readonly packets: number;
}

/** `SIMULATION_FINISHED`. */
export interface SimulationFinishedEvent {
  /** Rounds that ran (fewer than requested if interrupted). */
  readonly rounds: number;
  readonly interrupted: boolean;
  /** Wall-clock ms of the whole run. */
  readonly wallTimeMs: number;
}

/** `ROUND_STARTED`. */
export interface RoundStartedEvent {
  /** 0-based round number. */
  readonly round: number;
  /** The round's derived seed. */
  readonly seed: number | string;
  /** The round's output folder (`…/Round_<n>`), or `null` when not writing files. */
  readonly dir: string | null;
}

/** `ROUND_FINISHED`. */
export interface RoundFinishedEvent {
  readonly round: number;
  /** The round's summary (also written to summary.json). */
  readonly summary: RoundSummary;
}
