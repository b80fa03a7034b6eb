/**
 * \@nss/ml: traffic forecasting, failure prediction, classification and clustering for network
 * functions: seeded synthetic telco traffic, streaming CSV, honest time-series features with a leakage
 * check, forecasters (baselines, ridge, histogram gradient boosting), evaluation with plots, and
 * versioned JSON model files.
 * @packageDocumentation
 */
export { MlError, CsvFormatError, ModelFileError, MlDataError } from './errors.js';
export { SeededRandom } from './rng.js';
export { DataTable, type Column } from './table.js';
export { readCsvTable, parseCsvTable, forEachCsvRecord, type CsvReadOptions } from './csv/reader.js';
export { CsvWriter, type CsvWriterOptions } from './csv/writer.js';
export {
  TRAFFIC_COLUMNS,
  DEFAULT_TRAFFIC_START,
  PRECURSOR_SECONDS,
  generateTrafficTable,
  writeTrafficCsv,
  trafficNoiseFloor,
  type TrafficOptions,
  type TrafficProfile,
  type FailurePattern,
} from './traffic/generate.js';
export { DEFAULT_FEATURE_SPEC, featureNamesOf, type FeatureMode, type ForecastFeatureSpec } from './features/spec.js';
export {
  buildForecastFeatures,
  forecastFeatureRow,
  firstTargetIndex,
  UPSTREAM_WARNING,
  type FeatureSet,
  type BuildFeatureOptions,
} from './features/forecast-features.js';
export { binFeatures, binOf, type BinnedFeatures } from './models/binning.js';
export {
  trainGradientBoosting,
  predictRaw,
  predictRawMatrix,
  flattenRows,
  scoresToProbabilities,
  type GradientBoostingOptions,
  type GradientBoostingState,
  type BoostedTree,
  type BoostingLoss,
} from './models/gradient-boosting.js';
export { trainRidge, predictRidge, type RidgeState } from './models/ridge.js';
export { trainLogistic, predictLogistic, type LogisticState } from './models/logistic.js';
export { trainKMeans, predictKMeans, type KMeansState } from './models/kmeans.js';
export { Model, type ModelKind, type ModelInfo, type Estimator, type Algorithm } from './models/model.js';
export {
  saveModel,
  loadModel,
  modelToDocument,
  modelFromDocument,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelDocument,
} from './models/model-file.js';
export { checkLeakage, LEAKAGE_THRESHOLD, type LeakageReport } from './features/leakage.js';
export { findLookaheadFeatures } from './features/lookahead.js';
export {
  trainForecaster,
  trainMultiHorizonForecasters,
  resolveFeatureSpec,
  type ForecasterOptions,
  type ForecasterAlgorithm,
} from './models/forecaster.js';
export {
  regressionMetrics,
  accuracy,
  confusionMatrix,
  binaryMetrics,
  rocAuc,
  inertia,
  silhouette,
  type RegressionMetrics,
  type BinaryMetrics,
} from './evaluation/metrics.js';
export { chronologicalSplit, randomSplit } from './evaluation/split.js';
export { baselineForecasts, rowsPerDay, type BaselineForecasts } from './evaluation/baselines.js';
export {
  evaluateForecaster,
  formatForecastEvaluation,
  type ForecastEvaluation,
  type ForecastScore,
  type EvaluateForecasterOptions,
} from './evaluation/evaluate-forecaster.js';
export { renderLineChartSvg, writeSvg, writeForecastPlot, type ChartSeries, type ChartOptions } from './evaluation/plot.js';
export {
  FAILURE_FEATURES,
  FAILURE_CLASSES,
  failureLabels,
  trainFailureClassifier,
  evaluateFailureClassifier,
  type FailureClassifierOptions,
  type FailureEvaluation,
} from './failure/failure.js';
export {
  trainClassifier,
  trainRegressor,
  trainClustering,
  evaluateClassifier,
  evaluateRegressor,
  evaluateClustering,
  tableMatrix,
  modelRows,
  type TabularOptions,
} from './tabular/tabular.js';

// Model serving (the HTTP server, hot reload, load tester, forecasting from records).
export * from './serve/index.js';
