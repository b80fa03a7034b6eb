import { MlDataError } from '../errors.js';
import { buildForecastFeatures, type BuildFeatureOptions } from '../features/forecast-features.js';
import { DEFAULT_FEATURE_SPEC, type ForecastFeatureSpec } from '../features/spec.js';
import type { DataTable } from '../table.js';
import { trainGradientBoosting, type GradientBoostingOptions } from './gradient-boosting.js';
import { Model } from './model.js';
import { trainRidge } from './ridge.js';

/** Learners a forecaster can use. */
export type ForecasterAlgorithm = 'gbm' | 'ridge';

/** Options of {@link trainForecaster}. */
export interface ForecasterOptions extends BuildFeatureOptions {
  /** Feature parameters; unspecified ones come from {@link DEFAULT_FEATURE_SPEC}. */
  readonly features?: Partial<ForecastFeatureSpec>;
  /** Learner. Default `gbm`. */
  readonly algorithm?: ForecasterAlgorithm;
  /** Gradient-boosting hyper-parameters (algorithm `gbm`). */
  readonly gbm?: GradientBoostingOptions;
  /** Ridge strength relative to the row count (algorithm `ridge`). Default 1e-6. */
  readonly ridgeAlpha?: number;
}

/** The full feature spec from partial options. */
export function resolveFeatureSpec(partial: Partial<ForecastFeatureSpec> = {}): ForecastFeatureSpec {
  return { ...DEFAULT_FEATURE_SPEC, ...partial, exogenous: [...(partial.exogenous ?? DEFAULT_FEATURE_SPEC.exogenous)] };
}

/**
 * Trains a forecaster of `features.target` (default `rx_packets`) `horizon` steps ahead from a time
 * series table sorted by time. For several horizons train one model per horizon (direct strategy).
 */
export function trainForecaster(table: DataTable, options: ForecasterOptions = {}): Model {
  const spec = resolveFeatureSpec(options.features);
  const fs = buildForecastFeatures(table, spec, options);
  const algorithm = options.algorithm ?? 'gbm';
  const d = fs.featureNames.length;
  const info = { featureSpec: spec, targetColumn: spec.target, trainingRows: fs.rowCount };
  if (algorithm === 'ridge') {
    return new Model('forecaster', fs.featureNames, { algorithm: 'ridge', state: trainRidge(fs.x, fs.y, d, options.ridgeAlpha ?? 1e-6) }, info);
  }
  if (algorithm !== 'gbm') throw new MlDataError(`forecaster: unknown algorithm "${String(algorithm)}" (gbm or ridge)`);
  const state = trainGradientBoosting(fs.x, fs.y, d, { ...options.gbm, loss: 'squared' });
  return new Model('forecaster', fs.featureNames, { algorithm: 'gbm', state }, info);
}

/** Trains one forecaster per horizon (direct multi-step strategy); returns them keyed by horizon. */
export function trainMultiHorizonForecasters(table: DataTable, horizons: readonly number[], options: ForecasterOptions = {}): Map<number, Model> {
  const out = new Map<number, Model>();
  for (const h of horizons) out.set(h, trainForecaster(table, { ...options, features: { ...options.features, horizon: h } }));
  return out;
}
