import type { DelayStats } from './round-summary.js';

/**
 * The `p`-quantile (0 ≤ p ≤ 1) of ascending `sorted` values by linear interpolation between closest
 * ranks (Hyndman–Fan type 7, NumPy's default): h = (n − 1)·p, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * Exact (no sketch). Returns NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Mean, p50, p95, p99 and max of ascending `sorted` delays; all `null` when empty. */
export function delayStatsOfSorted(sorted: ArrayLike<number>): DelayStats {
  const n = sorted.length;
  if (n === 0) return { mean: null, p50: null, p95: null, p99: null, max: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return {
    mean: sum / n,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[n - 1],
  };
}

function mergeTwo(src: Float64Array, lo: number, mid: number, hi: number, dst: Float64Array): void {
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}

/**
 * Merges adjacent ascending runs `values[bounds[i] .. bounds[i+1])` into one ascending run over
 * `values[bounds[0] .. bounds[last])`, in place, by pairwise merging (O(n log k) for k runs) with
 * `scratch` (at least as long as `values`) as the other buffer.
 */
export function mergeAdjacentRuns(values: Float64Array, scratch: Float64Array, bounds: readonly number[]): void {
  let runs = bounds.slice();
  let src = values;
  let dst = scratch;
  while (runs.length > 2) {
    const next = [runs[0]];
    const k = runs.length - 1;
    for (let i = 0; i < k; i += 2) {
      const lo = runs[i];
      const mid = runs[i + 1];
      const hi = i + 2 <= k ? runs[i + 2] : mid;
      mergeTwo(src, lo, mid, hi, dst);
      next.push(hi);
    }
    runs = next;
    [src, dst] = [dst, src];
  }
  if (src !== values && bounds.length > 1) {
    const lo = bounds[0];
    const hi = bounds[bounds.length - 1];
    values.set(src.subarray(lo, hi), lo);
  }
}
