/**
 * Baseline forecasts of a series for targets `y[first…]`, `horizon` steps ahead: persistence
 * (y[t−h]), seasonal naive (y[t−P], the same time one period earlier; NaN without a full period of
 * history) and trailing mean (mean of the W values up to t−h).
 */
export interface BaselineForecasts {
  /** y[t − h]. */
  readonly persistence: Float64Array;
  /** y[t − P] with P ≥ h the season in rows; NaN where t − P < 0. */
  readonly seasonalNaive: Float64Array;
  /** Mean of y[t−h−W+1 … t−h]. */
  readonly trailingMean: Float64Array;
}

/**
 * Computes the baselines for the targets at rows `first … y.length − 1`.
 * @param y - The series.
 * @param first - Index of the first target (≥ horizon + window − 1).
 * @param horizon - Steps ahead h.
 * @param season - Season P in rows (e.g. 86 400 for a day of per-second data).
 * @param window - Trailing-mean window W.
 */
export function baselineForecasts(y: Float64Array, first: number, horizon: number, season: number, window: number): BaselineForecasts {
  const n = y.length - first;
  const persistence = new Float64Array(n);
  const seasonalNaive = new Float64Array(n);
  const trailingMean = new Float64Array(n);
  const P = Math.max(season, horizon);
  let sum = 0;
  let count = 0;
  const e0 = first - horizon;
  for (let j = Math.max(0, e0 - window + 1); j <= e0; j++) {
    sum += y[j];
    count++;
  }
  for (let r = 0; r < n; r++) {
    const t = first + r;
    const e = t - horizon;
    if (r > 0) {
      sum += y[e];
      count++;
      if (e - window >= 0) {
        sum -= y[e - window];
        count--;
      }
    }
    persistence[r] = y[e];
    seasonalNaive[r] = t - P >= 0 ? y[t - P] : NaN;
    trailingMean[r] = sum / count;
  }
  return { persistence, seasonalNaive, trailingMean };
}

/** Rows per day inferred from a timestamp column (median step), at least 1; 24 without timestamps. */
export function rowsPerDay(ts: Float64Array | undefined): number {
  if (ts === undefined || ts.length < 2) return 24;
  const steps: number[] = [];
  const stride = Math.max(1, Math.floor(ts.length / 1000));
  for (let i = stride; i < ts.length; i += stride) steps.push((ts[i] - ts[i - stride]) / stride);
  steps.sort((a, b) => a - b);
  const med = steps[Math.floor(steps.length / 2)];
  return med > 0 ? Math.max(1, Math.round(86400 / med)) : 24;
}
