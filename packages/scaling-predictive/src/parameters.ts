import { type ParameterSchema, type ParametersSchema, PluginError } from '@nss/core';

/** The plugin's name (used in parameter files, logs and error messages). */
export const PREDICTIVE_NAME = 'predictive';

/**
 * Forecasting model of the arrival rate, all from `@nss/ml`:
 * - `persistence`: the last observed rate;
 * - `trailing-mean`: the mean of the last `window` rates;
 * - `seasonal-naive`: the rate one season (`season_length` intervals) earlier;
 * - `ridge`: ridge regression on lags 1..`lags`, the rolling mean and standard deviation over `window`
 *   and, with `season_length` > 0, the rate one season earlier (refitted every `refit_every` intervals);
 * - `gbm`: the same features with `@nss/ml`'s histogram gradient boosting.
 */
export type PredictiveModel = 'persistence' | 'trailing-mean' | 'seasonal-naive' | 'ridge' | 'gbm';

/** Every accepted {@link PredictiveModel}. */
export const PREDICTIVE_MODELS: readonly PredictiveModel[] = Object.freeze([
  'persistence',
  'trailing-mean',
  'seasonal-naive',
  'ridge',
  'gbm',
]);

/** Resolved parameters of the predictive scaling. */
export interface PredictiveParameters {
  /** ms between two monitor cycles; also the window a rate is measured over (> 0). Default 1000. */
  readonly monitor_interval: number;
  /** Rates (one per interval) kept per VNF instance, the training set of the model (integer ≥ 2). Default 1000. */
  readonly history_length: number;
  /** Forecasting model. Default `ridge`. */
  readonly model: PredictiveModel;
  /** Lags of the rate used as features by `ridge`/`gbm` (integer ≥ 1). Default 4. */
  readonly lags: number;
  /** Rolling window (intervals) of the mean/std features and of `trailing-mean` (integer ≥ 2). Default 8. */
  readonly window: number;
  /** Season in intervals (a "day" of traffic); 0 = no season. Required (> 0) by `seasonal-naive`. Default 0. */
  readonly season_length: number;
  /** Intervals ahead to provision for: the CPU covers the largest forecast of the next `horizon` intervals (integer ≥ 1). Default 1. */
  readonly horizon: number;
  /** Intervals between two refits of `ridge`/`gbm` (integer ≥ 1). Default 10. */
  readonly refit_every: number;
  /** Utilisation the allocation aims at: CPU = demand / target_utilization (0 < x ≤ 1). Default 0.85. */
  readonly target_utilization: number;
  /** Extra fraction on top of the forecast demand (≥ 0). Default 0.05. */
  readonly headroom: number;
  /** Scale down only when the target is below cpu · (1 − hysteresis) (0 ≤ x < 1). Default 0.15. */
  readonly hysteresis: number;
  /** ms after a scaling of an instance during which it is not scaled down (≥ 0). Scale-ups never wait. Default 2000. */
  readonly waiting_time: number;
  /**
   * Delay rule: the CPU is also raised until the estimated probability that a packet waits longer than
   * its share of the SLA is at most this (0 < x ≤ 1; 1 disables the rule). Default 0.01.
   */
  readonly sla_miss_target: number;
  /** Share of an SFC's max_latency, divided evenly among its VNFs, that one VNF's sojourn may use (0 < x ≤ 1). Default 0.8. */
  readonly sla_share: number;
}

/** Default values of the parameters. */
export const PREDICTIVE_DEFAULTS: PredictiveParameters = Object.freeze({
  monitor_interval: 1000,
  history_length: 1000,
  model: 'ridge',
  lags: 4,
  window: 8,
  season_length: 0,
  horizon: 1,
  refit_every: 10,
  target_utilization: 0.85,
  headroom: 0.05,
  hysteresis: 0.15,
  waiting_time: 2000,
  sla_miss_target: 0.01,
  sla_share: 0.8,
});

const RANGES: Readonly<Record<keyof PredictiveParameters, ParameterSchema>> = {
  monitor_interval: { type: 'number', exclusiveMinimum: 0 },
  history_length: { type: 'integer', minimum: 2 },
  model: { type: 'string', enum: [...PREDICTIVE_MODELS] },
  lags: { type: 'integer', minimum: 1 },
  window: { type: 'integer', minimum: 2 },
  season_length: { type: 'integer', minimum: 0 },
  horizon: { type: 'integer', minimum: 1 },
  refit_every: { type: 'integer', minimum: 1 },
  target_utilization: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  headroom: { type: 'number', minimum: 0 },
  hysteresis: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
  waiting_time: { type: 'number', minimum: 0 },
  sla_miss_target: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  sla_share: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
};

