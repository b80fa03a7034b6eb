import { MlDataError } from '../errors.js';
import type { ForecastFeatureSpec } from '../features/spec.js';
import { forecastFeatureRow } from '../features/forecast-features.js';
import { flattenRows, predictRawMatrix, scoresToProbabilities, type GradientBoostingState } from './gradient-boosting.js';
import type { KMeansState } from './kmeans.js';
import type { LogisticState } from './logistic.js';
import type { RidgeState } from './ridge.js';

/** What a model does; stored in its file and checked on load. */
export type ModelKind = 'forecaster' | 'failure-classifier' | 'classifier' | 'regressor' | 'kmeans';

/** The learner inside a model, with its trained state (JSON-serialisable). */
export type Estimator =
  | { readonly algorithm: 'gbm'; readonly state: GradientBoostingState }
  | { readonly algorithm: 'ridge'; readonly state: RidgeState }
  | { readonly algorithm: 'logistic'; readonly state: LogisticState }
  | { readonly algorithm: 'kmeans'; readonly state: KMeansState };

/** Name of a learner: histogram gradient boosting, ridge regression, logistic regression, k-means++. */
export type Algorithm = Estimator['algorithm'];

/** Kind-specific facts stored with a model. */
export interface ModelInfo {
  /** Forecasters: how features are built from the series. */
  readonly featureSpec?: ForecastFeatureSpec;
  /** Classifiers: class names by class index (`predict` returns indices). Failure classifiers: `['normal', 'failure']`. */
  readonly classes?: readonly string[];
  /** Failure classifiers: the label is "a drop within the next `failureHorizon` seconds". */
  readonly failureHorizon?: number;
  /** Binary classifiers: probability threshold for class 1. Default 0.5. */
  readonly threshold?: number;
  /** Column the model was trained to predict (classifier, regressor, forecaster). */
  readonly targetColumn?: string;
  /** Number of training rows. */
  readonly trainingRows?: number;
}

/**
 * A trained model: what every model file loads into. `predict` takes rows of feature values in the
 * order of `featureNames` and returns, per row, the class index (classifiers), the value (forecaster,
 * regressor) or the cluster index (k-means).
 */
export class Model {
  /** What the model does. */
  readonly kind: ModelKind;
  /** Names of the features `predict` expects, in order. */
  readonly featureNames: readonly string[];
  /** The learner and its trained state. */
  readonly estimator: Estimator;
  /** Kind-specific facts (feature spec, classes, horizon, threshold…). */
  readonly info: ModelInfo;

  /**
   * @param kind - What the model does.
   * @param featureNames - Feature names in `predict` order.
   * @param estimator - Trained learner.
   * @param info - Kind-specific facts.
   */
  constructor(kind: ModelKind, featureNames: readonly string[], estimator: Estimator, info: ModelInfo = {}) {
    this.kind = kind;
    this.featureNames = [...featureNames];
    this.estimator = estimator;
    this.info = info;
  }

  /** Name of the learner (`gbm`, `ridge`, `logistic`, `kmeans`). */
  get algorithm(): Algorithm {
    return this.estimator.algorithm;
  }

