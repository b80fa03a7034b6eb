import type { SfcRequest } from '../model/sfc-request.js';
import type { InfrastructureView } from './infrastructure-view.js';

/** Which VNF instance serves one VNF of the chain: an existing one, or a new one on a node. */
export type VnfAssignment =
  | {
      readonly kind: 'existing';
      /** Name of a live VNF instance of the right type with a free share slot. */
      readonly instance: string;
    }
  | {
      readonly kind: 'new';
      /** Node to create the instance on; it must be able to host the VNF and have free CPU and memory. */
      readonly node: string;
      /**
       * Optional plan-local key: assignments with the same key (in this plan) denote the same new instance,
       * so several requests of one round can share an instance created in that round.
       */
      readonly key?: string;
    };

/** Serve a request with a new chain of VNF instances and links. */
export interface ChainDecision {
  readonly kind: 'chain';
  readonly request: string;
  /** One assignment per VNF of the SFC's chain, in chain order. */
  readonly vnfs: readonly VnfAssignment[];
  /**
   * Link names, one per hop: ingress node → first VNF's node, each VNF's node → the next one's, and the
   * last VNF's node → egress node (so `vnfs.length + 1` links). Co-located hops use the node's loopback.
   */
  readonly links: readonly string[];
}

/** Attach a request to an existing SFC instance of the same type, ingress and egress. */
export interface ShareDecision {
  readonly kind: 'share';
  readonly request: string;
  readonly sfcInstance: string;
}

/** Do not place the request now, with a reason for the logs. */
export interface RejectDecision {
  readonly kind: 'reject';
  readonly request: string;
  readonly reason: string;
}

/** A placement's decision for one request. */
export type PlacementDecision = ChainDecision | ShareDecision | RejectDecision;

/**
 * What a placement returns for a round: decisions applied in order. A request of the batch with no
 * decision counts as rejected ("no decision").
 */
export interface PlacementPlan {
  readonly decisions: readonly PlacementDecision[];
  /**
   * What the strategy wants recorded about this round (e.g. a solver's status, objective, gap and solve
   * time): copied into the round's `PLACEMENT_PROCESSED` event and the `Details` column of placement.csv.
   */
  readonly details?: PlacementDetails;
}

/** Facts a strategy reports about one placement round, by name (see {@link PlacementPlan.details}). */
export type PlacementDetails = Readonly<Record<string, string | number | boolean>>;

/**
 * A placement strategy: each round it receives the pending requests (already ordered) and an immutable
 * view, and returns a plan. The core validates every decision before applying it; an infeasible one is
 * recorded as a rejection naming the plugin and the violated constraint.
 */
export interface PlacementStrategy {
  /** Plugin name (for logs and error messages). */
  readonly name: string;
  /** Decide where the requests go. May be async (e.g. a solver). */
  place(requests: readonly SfcRequest[], view: InfrastructureView): PlacementPlan | Promise<PlacementPlan>;
}
