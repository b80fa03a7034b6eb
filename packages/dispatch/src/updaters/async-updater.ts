import { DispatchError } from '../errors.js';
import type { ForwardingTable } from '../table/forwarding-table.js';
import { checkLatency } from './check-latency.js';
import { MIN_WEIGHT, type WeightUpdater } from './weight-updater.js';

/** Options of {@link AsyncUpdater}. */
export interface AsyncUpdaterOptions {
  /** Weight of the old value in the moving average, in [0, 1]. Default 0.5 (the seed has no default). */
  readonly alpha: number;
  /** Age beyond which the old weight is ignored, in the caller's time unit. Default 5 (the seed's 5 s). */
  readonly stalePeriod: number;
}

/** Defaults of the `async` updater. */
export const ASYNC_UPDATER_DEFAULTS: AsyncUpdaterOptions = Object.freeze({ alpha: 0.5, stalePeriod: 5 });

/**
 * The seed's `async` weight updater: on each response, w ← α·w + (1 − α)·latency when this updater set
 * the weight less than `stalePeriod` ago, else w ← latency (also for the first response).
 */
export class AsyncUpdater implements WeightUpdater {
  /** `async`. */
  readonly type = 'async' as const;
  private readonly options: AsyncUpdaterOptions;
  private readonly lastUpdate = new Map<string, Map<string, number>>();

  /** @param table - the table whose weights it sets. @param options - see {@link ASYNC_UPDATER_DEFAULTS}. */
  constructor(
    private readonly table: ForwardingTable,
    options: Partial<AsyncUpdaterOptions> = {},
  ) {
    const o = { ...ASYNC_UPDATER_DEFAULTS, ...options };
    if (typeof o.alpha !== 'number' || !(o.alpha >= 0 && o.alpha <= 1)) {
      throw new DispatchError(`async weight updater: alpha ${String(o.alpha)} is not allowed; it must be in [0, 1]`);
    }
    if (typeof o.stalePeriod !== 'number' || !(o.stalePeriod > 0)) {
      throw new DispatchError(`async weight updater: stalePeriod ${String(o.stalePeriod)} is not allowed; it must be > 0`);
    }
    this.options = o;
  }

  /** @inheritDoc WeightUpdater.observe */
  observe(key: string, destination: string, latency: number, now: number): void {
    checkLatency(latency, 'async', key, destination);
    const old = this.table.weight(key, destination);
    if (old === undefined) return;
    let perKey = this.lastUpdate.get(key);
    if (perKey === undefined) this.lastUpdate.set(key, (perKey = new Map()));
    const last = perKey.get(destination);
    const { alpha, stalePeriod } = this.options;
    const fresh = last !== undefined && now - last < stalePeriod;
    const w = fresh ? alpha * old + (1 - alpha) * latency : latency;
    perKey.set(destination, now);
    this.table.change(key, destination, Math.max(w, MIN_WEIGHT), { now });
  }

  /** Nothing is due on a timer. */
  tick(): void {}
}
