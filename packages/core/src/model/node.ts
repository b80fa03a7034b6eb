/** Role of a node in the edge topology (model-spec §2.3). Users attach to RAN nodes; egress is a CORE node. */
export type NodeType = 'RAN' | 'CORE' | 'DEFAULT';

/** A compute node of the edge infrastructure (model-spec §1.3 `node`, §2.3). */
export interface Node {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.nodes`. */
  readonly index: number;
  /** `n_{i}`. */
  readonly name: string;
  /** Free-form label from the specs (not used by the model). */
  readonly group: string | number;
  readonly type: NodeType;
  /** CPU capacity in instructions per second. */
  readonly cpu: number;
  /** Memory capacity (units of the specs). */
  readonly mem: number;
  /** Power at 100 % allocated CPU (W). */
  readonly energyMax: number;
  /** Power with nothing allocated (W). */
  readonly energyIdle: number;
  /** ms added to a packet when an instance's memory load exceeds 1 (model-spec §5.4). */
  readonly diskDelay: number;
  /** Location key drawn from the location catalogue. */
  readonly location: string;
  /** Names of the VNF types this node can host. */
  readonly vnfs: readonly string[];
}
