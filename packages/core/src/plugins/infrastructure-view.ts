import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { Link } from '../model/link.js';
import type { VnfInstanceState } from '../model/vnf-instance.js';

/** Free and allocated resources of a node at the time of a view. */
export interface NodeResources {
  /** Node name. */
  readonly node: string;
  /** Node index. */
  readonly index: number;
  /** CPU capacity minus CPU allocated to live (not destroyed) VNF instances on it. */
  readonly freeCpu: number;
  /** Memory capacity minus memory allocated to live VNF instances on it. */
  readonly freeMem: number;
  readonly allocatedCpu: number;
  readonly allocatedMem: number;
  /** Number of live VNF instances on the node. */
  readonly vnfInstances: number;
}

/** Bandwidth of a link as booked by active SFC instances (model-spec §4.3). */
export interface LinkResources {
  /** Link name. */
  readonly link: string;
  readonly index: number;
  /** Bandwidth minus Σ `min_bandwidth` booked by active SFC instances routed on it. */
  readonly freeBandwidth: number;
  readonly bookedBandwidth: number;
}

/** A VNF instance as a placement sees it. */
export interface VnfInstanceView {
  readonly name: string;
  readonly vnf: string;
  readonly node: string;
  readonly cpu: number;
  readonly mem: number;
  readonly state: VnfInstanceState;
  /** Whether it accepts new SFC instances (not shutting down). */
  readonly acceptSfcInstances: boolean;
  /** Names of SFC instances mapped onto it. */
  readonly sfcInstances: readonly string[];
  /** `max_share` minus mapped SFC instances (0 when full or not accepting). */
  readonly freeShareSlots: number;
}

/** An SFC instance as a placement sees it (for sharing decisions). */
export interface SfcInstanceView {
  readonly name: string;
  readonly sfc: string;
  readonly ingressNode: string;
  readonly egressNode: string;
  readonly active: boolean;
  /** False when the SFC-instance monitor locked it (too many SLA violations). */
  readonly acceptRequests: boolean;
  readonly requests: readonly string[];
  readonly vnfInstances: readonly string[];
  /** Link names in traversal order (ingress hop first). */
  readonly links: readonly string[];
}

/**
 * The immutable picture of the infrastructure handed to a placement each round (design.md, "Strategy
 * contracts"). Plain frozen objects: a strategy that explores alternatives drafts copies (e.g. with
 * immer) and returns what it chose; it can never change the simulation.
 */
export interface InfrastructureView {
  /** Simulation time of the round (ms). */
  readonly time: number;
  /** The generated environment (nodes, links, VNF and SFC types, users, requests). */
  readonly environment: EdgeEnvironment;
  /** Per node, in node order. */
  readonly nodes: readonly NodeResources[];
  /** Per link, in link order. */
  readonly links: readonly LinkResources[];
  /** Live VNF instances (not destroyed), in creation order. */
  readonly vnfInstances: readonly VnfInstanceView[];
  /** Active SFC instances, in creation order. */
  readonly sfcInstances: readonly SfcInstanceView[];
  /** Whether SFC-instance sharing is enabled (`share_sfc_instance`). */
  readonly shareSfcInstances: boolean;
  /** Whether links with no free bandwidth must be avoided (`compute_link_bw_limit`). */
  readonly computeLinkBandwidthLimit: boolean;
  /** Links from node `a` to node `b` (the loopback when a = b), in counter order. */
  linksBetween(a: string, b: string): readonly Link[];
  /** Transmission plus propagation time (ms) of `size` units on `link`: 1000·size/bandwidth + propagation. */
  linkLatency(link: Link, size: number): number;
  /** Whether `node` can host VNF type `vnf` (the node's VNF list contains it). */
  canHost(node: string, vnf: string): boolean;
}
