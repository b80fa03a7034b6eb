import { DispatchError } from '../errors.js';
import type { ForwardingTable } from '../table/forwarding-table.js';
import { checkLatency } from './check-latency.js';
import { MIN_WEIGHT, type WeightUpdater } from './weight-updater.js';

/** Which statistic of a period's latencies becomes the weight. */
export type LatencyStatistic = 'mean' | 'min' | 'max';

/** Options of {@link TrivialUpdater} (the seed's defaults: period 10 s, mean). */
export interface TrivialUpdaterOptions {
  /** Length of a collection period, in the caller's time unit (> 0). Default 10. */
  readonly period: number;
  /** Statistic of the period's latencies. Default `mean`. */
  readonly stat: LatencyStatistic;
  /** Start of the first period. Default 0. */
  readonly start: number;
}

/** The seed's `trivial` defaults. */
export const TRIVIAL_UPDATER_DEFAULTS: TrivialUpdaterOptions = Object.freeze({ period: 10, stat: 'mean', start: 0 });

interface Samples {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * The seed's `trivial` weight updater: collects latencies per (key, destination); at the end of every
 * period sets each weight to the `mean`, `min` or `max` of its samples and clears them. Destinations
 * without samples keep their weight; destinations removed from the table meanwhile are skipped. A
 * period is applied by the first `observe` or `tick` at or after its end (before the new sample is
 * counted, so a sample belongs to the period it was measured in).
 */
export class TrivialUpdater implements WeightUpdater {
  /** `trivial`. */
  readonly type = 'trivial' as const;
  private readonly options: TrivialUpdaterOptions;
  private readonly samples = new Map<string, Map<string, Samples>>();
  private periodEnd: number;

  /** @param table - the table whose weights it sets. @param options - see {@link TRIVIAL_UPDATER_DEFAULTS}. */
  constructor(
    private readonly table: ForwardingTable,
    options: Partial<TrivialUpdaterOptions> = {},
  ) {
    const o = { ...TRIVIAL_UPDATER_DEFAULTS, ...options };
    if (typeof o.period !== 'number' || !Number.isFinite(o.period) || o.period <= 0) {
      throw new DispatchError(`trivial weight updater: period ${String(o.period)} is not allowed; it must be a finite number > 0`);
    }
    if (!['mean', 'min', 'max'].includes(o.stat)) {
      throw new DispatchError(`trivial weight updater: stat ${JSON.stringify(o.stat)} is not allowed; use mean, min or max`);
    }
    this.options = o;
    this.periodEnd = o.start + o.period;
  }

  /** @inheritDoc WeightUpdater.observe */
  observe(key: string, destination: string, latency: number, now: number): void {
    checkLatency(latency, 'trivial', key, destination);
    this.tick(now);
    let perKey = this.samples.get(key);
    if (perKey === undefined) this.samples.set(key, (perKey = new Map()));
    const s = perKey.get(destination);
    if (s === undefined) perKey.set(destination, { count: 1, sum: latency, min: latency, max: latency });
    else {
      s.count++;
      s.sum += latency;
      if (latency < s.min) s.min = latency;
      if (latency > s.max) s.max = latency;
    }
  }

  /** @inheritDoc WeightUpdater.tick */
  tick(now: number): void {
    if (now < this.periodEnd) return;
    const stat = this.options.stat;
    for (const [key, perKey] of this.samples) {
      for (const [destination, s] of perKey) {
        if (this.table.weight(key, destination) === undefined) continue;
        const value = stat === 'mean' ? s.sum / s.count : stat === 'min' ? s.min : s.max;
        this.table.change(key, destination, Math.max(value, MIN_WEIGHT), { now });
      }
    }
    this.samples.clear();
    const p = this.options.period;
    this.periodEnd += p * (Math.floor((now - this.periodEnd) / p) + 1);
  }
}
