import { DataTable } from '../table.js';
import { buildForecastFeatures, firstTargetIndex } from './forecast-features.js';
import type { ForecastFeatureSpec } from './spec.js';

/**
 * Names of the features that look ahead: that change when a value the forecaster could not have seen
 * is changed. For a target at t with horizon h, the values of the target and of the exogenous columns at
 * t−h+1 … t are perturbed one at a time on a short slice of the table and the features of that row are
 * rebuilt; any feature that moves uses information from after the forecast time. Honest features give
 * `[]`; the upstream mode gives the rolling window and the same-second columns. Independent of the
 * learner and of the data's noise, it complements the statistical {@link checkLeakage}.
 * @param table - A table the spec's features can be built from (only its first rows are used).
 * @param spec - The feature spec to check.
 */
export function findLookaheadFeatures(table: DataTable, spec: ForecastFeatureSpec): string[] {
  const h = spec.mode === 'honest' ? spec.horizon : 1;
  const first = firstTargetIndex(spec);
  const t = Math.max(first, Math.max(spec.lags, spec.window) + h);
  const end = Math.min(table.rowCount, t + 1);
  if (end <= t) return [];
  const slice = table.slice(0, end);
  const quiet = { warn: () => {} };
  const base = buildForecastFeatures(slice, spec, quiet);
  const d = base.featureNames.length;
  const r = t - base.firstIndex;
  const row = base.x.subarray(r * d, r * d + d);
  const moved = new Set<number>();
  for (const column of [spec.target, ...spec.exogenous]) {
    for (let k = t - h + 1; k <= t; k++) {
      const data = slice.columns.map((c) => (slice.isNumeric(c) ? Float64Array.from(slice.numeric(c)) : slice.text(c)));
      const col = data[slice.columns.indexOf(column)] as Float64Array;
      col[k] += 1000 * (Math.abs(col[k]) + 1);
      const f = buildForecastFeatures(new DataTable(slice.columns, data), spec, quiet);
      for (let j = 0; j < d; j++) if (f.x[r * d + j] !== row[j]) moved.add(j);
    }
  }
  return [...moved].sort((a, b) => a - b).map((j) => base.featureNames[j]);
}
