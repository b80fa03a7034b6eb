import type { UniformSource } from '../table/uniform-source.js';
import { DestinationSlots } from './destination-slots.js';
import type { ForwardingPolicy } from './forwarding-policy.js';
import { chooseInverseWeight } from './inverse-weight.js';

/**
 * The seed's `random` policy (the default `--table-conf`): destination i with probability
 * (1/w_i) / Σ_j (1/w_j), one uniform draw per choice from the `random` source passed in. With weights
 * 0.106 and 0.109 the split is 50.7 % / 49.3 %.
 */
export class RandomPolicy extends DestinationSlots implements ForwardingPolicy {
  /** `random`. */
  readonly type = 'random' as const;
  private inverseSum = 0;

  /** @inheritDoc ForwardingPolicy.added */
  added(destination: string, weight: number, now: number): void {
    this.put(destination, weight, now);
    this.refresh();
  }

  /** @inheritDoc ForwardingPolicy.weightChanged */
  weightChanged(destination: string, weight: number, now: number): void {
    this.put(destination, weight, now);
    this.refresh();
  }

  /** @inheritDoc ForwardingPolicy.removed */
  removed(destination: string): void {
    this.drop(destination);
    this.refresh();
  }

  /** @inheritDoc ForwardingPolicy.choose */
  choose(_now: number, random: UniformSource): string {
    return this.names[chooseInverseWeight(this.weights, this.names.length, random.next(), this.inverseSum)];
  }

  /** Latencies do not change the choice (a weight updater changes the weights). */
  processSuccess(): void {}

  private refresh(): void {
    let s = 0;
    for (const w of this.weights) s += 1 / w;
    this.inverseSum = s;
  }
}
