import { type DispatchContext, type DispatchPolicy, type VnfInstanceInfo, defineDispatch } from '@nss/core';
import { estimatedDelayPerWork } from './delay-estimate.js';

/** The seed's `least-impedance` rule on VNF instances: the smallest estimated delay ({@link estimatedDelayPerWork}); the first listed on ties. */
export class LeastImpedanceDispatch implements DispatchPolicy {
  /** `least-impedance`. */
  readonly name = 'least-impedance';

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], _context?: DispatchContext): number {
    let best = 0;
    let min = Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const w = estimatedDelayPerWork(candidates[i]);
      if (w < min) {
        min = w;
        best = i;
      }
    }
    return best;
  }
}

/** `least-impedance`: the instance with the smallest estimated delay. No parameters. */
export const leastImpedanceDispatch = defineDispatch({
  name: 'least-impedance',
  description: 'The instance with the smallest estimated delay ((queue + busy slots + 1) / cpu).',
  create: () => new LeastImpedanceDispatch(),
});
