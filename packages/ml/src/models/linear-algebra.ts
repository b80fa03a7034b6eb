import { MlDataError } from '../errors.js';

/** Per-column mean and standard deviation (a zero deviation is replaced by 1). */
export function columnMoments(x: Float64Array, n: number, d: number, w?: Float64Array): { mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    wsum += wi;
    for (let j = 0; j < d; j++) mean[j] += wi * x[i * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= wsum;
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : w[i];
    for (let j = 0; j < d; j++) {
      const v = x[i * d + j] - mean[j];
      sq[j] += wi * v * v;
    }
  }
  const std = sq.map((s) => Math.sqrt(s / wsum) || 1);
  return { mean, std };
}

/** Solves `A z = b` for a symmetric positive-definite `A` (d × d, row-major) by Cholesky decomposition. */
export function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(s > 0)) throw new MlDataError('linear solve: the matrix is not positive definite (collinear features; raise the regularisation)');
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j];
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * d + k] * z[k];
    z[i] = s / l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < d; k++) s -= l[k * d + i] * z[k];
    z[i] = s / l[i * d + i];
  }
  return z;
}
