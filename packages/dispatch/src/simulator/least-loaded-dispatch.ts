import { type DispatchContext, type DispatchPolicy, type VnfInstanceInfo, defineDispatch } from '@nss/core';

/** Shortest queue: the candidate with the fewest packets waiting or in service (queue + busySlots); the first listed on ties. */
export class LeastLoadedDispatch implements DispatchPolicy {
  /** `least-loaded`. */
  readonly name = 'least-loaded';

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], _context?: DispatchContext): number {
    let best = 0;
    let min = Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const load = candidates[i].queue + candidates[i].busySlots;
      if (load < min) {
        min = load;
        best = i;
      }
    }
    return best;
  }
}

/** `least-loaded` (alias `shortest-queue`): the instance with the fewest packets waiting or in service. No parameters. */
export const leastLoadedDispatch = defineDispatch({
  name: 'least-loaded',
  aliases: ['shortest-queue'],
  description: 'Shortest queue: the instance with the fewest packets waiting or in service (ties: first listed).',
  create: () => new LeastLoadedDispatch(),
});
