import { columnMoments, solveSpd } from './linear-algebra.js';

/** A trained ridge regression: `y = intercept + Σ coefficients[j] · x[j]` (original feature scale). */
export interface RidgeState {
  /** Intercept. */
  intercept: number;
  /** One coefficient per feature. */
  coefficients: number[];
}

/**
 * Ridge regression in closed form: features are standardised, `(ZᵀZ + α·n·I) w = Zᵀ(y − ȳ)` is solved
 * by Cholesky, and the coefficients are mapped back to the original scale. Cost O(n·d²).
 * @param x - Row-major features (n × d).
 * @param y - Targets.
 * @param d - Features per row.
 * @param alpha - Regularisation strength relative to the row count. Default 1e-6.
 */
export function trainRidge(x: Float64Array, y: Float64Array, d: number, alpha = 1e-6): RidgeState {
  const n = y.length;
  const { mean, std } = columnMoments(x, n, d);
  let ym = 0;
  for (let i = 0; i < n; i++) ym += y[i];
  ym /= n;
  const a = new Float64Array(d * d);
  const b = new Float64Array(d);
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) z[j] = (x[i * d + j] - mean[j]) / std[j];
    const yi = y[i] - ym;
    for (let j = 0; j < d; j++) {
      const zj = z[j];
      b[j] += zj * yi;
      for (let k = 0; k <= j; k++) a[j * d + k] += zj * z[k];
    }
  }
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < j; k++) a[k * d + j] = a[j * d + k];
    a[j * d + j] += alpha * n + 1e-12 * n;
  }
  const w = solveSpd(a, b, d);
  const coefficients = Array.from(w, (v, j) => v / std[j]);
  let intercept = ym;
  for (let j = 0; j < d; j++) intercept -= coefficients[j] * mean[j];
  return { intercept, coefficients };
}

/** Ridge predictions for rows. */
export function predictRidge(state: RidgeState, rows: readonly (readonly number[])[]): number[] {
  return rows.map((r) => {
    let s = state.intercept;
    for (let j = 0; j < state.coefficients.length; j++) s += state.coefficients[j] * r[j];
    return s;
  });
}
