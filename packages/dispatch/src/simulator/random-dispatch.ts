import { type DispatchContext, type DispatchPolicy, type RandomStream, type VnfInstanceInfo, defineDispatch } from '@nss/core';
import { chooseInverseWeight } from '../policies/inverse-weight.js';
import { estimatedDelayPerWork } from './delay-estimate.js';

/**
 * The seed's `random` rule on VNF instances: instance i with probability (1/w_i) / Σ_j (1/w_j), w the
 * estimated delay ({@link estimatedDelayPerWork}), one draw from the plugin's seeded stream per packet.
 */
export class RandomDispatch implements DispatchPolicy {
  /** `random`. */
  readonly name = 'random';
  private weights = new Float64Array(8);

  /** @param rng - the seeded stream the host reserves for dispatch. */
  constructor(private readonly rng: RandomStream) {}

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], _context?: DispatchContext): number {
    const n = candidates.length;
    if (n > this.weights.length) this.weights = new Float64Array(2 * n);
    let inverseSum = 0;
    for (let i = 0; i < n; i++) {
      const w = estimatedDelayPerWork(candidates[i]);
      this.weights[i] = w;
      inverseSum += 1 / w;
    }
    return chooseInverseWeight(this.weights, n, this.rng.next(), inverseSum);
  }
}

/** `random`: instances drawn with probability ∝ 1 / estimated delay. No parameters. */
export const randomDispatch = defineDispatch({
  name: 'random',
  description: 'Random, probability proportional to 1 / estimated delay ((queue + busy slots + 1) / cpu), seeded.',
  create: (_params, context) => new RandomDispatch(context.rng),
});
