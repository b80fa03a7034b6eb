/**
 * How forecast features are built from a time series.
 *
 * `honest` (the default) only uses information available when the forecast is made, `horizon` steps
 * before the target time t: lags `y[t−h] … y[t−h−L+1]`, mean and sample standard deviation of the `W`
 * values `y[t−h−W+1 … t−h]`, cyclical hour-of-day and day-of-week of t (known in advance), and the other
 * columns at t−h.
 *
 * `upstream` reproduces the seed pipeline for comparison (seed-systems §2.2/§2.4): lags 1..L, a rolling
 * window that includes y[t] itself, raw `hour`/`day_of_week`, and the other columns of the same second.
 * It leaks the target and is only for showing that leak.
 */
export type FeatureMode = 'honest' | 'upstream';

/** Parameters of forecast features; stored in every forecaster model file. */
export interface ForecastFeatureSpec {
  /** Column to forecast. Default `rx_packets`. */
  readonly target: string;
  /** Number of lags L (≥ 1). */
  readonly lags: number;
  /** Rolling window W (≥ 2). */
  readonly window: number;
  /** Steps ahead h (≥ 1): the forecast of y[t] uses data up to t−h. Always 1 in `upstream` mode. */
  readonly horizon: number;
  /** Other numeric columns used as features (lagged by `horizon` in `honest` mode). */
  readonly exogenous: readonly string[];
  /** Column of Unix-second timestamps for the calendar features, or `null` for none. */
  readonly timestampColumn: string | null;
  /** Feature construction mode. */
  readonly mode: FeatureMode;
}

/** Default feature parameters: target `rx_packets`, 10 lags, window 300, horizon 1, honest, no exogenous columns. */
export const DEFAULT_FEATURE_SPEC: ForecastFeatureSpec = {
  target: 'rx_packets',
  lags: 10,
  window: 300,
  horizon: 1,
  exogenous: [],
  timestampColumn: 'timestamp',
  mode: 'honest',
};

/** Names of the features a spec produces, in column order. */
export function featureNamesOf(spec: ForecastFeatureSpec): string[] {
  const y = spec.target;
  const names: string[] = [];
  const h = spec.mode === 'honest' ? spec.horizon : 1;
  for (let k = 0; k < spec.lags; k++) names.push(`${y}_lag_${h + k}`);
  names.push(`${y}_roll_mean_${spec.window}`, `${y}_roll_std_${spec.window}`);
  if (spec.timestampColumn !== null) {
    if (spec.mode === 'honest') names.push('hour_sin', 'hour_cos', 'dow_sin', 'dow_cos');
    else names.push('hour', 'day_of_week');
  }
  for (const c of spec.exogenous) names.push(spec.mode === 'honest' ? `${c}_lag_${h}` : c);
  return names;
}
