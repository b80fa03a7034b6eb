/**
 * A sliding window of (x, y) samples with an ordinary least-squares line y = a + b·x. Written here
 * rather than taken from a statistics library because the window needs per-sample timestamps (stale
 * purge) and a fit over at most `windowSize` (50) points at every prediction, which the libraries'
 * one-shot regressions do not keep; the fit itself is the textbook closed form.
 */

/** Options of {@link SlidingLinearFit}. */
export interface SlidingFitOptions {
  /** Keep at most this many most recent samples (integer ≥ 1). Default 50. */
  windowSize?: number;
  /** Drop samples older than this (same unit as the timestamps); `Infinity` never drops. Default `Infinity`. */
  stalePeriod?: number;
}

/** A sliding-window least-squares line. */
export class SlidingLinearFit {
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];
  private readonly ts: number[] = [];
  private readonly windowSize: number;
  private readonly stalePeriod: number;

  /** @throws RangeError for a window size that is not an integer ≥ 1 or a stale period ≤ 0. */
  constructor(options: SlidingFitOptions = {}) {
    this.windowSize = options.windowSize ?? 50;
    this.stalePeriod = options.stalePeriod ?? Infinity;
    if (!Number.isInteger(this.windowSize) || this.windowSize < 1) throw new RangeError(`window size must be an integer ≥ 1, got ${this.windowSize}`);
    if (!(this.stalePeriod > 0)) throw new RangeError(`stale period must be > 0, got ${this.stalePeriod}`);
  }

  /** Number of samples in the window. */
  get size(): number {
    return this.xs.length;
  }

  /** Adds a sample taken at `now` (dropping the oldest beyond the window size). */
  add(x: number, y: number, now = 0): void {
    this.xs.push(x);
    this.ys.push(y);
    this.ts.push(now);
    if (this.xs.length > this.windowSize) this.shift();
  }

  /** Drops the samples older than the stale period at `now`. */
  purge(now: number): void {
    while (this.ts.length > 0 && now - this.ts[0] > this.stalePeriod) this.shift();
  }

  /**
   * The fitted y at `x`: 0 for an empty window, the mean of y when all x are equal (one sample, or
   * one size), else a + b·x of the least-squares line.
   */
  predict(x: number): number {
    const n = this.xs.length;
    if (n === 0) return 0;
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += this.xs[i];
      my += this.ys[i];
    }
    mx /= n;
    my /= n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const dx = this.xs[i] - mx;
      sxx += dx * dx;
      sxy += dx * (this.ys[i] - my);
    }
    if (sxx === 0) return my;
    const slope = sxy / sxx;
    return my + slope * (x - mx);
  }

  private shift(): void {
    this.xs.shift();
    this.ys.shift();
    this.ts.shift();
  }
}
