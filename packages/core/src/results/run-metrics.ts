import { delayStatsOfSorted, mergeAdjacentRuns } from './percentile.js';
import type { GroupSummary, RoundSummary } from './round-summary.js';

const CREATED = 0;
const DELIVERED = 1;
const DROPPED = 2;
const ORPHANED = 3;
const VIOLATED = 4;
const LATE = 5;
const FIELDS = 6;

/** What {@link RunMetrics.summarize} needs besides the counters. */
export interface RoundInfo {
  /** 0-based round number. */
  readonly round: number;
  /** The round's seed. */
  readonly seed: number | string;
  /** Whether the round was stopped early. */
  readonly interrupted: boolean;
  /** Simulated ms covered. */
  readonly simulatedTimeMs: number;
  /** Wall-clock ms of the round. */
  readonly wallTimeMs: number;
}

/**
 * Counters and delay samples of one round, fed by the simulation **directly** on the hot path (no
 * events, no allocation per call: typed-array increments).
 *
 * Contract with the simulation: every packet is reported once by {@link RunMetrics.packetCreated} and at
 * most once by one of `packetDelivered` / `packetDropped` / `packetOrphaned`; {@link RunMetrics.slaViolated}
 * is called when a packet is first marked violated (deadline passed, drop, orphan), at most once per
 * packet; `packetDelivered`'s `slaViolated` flag says whether that delivered packet had been marked.
 * An SFC type belongs to one slice: the first `(sfcIndex, sliceIndex)` pair seen fixes it (or pass
 * `sliceOfSfc` to the constructor); a contradicting pair throws.
 *
 * Memory: each delivered packet's delay is kept for exact percentiles in a growable `Float64Array` plus a
 * `Uint16Array` of its SFC index: 10 bytes per delivered packet (capacity doubles, so up to 20 bytes per
 * packet transiently), and {@link RunMetrics.summarize} needs two more 8-byte buffers while it sorts
 * (one sort per SFC type, then O(n log k) merges for the slices and the whole).
 * At most 65 536 SFC types.
 */
export class RunMetrics {
  /** SFC type names, by SFC index. */
  readonly sfcNames: readonly string[];
  /** Slice names, by slice index. */
  readonly sliceNames: readonly string[];
  private readonly total = new Float64Array(FIELDS);
  private readonly perSfc: Float64Array;
  private readonly perSlice: Float64Array;
  private readonly sliceOfSfc: Int32Array;
  private delays = new Float64Array(1024);
  private delaySfc = new Uint16Array(1024);
  private samples = 0;
  private requestTotals = { total: 0, placed: 0, rejected: 0 };
  private energyTotals = { nodesWh: 0, linksWh: 0 };
  private scalingCounts = { up: 0, down: 0, failed: 0 };

  constructor(sfcNames: readonly string[], sliceNames: readonly string[], sliceOfSfc?: readonly number[]) {
    if (sfcNames.length > 65536) throw new RangeError('RunMetrics: at most 65536 SFC types');
    this.sfcNames = [...sfcNames];
    this.sliceNames = [...sliceNames];
    this.perSfc = new Float64Array(sfcNames.length * FIELDS);
    this.perSlice = new Float64Array(sliceNames.length * FIELDS);
    this.sliceOfSfc = new Int32Array(sfcNames.length).fill(-1);
    if (sliceOfSfc !== undefined) {
      sliceOfSfc.forEach((slice, sfc) => this.bind(sfc, slice));
    }
  }

  /** Packets created so far. */
  get created(): number {
    return this.total[CREATED];
  }

  /** Packets delivered so far. */
  get delivered(): number {
    return this.total[DELIVERED];
  }

  /** Packets dropped so far. */
  get dropped(): number {
    return this.total[DROPPED];
  }

  /** Packets orphaned so far. */
  get orphaned(): number {
    return this.total[ORPHANED];
  }

  /** Packets marked SLA-violated so far. */
  get violated(): number {
    return this.total[VIOLATED];
  }

  /** A packet entered the network. */
  packetCreated(sfcIndex: number, sliceIndex: number): void {
    this.count(sfcIndex, sliceIndex, CREATED);
  }

  /** A packet was delivered after `delayMs`; `slaViolated` = it had been marked violated. */
  packetDelivered(sfcIndex: number, sliceIndex: number, delayMs: number, slaViolated: boolean): void {
    this.count(sfcIndex, sliceIndex, DELIVERED);
    if (slaViolated) this.count(sfcIndex, sliceIndex, LATE);
    const n = this.samples;
    if (n === this.delays.length) this.grow();
    this.delays[n] = delayMs;
    this.delaySfc[n] = sfcIndex;
    this.samples = n + 1;
  }

  /** A packet was dropped by a full queue. */
  packetDropped(sfcIndex: number, sliceIndex: number): void {
    this.count(sfcIndex, sliceIndex, DROPPED);
  }

  /** A packet was orphaned (no SFC instance or serving VNF instance). */
  packetOrphaned(sfcIndex: number, sliceIndex: number): void {
    this.count(sfcIndex, sliceIndex, ORPHANED);
  }

  /** A packet's SLA was violated (call once per packet, when it is first marked). */
  slaViolated(sfcIndex: number, sliceIndex: number): void {
    this.count(sfcIndex, sliceIndex, VIOLATED);
  }

  /** Sets the request counters of the round. */
  requests(total: number, placed: number, rejected: number): void {
    this.requestTotals = { total, placed, rejected };
  }

  /** Counts one applied scale-up (vertical or horizontal). */
  scalingUp(): void {
    this.scalingCounts.up++;
  }

  /** Counts one applied scale-down (vertical or horizontal). */
  scalingDown(): void {
    this.scalingCounts.down++;
  }

