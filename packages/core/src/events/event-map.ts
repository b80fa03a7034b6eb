/**
 * The typed map from every event name of the catalogue to its payload type.
 */
import type { EventName } from './catalogue.js';
import type {
  LinkEvent,
  MigrationEvent,
  MonitorEvent,
  PacketDelayEvent,
  PacketEvent,
  PacketProcessedEvent,
  PacketSlaViolatedEvent,
  PlacementEvent,
  ResourceUsageEvent,
  RlAgentEvent,
  RoundFinishedEvent,
  RoundStartedEvent,
  ScalingEvent,
  SfcInstanceEvent,
  SfcInstanceResourcesEvent,
  SfcInstanceVnfMappingEvent,
  SfcRequestEvent,
  SimulationFinishedEvent,
  SimulationProgressEvent,
  SimulationStartedEvent,
  TimeWindowEvent,
  UserMovedEvent,
  VnfInstanceEvent,
  VnfInstancePacketEvent,
  VnfInstanceResourceEvent,
  VnfInstanceScalingEvent,
} from './payloads.js';

/** Payload type of every event: `EventMap['PACKET_CREATED']` is {@link PacketEvent}. */
export interface EventMap {
  PACKET_CREATED: PacketEvent;
  PACKET_PROCESSED: PacketProcessedEvent;
  PACKET_ORPHAN: PacketEvent;
  EVENT_PACKET_SLA_VIOLATED: PacketSlaViolatedEvent;
  PACKET_DROPPED_VNF_INSTANCE_QUEUE: PacketEvent;
  PACKET_DROPPED_LINK_QUEUE: PacketEvent;
  PACKET_SIMULATION_TIME_EXPIRED: PacketDelayEvent;

  VNF_INSTANCE_PACKET_ARRIVED: VnfInstancePacketEvent;
  VNF_INSTANCE_PACKET_PROCESS_STARTED: VnfInstancePacketEvent;
  VNF_INSTANCE_PACKET_PROCESSED: VnfInstancePacketEvent;
  VNF_INSTANCE_REMOTE_DATA_RECEIVED: VnfInstancePacketEvent;
  VNF_INSTANCE_PACKET_DROPPED: VnfInstancePacketEvent;

  INSTANCE_RESOURCE_USAGE_INCREASE: VnfInstanceResourceEvent;
  INSTANCE_RESOURCE_USAGE_DECREASE: VnfInstanceResourceEvent;
  INSTANCE_RESOURCE_DISK_ACCESS: VnfInstanceResourceEvent;

  LINK_PACKET_ARRIVED: LinkEvent;
  LINK_PACKET_STARTED: LinkEvent;
  LINK_PACKET_SENT: LinkEvent;
  LINK_QUEUE_PACKET_DROPPED: LinkEvent;

  PLACEMENT_STARTED: PlacementEvent;
  PLACEMENT_PROCESSED: PlacementEvent;

  TIME_WINDOW_STARTED: TimeWindowEvent;
  TIME_WINDOW_PROCESSED: TimeWindowEvent;

  INSTANCE_CREATED: VnfInstanceEvent;
  INSTANCE_STARTUP: VnfInstanceEvent;
  INSTANCE_SHUTDOWN: VnfInstanceEvent;
  INSTANCE_DESTROYED: VnfInstanceEvent;

  SFC_INSTANCE_CREATED: SfcInstanceEvent;
  SFC_INSTANCE_DESTROYED: SfcInstanceEvent;
  SFC_INSTANCE_LOCKED: SfcInstanceEvent;
  SFC_INSTANCE_UNLOCKED: SfcInstanceEvent;

  SFC_REQUEST_PLACED: SfcRequestEvent;
  SFC_REQUEST_NOT_PLACED: SfcRequestEvent;
  SFC_REQUEST_PACKET_GENERATION_STARTED: SfcRequestEvent;
  SFC_REQUEST_PACKET_GENERATION_STOPPED: SfcRequestEvent;
  SFC_REQUEST_REPLACED: SfcRequestEvent;
  SFC_REQUEST_REPLACEMENT_FAILED: SfcRequestEvent;

  EVENT_SFC_INSTANCE_VNF_MAPPED: SfcInstanceVnfMappingEvent;
  EVENT_SFC_INSTANCE_VNF_UNMAPPED: SfcInstanceVnfMappingEvent;

