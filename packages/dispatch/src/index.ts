/**
 * @packageDocumentation
 * `@nss/dispatch`: the dispatch policies of the serverless-on-edge seed (forwarding tables with the
 * `random`, `least-impedance`, deficit `round-robin` and `proportional-fairness` policies, and the
 * `trivial`, `async`, `asyncPF` and `none` weight updaters), shared by the \@nss simulator (as dispatch
 * plugins choosing among the VNF instances of a hop) and the edge dispatcher of `@nss/adapters/openwhisk`.
 */
export { DispatchError, NoDestinationError } from './errors.js';
export type { UniformSource } from './table/uniform-source.js';
export type { ForwardingEntry } from './table/forwarding-entry.js';
export { checkWeight } from './table/weight.js';
export { parseConf } from './table/parse-conf.js';
export { ForwardingTable } from './table/forwarding-table.js';

export type { ForwardingPolicy, ForwardingPolicyType } from './policies/forwarding-policy.js';
export { chooseInverseWeight, argMin } from './policies/inverse-weight.js';
export { RandomPolicy } from './policies/random-policy.js';
export { LeastImpedancePolicy } from './policies/least-impedance-policy.js';
export { SEED_STALE_TIMER, isAdmitted, nextStalePeriod, type StaleTimerOptions } from './policies/stale-timer.js';
export { DeficitRoundRobinPolicy, type DeficitRoundRobinState } from './policies/deficit-round-robin-policy.js';
export { proportionalFairnessScore } from './policies/proportional-fairness-score.js';
export {
  ProportionalFairnessPolicy,
  PROPORTIONAL_FAIRNESS_DEFAULTS,
  checkProportionalFairness,
  type ProportionalFairnessOptions,
} from './policies/proportional-fairness-policy.js';
export { createForwardingPolicy, FORWARDING_POLICY_TYPES, type ForwardingPolicyConf } from './policies/create-policy.js';

export { MIN_WEIGHT, type WeightUpdater, type WeightUpdaterType } from './updaters/weight-updater.js';
export {
  TrivialUpdater,
  TRIVIAL_UPDATER_DEFAULTS,
  type TrivialUpdaterOptions,
  type LatencyStatistic,
} from './updaters/trivial-updater.js';
export { AsyncUpdater, ASYNC_UPDATER_DEFAULTS, type AsyncUpdaterOptions } from './updaters/async-updater.js';
export { AsyncPfUpdater } from './updaters/async-pf-updater.js';
export { NoneUpdater } from './updaters/none-updater.js';
export { createWeightUpdater, WEIGHT_UPDATER_TYPES, type WeightUpdaterConf } from './updaters/create-updater.js';

export type { ServedFeedback, DispatchPolicyWithFeedback } from './simulator/served-feedback.js';
export { estimatedDelayPerWork, serviceTimePerWork } from './simulator/delay-estimate.js';
export { RoundRobinDispatch, roundRobinDispatch } from './simulator/round-robin-dispatch.js';
export { LeastLoadedDispatch, leastLoadedDispatch } from './simulator/least-loaded-dispatch.js';
export { RandomDispatch, randomDispatch } from './simulator/random-dispatch.js';
export { LeastImpedanceDispatch, leastImpedanceDispatch } from './simulator/least-impedance-dispatch.js';
export { ProportionalFairnessDispatch, proportionalFairnessDispatch } from './simulator/proportional-fairness-dispatch.js';
export {
  DeficitRoundRobinDispatch,
  deficitRoundRobinDispatch,
  DEFICIT_ROUND_ROBIN_DEFAULTS,
  type DeficitRoundRobinParameters,
} from './simulator/deficit-round-robin-dispatch.js';
export { dispatchPlugins } from './simulator/dispatch-plugins.js';
