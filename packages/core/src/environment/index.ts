/**
 * Environment generation, lookups, topology graph, save/load and reference import (model-spec §2–§3.1).
 * @module
 */
export type { EdgeEnvironment } from './edge-environment.js';
export { generateEnvironment, GENERATION_STREAMS, type GenerateOptions } from './generate.js';
export { PRIORITY_ORDERS } from './generate-sfcs.js';
export {
  arrivalInstants,
  linearArrivals,
  maxArrivalTime,
  poissonArrivals,
  type ArrivalSpec,
  type GenerationTiming,
} from './arrivals.js';
export { EnvironmentIndex } from './environment-index.js';
export { topologyGraph, type TopologyGraph } from './topology.js';
export { saveEnvironment, loadEnvironment } from './save-load.js';
export { ENVIRONMENT_SCHEMA } from './environment-schema.js';
export { importReferenceEntities } from './reference-import.js';
export {
  describeEnvironment,
  type EnvironmentDescription,
  type EnvironmentTable,
  type TableCell,
} from './describe.js';
