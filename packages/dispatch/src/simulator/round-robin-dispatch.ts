import { type DispatchContext, type DispatchPolicy, type VnfInstanceInfo, defineDispatch } from '@nss/core';
import { grown } from './instance-arrays.js';

/**
 * Plain (cyclic) round robin: each packet goes to the candidate chosen least recently (a never-chosen
 * one first, the first listed on ties), so a fixed set of instances is served in turn.
 */
export class RoundRobinDispatch implements DispatchPolicy {
  /** `round-robin`. */
  readonly name = 'round-robin';
  private lastPick = new Float64Array(0);
  private clock = 0;

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], _context?: DispatchContext): number {
    let best = 0;
    let oldest = Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const k = candidates[i].index;
      if (k >= this.lastPick.length) this.lastPick = grown(this.lastPick, k, 0);
      if (this.lastPick[k] < oldest) {
        oldest = this.lastPick[k];
        best = i;
      }
    }
    this.lastPick[candidates[best].index] = ++this.clock;
    return best;
  }
}

/** `round-robin`: the instances of a hop in turn. No parameters. */
export const roundRobinDispatch = defineDispatch({
  name: 'round-robin',
  aliases: ['cyclic-round-robin'],
  description: 'Cyclic round robin: each packet to the instance chosen least recently.',
  create: () => new RoundRobinDispatch(),
});
