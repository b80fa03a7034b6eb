import { MlDataError } from '../errors.js';
import { accuracy, confusionMatrix, inertia, regressionMetrics, silhouette, type RegressionMetrics } from '../evaluation/metrics.js';
import { trainGradientBoosting, type GradientBoostingOptions } from '../models/gradient-boosting.js';
import { trainKMeans } from '../models/kmeans.js';
import { Model } from '../models/model.js';
import { trainRidge } from '../models/ridge.js';
import type { DataTable } from '../table.js';

/** Options shared by the generic trainers. */
export interface TabularOptions {
  /** Feature columns; default every numeric column except the target. */
  readonly features?: readonly string[];
  /** Gradient-boosting hyper-parameters (e.g. `{ trees: 1, maxDepth: 3, learningRate: 1 }` for one decision tree, as the seed's). */
  readonly gbm?: GradientBoostingOptions;
}

/** The feature columns: given, or every numeric column but `exclude`. */
function featureColumns(table: DataTable, given: readonly string[] | undefined, exclude?: string): string[] {
  const cols = given !== undefined ? [...given] : table.columns.filter((c) => c !== exclude && table.isNumeric(c));
  if (cols.length === 0) throw new MlDataError(`no numeric feature column (columns: ${table.columns.join(', ')})`);
  return cols;
}

/** Row-major matrix of the columns; rejects non-finite values with the row. */
export function tableMatrix(table: DataTable, columns: readonly string[]): Float64Array {
  const cols = columns.map((c) => table.numeric(c));
  const d = cols.length;
  const n = table.rowCount;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = cols[j][i];
      if (!Number.isFinite(v)) throw new MlDataError(`column "${columns[j]}" is ${v} at data row ${i + 1} (CSV line ${i + 2}); fix or remove the row`);
      x[i * d + j] = v;
    }
  }
  return x;
}

/** Rows of a table as arrays, in the model's feature order. */
export function modelRows(model: Model, table: DataTable): number[][] {
  return table.rows(model.featureNames);
}

/**
 * Trains a classifier of `target` (text or numeric labels; classes sorted by name) with the tree
 * ensemble (logistic loss for two classes, softmax for more). Refuses a single-class target.
 */
export function trainClassifier(table: DataTable, target: string, options: TabularOptions = {}): Model {
  const labels = table.text(target);
  const classes = [...new Set(labels)].sort((a, b) => (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) ? Number(a) - Number(b) : a.localeCompare(b)));
  if (classes.length < 2) {
    throw new MlDataError(`classifier: the target "${target}" has a single class ("${classes[0] ?? ''}") in all ${labels.length} rows; a classifier needs at least two`);
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const y = Float64Array.from(labels, (l) => index.get(l) as number);
  const cols = featureColumns(table, options.features, target);
  const x = tableMatrix(table, cols);
  const loss = classes.length === 2 ? 'logistic' : 'softmax';
  const state = trainGradientBoosting(x, y, cols.length, { ...options.gbm, loss, classCount: classes.length });
  return new Model('classifier', cols, { algorithm: 'gbm', state }, { classes, targetColumn: target, trainingRows: table.rowCount });
}

/** Trains a regressor of the numeric `target` with the tree ensemble (default) or ridge regression. */
export function trainRegressor(table: DataTable, target: string, options: TabularOptions & { algorithm?: 'gbm' | 'ridge' } = {}): Model {
  const y = table.numeric(target);
  const cols = featureColumns(table, options.features, target);
  const x = tableMatrix(table, cols);
  for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) throw new MlDataError(`regressor: target "${target}" is ${y[i]} at data row ${i + 1}`);
  const info = { targetColumn: target, trainingRows: table.rowCount };
  if (options.algorithm === 'ridge') return new Model('regressor', cols, { algorithm: 'ridge', state: trainRidge(x, y, cols.length) }, info);
  const state = trainGradientBoosting(x, y, cols.length, { ...options.gbm, loss: 'squared' });
  return new Model('regressor', cols, { algorithm: 'gbm', state }, info);
}

/** Trains k-means with k-means++ initialisation on the feature columns (default all numeric). */
export function trainClustering(table: DataTable, k: number, options: { features?: readonly string[]; seed?: number } = {}): Model {
  const cols = featureColumns(table, options.features);
  const x = tableMatrix(table, cols);
  const state = trainKMeans(x, table.rowCount, cols.length, k, { seed: options.seed });
  return new Model('kmeans', cols, { algorithm: 'kmeans', state }, { trainingRows: table.rowCount });
}

/** Accuracy and confusion matrix (`confusion[actual][predicted]`, classes in `model.info.classes` order). */
export function evaluateClassifier(model: Model, table: DataTable): { accuracy: number; confusion: number[][]; classes: string[]; rows: number } {
  const classes = [...(model.info.classes ?? [])];
  const target = model.info.targetColumn;
  if (model.kind !== 'classifier' || target === undefined) throw new MlDataError(`evaluate: a ${model.kind} model is not a classifier`);
  const index = new Map(classes.map((c, i) => [c, i]));
  const actual = table.text(target).map((l, i) => {
    const k = index.get(l);
    if (k === undefined) throw new MlDataError(`evaluate: class "${l}" at data row ${i + 1} was not seen in training (classes: ${classes.join(', ')})`);
    return k;
  });
  const predicted = model.predict(modelRows(model, table));
  return { accuracy: accuracy(actual, predicted), confusion: confusionMatrix(actual, predicted, classes.length), classes, rows: actual.length };
}

/** MAE, RMSE, MAPE and R² of a regressor on a table. */
export function evaluateRegressor(model: Model, table: DataTable): RegressionMetrics {
  const target = model.info.targetColumn;
  if (model.kind !== 'regressor' || target === undefined) throw new MlDataError(`evaluate: a ${model.kind} model is not a regressor`);
  return regressionMetrics(table.numeric(target), model.predict(modelRows(model, table)));
}

/** Inertia and silhouette (exact up to 2 000 rows, else on a seeded sample) of a clustering on a table. */
export function evaluateClustering(model: Model, table: DataTable): { inertia: number; silhouette: number; rows: number; clusterSizes: number[] } {
  if (model.kind !== 'kmeans' || model.estimator.algorithm !== 'kmeans') throw new MlDataError(`evaluate: a ${model.kind} model is not a clustering`);
  const x = tableMatrix(table, model.featureNames);
  const labels = model.predict(modelRows(model, table));
  const d = model.featureNames.length;
  const sizes = new Array<number>(model.estimator.state.centroids.length).fill(0);
  for (const l of labels) sizes[l]++;
  return { inertia: inertia(x, d, labels, model.estimator.state.centroids), silhouette: silhouette(x, d, labels), rows: labels.length, clusterSizes: sizes };
}
