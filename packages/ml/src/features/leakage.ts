import { trainRidge, predictRidge } from '../models/ridge.js';
import type { FeatureSet } from './forecast-features.js';

/** Result of {@link checkLeakage}. */
export interface LeakageReport {
  /** True when the target is (almost) exactly recoverable from the features. */
  readonly leaky: boolean;
  /** RMSE of the best linear fit of the target on the features, divided by the target's standard deviation. */
  readonly relativeResidual: number;
  /** R² of that fit. */
  readonly r2: number;
  /** Rows the fit used (an evenly strided sample). */
  readonly rowsChecked: number;
  /** One line for people. */
  readonly message: string;
}

/** Relative residual below which the target counts as recoverable (a genuine forecast keeps the noise). */
export const LEAKAGE_THRESHOLD = 1e-3;

/**
 * Detects when the target is recoverable from the features: fits the target by least squares on the
 * features of an evenly strided sample of rows after the warm-up (in-sample, so any exact linear relation shows) and flags
 * leakage when the residual is below {@link LEAKAGE_THRESHOLD} × the target's standard deviation. The
 * upstream pipeline's features with lags = window (y_t = W·mean_t − Σ lags) are caught exactly; honest
 * features of noisy traffic leave the noise (≈ 3 % of the deviation on the seed's data).
 */
export function checkLeakage(features: FeatureSet, sampleRows?: number): LeakageReport {
  const d = features.featureNames.length;
  const skip = features.warmupRows < features.rowCount ? features.warmupRows : 0;
  const avail = features.rowCount - skip;
  const m = Math.min(avail, sampleRows ?? Math.min(50_000, Math.max(5_000, 30 * d)));
  const stride = avail / m;
  const x = new Float64Array(m * d);
  const y = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    const r = skip + Math.floor(s * stride);
    x.set(features.x.subarray(r * d, r * d + d), s * d);
    y[s] = features.y[r];
  }
  let mean = 0;
  for (let i = 0; i < m; i++) mean += y[i];
  mean /= m;
  let tot = 0;
  for (let i = 0; i < m; i++) tot += (y[i] - mean) ** 2;
  const std = Math.sqrt(tot / m);
  let res = 0;
  try {
    const fit = trainRidge(x, y, d, 1e-12);
    const rows: number[][] = [];
    for (let i = 0; i < m; i++) rows.push(Array.from(x.subarray(i * d, i * d + d)));
    const p = predictRidge(fit, rows);
    for (let i = 0; i < m; i++) res += (p[i] - y[i]) ** 2;
  } catch {
    res = tot; // degenerate features: no linear relation found
  }
  const relativeResidual = std === 0 ? 0 : Math.sqrt(res / m) / std;
  const r2 = tot === 0 ? NaN : 1 - res / tot;
  const leaky = relativeResidual < LEAKAGE_THRESHOLD;
  const message = leaky
    ? `LEAKAGE: the target is a linear function of the features (residual ${relativeResidual.toExponential(2)} of its deviation, R² ${r2.toFixed(6)}); these are not forecasts`
    : `no leakage detected: a linear fit of the target on the features leaves ${(100 * relativeResidual).toFixed(2)} % of its deviation`;
  return { leaky, relativeResidual, r2, rowsChecked: m, message };
}
