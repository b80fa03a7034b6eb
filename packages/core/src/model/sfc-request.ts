/** A user's request for an SFC type, generated before the run (model-spec §2.8, §3). */
export interface SfcRequest {
  /** Dense 0-based id; equals the position in `EdgeEnvironment.sfcRequests`. */
  readonly index: number;
  /** `r_{i}` (user-major order). */
  readonly name: string;
  readonly user: string;
  readonly sfc: string;
  readonly dataSource: string;
  /** Stored and logged; not used by the reference's placements ([Q-5]). */
  readonly priority: number;
  /** ms at which the request arrives. */
  readonly arrivalTime: number;
  readonly ingressNode: string;
  readonly egressNode: string;
  /** ms after placement during which the request keeps generating packets. */
  readonly duration: number;
}
