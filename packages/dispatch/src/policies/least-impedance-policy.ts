import { DestinationSlots } from './destination-slots.js';
import type { ForwardingPolicy } from './forwarding-policy.js';
import { argMin } from './inverse-weight.js';

/** The seed's `least-impedance` policy: always the destination with the smallest weight (the first added on ties). */
export class LeastImpedancePolicy extends DestinationSlots implements ForwardingPolicy {
  /** `least-impedance`. */
  readonly type = 'least-impedance' as const;

  /** @inheritDoc ForwardingPolicy.added */
  added(destination: string, weight: number, now: number): void {
    this.put(destination, weight, now);
  }

  /** @inheritDoc ForwardingPolicy.weightChanged */
  weightChanged(destination: string, weight: number, now: number): void {
    this.put(destination, weight, now);
  }

  /** @inheritDoc ForwardingPolicy.removed */
  removed(destination: string): void {
    this.drop(destination);
  }

  /** @inheritDoc ForwardingPolicy.choose */
  choose(): string {
    return this.names[argMin(this.weights, this.names.length)];
  }

  /** Latencies do not change the choice (a weight updater changes the weights). */
  processSuccess(): void {}
}
