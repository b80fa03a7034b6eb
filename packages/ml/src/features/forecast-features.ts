import { MlDataError } from '../errors.js';
import type { DataTable } from '../table.js';
import { featureNamesOf, type ForecastFeatureSpec } from './spec.js';

/** A feature matrix with its targets, ready for training or evaluation. */
export interface FeatureSet {
  /** Row-major features, `x[row * featureNames.length + j]`. */
  readonly x: Float64Array;
  /** Target per row. */
  readonly y: Float64Array;
  /** Number of rows. */
  readonly rowCount: number;
  /** Feature names in column order. */
  readonly featureNames: string[];
  /** Index in the source table of the target of row 0 (row r targets table row `firstIndex + r`). */
  readonly firstIndex: number;
  /** Leading rows whose lags or window are incomplete (zero-filled, upstream mode only; 0 in honest mode). */
  readonly warmupRows: number;
}

/** Options of {@link buildForecastFeatures}. */
export interface BuildFeatureOptions {
  /** Receives warnings (the upstream mode's leakage warning). Default `console.warn`. */
  readonly warn?: (message: string) => void;
}

/** Warning printed whenever `upstream` features are built. */
export const UPSTREAM_WARNING =
  'upstream-compatible features: the rolling window includes the value being predicted and other columns are of the same second; ' +
  'the target leaks into the features and the errors are not forecast errors (seed-systems §2.4). Use mode "honest" for real forecasts.';

const TWO_PI = 2 * Math.PI;

/** Writes the calendar features of Unix time `ts` (UTC) at `x[o…]`; returns the next offset. */
function calendar(x: Float64Array, o: number, ts: number, honest: boolean): number {
  const day = Math.floor(ts / 86400);
  const s = ts - day * 86400;
  const dow = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; Monday = 0
  if (honest) {
    x[o] = Math.sin((TWO_PI * s) / 86400);
    x[o + 1] = Math.cos((TWO_PI * s) / 86400);
    const wk = (dow + s / 86400) / 7;
    x[o + 2] = Math.sin(TWO_PI * wk);
    x[o + 3] = Math.cos(TWO_PI * wk);
    return o + 4;
  }
  x[o] = Math.floor(s / 3600);
  x[o + 1] = dow;
  return o + 2;
}

function validate(spec: ForecastFeatureSpec): void {
  const bad = (what: string): never => {
    throw new MlDataError(`features: ${what}`);
  };
  if (!Number.isInteger(spec.lags) || spec.lags < 1) bad(`lags must be an integer ≥ 1, got ${spec.lags}`);
  if (!Number.isInteger(spec.window) || spec.window < 2) bad(`window must be an integer ≥ 2, got ${spec.window}`);
  if (!Number.isInteger(spec.horizon) || spec.horizon < 1) bad(`horizon must be an integer ≥ 1, got ${spec.horizon}`);
  if (spec.mode === 'upstream' && spec.horizon !== 1) bad('the upstream mode only has horizon 1');
  if (spec.exogenous.includes(spec.target)) bad(`the target "${spec.target}" cannot also be an exogenous column`);
}

/** Rows needed before the first honest target (the first target is table row `first`). */
export function firstTargetIndex(spec: ForecastFeatureSpec): number {
  return spec.mode === 'upstream' ? 0 : spec.horizon - 1 + Math.max(spec.lags, spec.window);
}

/**
 * Builds forecast features from a time-series table (sorted by time). Errors: a missing or textual
 * column, too few rows for the lags, window and horizon, a NaN or infinite feature (named, with its
 * CSV line). The `upstream` mode prints {@link UPSTREAM_WARNING}.
 */
