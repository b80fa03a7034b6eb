/**
 * Feature binning for the histogram tree ensemble: each feature's values are mapped to at most 256
 * ordered bins (a `Uint8Array`, one byte per value), so split search scans ≤ 256 histogram cells
 * per feature instead of sorting rows.
 */

/** The binned feature matrix and the bin edges used to build it. */
export interface BinnedFeatures {
  /** Row-major bin indices: `bins[row * featureCount + feature]`. */
  readonly bins: Uint8Array;
  /** Per feature, ascending edges: value `x` falls in the first bin `j` with `x <= edges[j]`, else the last bin. */
  readonly edges: Float64Array[];
  /** Number of rows. */
  readonly rowCount: number;
  /** Number of features. */
  readonly featureCount: number;
}

/** Ascending edges for one feature from a sample of its values: midpoints between distinct values, or quantiles. */
function featureEdges(sample: Float64Array, maxBins: number): Float64Array {
  sample.sort();
  const distinct: number[] = [];
  for (let i = 0; i < sample.length; i++) if (i === 0 || sample[i] !== sample[i - 1]) distinct.push(sample[i]);
  if (distinct.length <= maxBins) {
    const e = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i < e.length; i++) e[i] = (distinct[i] + distinct[i + 1]) / 2;
    return e;
  }
  const out: number[] = [];
  for (let q = 1; q < maxBins; q++) {
    const v = sample[Math.floor((q * sample.length) / maxBins)];
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return Float64Array.from(out);
}

/** The bin of `x` given ascending `edges` (binary search). */
export function binOf(x: number, edges: Float64Array): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Bins a row-major feature matrix. Edges come from an evenly strided sample of at most `sampleSize`
 * rows per feature (deterministic).
 * @param x - Row-major values, `x[row * featureCount + feature]`.
 * @param rowCount - Number of rows.
 * @param featureCount - Number of features.
 * @param maxBins - At most this many bins per feature (≤ 256). Default 256.
 * @param sampleSize - Rows sampled to place the edges. Default 100 000.
 */
export function binFeatures(
  x: Float64Array,
  rowCount: number,
  featureCount: number,
  maxBins = 256,
  sampleSize = 100_000,
): BinnedFeatures {
  const bins = new Uint8Array(rowCount * featureCount);
  const edges: Float64Array[] = [];
  const m = Math.min(rowCount, sampleSize);
  const stride = rowCount / m;
  const sample = new Float64Array(m);
  for (let f = 0; f < featureCount; f++) {
    for (let s = 0; s < m; s++) sample[s] = x[Math.floor(s * stride) * featureCount + f];
    const e = featureEdges(sample, Math.min(256, maxBins));
    edges.push(e);
    for (let r = 0, o = f; r < rowCount; r++, o += featureCount) bins[o] = binOf(x[o], e);
  }
  return { bins, edges, rowCount, featureCount };
}
