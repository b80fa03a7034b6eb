import type { RandomStream } from '../../engine/rng.js';
import type { DataSource } from '../../model/data-source.js';
import type { Sfc } from '../../model/sfc.js';
import type { SfcRequest } from '../../model/sfc-request.js';
import type { SfcInstanceRuntime } from './sfc-instance-runtime.js';
import type { UserRuntime } from './user-runtime.js';

/** Replacement ("migration") bookkeeping of a request (model-spec §3.5). */
export interface ReplacementState {
  /** Attempts made so far. */
  retries: number;
  /** Time of the next attempt (NaN when exhausted). */
  nextTry: number;
}

/** An SFC request during a run: placement state, its traffic generator and its recent delays. */
export class RequestRuntime {
  readonly req: SfcRequest;
  readonly sfc: Sfc;
  readonly sliceIndex: number;
  readonly user: UserRuntime;
  readonly dataSource: DataSource;
  /** Arrival time used by the placement rounds (0 for all with `time_window = 0`). */
  arrivalTime: number;
  /** Ingress node (changed by re-placement to the user's current node). */
  ingressNode: string;
  placed = false;
  /** Global placement order (1-based), -1 before its round. */
  placementOrder = -1;
  replacements = 0;
  /** The SFC instance serving it (null when not placed, or after it was destroyed). */
  sfcInstance: SfcInstanceRuntime | null = null;
  /** True while its generator may still produce packets. */
  active = true;
  /** Last packet id issued. */
  lastPacketId = 0;
  /** Why the last placement attempt failed (for the logs). */
  rejectReason = '';

  // ---- traffic generator state (random flow) ----
  /** Seeded stream of this request's offered traffic (independent of placement decisions). */
  traffic: RandomStream | null = null;
  /** Generation ends after this time (duration + window end). */
  generateUntil = 0;
  /** Packets left in the current burst. */
  burstLeft = 0;
  /** Size of the packet waiting for its injection. */
  pendingSize = 0;
  /** Creation time of the packet waiting for its injection ([Q-1] profile). */
  pendingCreatedAt = 0;
  // ---- file flow ----
  /** Rows (relative time, size) for file-driven flows. */
  flowRows: Float64Array | null = null;
  /** Next row index of the file flow. */
  flowNext = 0;

  // ---- migration tracking ----
  /** Ring of recent end-to-end latencies (ms). */
  readonly recentDelays: Float64Array;
  recentCount = 0;
  recentNext = 0;
  /** Above the migration threshold at the last monitor cycle. */
  aboveThreshold = false;
  /** Waiting for re-placement, or null. */
  replacement: ReplacementState | null = null;

  constructor(
    req: SfcRequest,
    sfc: Sfc,
    sliceIndex: number,
    user: UserRuntime,
    dataSource: DataSource,
    delayWindow: number,
  ) {
    this.req = req;
    this.sfc = sfc;
    this.sliceIndex = sliceIndex;
    this.user = user;
    this.dataSource = dataSource;
    this.arrivalTime = req.arrivalTime;
    this.ingressNode = req.ingressNode;
    this.recentDelays = new Float64Array(Math.max(1, delayWindow));
  }

  get name(): string {
    return this.req.name;
  }

  /** Records a latency sample for the migration-threshold tracking. */
  recordLatency(ms: number): void {
    this.recentDelays[this.recentNext] = ms;
    this.recentNext = (this.recentNext + 1) % this.recentDelays.length;
    if (this.recentCount < this.recentDelays.length) this.recentCount++;
  }

  /** Mean of the recorded latencies (NaN when none). */
  meanRecentLatency(): number {
    if (this.recentCount === 0) return Number.NaN;
    let s = 0;
    for (let i = 0; i < this.recentCount; i++) s += this.recentDelays[i];
    return s / this.recentCount;
  }
}
