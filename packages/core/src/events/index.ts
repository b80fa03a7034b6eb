/**
 * The event catalogue (names, numeric ids, payload types) and the typed {@link EventBus}.
 * @module
 */
export { Events, EVENT_NAMES, EventIds, isEventName } from './catalogue.js';
export type { EventName, EventNameId } from './catalogue.js';
export type { EventMap, EventListener } from './event-map.js';
export { EventBus } from './event-bus.js';
export type {
  PacketEvent,
  PacketDelayEvent,
  PacketProcessedEvent,
  PacketSlaViolatedEvent,
  VnfInstancePacketEvent,
  VnfInstanceResourceEvent,
  LinkEvent,
  PlacementEvent,
  TimeWindowEvent,
  VnfInstanceEvent,
  SfcInstanceEvent,
  SfcRequestEvent,
  SfcInstanceVnfMappingEvent,
  UserMovedEvent,
  MigrationEvent,
  VnfInstanceScalingEvent,
  SfcInstanceResourcesEvent,
  ScalingEvent,
  ResourceUsageEvent,
  MonitorEvent,
  RlAgentKind,
  RlAgentEvent,
  SimulationStartedEvent,
  SimulationProgressEvent,
  SimulationFinishedEvent,
  RoundStartedEvent,
  RoundFinishedEvent,
} from './payloads.js';
