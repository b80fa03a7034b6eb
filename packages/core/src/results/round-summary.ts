/**
 * The JSON-ready summary of a round (written to summary.json and printed by the CLI).
 */

/** Packet counts. Every created packet is delivered, dropped, orphaned or still in flight. */
export interface PacketCounts {
  readonly created: number;
  readonly delivered: number;
  /** Rejected by a full VNF-instance or link queue. */
  readonly dropped: number;
  /** No SFC instance or serving VNF instance. */
  readonly orphaned: number;
  /** created − delivered − dropped − orphaned: still travelling at the end of the round. */
  readonly inFlight: number;
}

/**
 * End-to-end delay of delivered packets (ms). Percentiles are exact, by linear interpolation between
 * closest ranks (Hyndman–Fan type 7, the default of NumPy's `percentile` and R's `quantile`). Every
 * field is `null` when no packet was delivered.
 */
export interface DelayStats {
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** SLA figures. */
export interface SlaStats {
  /** Packets whose SLA was violated (each at most once), including packets still in flight. */
  readonly violated: number;
  /** Delivered packets whose SLA had been violated (delivered late). */
  readonly deliveredLate: number;
  /**
   * Share of **ended** packets that violated their SLA: (deliveredLate + dropped + orphaned) /
   * (delivered + dropped + orphaned); drops and orphans always violate (model-spec §5.9). 0 when no
   * packet ended. In-flight packets are left out of both terms so the rate stays within [0, 1].
   */
  readonly violationRate: number;
}

/** Packets, delay and SLA of one SFC type or one slice. */
export interface GroupSummary {
  readonly packets: PacketCounts;
  readonly delayMs: DelayStats;
  readonly sla: SlaStats;
}

/** SFC requests of the round. */
export interface RequestCounts {
  readonly total: number;
  readonly placed: number;
  readonly rejected: number;
}

/** Energy consumed during the round (Wh). */
export interface EnergyTotals {
  readonly nodesWh: number;
  readonly linksWh: number;
}

/** Scaling actions of the round. */
export interface ScalingCounts {
  readonly up: number;
  readonly down: number;
  /** Actions refused by the core's validation. */
  readonly failed: number;
}

/** The summary of one round (see {@link RunMetrics.summarize}). */
export interface RoundSummary {
  /** 0-based round number. */
  readonly round: number;
  /** The round's seed. */
  readonly seed: number | string;
  /** Whether the round was stopped before `total_time`. */
  readonly interrupted: boolean;
  /** Simulated ms actually covered. */
  readonly simulatedTimeMs: number;
  /** Wall-clock ms of the round. */
  readonly wallTimeMs: number;
  readonly packets: PacketCounts;
  readonly delayMs: DelayStats;
  readonly sla: SlaStats;
  readonly requests: RequestCounts;
  readonly energy: EnergyTotals;
  readonly scaling: ScalingCounts;
  /** Per SFC type name (every SFC type, also those without packets). */
  readonly perSfc: Readonly<Record<string, GroupSummary>>;
  /** Per slice name (every slice). */
  readonly perSlice: Readonly<Record<string, GroupSummary>>;
}
