/**
 * @packageDocumentation
 * `@nss/core/testing`: builders for the tests of \@nss plugins and packages. Hand-built environments
 * whose delays can be computed by hand, specs files (small, tight, stressed, single-VNF overload),
 * settings from a few parameters, test placements (fixed routes, first fit, recording, sharing),
 * infrastructure and monitor views, packet-flow files, reading the CSV result files, the reference
 * scenarios, and batch-means statistics.
 *
 * Import it from tests only: it uses `node:fs`, and the main `@nss/core` entry never imports it.
 *
 * @example
 * ```ts
 * import { runSimulation } from '@nss/core';
 * import { allOn, chainEnvironment, fixedPlacement, settingsFor } from '@nss/core/testing';
 *
 * const environment = chainEnvironment({ nodes: [{}, {}], vnfs: [{}], requests: [{ ingress: 'n_0', egress: 'n_1' }] });
 * const result = await runSimulation({
 *   environment,
 *   settings: settingsFor({ total_time: 100 }),
 *   plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } },
 * });
 * ```
 */
export {
  type ChainEnvironmentOptions,
  FREE_LINK,
  HUGE_BANDWIDTH,
  type LinkOptions,
  type NodeOptions,
  type RequestOptions,
  VNF_DEFAULTS,
  chainEnvironment,
  withRequestPriorities,
} from './environments.js';
export { type SingleVnfSpecsOptions, singleVnfSpecs, smallSpecs, stressedSpecs, tightSpecs } from './specs.js';
export { generatedScenario, parametersFile, settingsFor, settingsWithSections } from './settings.js';
export {
  type FirstFitOptions,
  type Route,
  allOn,
  asAsync,
  chainDecision,
  firstFit,
  fixedPlacement,
  fixedPlan,
  hopLink,
  recordingPlacement,
  sharingPlacement,
} from './placements.js';
export { type RandomPlansCheck, type ViewOfOptions, checkPlansOnRandomInstances, randomInstance, viewOf } from './views.js';
export {
  type TinyViewOptions,
  deepFreeze,
  tinyEnvironment,
  tinyMonitorView,
  tinyRequests,
  tinyView,
} from './tiny-infrastructure.js';
export {
  type MonitorInstanceSpec,
  type MonitorNodeSpec,
  type MonitorSfcInstanceSpec,
  type MonitorViewSpec,
  monitorView,
  vnfInstanceMonitor,
} from './monitor-views.js';
export { type FlowRow, flowCsv, poissonFlow } from './flows.js';
export { type Csv, csvRecords, readCsv, rowWhere, rowsOf, splitCsvLine, timesOf } from './csv.js';
export { comparableContent, differingFiles, listFiles, tempDir, withoutWallTime } from './result-files.js';
export { type ReferenceScenarioSize, TIMING, referenceScenarioDir, runReferenceScenario, scenarioSpecs } from './reference-scenarios.js';
export { type BatchMeans, batchMeans } from './statistics.js';