  /** Throws {@link MlDataError} unless every row has `featureNames.length` finite numbers. */
  private check(rows: readonly (readonly number[])[]): void {
    if (!Array.isArray(rows)) throw new MlDataError('predict: rows must be an array of arrays of numbers');
    const d = this.featureNames.length;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (!Array.isArray(r) || r.length !== d) {
        throw new MlDataError(`predict: row ${i} has ${Array.isArray(r) ? r.length : 'no'} values, the model expects ${d} (${this.featureNames.join(', ')})`);
      }
      for (let j = 0; j < d; j++) {
        if (typeof r[j] !== 'number' || !Number.isFinite(r[j])) {
          throw new MlDataError(`predict: row ${i}, feature ${j} ("${this.featureNames[j]}") is ${String(r[j])}, a finite number is needed`);
        }
      }
    }
  }

  /** Throws {@link MlDataError} unless the matrix holds `rowCount` rows of finite numbers. */
  private checkMatrix(x: Float64Array, rowCount: number): void {
    const d = this.featureNames.length;
    if (x.length !== rowCount * d) throw new MlDataError(`predict: ${x.length} values for ${rowCount} rows × ${d} features`);
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i])) {
        throw new MlDataError(`predict: row ${Math.floor(i / d)}, feature ${i % d} ("${this.featureNames[i % d]}") is ${x[i]}, a finite number is needed`);
      }
    }
  }

  /**
   * Scores before the decision: values (regression), P(class 1) (binary), K probabilities per row
   * (multi-class, row-major), cluster indices (k-means).
   */
  private scores(x: Float64Array, n: number): { values: ArrayLike<number>; perRow: number } {
    const e = this.estimator;
    const d = this.featureNames.length;
    switch (e.algorithm) {
      case 'ridge':
      case 'logistic': {
        const out = new Float64Array(n);
        const w = e.state.coefficients;
        for (let i = 0; i < n; i++) {
          let s = e.state.intercept;
          for (let j = 0; j < d; j++) s += w[j] * x[i * d + j];
          out[i] = e.algorithm === 'ridge' ? s : 1 / (1 + Math.exp(-s));
        }
        return { values: out, perRow: 1 };
      }
      case 'kmeans': {
        const c = e.state.centroids;
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          let best = 0;
          let bestD = Infinity;
          for (let k = 0; k < c.length; k++) {
            let s = 0;
            for (let j = 0; j < d; j++) s += (x[i * d + j] - c[k][j]) ** 2;
            if (s < bestD) {
              bestD = s;
              best = k;
            }
          }
          out[i] = best;
        }
        return { values: out, perRow: 1 };
      }
      case 'gbm': {
        const raw = predictRawMatrix(e.state, x, n);
        if (e.state.loss === 'squared') return { values: raw, perRow: 1 };
        return { values: scoresToProbabilities(e.state, raw), perRow: e.state.outputs };
      }
    }
  }

  /** Turns scores into the answer of {@link Model.predict}. */
  private decide(values: ArrayLike<number>, perRow: number, n: number): number[] {
    if (this.kind === 'forecaster' || this.kind === 'regressor' || this.kind === 'kmeans') return Array.from(values);
    if (perRow === 1) {
      const thr = this.info.threshold ?? 0.5;
      return Array.from(values, (p) => (p >= thr ? 1 : 0));
    }
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let k = 1; k < perRow; k++) if (values[i * perRow + k] > values[i * perRow + best]) best = k;
      out[i] = best;
    }
    return out;
  }

  /** Predicts each row: class index, value or cluster index (see the class description). */
  predict(rows: readonly (readonly number[])[]): number[] {
    this.check(rows);
    const { values, perRow } = this.scores(flattenRows(rows, this.featureNames.length), rows.length);
    return this.decide(values, perRow, rows.length);
  }

  /**
   * {@link Model.predict} for rows given as one row-major matrix (`x[row * featureNames.length + j]`),
   * without building an array per row: the fast path for large evaluations.
   */
  predictMatrix(x: Float64Array, rowCount: number): number[] {
    this.checkMatrix(x, rowCount);
    const { values, perRow } = this.scores(x, rowCount);
    return this.decide(values, perRow, rowCount);
  }

  /**
   * Class probabilities (classifiers only): for two classes P(class 1) per row; for K classes a row of
   * K probabilities each.
   */
  predictProbabilities(rows: readonly (readonly number[])[]): number[] | number[][] {
    if (this.kind !== 'classifier' && this.kind !== 'failure-classifier') {
      throw new MlDataError(`predictProbabilities: a ${this.kind} model has no class probabilities`);
    }
    this.check(rows);
    const { values, perRow } = this.scores(flattenRows(rows, this.featureNames.length), rows.length);
    if (perRow === 1) return Array.from(values);
    const out: number[][] = [];
    for (let i = 0; i < rows.length; i++) out.push(Array.from({ length: perRow }, (_, k) => values[i * perRow + k]));
    return out;
  }

  /**
   * Forecasters only: the forecast of the target at Unix time `targetTime` from recent history (per
   * column, observations in time order, the last at `targetTime − horizon`).
   */
  forecast(history: Readonly<Record<string, ArrayLike<number>>>, targetTime: number): number {
    const spec = this.info.featureSpec;
    if (this.kind !== 'forecaster' || spec === undefined) throw new MlDataError(`forecast: a ${this.kind} model does not forecast`);
    return this.predict([forecastFeatureRow(spec, history, targetTime)])[0];
  }
}
