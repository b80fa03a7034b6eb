import { MlDataError } from '../errors.js';
import { buildForecastFeatures, type BuildFeatureOptions } from '../features/forecast-features.js';
import { checkLeakage, type LeakageReport } from '../features/leakage.js';
import { findLookaheadFeatures } from '../features/lookahead.js';
import type { Model } from '../models/model.js';
import type { DataTable } from '../table.js';
import { baselineForecasts, rowsPerDay } from './baselines.js';
import { regressionMetrics, type RegressionMetrics } from './metrics.js';
import { writeForecastPlot } from './plot.js';

/** One line of the evaluation table. */
export interface ForecastScore extends RegressionMetrics {
  /** `model` or the baseline's name. */
  readonly name: string;
}

/** Result of {@link evaluateForecaster}. */
export interface ForecastEvaluation {
  /** The model's figures. */
  readonly model: ForecastScore;
  /** Persistence, seasonal naive (on rows with a full season of history) and trailing mean. */
  readonly baselines: readonly ForecastScore[];
  /** Leakage check on the evaluation features. */
  readonly leakage: LeakageReport;
  /** Features that use values from after the forecast time ({@link findLookaheadFeatures}); empty when honest. */
  readonly lookaheadFeatures: readonly string[];
  /** The noise floor given, if any. */
  readonly noiseFloor?: { readonly mae: number; readonly rmse: number };
  /** True when the model's MAE or RMSE is below the noise floor (by more than 1 %): a sign of leakage. */
  readonly belowNoiseFloor: boolean;
  /** True when any check found leakage (linear recoverability, look-ahead features, below the floor). */
  readonly leakageSuspected: boolean;
  /** Findings for people (leakage, below-floor, comparison with persistence). */
  readonly notes: readonly string[];
  /** Actual values of the evaluated targets. */
  readonly actual: Float64Array;
  /** The model's predictions for them. */
  readonly predicted: Float64Array;
}

/** Options of {@link evaluateForecaster}. */
export interface EvaluateForecasterOptions extends BuildFeatureOptions {
  /** The best error an honest forecaster can reach on this data (e.g. {@link trafficNoiseFloor}); enables the below-floor check. */
  readonly noiseFloor?: { readonly mae: number; readonly rmse: number };
  /** Write an SVG plot of actual vs predicted to this file. */
  readonly plotFile?: string;
  /** Points in the plot (the last N). Default 1000. */
  readonly plotPoints?: number;
  /** Season of the seasonal-naive baseline in rows; default one day, inferred from the timestamps. */
  readonly season?: number;
}

/**
 * Evaluates a forecaster on a table (a held-out file or the test part of a chronological split):
 * builds the model's features, predicts every target, and scores the model and the baselines with MAE,
 * RMSE, MAPE and R². Flags leakage when the target is recoverable from the features or the model beats
 * the noise floor.
 */
export function evaluateForecaster(model: Model, table: DataTable, options: EvaluateForecasterOptions = {}): ForecastEvaluation {
  const spec = model.info.featureSpec;
  if (model.kind !== 'forecaster' || spec === undefined) throw new MlDataError(`evaluate: a ${model.kind} model is not a forecaster`);
  const fs = buildForecastFeatures(table, spec, options);
  const predicted = Float64Array.from(model.predictMatrix(fs.x, fs.rowCount));
  const actual = fs.y;
  const score = (name: string, p: Float64Array): ForecastScore => {
    const ok: number[] = [];
    for (let i = 0; i < p.length; i++) if (Number.isFinite(p[i])) ok.push(i);
    if (ok.length === p.length) return { name, ...regressionMetrics(actual, p) };
    if (ok.length === 0) return { name, mae: NaN, rmse: NaN, mape: NaN, r2: NaN, n: 0 };
    return { name, ...regressionMetrics(Float64Array.from(ok, (i) => actual[i]), Float64Array.from(ok, (i) => p[i])) };
  };
  const y = table.numeric(spec.target);
  const season = options.season ?? rowsPerDay(spec.timestampColumn === null ? undefined : table.numeric(spec.timestampColumn));
  const h = spec.mode === 'honest' ? spec.horizon : 1;
  const b = baselineForecasts(y, fs.firstIndex, h, season, spec.window);
  const modelScore = score('model', predicted);
  const baselines = [
    score(`persistence (y[t-${h}])`, b.persistence),
    score(`seasonal naive (y[t-${season}])`, b.seasonalNaive),
    score(`trailing mean (${spec.window})`, b.trailingMean),
  ];
  const leakage = checkLeakage(fs);
  const lookaheadFeatures = findLookaheadFeatures(table, spec);
  const floor = options.noiseFloor;
  const belowNoiseFloor = floor !== undefined && (modelScore.mae < 0.99 * floor.mae || modelScore.rmse < 0.99 * floor.rmse);
  const notes: string[] = [];
  if (leakage.leaky) notes.push(leakage.message);
  if (lookaheadFeatures.length > 0) {
    notes.push(`LEAKAGE: feature${lookaheadFeatures.length > 1 ? 's' : ''} ${lookaheadFeatures.join(', ')} use values from after the forecast time (t−${h})`);
  }
  if (belowNoiseFloor && floor !== undefined) {
    notes.push(
      `LEAKAGE: MAE ${modelScore.mae.toFixed(1)} / RMSE ${modelScore.rmse.toFixed(1)} is below the noise floor (MAE ${floor.mae.toFixed(1)}, RMSE ${floor.rmse.toFixed(1)}); ` +
        'no honest forecaster can do that, the features contain the target',
    );
  }
  if (spec.mode === 'upstream') notes.push('features built in the upstream-compatible (leaky) mode');
  const p = baselines[0];
  notes.push(`MAE ${((100 * (p.mae - modelScore.mae)) / p.mae).toFixed(1)} % ${modelScore.mae <= p.mae ? 'below' : 'ABOVE'} persistence`);
  if (options.plotFile !== undefined) writeForecastPlot(options.plotFile, actual, predicted, { lastN: options.plotPoints, target: spec.target });
  return {
    model: modelScore,
    baselines,
    leakage,
    lookaheadFeatures,
    noiseFloor: floor,
    belowNoiseFloor,
    leakageSuspected: leakage.leaky || belowNoiseFloor || lookaheadFeatures.length > 0,
    notes,
    actual,
    predicted,
  };
}

/** The evaluation as a Markdown table (model, baselines, noise floor) followed by the notes. */
export function formatForecastEvaluation(e: ForecastEvaluation): string {
  const f = (v: number, digits = 1): string => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
  const lines = ['| forecaster | MAE | RMSE | MAPE % | R² | rows |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const s of [e.model, ...e.baselines]) lines.push(`| ${s.name} | ${f(s.mae)} | ${f(s.rmse)} | ${f(s.mape, 2)} | ${f(s.r2, 4)} | ${s.n} |`);
  if (e.noiseFloor !== undefined) lines.push(`| noise floor | ${f(e.noiseFloor.mae)} | ${f(e.noiseFloor.rmse)} | | | |`);
  return `${lines.join('\n')}\n\n${e.notes.map((n) => `- ${n}`).join('\n')}\n`;
}