  USER_MOVED: UserMovedEvent;

  SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD: MigrationEvent;
  SFC_REQUEST_BELOW_MIGRATION_THRESHOLD: MigrationEvent;

  SCALING_UP_CPU: ScalingEvent;
  SCALING_UP_CPU_FAIL: VnfInstanceScalingEvent;
  SCALING_DOWN_CPU: ScalingEvent;
  SCALING_DOWN_CPU_FAIL: VnfInstanceScalingEvent;
  EVENT_NO_SCALING_CPU: ScalingEvent;
  SCALING_UP_MEM: VnfInstanceScalingEvent;
  SCALING_UP_MEM_FAIL: VnfInstanceScalingEvent;
  SCALING_DOWN_MEM: VnfInstanceScalingEvent;
  SCALING_DOWN_MEM_FAIL: VnfInstanceScalingEvent;
  EVENT_NO_SCALING_MEM: ScalingEvent;
  SCALING_ADD_INSTANCE: VnfInstanceScalingEvent;
  SCALING_ADD_INSTANCE_FAIL: VnfInstanceScalingEvent;
  SCALING_REMOVE_INSTANCE: VnfInstanceScalingEvent;
  SCALING_REMOVE_INSTANCE_FAIL: VnfInstanceScalingEvent;
  SCALING_UP: VnfInstanceScalingEvent;
  SCALING_DOWN: VnfInstanceScalingEvent;

  EVENT_SFC_INSTANCE_CPU_INCREASE: SfcInstanceResourcesEvent;
  EVENT_SFC_INSTANCE_CPU_DECREASE: SfcInstanceResourcesEvent;
  EVENT_SFC_INSTANCE_MEM_INCREASE: SfcInstanceResourcesEvent;
  EVENT_SFC_INSTANCE_MEM_DECREASE: SfcInstanceResourcesEvent;

  CPU_USAGE: ResourceUsageEvent;
  CPU_INCREASE_AVAILABILITY: ResourceUsageEvent;
  CPU_DECREASE_AVAILABILITY: ResourceUsageEvent;
  MEM_INCREASE_AVAILABILITY: ResourceUsageEvent;
  MEM_DECREASE_AVAILABILITY: ResourceUsageEvent;

  EVENT_MONITOR_ACTIVATION: MonitorEvent;
  EVENT_MONITOR_INTERVAL_INCREASE: MonitorEvent;
  EVENT_MONITOR_INTERVAL_DECREASE: MonitorEvent;
  EVENT_MONITOR_WINDOW_SIZE_INCREASE: MonitorEvent;
  EVENT_MONITOR_WINDOW_SIZE_DECREASE: MonitorEvent;
  SCALING_MONITORING: MonitorEvent;

  EVENT_RLAGENT_INCREASE_RESOURCE_DECREMENT: RlAgentEvent;
  EVENT_RLAGENT_MAINTAIN_RESOURCE_DECREMENT: RlAgentEvent;
  EVENT_RLAGENT_DECREASE_RESOURCE_DECREMENT: RlAgentEvent;
  EVENT_RLAGENT_INCREASE_THRESHOLD_UP: RlAgentEvent;
  EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP: RlAgentEvent;
  EVENT_RLAGENT_DECREASE_THRESHOLD_UP: RlAgentEvent;
  EVENT_RLAGENT_INCREASE_THRESHOLD_DOWN: RlAgentEvent;
  EVENT_RLAGENT_MAINTAIN_THRESHOLD_DOWN: RlAgentEvent;
  EVENT_RLAGENT_DECREASE_THRESHOLD_DOWN: RlAgentEvent;

  SIMULATION_STARTED: SimulationStartedEvent;
  SIMULATION_PROGRESS: SimulationProgressEvent;
  SIMULATION_FINISHED: SimulationFinishedEvent;
  ROUND_STARTED: RoundStartedEvent;
  ROUND_FINISHED: RoundFinishedEvent;
}

/** A listener of event `E`. It must not keep the payload object after returning (see payloads). */
export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;

// Compile-time check: EventMap has exactly the catalogue's names as keys.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
// eslint-disable-next-line @typescript-eslint/no-unused-vars
type EventMapMatchesCatalogue = AssertTrue<Exact<keyof EventMap, EventName>>;
