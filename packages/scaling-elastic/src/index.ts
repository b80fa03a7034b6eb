/**
 * @packageDocumentation
 * `@nss/scaling-elastic`: slice elasticity in the manner of the NECOS MUSTS demo as an \@nss scaling
 * plugin: P-point (or time-window) threshold triggers, vertical scaling first, scale-out when the node
 * is full, scale-in below a lower threshold, a cooldown after each action.
 */
export {
  ElasticityTrigger,
  type ElasticityDecision,
  type ElasticityTriggerOptions,
  type TriggerSpan,
} from './elasticity-trigger.js';
export {
  ELASTIC_DEFAULTS,
  ELASTIC_NAME,
  ELASTIC_PARAMETERS_SCHEMA,
  resolveElasticParameters,
  type ElasticMetric,
  type ElasticParameters,
  type ElasticRawParameters,
  type ElasticScope,
} from './elastic-parameters.js';
export { decideElastic, elasticScaling, elasticState, type ElasticState } from './elastic-scaling.js';
export { elasticScaling as default } from './elastic-scaling.js';
