/**
 * @packageDocumentation
 * `@nss/placement-lp`: the joint placement of a round as a mixed-integer program solved by HiGHS
 * (WebAssembly), and the objective it optimises, usable to score any placement's plan.
 */
export {
  lpPlacement,
  placeRound,
  describeSolve,
  solveDetails,
  HIGHS_COLUMNS_PER_SECOND,
  MODEL_TOO_LARGE,
  type LpParameters,
  type LpPlacementPlan,
  type LpPlacementStrategy,
  type LpSolveReport,
} from './lp-placement.js';
export { lpPlacement as default } from './lp-placement.js';
export { evaluatePlacement, DEFAULT_WEIGHTS, type PlacementEvaluation } from './evaluate-placement.js';
export { CostModel, capacityShare, powerIncrease, processingLatency, type ObjectiveWeights } from './cost-model.js';
export type { RoundModelSize } from './round-model.js';
export {
  randomPlacementInstance,
  emptyInfrastructureView,
  type RandomInstance,
  type RandomInstanceOptions,
  type EmptyViewOptions,
} from './random-instance.js';
