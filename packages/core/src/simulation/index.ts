export { runSimulation, type SimulationRunOptions, type RunResult, type RunPlugins, type ConfiguredPlugin } from './run-simulation.js';
export { FlowTable } from './flow-file.js';
export { MobilityPlan, type UserMove } from './mobility.js';