  /** Counts one scaling action refused by validation. */
  scalingFailed(): void {
    this.scalingCounts.failed++;
  }

  /** Sets the energy consumed in the round (Wh). */
  energy(nodesWh: number, linksWh: number): void {
    this.energyTotals = { nodesWh, linksWh };
  }

  /**
   * The JSON-ready summary of the round: counters, exact delay statistics (overall, per SFC type, per
   * slice) and SLA figures. May be called more than once.
   */
  summarize(info: RoundInfo): RoundSummary {
    const n = this.samples;
    const nSfc = this.sfcNames.length;
    const nSlice = this.sliceNames.length;
    // SFC types ordered by slice (types never seen last), so each slice's types are adjacent.
    const sliceKey = (sfc: number): number => (this.sliceOfSfc[sfc] < 0 ? nSlice : this.sliceOfSfc[sfc]);
    const order = Array.from({ length: nSfc }, (_, i) => i).sort((a, b) => sliceKey(a) - sliceKey(b) || a - b);
    const rank = new Int32Array(nSfc);
    order.forEach((sfc, r) => (rank[sfc] = r));

    // Counting sort of the samples by rank, then one sort per SFC type: every SFC run is sorted.
    const grouped = new Float64Array(n);
    const start = this.groupInto(grouped, nSfc, (i) => rank[this.delaySfc[i]]);
    const perSfc: Record<string, GroupSummary> = {};
    for (let s = 0; s < nSfc; s++) {
      const run = grouped.subarray(start[rank[s]], start[rank[s] + 1]).sort();
      perSfc[this.sfcNames[s]] = this.group(this.perSfc, s, run);
    }

    // Each slice: merge its adjacent SFC runs. Then the whole: merge the slice runs.
    const scratch = new Float64Array(n);
    const perSlice: Record<string, GroupSummary> = {};
    const sliceBounds: number[] = [0];
    let r = 0;
    for (let sl = 0; sl < nSlice; sl++) {
      const bounds = [start[r]];
      while (r < nSfc && sliceKey(order[r]) === sl) bounds.push(start[++r]);
      mergeAdjacentRuns(grouped, scratch, bounds);
      const lo = bounds[0];
      const hi = bounds[bounds.length - 1];
      perSlice[this.sliceNames[sl]] = this.group(this.perSlice, sl, grouped.subarray(lo, hi));
      sliceBounds.push(hi);
    }
    sliceBounds.push(n); // types without a slice have no samples: an empty last run
    mergeAdjacentRuns(grouped, scratch, sliceBounds);
    const all = grouped;

    const overall = this.group(this.total, 0, all);
    return {
      round: info.round,
      seed: info.seed,
      interrupted: info.interrupted,
      simulatedTimeMs: info.simulatedTimeMs,
      wallTimeMs: info.wallTimeMs,
      packets: overall.packets,
      delayMs: overall.delayMs,
      sla: overall.sla,
      requests: { ...this.requestTotals },
      energy: { ...this.energyTotals },
      scaling: { ...this.scalingCounts },
      perSfc,
      perSlice,
    };
  }

  private count(sfc: number, slice: number, field: number): void {
    if (!(sfc >= 0 && sfc < this.sliceOfSfc.length)) throw new RangeError(`RunMetrics: bad SFC index ${sfc}`);
    if (this.sliceOfSfc[sfc] !== slice) this.bind(sfc, slice);
    this.total[field]++;
    this.perSfc[sfc * FIELDS + field]++;
    this.perSlice[slice * FIELDS + field]++;
  }

  private bind(sfc: number, slice: number): void {
    if (!(slice >= 0 && slice < this.sliceNames.length)) {
      throw new RangeError(`RunMetrics: bad slice index ${slice}`);
    }
    const known = this.sliceOfSfc[sfc];
    if (known !== -1 && known !== slice) {
      throw new RangeError(
        `RunMetrics: SFC ${this.sfcNames[sfc]} reported in slice ${this.sliceNames[slice]} but belongs to ` +
          `${this.sliceNames[known]}`,
      );
    }
    this.sliceOfSfc[sfc] = slice;
  }

  private grow(): void {
    const delays = new Float64Array(this.delays.length * 2);
    delays.set(this.delays);
    const sfcs = new Uint16Array(this.delaySfc.length * 2);
    sfcs.set(this.delaySfc);
    this.delays = delays;
    this.delaySfc = sfcs;
  }

  /**
   * Counting sort of the samples by `groupOf` into `out`; returns the start offsets (length groups + 1):
   * group g occupies out[start[g] .. start[g+1]).
   */
  private groupInto(out: Float64Array, groups: number, groupOf: (i: number) => number): Int32Array {
    const n = this.samples;
    const start = new Int32Array(groups + 1);
    for (let i = 0; i < n; i++) start[groupOf(i) + 1]++;
    for (let g = 0; g < groups; g++) start[g + 1] += start[g];
    const next = start.slice(0, groups);
    for (let i = 0; i < n; i++) out[next[groupOf(i)]++] = this.delays[i];
    return start;
  }

  private group(counts: Float64Array, index: number, sortedDelays: Float64Array): GroupSummary {
    const o = index * FIELDS;
    const created = counts[o + CREATED];
    const delivered = counts[o + DELIVERED];
    const dropped = counts[o + DROPPED];
    const orphaned = counts[o + ORPHANED];
    const late = counts[o + LATE];
    const ended = delivered + dropped + orphaned;
    return {
      packets: { created, delivered, dropped, orphaned, inFlight: created - ended },
      delayMs: delayStatsOfSorted(sortedDelays),
      sla: {
        violated: counts[o + VIOLATED],
        deliveredLate: late,
        violationRate: ended === 0 ? 0 : (late + dropped + orphaned) / ended,
      },
    };
  }
}
