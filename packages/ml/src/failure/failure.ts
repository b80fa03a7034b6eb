import { MlDataError } from '../errors.js';
import { binaryMetrics, rocAuc, type BinaryMetrics } from '../evaluation/metrics.js';
import { trainGradientBoosting, type GradientBoostingOptions } from '../models/gradient-boosting.js';
import { trainLogistic } from '../models/logistic.js';
import { Model } from '../models/model.js';
import type { DataTable } from '../table.js';

/** The columns of the seed's failure classifier (its `POST /predict` payload), in order. */
export const FAILURE_FEATURES = ['rx_packets', 'tx_packets', 'packet_drops', 'latency'] as const;

/** Class names of a failure classifier by index. */
export const FAILURE_CLASSES = ['normal', 'failure'] as const;

/**
 * The failure label: 1 at row t when `packet_drops > 0` in any of the next `horizon` rows (t+1 … t+h),
 * else 0. The last `horizon` rows have no complete future and are not labelled (the result is shorter).
 */
export function failureLabels(drops: Float64Array, horizon: number): Float64Array {
  if (!Number.isInteger(horizon) || horizon < 1) throw new MlDataError(`failure: horizon must be an integer ≥ 1, got ${horizon}`);
  const n = Math.max(0, drops.length - horizon);
  const out = new Float64Array(n);
  let inWindow = 0; // drops in (t, t + h]
  for (let j = 1; j <= horizon && j < drops.length; j++) if (drops[j] > 0) inWindow++;
  for (let t = 0; t < n; t++) {
    out[t] = inWindow > 0 ? 1 : 0;
    if (drops[t + 1] > 0) inWindow--;
    if (t + 1 + horizon < drops.length && drops[t + 1 + horizon] > 0) inWindow++;
  }
  return out;
}

/** Options of {@link trainFailureClassifier}. */
export interface FailureClassifierOptions {
  /** Seconds (rows) ahead: the label is "a drop within the next `horizon` rows". Default 60. */
  readonly horizon?: number;
  /** Feature columns. Default {@link FAILURE_FEATURES} (the seed's `/predict` payload). */
  readonly columns?: readonly string[];
  /** Learner: the tree ensemble (`gbm`) or `logistic` regression. Default `gbm`. */
  readonly algorithm?: 'gbm' | 'logistic';
  /** Weight the classes inversely to their frequency (n / (2·n_class)) so the rare failure class counts. Default true. */
  readonly balanceClasses?: boolean;
  /** Gradient-boosting hyper-parameters. Defaults: 100 trees, depth 4, learning rate 0.1. */
  readonly gbm?: GradientBoostingOptions;
}

/** Row-major features of the chosen columns for the first `n` rows; rejects non-finite values. */
function featureMatrix(table: DataTable, columns: readonly string[], n: number): Float64Array {
  const cols = columns.map((c) => table.numeric(c));
  const d = cols.length;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = cols[j][i];
      if (!Number.isFinite(v)) throw new MlDataError(`failure: column "${columns[j]}" is ${v} at data row ${i + 1} (CSV line ${i + 2})`);
      x[i * d + j] = v;
    }
  }
  return x;
}

/**
 * Trains a failure classifier: P(a drop within the next `horizon` s) from the current metrics. Refuses
 * a single-class label (the seed's classifier was trained on a constant label and always answers the
 * same) with a message saying what to change.
 */
export function trainFailureClassifier(table: DataTable, options: FailureClassifierOptions = {}): Model {
  const horizon = options.horizon ?? 60;
  const columns = [...(options.columns ?? FAILURE_FEATURES)];
  const y = failureLabels(table.numeric('packet_drops'), horizon);
  const n = y.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i];
  if (pos === 0 || pos === n) {
    throw new MlDataError(
      `failure: the label "drop within the next ${horizon} s" has a single class (${pos === 0 ? 'no failure' : 'failure'}) in all ${n} labelled rows; ` +
        `a classifier trained on it would always answer "${pos === 0 ? 'normal' : 'failure'}". ` +
        (pos === 0 ? 'Use data with packet drops (packet_drops > 0) or a longer horizon.' : 'Use a shorter horizon or data with drop-free periods.'),
    );
  }
  const d = columns.length;
  const x = featureMatrix(table, columns, n);
  let weights: Float64Array | undefined;
  if (options.balanceClasses ?? true) {
    const wPos = n / (2 * pos);
    const wNeg = n / (2 * (n - pos));
    weights = y.map((v) => (v === 1 ? wPos : wNeg));
  }
  const info = { classes: [...FAILURE_CLASSES], failureHorizon: horizon, threshold: 0.5, targetColumn: 'packet_drops', trainingRows: n };
  if ((options.algorithm ?? 'gbm') === 'logistic') {
    return new Model('failure-classifier', columns, { algorithm: 'logistic', state: trainLogistic(x, y, d, { weights }) }, info);
  }
  const state = trainGradientBoosting(x, y, d, { trees: 100, maxDepth: 4, ...options.gbm, loss: 'logistic', sampleWeights: weights });
  return new Model('failure-classifier', columns, { algorithm: 'gbm', state }, info);
}

/** Result of {@link evaluateFailureClassifier}. */
export interface FailureEvaluation extends BinaryMetrics {
  /** Area under the ROC curve of P(failure). */
  readonly rocAuc: number;
  /** Labelled rows evaluated. */
  readonly rows: number;
  /** Rows whose label is failure. */
  readonly positives: number;
}

/** Precision, recall, F1, accuracy and ROC-AUC of a failure classifier on a table (its own horizon). */
export function evaluateFailureClassifier(model: Model, table: DataTable): FailureEvaluation {
  if (model.kind !== 'failure-classifier') throw new MlDataError(`evaluate: a ${model.kind} model is not a failure classifier`);
  const y = failureLabels(table.numeric('packet_drops'), model.info.failureHorizon ?? 60);
  const n = y.length;
  const d = model.featureNames.length;
  const x = featureMatrix(table, model.featureNames, n);
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(x.subarray(i * d, i * d + d));
  const p = model.predictProbabilities(rows) as number[];
  const thr = model.info.threshold ?? 0.5;
  const m = binaryMetrics(y, p.map((v) => (v >= thr ? 1 : 0)));
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  return { ...m, rocAuc: rocAuc(y, p), rows: n, positives };
}