export function buildForecastFeatures(table: DataTable, spec: ForecastFeatureSpec, options: BuildFeatureOptions = {}): FeatureSet {
  validate(spec);
  const honest = spec.mode === 'honest';
  if (!honest) (options.warn ?? ((m: string) => console.warn(`warning: ${m}`)))(UPSTREAM_WARNING);
  const y = table.numeric(spec.target);
  const ts = spec.timestampColumn === null ? undefined : table.numeric(spec.timestampColumn);
  const exo = spec.exogenous.map((c) => table.numeric(c));
  const names = featureNamesOf(spec);
  const d = names.length;
  const first = firstTargetIndex(spec);
  const n = table.rowCount - first;
  if (n < 1) {
    throw new MlDataError(
      `features: ${table.rowCount} rows, but lags ${spec.lags}, window ${spec.window} and horizon ${spec.horizon} need at least ${first + 1}; ` +
        'use more rows or smaller lags/window',
    );
  }
  const x = new Float64Array(n * d);
  const target = new Float64Array(n);
  const L = spec.lags;
  const W = spec.window;
  const h = honest ? spec.horizon : 1;
  // Sliding sums over shifted values (numerically stable variance).
  const shift = y[0];
  let sum = 0;
  let sumSq = 0;
  let count = 0;
  // Window ends at e = t − h (honest) or t (upstream); it covers (e − W, e].
  const startEnd = honest ? first - h : 0;
  for (let j = Math.max(0, startEnd - W + 1); j <= startEnd; j++) {
    const v = y[j] - shift;
    sum += v;
    sumSq += v * v;
    count++;
  }
  for (let r = 0; r < n; r++) {
    const t = first + r;
    const e = honest ? t - h : t;
    if (r > 0) {
      const vIn = y[e] - shift;
      sum += vIn;
      sumSq += vIn * vIn;
      count++;
      const out = e - W;
      if (out >= 0) {
        const vOut = y[out] - shift;
        sum -= vOut;
        sumSq -= vOut * vOut;
        count--;
      }
    }
    let o = r * d;
    for (let k = 0; k < L; k++) {
      const i = t - h - k;
      x[o++] = i >= 0 ? y[i] : 0;
    }
    const mean = sum / count;
    x[o++] = mean + shift;
    x[o++] = count > 1 ? Math.sqrt(Math.max(0, (sumSq - count * mean * mean) / (count - 1))) : 0;
    if (ts !== undefined) o = calendar(x, o, ts[t], honest);
    for (const c of exo) x[o++] = honest ? c[t - h] : c[t];
    target[r] = y[t];
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const r = Math.floor(i / d);
      throw new MlDataError(
        `features: feature "${names[i % d]}" is ${x[i]} for the target at data row ${first + r + 1} (CSV line ${first + r + 2}); ` +
          'fix or remove the non-finite values in the input',
      );
    }
  }
  for (let r = 0; r < n; r++) {
    if (!Number.isFinite(target[r])) {
      throw new MlDataError(`features: target "${spec.target}" is ${target[r]} at data row ${first + r + 1} (CSV line ${first + r + 2})`);
    }
  }
  return { x, y: target, rowCount: n, featureNames: names, firstIndex: first, warmupRows: honest ? 0 : Math.min(n, Math.max(L, W)) };
}

/**
 * The feature row for one forecast from recent history (what a forecasting server needs): `history`
 * holds, per column (target, exogenous and timestamp columns), the most recent observations in time
 * order, the last one being at time t−h; `targetTime` is the Unix time t being forecast. Honest mode
 * only; needs at least max(lags, window) observations.
 */
export function forecastFeatureRow(
  spec: ForecastFeatureSpec,
  history: Readonly<Record<string, ArrayLike<number>>>,
  targetTime: number,
): number[] {
  if (spec.mode !== 'honest') throw new MlDataError('forecast: only honest features can forecast from history');
  const y = history[spec.target];
  if (y === undefined) throw new MlDataError(`forecast: the history has no "${spec.target}" series`);
  const need = Math.max(spec.lags, spec.window);
  if (y.length < need) throw new MlDataError(`forecast: ${y.length} observations of "${spec.target}", at least ${need} are needed`);
  const row: number[] = [];
  const last = y.length - 1;
  for (let k = 0; k < spec.lags; k++) row.push(y[last - k]);
  let s = 0;
  for (let i = last - spec.window + 1; i <= last; i++) s += y[i];
  const mean = s / spec.window;
  let v = 0;
  for (let i = last - spec.window + 1; i <= last; i++) v += (y[i] - mean) ** 2;
  row.push(mean, Math.sqrt(v / (spec.window - 1)));
  if (spec.timestampColumn !== null) {
    const buf = new Float64Array(4);
    calendar(buf, 0, targetTime, true);
    row.push(...buf);
  }
  for (const c of spec.exogenous) {
    const col = history[c];
    if (col === undefined || col.length === 0) throw new MlDataError(`forecast: the history has no "${c}" series`);
    row.push(col[col.length - 1]);
  }
  for (let j = 0; j < row.length; j++) {
    if (!Number.isFinite(row[j])) throw new MlDataError(`forecast: feature ${j} is ${row[j]}; the history holds non-finite values`);
  }
  return row;
}
