/** One hop of an SFC instance's path: the link a packet takes after element `key`. */
export interface Hop {
  /** `ingress` for the first hop (ingress node → first VNF), else the VNF type name the hop leaves from. */
  readonly key: string;
  /** Link name. */
  readonly link: string;
}

/** A deployed SFC: a chain of VNF instances and the links between them (model-spec §6.2). */
export interface SfcInstanceInfo {
  /** Dense 0-based id within a run, in creation order. */
  readonly index: number;
  /** `si_{n}`. */
  readonly name: string;
  /** SFC type name. */
  readonly sfc: string;
  /** Slice name. */
  readonly slice: string;
  readonly ingressNode: string;
  readonly egressNode: string;
  /** Names of the SFC requests served by this instance. */
  readonly requests: readonly string[];
  /** Hops in traversal order: `ingress`, v_1, …, v_L (the last one reaches the egress node). */
  readonly hops: readonly Hop[];
  /** VNF instance names serving the chain, in chain order. */
  readonly vnfInstances: readonly string[];
  /** Whether new requests may share it (locked by the SFC-instance monitor). */
  readonly acceptRequests: boolean;
  readonly active: boolean;
  /** ms at which it was created. */
  readonly createdAt: number;
}
