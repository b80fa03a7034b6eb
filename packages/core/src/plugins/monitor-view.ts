import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { VnfInstanceState } from '../model/vnf-instance.js';
import type { NodeResources } from './infrastructure-view.js';

/** What a VNF instance did during the monitor window, and its state now. */
export interface VnfInstanceMonitor {
  readonly name: string;
  readonly vnf: string;
  readonly node: string;
  readonly state: VnfInstanceState;
  /** Allocated CPU now. */
  readonly cpu: number;
  /** Allocated memory now. */
  readonly mem: number;
  /** The VNF type's minimum CPU (scale-down floor). */
  readonly cpuMin: number;
  /** The VNF type's minimum memory (scale-down floor). */
  readonly memMin: number;
  /** Instantaneous CPU load (Σ W/C of packets in service, model-spec §5.4). */
  readonly cpuLoad: number;
  /** Instantaneous memory load. */
  readonly memLoad: number;
  /** Time-average of the CPU load over the window. */
  readonly meanCpuLoad: number;
  /** Time-average of the memory load over the window. */
  readonly meanMemLoad: number;
  /** Fraction of the window during which at least one slot was busy. */
  readonly utilization: number;
  /** Packets waiting now. */
  readonly queue: number;
  /** Busy processing slots now. */
  readonly busySlots: number;
  /** Processing slots. */
  readonly slots: number;
  /** Packets that arrived during the window. */
  readonly packetsArrived: number;
  /** Packets whose processing finished during the window. */
  readonly packetsProcessed: number;
  /** Packets rejected by the full queue during the window. */
  readonly packetsDropped: number;
  /** Σ work (instructions) of packets that arrived during the window. */
  readonly workArrived: number;
  /** Σ work (instructions) of packets processed during the window. */
  readonly workProcessed: number;
  /** SFC instances mapped onto it now. */
  readonly sfcInstances: readonly string[];
}

/** SLA figures of an SFC instance over the monitor window. */
export interface SfcInstanceMonitor {
  readonly name: string;
  readonly sfc: string;
  readonly active: boolean;
  /** VNF instances serving it, in chain order. */
  readonly vnfInstances: readonly string[];
  /** Packets of this instance that ended (delivered, dropped, orphaned) during the window. */
  readonly packetsEnded: number;
  /** SLA violations that happened during the window (a packet counts when its deadline passes, or when it is dropped or orphaned). */
  readonly slaViolations: number;
  /** Share of the packets that ended during the window with their SLA violated, in [0, 1] (0 when nothing ended). */
  readonly slaViolationRate: number;
  /** Packets of this instance in flight now. */
  readonly packetsInFlight: number;
  /** Mean delay (ms) of packets delivered during the window (NaN when none). */
  readonly meanDelay: number;
}

/** The picture handed to a scaling strategy at each of its monitor instants. Plain frozen data. */
export interface MonitorView {
  /** Simulation time now (ms). */
  readonly time: number;
  /**
   * Start of the window (ms): the latest earlier monitor instant at or before time − windowSize (0 at
   * first), so windows are whole monitor intervals.
   */
  readonly windowStart: number;
  readonly environment: EdgeEnvironment;
  readonly nodes: readonly NodeResources[];
  /** Live VNF instances, in creation order. */
  readonly vnfInstances: readonly VnfInstanceMonitor[];
  /** Active SFC instances, in creation order. */
  readonly sfcInstances: readonly SfcInstanceMonitor[];
}

/** Change the CPU and/or memory allocated to an instance (absolute targets). */
export interface VerticalScalingAction {
  readonly kind: 'vertical';
  readonly instance: string;
  /** New CPU allocation (instructions/s); omitted = unchanged. Rounded to an integer by the core. */
  readonly cpu?: number;
  /** New memory allocation; omitted = unchanged. Rounded to an integer by the core. */
  readonly mem?: number;
  /** Free-form reason for the logs. */
  readonly reason?: string;
}

/** Create a new instance of a VNF type on a node and, optionally, move SFC instances' traffic to it. */
export interface AddInstanceAction {
  readonly kind: 'add-instance';
  readonly vnf: string;
  readonly node: string;
  /** SFC instances to map onto the new instance (their packets for this VNF are then dispatched among instances). */
  readonly sfcInstances?: readonly string[];
  readonly reason?: string;
}

/** Start shutting an instance down (it finishes the packets it holds). */
export interface RemoveInstanceAction {
  readonly kind: 'remove-instance';
  readonly instance: string;
  readonly reason?: string;
}

/** A decision of a scaling strategy. */
export type ScalingAction = VerticalScalingAction | AddInstanceAction | RemoveInstanceAction;

/**
 * A scaling strategy: the core calls `monitor` every `monitorInterval` ms with a view over the last
 * `windowSize` ms; it returns actions that the core validates and applies (`SCALING_*` events on
 * success, `*_FAIL` on failure).
 */
export interface ScalingStrategy {
  readonly name: string;
  /** ms between monitor calls (> 0). */
  readonly monitorInterval: number;
  /** ms of history each view summarises (defaults to monitorInterval). */
  readonly windowSize?: number;
  monitor(view: MonitorView): readonly ScalingAction[] | Promise<readonly ScalingAction[]>;
  /** Called once at the end of a round. */
  stop?(): void;
}
