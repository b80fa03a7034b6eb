import { MlDataError } from '../errors.js';
import type { Model } from '../models/model.js';
import type { ForecastResult } from './ml-server.js';
import type { TrafficRecord } from './payloads.js';

/** A record's timestamp as Unix seconds (numbers as given; strings parsed as ISO 8601 date-times). */
function unixSeconds(value: number | string, index: number): number {
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MlDataError(`records[${index}].timestamp "${value}" is not a number of seconds or an ISO 8601 date-time`);
  return ms / 1000;
}

/**
 * Forecasts from recent records with a forecaster model: what `POST /forecast` answers. A model trained
 * for horizon h forecasts the value h steps after the last record. For `horizon` > h with a one-step
 * model without exogenous columns, the forecast is recursive (each forecast is appended to the history
 * and the next step forecast from it); other combinations are refused with the reason.
 */
export function forecastFromRecords(model: Model, records: readonly TrafficRecord[], horizon: number): ForecastResult {
  const spec = model.info.featureSpec;
  if (model.kind !== 'forecaster' || spec === undefined) throw new MlDataError(`a ${model.kind} model does not forecast`);
  const times = records.map((r, i) => unixSeconds(r.timestamp, i));
  for (let i = 1; i < times.length; i++) {
    if (!(times[i] > times[i - 1])) throw new MlDataError(`records[${i}].timestamp does not increase (${times[i]} after ${times[i - 1]}): send records oldest first`);
  }
  const need = Math.max(spec.lags, spec.window);
  if (records.length < need) {
    throw new MlDataError(`the model needs at least ${need} records (lags ${spec.lags}, window ${spec.window}); got ${records.length}`);
  }
  const step = times.length > 1 ? times[times.length - 1] - times[times.length - 2] : 1;
  const columns = [spec.target, ...spec.exogenous];
  const history: Record<string, number[]> = {};
  for (const c of columns) {
    history[c] = records.map((r, i) => {
      const v = (r as unknown as Record<string, unknown>)[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new MlDataError(`records[${i}].${c} is ${String(v)}: a finite number is needed`);
      return v;
    });
  }
  const last = times[times.length - 1];
  const h = spec.horizon;
  if (horizon === h) {
    const t = last + h * step;
    return { target: spec.target, values: [model.forecast(history, t)], timestamps: [t] };
  }
  if (h !== 1 || spec.exogenous.length > 0) {
    throw new MlDataError(
      `this model forecasts exactly ${h} step(s) ahead${spec.exogenous.length > 0 ? ' from exogenous columns' : ''}: ask for horizon ${h}, or train one-step models without --exogenous for recursive forecasts`,
    );
  }
  const values: number[] = [];
  const timestamps: number[] = [];
  const series = history[spec.target];
  for (let k = 1; k <= horizon; k++) {
    const t = last + k * step;
    const value = model.forecast(history, t);
    values.push(value);
    timestamps.push(t);
    series.push(value);
  }
  return { target: spec.target, values, timestamps };
}
