/**
 * `nss ml train`: trains a forecaster, failure classifier, classifier, regressor or k-means model from a
 * CSV file and saves it as versioned JSON (atomically). `--every S` is the modeler loop: it retrains on
 * the (re-read) input every S seconds until Ctrl-C, so a running `nss ml serve` picks up each new model.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import {
  type DataTable,
  type GradientBoostingOptions,
  type Model,
  UPSTREAM_WARNING,
  readCsvTable,
  saveModel,
  trainClassifier,
  trainClustering,
  trainFailureClassifier,
  trainForecaster,
  trainRegressor,
} from '@nss/ml';
import type { CliContext } from '../../context.js';
import { ExitCode, UsageError } from '../../errors.js';
import { InterruptHandler } from '../../interrupt.js';
import { type HoldoutOptions, fraction, holdoutPart } from './holdout.js';
import { reportingMlErrors } from './ml-errors.js';
import { columnList, integerAtLeast, oneOf, positiveNumber } from './option-values.js';

/** What `nss ml train` can train. */
export const TRAINABLE_KINDS = ['forecaster', 'failure', 'classifier', 'regressor', 'kmeans'] as const;
/** A value of `--kind`. */
export type TrainableKind = (typeof TRAINABLE_KINDS)[number];

/** Options of `nss ml train`. */
export interface MlTrainOptions extends HoldoutOptions {
  readonly input: string;
  readonly out: string;
  readonly kind: TrainableKind;
  readonly target?: string;
  readonly lags?: number;
  readonly window?: number;
  readonly horizon?: number;
  readonly exogenous?: string[];
  readonly upstream?: boolean;
  readonly model?: 'gbm' | 'ridge' | 'logistic';
  readonly features?: string[];
  readonly k: number;
  readonly failureHorizon: number;
  readonly trees?: number;
  readonly depth?: number;
  readonly learningRate?: number;
  readonly seed: number;
  readonly every?: number;
  readonly json?: boolean;
}

const ALGORITHMS: Record<TrainableKind, readonly string[]> = {
  forecaster: ['gbm', 'ridge'],
  failure: ['gbm', 'logistic'],
  classifier: ['gbm'],
  regressor: ['gbm', 'ridge'],
  kmeans: ['kmeans'],
};

/** Refuses option combinations that make no sense before reading any data. */
function checkOptions(o: MlTrainOptions): void {
  if (o.model !== undefined && !ALGORITHMS[o.kind].includes(o.model)) {
    throw new UsageError(`--model ${o.model} cannot train a ${o.kind}: use ${ALGORITHMS[o.kind].join(' or ')}`);
  }
  if ((o.kind === 'classifier' || o.kind === 'regressor') && o.target === undefined) {
    throw new UsageError(`--kind ${o.kind} needs --target <column> (the column to predict)`);
  }
  const forecasterOnly = [['--lags', o.lags], ['--window', o.window], ['--horizon', o.horizon], ['--exogenous', o.exogenous], ['--upstream', o.upstream]] as const;
  for (const [flag, value] of forecasterOnly) {
    if (value !== undefined && o.kind !== 'forecaster') throw new UsageError(`${flag} only applies to --kind forecaster`);
  }
  if (o.window !== undefined && o.window < 2) throw new UsageError('--window must be at least 2 (a standard deviation needs two values)');
}

function gbmOptions(o: MlTrainOptions): GradientBoostingOptions {
  return {
    ...(o.trees === undefined ? {} : { trees: o.trees }),
    ...(o.depth === undefined ? {} : { maxDepth: o.depth }),
    ...(o.learningRate === undefined ? {} : { learningRate: o.learningRate }),
    seed: o.seed,
  };
}

/**
 * Reads the input as the kind needs it (time series must have increasing timestamps). Empty cells are
 * read as missing values (NaN), so a file with a column nobody uses — e.g. the `latency` that a DPDK
 * testpmd collection leaves empty — still trains; a missing value in a column the model uses is reported
 * with its row by the training itself.
 */
function readInput(o: MlTrainOptions): DataTable {
  const series = o.kind === 'forecaster' || o.kind === 'failure';
  return readCsvTable(o.input, {
    allowEmpty: true,
    ...(series ? { monotonicColumn: 'timestamp', requiredColumns: o.kind === 'failure' ? ['packet_drops'] : [] } : {}),
  });
}

/** Trains one model from the options. */
export function trainFromOptions(o: MlTrainOptions, table: DataTable, warn: (line: string) => void): Model {
  switch (o.kind) {
    case 'forecaster':
      if (o.upstream === true) warn(`nss: warning: ${UPSTREAM_WARNING}`);
      return trainForecaster(table, {
        algorithm: (o.model as 'gbm' | 'ridge' | undefined) ?? 'gbm',
        features: {
          ...(o.target === undefined ? {} : { target: o.target }),
          ...(o.lags === undefined ? {} : { lags: o.lags }),
          ...(o.window === undefined ? {} : { window: o.window }),
          ...(o.horizon === undefined ? {} : { horizon: o.horizon }),
          ...(o.exogenous === undefined ? {} : { exogenous: o.exogenous }),
          ...(o.upstream === true ? { mode: 'upstream' as const } : {}),
        },
        gbm: gbmOptions(o),
      });
    case 'failure':
      return trainFailureClassifier(table, {
        horizon: o.failureHorizon,
        algorithm: (o.model as 'gbm' | 'logistic' | undefined) ?? 'gbm',
        ...(o.features === undefined ? {} : { columns: o.features }),
        gbm: gbmOptions(o),
      });
    case 'classifier':
      return trainClassifier(table, o.target!, { features: o.features, gbm: gbmOptions(o) });
    case 'regressor':
      return trainRegressor(table, o.target!, { features: o.features, gbm: gbmOptions(o), algorithm: (o.model as 'gbm' | 'ridge' | undefined) ?? 'gbm' });
    case 'kmeans':
      return trainClustering(table, o.k, { features: o.features, seed: o.seed });
  }
}

