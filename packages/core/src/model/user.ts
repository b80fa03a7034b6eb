/** Where a user's traffic for one SFC type enters and leaves the network (model-spec §2.6). */
export interface IngressEgress {
  readonly ingressNode: string;
  readonly egressNode: string;
  /** Reference packet size for this SFC (used by size-aware placement scores). */
  readonly packetSize: number;
}

/** A user (UE) requesting SFC types (model-spec §1.3 `user`, §2.6). */
export interface User {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.users`. */
  readonly index: number;
  /** `u_{i}`. */
  readonly name: string;
  /** The node the user is attached to at the start. */
  readonly node: string;
  /** Requested SFC type names, in request order. */
  readonly sfcs: readonly string[];
  /** Stored, not used by the model. */
  readonly latency: number;
  /** Stored, not used by the model. */
  readonly bandwidth: number;
  /** Stored, not used by the model. */
  readonly lossRate: number;
  /** Upper bound for the priority of this user's requests. */
  readonly priority: number;
  /** Per requested SFC type: ingress node, egress node and reference packet size. */
  readonly sfcIngressEgress: Readonly<Record<string, IngressEgress>>;
}
