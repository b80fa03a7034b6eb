import { DataTable, type Model, baselineForecasts, trainForecaster } from '@nss/ml';
import { type PredictiveParameters, minimumObservations } from './parameters.js';

/** Name of the seasonal column handed to `@nss/ml` as an exogenous feature. */
const SEASONAL = 'seasonal';
/** Name of the rate column. */
const RATE = 'rate';

/**
 * The arrival-rate history of one VNF instance and its forecaster. `observe` appends one rate per
 * monitor interval (oldest dropped beyond `history_length`); `forecast` returns the rates expected for
 * the next 1..`horizon` intervals with the configured `@nss/ml` model. Until a model can be trained
 * (too little history, or a degenerate series), `ridge`/`gbm` fall back to persistence, and
 * `seasonal-naive` does until one season has been observed.
 */
export class RateForecaster {
  private readonly p: PredictiveParameters;
  private readonly values: number[] = [];
  /** One model per horizon 1..H (index h − 1); null = not trained yet or training failed. */
  private models: (Model | null)[] = [];
  private sinceFit = 0;

  /** @param p - Resolved parameters (model, lags, window, season, horizon, refit period). */
  constructor(p: PredictiveParameters) {
    this.p = p;
  }

  /** Observations held (≤ `history_length`). */
  get size(): number {
    return this.values.length;
  }

  /** Whether a `ridge`/`gbm` model is trained now. */
  get trained(): boolean {
    return this.models.length > 0 && this.models.every((m) => m !== null);
  }

  /** Appends the rate of the interval that just ended. */
  observe(rate: number): void {
    this.values.push(rate);
    if (this.values.length > this.p.history_length) this.values.shift();
    this.sinceFit++;
  }

  /**
   * The rates forecast for the next 1..`horizon` intervals (never negative), or an empty array when
   * nothing has been observed yet.
   */
  forecast(): number[] {
    const n = this.values.length;
    if (n === 0) return [];
    const H = this.p.horizon;
    const out: number[] = [];
    for (let h = 1; h <= H; h++) out.push(Math.max(0, this.forecastAt(h)));
    return out;
  }

  private forecastAt(h: number): number {
    const y = this.values;
    const n = y.length;
    const last = y[n - 1];
    const p = this.p;
    switch (p.model) {
      case 'persistence':
        return this.baseline(h).persistence;
      case 'trailing-mean':
        return this.baseline(h).trailingMean;
      case 'seasonal-naive':
        return n + h - 1 >= p.season_length ? this.baseline(h).seasonalNaive : last;
      case 'ridge':
      case 'gbm': {
        this.refitIfDue();
        const model = this.models[h - 1] ?? null;
        if (model === null) return last;
        const history: Record<string, ArrayLike<number>> = { [RATE]: y };
        if (p.season_length > 0) history[SEASONAL] = [y[n - 1 - p.season_length + h]];
        const f = model.forecast(history, 0);
        return Number.isFinite(f) ? f : last;
      }
    }
  }

  /** `@nss/ml`'s baselines for the target h intervals after the last observation. */
  private baseline(h: number): { persistence: number; trailingMean: number; seasonalNaive: number } {
    const n = this.values.length;
    // The series extended by h − 1 placeholders and the target row (never read by the baselines).
    const y = new Float64Array(n + h);
    y.set(this.values);
    const b = baselineForecasts(y, n + h - 1, h, Math.max(1, this.p.season_length), Math.min(this.p.window, n));
    return { persistence: b.persistence[0], trailingMean: b.trailingMean[0], seasonalNaive: b.seasonalNaive[0] };
  }

  /** Trains the per-horizon models when there is enough history and `refit_every` intervals have passed. */
  private refitIfDue(): void {
    const p = this.p;
    if (this.values.length < minimumObservations(p)) return;
    if (this.trained && this.sinceFit < p.refit_every) return;
    this.sinceFit = 0;
    const models: (Model | null)[] = [];
    for (let h = 1; h <= p.horizon; h++) models.push(this.train(h));
    this.models = models;
  }

  private train(h: number): Model | null {
    const p = this.p;
    const y = Float64Array.from(this.values);
    let table: DataTable;
    if (p.season_length > 0) {
      // seasonal[t] = y[t − P + h], so the feature "seasonal lagged by h" is y[t − P]: the rate one
      // season before the target, known h intervals ahead. Rows start where it is defined.
      const start = p.season_length - h;
      const seasonal = new Float64Array(y.length - start);
      for (let t = start; t < y.length; t++) seasonal[t - start] = y[t - p.season_length + h];
      table = new DataTable([RATE, SEASONAL], [y.subarray(start), seasonal]);
    } else {
      table = new DataTable([RATE], [y]);
    }
    try {
      return trainForecaster(table, {
        algorithm: p.model === 'gbm' ? 'gbm' : 'ridge',
        features: {
          target: RATE,
          lags: p.lags,
          window: p.window,
          horizon: h,
          exogenous: p.season_length > 0 ? [SEASONAL] : [],
          timestampColumn: null,
          mode: 'honest',
        },
        ...(p.model === 'gbm' ? { gbm: { trees: 50, maxDepth: 4, minSamplesLeaf: 5 } } : {}),
        warn: () => undefined,
      });
    } catch {
      // A series @nss/ml cannot fit (e.g. constant columns): keep forecasting by persistence.
      return null;
    }
  }
}
