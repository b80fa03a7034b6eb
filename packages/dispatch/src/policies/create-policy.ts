import { DispatchError } from '../errors.js';
import { DeficitRoundRobinPolicy } from './deficit-round-robin-policy.js';
import type { ForwardingPolicy, ForwardingPolicyType } from './forwarding-policy.js';
import { LeastImpedancePolicy } from './least-impedance-policy.js';
import { ProportionalFairnessPolicy } from './proportional-fairness-policy.js';
import { RandomPolicy } from './random-policy.js';

/**
 * A `--table-conf`: the policy type and its options. `alpha`/`beta` for `proportional-fairness`;
 * `initialStalePeriod`/`maxStalePeriod` (caller's time unit, default 1 and 30) for `round-robin`.
 */
export interface ForwardingPolicyConf {
  readonly type: ForwardingPolicyType;
  readonly alpha?: number;
  readonly beta?: number;
  readonly initialStalePeriod?: number;
  readonly maxStalePeriod?: number;
}

/** The policy types, in the seed's spelling. */
export const FORWARDING_POLICY_TYPES: readonly ForwardingPolicyType[] = Object.freeze([
  'random',
  'least-impedance',
  'round-robin',
  'proportional-fairness',
]);

const OPTIONS: Readonly<Record<ForwardingPolicyType, readonly string[]>> = {
  random: [],
  'least-impedance': [],
  'round-robin': ['initialStalePeriod', 'maxStalePeriod'],
  'proportional-fairness': ['alpha', 'beta'],
};

/** A new policy for one key, from its conf. Unknown types and options are errors that list the valid ones. */
export function createForwardingPolicy(conf: ForwardingPolicyConf): ForwardingPolicy {
  const type = conf?.type;
  if (!FORWARDING_POLICY_TYPES.includes(type)) {
    throw new DispatchError(`unknown forwarding policy type ${JSON.stringify(type)}; use one of ${FORWARDING_POLICY_TYPES.join(', ')}`);
  }
  for (const key of Object.keys(conf)) {
    if (key !== 'type' && !OPTIONS[type].includes(key)) {
      const allowed = OPTIONS[type].length === 0 ? 'it takes none' : `it takes ${OPTIONS[type].join(', ')}`;
      throw new DispatchError(`forwarding policy "${type}": unknown option "${key}"; ${allowed}`);
    }
  }
  switch (type) {
    case 'random':
      return new RandomPolicy();
    case 'least-impedance':
      return new LeastImpedancePolicy();
    case 'round-robin':
      return new DeficitRoundRobinPolicy({
        ...(conf.initialStalePeriod === undefined ? {} : { initialStalePeriod: conf.initialStalePeriod }),
        ...(conf.maxStalePeriod === undefined ? {} : { maxStalePeriod: conf.maxStalePeriod }),
      });
    case 'proportional-fairness':
      return new ProportionalFairnessPolicy({
        ...(conf.alpha === undefined ? {} : { alpha: conf.alpha }),
        ...(conf.beta === undefined ? {} : { beta: conf.beta }),
      });
  }
}
