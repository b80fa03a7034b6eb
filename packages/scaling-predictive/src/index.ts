/**
 * @packageDocumentation
 * `@nss/scaling-predictive`: a scaling plugin that forecasts each VNF instance's work arrival rate with
 * `@nss/ml` and allocates CPU ahead of demand, with the tools used to evaluate it (a daily traffic
 * pattern as a packet flow, a CPU·time meter).
 */
export { predictiveScaling } from './predictive-scaling.js';
export { predictiveScaling as default } from './predictive-scaling.js';
export {
  PREDICTIVE_NAME,
  PREDICTIVE_DEFAULTS,
  PREDICTIVE_MODELS,
  predictiveParametersSchema,
  resolvePredictiveParameters,
  minimumObservations,
  type PredictiveParameters,
  type PredictiveModel,
} from './parameters.js';
export { RateForecaster } from './rate-forecaster.js';
export {
  decidePredictive,
  createPredictiveState,
  arrivalRate,
  cpuTarget,
  delayBudget,
  type PredictiveState,
} from './decide.js';
export { CpuTimeMeter } from './cpu-time-meter.js';
export { dailyPacketFlow, packetFlowCsv, type DailyTrafficOptions, type DailyFlowRow } from './daily-traffic.js';
export { runDailyScenario, type DailyScenarioRun, type DailyScenarioResult, type DailyScenarioScaling } from './daily-scenario.js';
export { waitTailProbability, delayRuleCpu } from './delay-rule.js';
