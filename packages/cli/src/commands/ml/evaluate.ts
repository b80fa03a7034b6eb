/**
 * `nss ml evaluate`: scores a saved model on a CSV file (a held-out file, or the `--holdout` part of the
 * training file): forecasters against the baselines (MAE, RMSE, MAPE, R², leakage and noise-floor
 * checks, optional SVG plot), failure classifiers (precision, recall, F1, ROC-AUC), classifiers
 * (accuracy, confusion matrix), regressors (MAE, RMSE, MAPE, R²), k-means (inertia, silhouette).
 */
import type { Command } from 'commander';
import {
  type Model,
  type TrafficProfile,
  evaluateClassifier,
  evaluateClustering,
  evaluateFailureClassifier,
  evaluateForecaster,
  evaluateRegressor,
  formatForecastEvaluation,
  loadModel,
  readCsvTable,
  trafficNoiseFloor,
} from '@nss/ml';
import type { CliContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { renderTable } from '../../tables.js';
import { type HoldoutOptions, fraction, holdoutPart, isSeriesKind } from './holdout.js';
import { reportingMlErrors } from './ml-errors.js';
import { integerAtLeast, oneOf } from './option-values.js';

/** Options of `nss ml evaluate`. */
export interface MlEvaluateOptions extends HoldoutOptions {
  readonly input: string;
  readonly model: string;
  readonly plot?: string;
  readonly last: number;
  /** The generator profile the data came from: enables the noise-floor check. */
  readonly profile?: TrafficProfile;
  readonly json?: boolean;
}

const round = (v: number, digits = 4): number => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** Evaluates and returns what to print (JSON) and the text for people. */
function evaluate(model: Model, o: MlEvaluateOptions): { json: Record<string, unknown>; text: string } {
  const table = holdoutPart(readCsvTable(o.input, { allowEmpty: true, ...(isSeriesKind(model.kind) ? { monotonicColumn: 'timestamp' } : {}) }), model.kind, o, 'test');
  if (o.plot !== undefined && model.kind !== 'forecaster') throw new UsageError(`--plot draws actual vs predicted for forecasters; ${o.model} is a ${model.kind}`);
  switch (model.kind) {
    case 'forecaster': {
      const e = evaluateForecaster(model, table, {
        ...(o.profile === undefined ? {} : { noiseFloor: trafficNoiseFloor(o.profile) }),
        ...(o.plot === undefined ? {} : { plotFile: o.plot, plotPoints: o.last }),
      });
      const score = (s: { name: string; mae: number; rmse: number; mape: number; r2: number; n: number }) => ({
        name: s.name,
        mae: round(s.mae, 2),
        rmse: round(s.rmse, 2),
        mape: round(s.mape, 3),
        r2: round(s.r2, 5),
        rows: s.n,
      });
      return {
        json: {
          kind: model.kind,
          model: score(e.model),
          baselines: e.baselines.map(score),
          noiseFloor: e.noiseFloor ?? null,
          belowNoiseFloor: e.belowNoiseFloor,
          leakageSuspected: e.leakageSuspected,
          notes: e.notes,
          ...(o.plot === undefined ? {} : { plot: o.plot }),
        },
        text: formatForecastEvaluation(e) + (o.plot === undefined ? '' : `\nplot: ${o.plot}\n`),
      };
    }
    case 'failure-classifier': {
      const e = evaluateFailureClassifier(model, table);
      const json = { kind: model.kind, ...Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) };
      const rows = Object.entries(json).filter(([k]) => k !== 'kind').map(([k, v]) => [k, String(v)]);
      return { json, text: renderTable(['metric', 'value'], rows) };
    }
    case 'classifier': {
      const e = evaluateClassifier(model, table);
      const header = ['actual \\ predicted', ...e.classes];
      const rows = e.confusion.map((row, i) => [e.classes[i], ...row.map(String)]);
      return {
        json: { kind: model.kind, accuracy: round(e.accuracy), rows: e.rows, classes: e.classes, confusion: e.confusion },
        text: `accuracy ${round(e.accuracy)} on ${e.rows} rows\n${renderTable(header, rows)}`,
      };
    }
    case 'regressor': {
      const e = evaluateRegressor(model, table);
      const json = { kind: model.kind, ...Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) };
      return { json, text: renderTable(['metric', 'value'], Object.entries(json).filter(([k]) => k !== 'kind').map(([k, v]) => [k, String(v)])) };
    }
    case 'kmeans': {
      const e = evaluateClustering(model, table);
      return {
        json: { kind: model.kind, inertia: round(e.inertia, 3), silhouette: round(e.silhouette), rows: e.rows, clusterSizes: e.clusterSizes },
        text: `inertia ${round(e.inertia, 3)}, silhouette ${round(e.silhouette)} on ${e.rows} rows; cluster sizes ${e.clusterSizes.join(', ')}`,
      };
    }
  }
}

/** Evaluates the model; returns the exit code. */
export async function mlEvaluate(context: CliContext, o: MlEvaluateOptions): Promise<number> {
  const { json, text } = await reportingMlErrors(() => evaluate(loadModel(o.model), o));
  context.output.out(o.json === true ? JSON.stringify(json, null, 2) : text.replace(/\n$/, ''));
  return ExitCode.OK;
}

/** Adds `evaluate` to `nss ml`. */
export function mlEvaluateCommand(ml: Command, context: CliContext): void {
  ml.command('evaluate')
    .description('score a saved model on a CSV file (forecasters against persistence, seasonal naive and trailing mean)')
    .requiredOption('--input <file>', 'evaluation data (CSV with a header)')
    .requiredOption('--model <file>', 'model file written by `nss ml train`')
    .option('--holdout <fraction>', 'evaluate on the held-out part only (the same value as at training)', fraction)
    .option('--split-seed <n>', 'seed of the random holdout split of tabular data', integerAtLeast(0), 42)
    .option('--profile <name>', 'the data is from `nss ml generate --profile NAME`: check results against its noise floor', oneOf(['sinusoidal', 'step'] as const))
    .option('--plot <file.svg>', 'forecasters: write actual vs predicted for the last --last points')
    .option('--last <n>', 'points in the plot', integerAtLeast(2), 1000)
    .option('--json', 'print the figures as JSON')
    .action(async (options: MlEvaluateOptions) => {
      context.exitCode = await mlEvaluate(context, options);
    });
}
