/** A placement criterion (model-spec §2.4 `SfcPriority`). */
export type SfcPriority = 'latency' | 'capacity' | 'energy';

/** An SFC type: an ordered chain of distinct VNF types with a latency SLA (model-spec §1.3 `sfc`, §2.4). */
export interface Sfc {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.sfcs`. */
  readonly index: number;
  /** `s_{i}`. */
  readonly name: string;
  /** VNF type names in chain order. */
  readonly vnfs: readonly string[];
  /** SLA: maximum end-to-end delay of a packet (ms). */
  readonly maxLatency: number;
  /** ms an SFC instance stays alive without new packets. */
  readonly timeout: number;
  /** Criteria order used by priority-aware placements. */
  readonly prioritiesOrder: readonly SfcPriority[];
  /** Name of the slice this SFC type belongs to. */
  readonly slice: string;
}
