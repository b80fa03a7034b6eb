/** How a packet ended, or `active` while in flight (model-spec §5.3, §5.9). */
export type PacketOutcome = 'active' | 'delivered' | 'dropped' | 'orphan';

/** A packet of an SFC request (model-spec §5.2, §5.3). Read-only snapshot type. */
export interface PacketInfo {
  /** Per-request id starting at 1; the global key is (request, id). */
  readonly id: number;
  /** SFC request name. */
  readonly request: string;
  /** ms at which it entered the network. */
  readonly createdAt: number;
  /** Size (workload units). */
  readonly size: number;
  /** SLA bound: the SFC's `max_latency` (ms). */
  readonly maxDelay: number;
  /** End-to-end delay so far (ms; exact, not ticks). */
  readonly delay: number;
  /** ms of mobility penalty included in `delay`. */
  readonly mobilityPenalty: number;
  readonly slaViolated: boolean;
  /** (delay − maxDelay) / maxDelay at violation time, 1 for drops and orphans. */
  readonly slaViolationPercentage: number;
  readonly outcome: PacketOutcome;
}
