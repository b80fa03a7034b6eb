/** A directed physical link (model-spec §1.3 `link`, §2.5). Loopbacks have `source === target`. */
export interface Link {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.links`. */
  readonly index: number;
  /** `l_{src}_{dst}_{k}` or `l_{i}_loopback`. */
  readonly name: string;
  /** Source node name. */
  readonly source: string;
  /** Target node name. */
  readonly target: string;
  /** Parallel-link counter between the same ordered pair (0-based; 1 for loopbacks, as the reference). */
  readonly counter: number;
  /** Size units per second. */
  readonly bandwidth: number;
  /** Stored, not used by the model (model-spec §5.7). */
  readonly lossRate: number;
  /** Propagation delay in ms. */
  readonly propagation: number;
  /** Power figure used by energy-aware placement (W). */
  readonly energyConsumption: number;
  /** Maximum packets waiting plus in service; -1 = unlimited. */
  readonly maxPacketQueue: number;
  /** True for a node's loopback link. */
  readonly loopback: boolean;
}
