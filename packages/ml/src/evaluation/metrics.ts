import { MlDataError } from '../errors.js';
import { SeededRandom } from '../rng.js';

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length) throw new MlDataError(`${what}: ${a.length} actual values but ${b.length} predictions`);
  if (a.length === 0) throw new MlDataError(`${what}: no values`);
}

/** Regression / forecast error figures. */
export interface RegressionMetrics {
  /** Mean absolute error. */
  mae: number;
  /** Root mean squared error. */
  rmse: number;
  /** Mean absolute percentage error in %, over the rows whose actual value is not 0 (NaN if none). */
  mape: number;
  /** Coefficient of determination 1 − SS_res/SS_tot (NaN when the actual values are constant). */
  r2: number;
  /** Number of rows. */
  n: number;
}

/** MAE, RMSE, MAPE and R² of predictions against actual values. */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  sameLength(actual, predicted, 'regression metrics');
  const n = actual.length;
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let pctN = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    abs += Math.abs(e);
    sq += e * e;
    if (actual[i] !== 0) {
      pct += Math.abs(e / actual[i]);
      pctN++;
    }
    tot += (actual[i] - mean) ** 2;
  }
  return { mae: abs / n, rmse: Math.sqrt(sq / n), mape: pctN === 0 ? NaN : (100 * pct) / pctN, r2: tot === 0 ? NaN : 1 - sq / tot, n };
}

/** Fraction of equal labels. */
export function accuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  sameLength(actual, predicted, 'accuracy');
  let ok = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) ok++;
  return ok / actual.length;
}

/** Confusion matrix: `m[actual][predicted]` counts, for class indices 0..classCount−1. */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  sameLength(actual, predicted, 'confusion matrix');
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) m[actual[i]][predicted[i]]++;
  return m;
}

/** Binary classification figures for the positive class 1. */
export interface BinaryMetrics {
  /** TP / (TP + FP); 0 when nothing is predicted positive. */
  precision: number;
  /** TP / (TP + FN); 0 when there is no positive. */
  recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  f1: number;
  /** Fraction of correct labels. */
  accuracy: number;
  /** True positives, false positives, true negatives, false negatives. */
  tp: number;
  /** False positives. */
  fp: number;
  /** True negatives. */
  tn: number;
  /** False negatives. */
  fn: number;
}

/** Precision, recall, F1 and accuracy of 0/1 predictions. */
export function binaryMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): BinaryMetrics {
  sameLength(actual, predicted, 'binary metrics');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < actual.length; i++) {
    if (predicted[i] === 1) {
      if (actual[i] === 1) tp++;
      else fp++;
    } else if (actual[i] === 1) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, accuracy: (tp + tn) / actual.length, tp, fp, tn, fn };
}

/**
 * Area under the ROC curve from scores (higher = more likely class 1), computed as the Mann–Whitney
 * statistic with ties counted one half. NaN when one class is absent.
 */
export function rocAuc(actual: ArrayLike<number>, scores: ArrayLike<number>): number {
  sameLength(actual, scores, 'ROC-AUC');
  const n = actual.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1; // average 1-based rank of the tie group
    for (let k = i; k <= j; k++) {
      if (actual[order[k]] === 1) {
        pos++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Sum of squared distances of rows (row-major, d wide) to the centroid of their cluster. */
export function inertia(x: ArrayLike<number>, d: number, labels: ArrayLike<number>, centroids: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const c = centroids[labels[i]];
    for (let f = 0; f < d; f++) s += (x[i * d + f] - c[f]) ** 2;
  }
  return s;
}

/**
 * Mean silhouette coefficient (Euclidean): for each row, (b − a)/max(a, b) with a the mean distance to
 * its own cluster and b the smallest mean distance to another cluster; 0 for a row alone in its
 * cluster. Exact (O(n²)) for up to `sampleSize` rows, else on a seeded random sample of that size.
 */
export function silhouette(x: ArrayLike<number>, d: number, labels: ArrayLike<number>, sampleSize = 2000, seed = 1): number {
  const n = labels.length;
  let rows = Array.from({ length: n }, (_, i) => i);
  if (n > sampleSize) rows = new SeededRandom(seed).shuffle(rows).slice(0, sampleSize);
  const k = Math.max(...rows.map((i) => labels[i])) + 1;
  if (k < 2) return NaN;
  let total = 0;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (const i of rows) counts[labels[i]]++;
  for (const i of rows) {
    sums.fill(0);
    for (const j of rows) {
      if (j === i) continue;
      let s = 0;
      for (let f = 0; f < d; f++) s += (x[i * d + f] - x[j * d + f]) ** 2;
      sums[labels[j]] += Math.sqrt(s);
    }
    const own = labels[i];
    if (counts[own] <= 1) continue;
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / rows.length;
}
