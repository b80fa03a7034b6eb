import { columnMoments, solveSpd } from './linear-algebra.js';

/** A trained binary logistic regression: P(1) = σ(intercept + Σ coefficients[j] · x[j]). */
export interface LogisticState {
  /** Intercept (log-odds at x = 0). */
  intercept: number;
  /** One coefficient per feature (original scale). */
  coefficients: number[];
}

/**
 * Binary logistic regression by Newton's method (IRLS) on standardised features with an L2 penalty and
 * optional per-row weights (for class imbalance). Written here because the npm `ml-logistic-regression`
 * has no sample weights and uses plain gradient descent; d is small, so each Newton step costs O(n·d²).
 * @param x - Row-major features (n × d).
 * @param y - Labels 0/1.
 * @param d - Features per row.
 * @param options - `l2` penalty (default 1e-4 per row), `weights`, `iterations` (default 30).
 */
export function trainLogistic(
  x: Float64Array,
  y: Float64Array,
  d: number,
  options: { l2?: number; weights?: Float64Array; iterations?: number } = {},
): LogisticState {
  const n = y.length;
  const w = options.weights;
  const { mean, std } = columnMoments(x, n, d);
  const p = d + 1; // intercept last
  const beta = new Float64Array(p);
  const z = new Float64Array(p);
  const l2 = (options.l2 ?? 1e-4) * n;
  for (let it = 0; it < (options.iterations ?? 30); it++) {
    const hMat = new Float64Array(p * p);
    const g = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) z[j] = (x[i * d + j] - mean[j]) / std[j];
      z[d] = 1;
      let s = 0;
      for (let j = 0; j < p; j++) s += beta[j] * z[j];
      const pr = 1 / (1 + Math.exp(-s));
      const wi = w === undefined ? 1 : w[i];
      const r = wi * (pr - y[i]);
      const h = wi * Math.max(pr * (1 - pr), 1e-10);
      for (let j = 0; j < p; j++) {
        g[j] += r * z[j];
        const hz = h * z[j];
        for (let k = 0; k <= j; k++) hMat[j * p + k] += hz * z[k];
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hMat[k * p + j] = hMat[j * p + k];
      if (j < d) {
        hMat[j * p + j] += l2;
        g[j] += l2 * beta[j];
      } else hMat[j * p + j] += 1e-9 * n;
    }
    const step = solveSpd(hMat, g, p);
    let change = 0;
    for (let j = 0; j < p; j++) {
      beta[j] -= step[j];
      change = Math.max(change, Math.abs(step[j]));
    }
    if (change < 1e-8) break;
  }
  const coefficients = Array.from(beta.subarray(0, d), (v, j) => v / std[j]);
  let intercept = beta[d];
  for (let j = 0; j < d; j++) intercept -= coefficients[j] * mean[j];
  return { intercept, coefficients };
}

/** P(class 1) for each row. */
export function predictLogistic(state: LogisticState, rows: readonly (readonly number[])[]): number[] {
  return rows.map((r) => {
    let s = state.intercept;
    for (let j = 0; j < state.coefficients.length; j++) s += state.coefficients[j] * r[j];
    return 1 / (1 + Math.exp(-s));
  });
}
