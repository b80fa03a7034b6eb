/**
 * The prediction-based dispatcher's estimators (seed §3.2, `--ptime-estimator-conf`).
 *
 * - `rtt` (`windowSize` 50, `stalePeriod` 10 s): per (lambda, destination) a sliding window of (input
 *   size, RTT) samples, RTT = response time − the platform's ptime; prediction = least-squares line at
 *   the size, clamped at ≥ 0; an empty window (never used, or all samples stale) predicts 0, so such a
 *   destination wins and is probed again.
 * - `util` (`rttWindowSize` 50, `rttStalePeriod` 10 s, `utilLoadTimeout` 10 s, `utilWindowSize` 50): the
 *   `rtt` prediction plus a processing time predicted by a per (lambda, destination, exact size) line of
 *   ptime vs the computer's `load1` (no purge), at the last `load1` received from that destination,
 *   clamped to 0..99 and taken as 0 when older than `utilLoadTimeout`; an unknown size predicts 0.
 */
import { SlidingLinearFit } from './sliding-fit.js';

/** A measured sample of one successful invocation. */
export interface PtimeSample {
  /** Lambda. */
  lambda: string;
  /** Destination that served it. */
  destination: string;
  /** Input size (bytes). */
  size: number;
  /** Whole response time (s). */
  responseTime: number;
  /** Processing time reported by the destination (s); 0 when it reports none. */
  ptime: number;
  /** `load1` reported by the destination (percent), when any. */
  load1?: number;
  /** When it was measured (s). */
  now: number;
}

/** Predicts the response time of a destination for a lambda and an input size. */
export interface PtimeEstimator {
  /** The estimator's type name. */
  readonly type: 'rtt' | 'util';
  /** Predicted response time (s) of `destination` for `lambda` with `size` input bytes at `now`. */
  predict(lambda: string, destination: string, size: number, now: number): number;
  /** Learns from a successful invocation. */
  add(sample: PtimeSample): void;
  /** Forgets a destination (after a failure). */
  remove(destination: string): void;
}

/** Options of {@link RttEstimator}. */
export interface RttEstimatorOptions {
  /** Samples per (lambda, destination). Default 50. */
  windowSize?: number;
  /** Samples older than this are purged (s). Default 10. */
  stalePeriod?: number;
}

/** The `rtt` estimator. */
export class RttEstimator implements PtimeEstimator {
  /** `rtt`. */
  readonly type: 'rtt' | 'util' = 'rtt';
  private readonly fits = new Map<string, SlidingLinearFit>();
  private readonly windowSize: number;
  private readonly stalePeriod: number;

  constructor(options: RttEstimatorOptions = {}) {
    this.windowSize = options.windowSize ?? 50;
    this.stalePeriod = options.stalePeriod ?? 10;
    new SlidingLinearFit({ windowSize: this.windowSize, stalePeriod: this.stalePeriod }); // validates the options
  }

  /** @inheritDoc PtimeEstimator.predict */
  predict(lambda: string, destination: string, size: number, now: number): number {
    const fit = this.fits.get(key(lambda, destination));
    if (fit === undefined) return 0;
    fit.purge(now);
    return Math.max(0, fit.predict(size));
  }

  /** @inheritDoc PtimeEstimator.add */
  add(sample: PtimeSample): void {
    const k = key(sample.lambda, sample.destination);
    let fit = this.fits.get(k);
    if (fit === undefined) {
      fit = new SlidingLinearFit({ windowSize: this.windowSize, stalePeriod: this.stalePeriod });
      this.fits.set(k, fit);
    }
    fit.purge(sample.now);
    fit.add(sample.size, Math.max(0, sample.responseTime - sample.ptime), sample.now);
  }

  /** @inheritDoc PtimeEstimator.remove */
  remove(destination: string): void {
    for (const k of [...this.fits.keys()]) if (k.endsWith(`\u0000${destination}`)) this.fits.delete(k);
  }
}

/** Options of {@link UtilEstimator}. */
export interface UtilEstimatorOptions {
  /** RTT samples per (lambda, destination). Default 50. */
  rttWindowSize?: number;
  /** RTT samples older than this are purged (s). Default 10. */
  rttStalePeriod?: number;
  /** A `load1` older than this counts as 0 (s). Default 10. */
  utilLoadTimeout?: number;
  /** ptime samples per (lambda, destination, size). Default 50. */
  utilWindowSize?: number;
}

/** The `util` estimator. */
export class UtilEstimator implements PtimeEstimator {
  /** `util`. */
  readonly type: 'rtt' | 'util' = 'util';
  private readonly rtt: RttEstimator;
  private readonly ptimeFits = new Map<string, SlidingLinearFit>();
  private readonly loads = new Map<string, { load1: number; at: number }>();
  private readonly loadTimeout: number;
  private readonly utilWindowSize: number;

  constructor(options: UtilEstimatorOptions = {}) {
    this.rtt = new RttEstimator({ windowSize: options.rttWindowSize ?? 50, stalePeriod: options.rttStalePeriod ?? 10 });
    this.loadTimeout = options.utilLoadTimeout ?? 10;
    this.utilWindowSize = options.utilWindowSize ?? 50;
    if (!(this.loadTimeout > 0)) throw new RangeError(`utilLoadTimeout must be > 0, got ${this.loadTimeout}`);
    new SlidingLinearFit({ windowSize: this.utilWindowSize }); // validates
  }

  /** The `load1` used for `destination` at `now`: the last one received, clamped to 0..99, or 0 when older than the timeout. */
  currentLoad(destination: string, now: number): number {
    const last = this.loads.get(destination);
    if (last === undefined || now - last.at > this.loadTimeout) return 0;
    return Math.min(99, Math.max(0, last.load1));
  }

  /** @inheritDoc PtimeEstimator.predict */
  predict(lambda: string, destination: string, size: number, now: number): number {
    const fit = this.ptimeFits.get(`${key(lambda, destination)}\u0000${size}`);
    const ptime = fit === undefined ? 0 : Math.max(0, fit.predict(this.currentLoad(destination, now)));
    return this.rtt.predict(lambda, destination, size, now) + ptime;
  }

  /** @inheritDoc PtimeEstimator.add */
  add(sample: PtimeSample): void {
    this.rtt.add(sample);
    const loadAtDispatch = this.currentLoad(sample.destination, sample.now);
    const k = `${key(sample.lambda, sample.destination)}\u0000${sample.size}`;
    let fit = this.ptimeFits.get(k);
    if (fit === undefined) {
      fit = new SlidingLinearFit({ windowSize: this.utilWindowSize });
      this.ptimeFits.set(k, fit);
    }
    fit.add(loadAtDispatch, sample.ptime, sample.now);
    if (sample.load1 !== undefined) this.loads.set(sample.destination, { load1: sample.load1, at: sample.now });
  }

  /** @inheritDoc PtimeEstimator.remove */
  remove(destination: string): void {
    this.rtt.remove(destination);
    this.loads.delete(destination);
    for (const k of [...this.ptimeFits.keys()]) if (k.split('\u0000')[1] === destination) this.ptimeFits.delete(k);
  }
}

function key(lambda: string, destination: string): string {
  return `${lambda}\u0000${destination}`;
}
