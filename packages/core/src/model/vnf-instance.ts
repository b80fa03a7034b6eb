/** Lifecycle state of a VNF instance (model-spec §6.1). */
export type VnfInstanceState = 'starting' | 'running' | 'shutting-down' | 'destroyed';

/**
 * A running instance of a VNF type on a node (model-spec §6.1). Read-only snapshot type: the simulation
 * owns the live object; strategies see it through views.
 */
export interface VnfInstanceInfo {
  /** Dense 0-based id within a run, in creation order. */
  readonly index: number;
  /** `{node}_{vnf}_{c}`, e.g. `n_3_v_2_1`. */
  readonly name: string;
  /** VNF type name. */
  readonly vnf: string;
  /** Host node name. */
  readonly node: string;
  /** Allocated CPU (instructions/s). */
  readonly cpu: number;
  /** Allocated memory. */
  readonly mem: number;
  /** Instantaneous CPU load: Σ W/C of packets in service (model-spec §5.4). */
  readonly cpuLoad: number;
  /** Instantaneous memory load. */
  readonly memLoad: number;
  /** Packets admitted and waiting (for startup or a processing slot). */
  readonly queue: number;
  /** Packets in service (busy processing slots). */
  readonly busySlots: number;
  /** Processing slots (the VNF type's `max_share`). */
  readonly slots: number;
  /** Names of the SFC instances mapped onto this instance. */
  readonly sfcInstances: readonly string[];
  readonly state: VnfInstanceState;
  /** Whether new SFC instances may be mapped onto it. */
  readonly acceptSfcInstances: boolean;
  /** ms at which it was created. */
  readonly createdAt: number;
  /** ms at which it finishes (or finished) booting. */
  readonly readyAt: number;
}