/** One training: read, train, save; returns what to print. */
function trainOnce(context: CliContext, o: MlTrainOptions): Record<string, unknown> {
  const started = performance.now();
  const table = holdoutPart(readInput(o), o.kind, o, 'train');
  const model = trainFromOptions(o, table, (line) => context.output.err(line));
  saveModel(model, o.out);
  return {
    model: o.out,
    kind: model.kind,
    algorithm: model.algorithm,
    features: model.featureNames.length,
    rows: table.rowCount,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    savedAt: new Date().toISOString(),
  };
}

function print(context: CliContext, o: MlTrainOptions, r: Record<string, unknown>): void {
  if (o.json === true) context.output.out(JSON.stringify(r));
  else context.output.out(`${r.savedAt}: trained a ${r.kind} (${r.algorithm}, ${r.features} features) on ${r.rows} rows in ${r.seconds} s -> ${r.model}`);
}

/** Trains (once, or every `--every` seconds until Ctrl-C); returns the exit code. */
export async function mlTrain(context: CliContext, o: MlTrainOptions): Promise<number> {
  checkOptions(o);
  if (o.every === undefined) {
    print(context, o, await reportingMlErrors(() => trainOnce(context, o)));
    return ExitCode.OK;
  }
  // The modeler loop: a failed retraining (e.g. the input being rewritten) is reported and retried at
  // the next interval; the last good model stays in place because saving is atomic.
  const interrupt = new InterruptHandler({ onInterrupt: () => context.output.err('nss: stopping the training loop (Ctrl-C again to exit at once)') }).install();
  let trained = 0;
  try {
    while (!interrupt.signal.aborted) {
      try {
        print(context, o, await reportingMlErrors(() => trainOnce(context, o)));
        trained++;
      } catch (error) {
        if (trained === 0) throw error; // Bad input from the start: report it and stop.
        context.output.err(`nss: retraining failed, keeping the previous model: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        await sleep(o.every * 1000, undefined, { signal: interrupt.signal });
      } catch {
        break; // Interrupted while waiting.
      }
    }
  } finally {
    interrupt.dispose();
  }
  context.output.err(`nss: trained ${trained} time(s); the last model is in ${o.out}`);
  return ExitCode.OK;
}

/** Adds `train` to `nss ml`. */
export function mlTrainCommand(ml: Command, context: CliContext): void {
  ml.command('train')
    .description('train a model from a CSV file and save it as versioned JSON')
    .requiredOption('--input <file>', 'training data (CSV with a header)')
    .requiredOption('--out <model>', 'model file to write (JSON; replaced atomically)')
    .option('--kind <kind>', `what to train: ${TRAINABLE_KINDS.join(', ')}`, oneOf(TRAINABLE_KINDS), 'forecaster')
    .option('--target <column>', 'column to predict (forecaster: default rx_packets; required for classifier and regressor)')
    .option('--lags <n>', 'forecaster: lags 1..L of the target (default 10)', integerAtLeast(1))
    .option('--window <n>', 'forecaster: rolling window W before t (default 300)', integerAtLeast(1))
    .option('--horizon <n>', 'forecaster: steps ahead (default 1)', integerAtLeast(1))
    .option('--exogenous <columns>', 'forecaster: other columns, lagged by the horizon', columnList)
    .option('--upstream', 'forecaster: reproduce the seed\'s leaky features (for comparison only)')
    .option('--model <name>', 'learner: gbm (tree ensemble), ridge, logistic', oneOf(['gbm', 'ridge', 'logistic'] as const))
    .option('--features <columns>', 'feature columns (default: every numeric column but the target)', columnList)
    .option('--k <n>', 'kmeans: number of clusters', integerAtLeast(1), 10)
    .option('--failure-horizon <s>', 'failure: label = a drop within the next S seconds', integerAtLeast(1), 60)
    .option('--trees <n>', 'gbm: number of trees', integerAtLeast(1))
    .option('--depth <n>', 'gbm: maximum tree depth', integerAtLeast(1))
    .option('--learning-rate <r>', 'gbm: learning rate', positiveNumber)
    .option('--seed <n>', 'seed of the learner', integerAtLeast(0), 1)
    .option('--holdout <fraction>', 'train on all but this fraction of the rows (evaluate with the same --holdout)', fraction)
    .option('--split-seed <n>', 'seed of the random holdout split of tabular data', integerAtLeast(0), 42)
    .option('--every <seconds>', 'retrain on the input every S seconds until Ctrl-C (the modeler loop)', positiveNumber)
    .option('--json', 'print one JSON line per training')
    .action(async (options: MlTrainOptions) => {
      context.exitCode = await mlTrain(context, options);
    });
}