const DESCRIPTIONS: Readonly<Record<keyof PredictiveParameters, string>> = {
  monitor_interval: 'ms between monitor cycles; each cycle measures one arrival rate per VNF instance over this window. Default 1000.',
  history_length: 'Rates kept per VNF instance (the model is trained on them). Default 1000.',
  model: 'Forecaster from @nss/ml: persistence, trailing-mean, seasonal-naive, ridge or gbm. Default ridge.',
  lags: 'Lagged rates used as features by ridge/gbm. Default 4.',
  window: 'Intervals of the rolling mean/std features (and of trailing-mean). Default 8.',
  season_length: 'Season in monitor intervals (0 = none); seasonal-naive needs it, ridge/gbm add the rate one season earlier as a feature. Default 0.',
  horizon: 'Intervals ahead the allocation covers (the largest forecast of the next horizon intervals). Default 1.',
  refit_every: 'Intervals between two refits of ridge/gbm. Default 10.',
  target_utilization: 'CPU = forecast demand · (1 + headroom) / target_utilization. Default 0.85.',
  headroom: 'Extra fraction on top of the forecast demand. Default 0.05.',
  hysteresis: 'Scale down only when the target is below cpu · (1 − hysteresis). Default 0.15.',
  waiting_time: 'ms after a scaling of an instance before it may be scaled down again (scale-ups never wait). Default 2000.',
  sla_miss_target:
    'Delay rule: raise the CPU until the estimated probability (M/D/1 with an exponential tail) that a packet waits past its share of the SLA is at most this; 1 disables it. Default 0.01.',
  sla_share: "Share of an SFC's max_latency (split evenly among its VNFs) one VNF's sojourn may use. Default 0.8.",
};

/** JSON Schema of the parameters (ajv applies the defaults). */
export function predictiveParametersSchema(): ParametersSchema {
  const properties: Record<string, ParameterSchema> = {};
  for (const name of Object.keys(RANGES) as (keyof PredictiveParameters)[]) {
    properties[name] = { ...RANGES[name], default: PREDICTIVE_DEFAULTS[name], description: DESCRIPTIONS[name] };
  }
  return { type: 'object', properties };
}

function fail(parameter: string, value: unknown, rule: string): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new PluginError(`scaling plugin "${PREDICTIVE_NAME}": parameter "${parameter}" (${shown}) ${rule}`);
}

/**
 * Fills defaults and checks every rule, including those JSON Schema cannot express (`seasonal-naive`
 * without a season, a history too short for the model's features). Throws `PluginError` (from
 * `@nss/core`) naming the plugin, the parameter, the value and the rule.
 */
export function resolvePredictiveParameters(raw: Partial<PredictiveParameters>): PredictiveParameters {
  const p = { ...PREDICTIVE_DEFAULTS, ...raw } as PredictiveParameters;
  for (const name of Object.keys(RANGES) as (keyof PredictiveParameters)[]) {
    const value = p[name];
    const range = RANGES[name];
    if (name === 'model') {
      if (!PREDICTIVE_MODELS.includes(value as PredictiveModel)) fail(name, value, `must be one of ${PREDICTIVE_MODELS.join(', ')}`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, value, 'must be a finite number');
    if (range.type === 'integer' && !Number.isInteger(value)) fail(name, value, 'must be an integer');
    if (typeof range.minimum === 'number' && value < range.minimum) fail(name, value, `must be ≥ ${range.minimum}`);
    if (typeof range.exclusiveMinimum === 'number' && value <= range.exclusiveMinimum) fail(name, value, `must be > ${range.exclusiveMinimum}`);
    if (typeof range.maximum === 'number' && value > range.maximum) fail(name, value, `must be ≤ ${range.maximum}`);
    if (typeof range.exclusiveMaximum === 'number' && value >= range.exclusiveMaximum) fail(name, value, `must be < ${range.exclusiveMaximum}`);
  }
  if (p.model === 'seasonal-naive' && p.season_length === 0) {
    fail('season_length', p.season_length, 'must be > 0 with model "seasonal-naive" (the rate one season earlier is the forecast)');
  }
  if (p.season_length > 0 && p.season_length < p.horizon) {
    fail('season_length', p.season_length, `must be 0 or ≥ horizon (${p.horizon})`);
  }
  const needed = minimumObservations(p) + 1;
  if ((p.model === 'ridge' || p.model === 'gbm') && p.history_length < needed) {
    fail('history_length', p.history_length, `must be ≥ ${needed} for model "${p.model}" with these lags, window, season_length and horizon`);
  }
  if (p.model === 'seasonal-naive' && p.history_length < p.season_length) {
    fail('history_length', p.history_length, `must be ≥ season_length (${p.season_length}) for model "seasonal-naive"`);
  }
  return Object.freeze(p);
}

/**
 * Observations an instance needs before `ridge`/`gbm` is trained: the rows consumed by the features
 * (max(lags, window), plus one season when `season_length` > 0, plus the horizon) and at least ten
 * training rows per feature.
 */
export function minimumObservations(p: PredictiveParameters): number {
  const features = p.lags + 2 + (p.season_length > 0 ? 1 : 0);
  return p.season_length + p.horizon + Math.max(p.lags, p.window) + 10 * features;
}
