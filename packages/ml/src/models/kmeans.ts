import { MlDataError } from '../errors.js';
import { SeededRandom } from '../rng.js';

/** A trained k-means clustering. */
export interface KMeansState {
  /** Cluster centres, one row of feature values each. */
  centroids: number[][];
  /** Sum of squared distances of the training rows to their centre. */
  inertia: number;
  /** Lloyd iterations run. */
  iterations: number;
}

/** Index of the nearest centroid to row `r` of `x` and the squared distance to it. */
function nearest(x: Float64Array, r: number, d: number, c: Float64Array, k: number): [number, number] {
  let best = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let f = 0; f < d; f++) {
      const v = x[r * d + f] - c[j * d + f];
      s += v * v;
    }
    if (s < bestD) {
      bestD = s;
      best = j;
    }
  }
  return [best, bestD];
}

/**
 * k-means with k-means++ initialisation (each next centre drawn with probability proportional to the
 * squared distance to the nearest chosen centre) and Lloyd iterations until no row changes cluster.
 * Deterministic for a seed.
 * @param x - Row-major features (n × d).
 * @param n - Rows.
 * @param d - Features per row.
 * @param k - Number of clusters (≤ n).
 * @param options - `seed` (default 42, as the seed's `random_state`), `maxIterations` (default 300).
 */
export function trainKMeans(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  options: { seed?: number; maxIterations?: number } = {},
): KMeansState {
  if (!Number.isInteger(k) || k < 1) throw new MlDataError(`k-means: k must be a positive integer, got ${k}`);
  if (k > n) throw new MlDataError(`k-means: k = ${k} clusters but only ${n} rows; lower k`);
  const rng = new SeededRandom(options.seed ?? 42);
  const c = new Float64Array(k * d);
  const first = rng.int(0, n - 1);
  for (let f = 0; f < d; f++) c[f] = x[first * d + f];
  const dist = new Float64Array(n).fill(Infinity);
  for (let j = 1; j < k; j++) {
    let total = 0;
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let f = 0; f < d; f++) {
        const v = x[r * d + f] - c[(j - 1) * d + f];
        s += v * v;
      }
      if (s < dist[r]) dist[r] = s;
      total += dist[r];
    }
    let pick = n - 1;
    let u = rng.next() * total;
    for (let r = 0; r < n; r++) {
      u -= dist[r];
      if (u < 0) {
        pick = r;
        break;
      }
    }
    for (let f = 0; f < d; f++) c[j * d + f] = x[pick * d + f];
  }
  const assign = new Int32Array(n).fill(-1);
  let iterations = 0;
  let inertia = 0;
  for (; iterations < (options.maxIterations ?? 300); ) {
    iterations++;
    let changed = 0;
    inertia = 0;
    for (let r = 0; r < n; r++) {
      const [j, s] = nearest(x, r, d, c, k);
      inertia += s;
      if (assign[r] !== j) {
        assign[r] = j;
        changed++;
      }
    }
    if (changed === 0) break;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let r = 0; r < n; r++) {
      counts[assign[r]]++;
      for (let f = 0; f < d; f++) sums[assign[r] * d + f] += x[r * d + f];
    }
    for (let j = 0; j < k; j++) if (counts[j] > 0) for (let f = 0; f < d; f++) c[j * d + f] = sums[j * d + f] / counts[j];
  }
  const centroids: number[][] = [];
  for (let j = 0; j < k; j++) centroids.push(Array.from(c.subarray(j * d, (j + 1) * d)));
  return { centroids, inertia, iterations };
}

/** Index of the nearest centroid for each row. */
export function predictKMeans(state: KMeansState, rows: readonly (readonly number[])[]): number[] {
  const k = state.centroids.length;
  const d = k === 0 ? 0 : state.centroids[0].length;
  const c = Float64Array.from(state.centroids.flat());
  return rows.map((row) => nearest(Float64Array.from(row), 0, d, c, k)[0]);
}
