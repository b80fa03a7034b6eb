import { DispatchError } from '../errors.js';
import { DestinationSlots } from './destination-slots.js';
import type { ForwardingPolicy } from './forwarding-policy.js';
import { proportionalFairnessScore } from './proportional-fairness-score.js';

/** Exponents of the proportional-fairness score. */
export interface ProportionalFairnessOptions {
  /** Exponent of the speed term 1/latency (≥ 0). Default 1. */
  readonly alpha: number;
  /** Exponent of the served-rate term (≥ 0). Default 1. */
  readonly beta: number;
}

/** Default exponents: α = 1, β = 1 (the classic proportional-fair trade-off). */
export const PROPORTIONAL_FAIRNESS_DEFAULTS: ProportionalFairnessOptions = Object.freeze({ alpha: 1, beta: 1 });

/** Checks α and β (finite, ≥ 0); `where` prefixes the message. */
export function checkProportionalFairness(o: ProportionalFairnessOptions, where: string): ProportionalFairnessOptions {
  for (const name of ['alpha', 'beta'] as const) {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new DispatchError(`${where}: ${name} = ${String(v)} is not allowed; it must be a finite number ≥ 0`);
    }
  }
  return o;
}

/**
 * The seed's `proportional-fairness` table (seed-systems §3.1): the destination with the largest
 * (1/latency)^α / (served / (now − t_ref))^β (first added on ties). `latency` is the last measured
 * response time (the weight until one is measured, and the weight whenever a weight updater sets it:
 * `asyncPF` makes weight = last latency); `served` starts at 1 and counts successes; `t_ref` is when the
 * destination was added or last served. α = 0, β = 1 behaves like round robin; α = 1, β = 0 always picks
 * the fastest.
 */
export class ProportionalFairnessPolicy extends DestinationSlots implements ForwardingPolicy {
  /** `proportional-fairness`. */
  readonly type = 'proportional-fairness' as const;
  private readonly latency: number[] = [];
  private readonly served: number[] = [];
  private readonly reference: number[] = [];
  private readonly options: ProportionalFairnessOptions;

  /** @param options - α and β (defaults {@link PROPORTIONAL_FAIRNESS_DEFAULTS}). */
  constructor(options: Partial<ProportionalFairnessOptions> = {}) {
    super();
    this.options = checkProportionalFairness({ ...PROPORTIONAL_FAIRNESS_DEFAULTS, ...options }, 'proportional-fairness policy');
  }

  /** @inheritDoc ForwardingPolicy.added */
  added(destination: string, weight: number, now: number): void {
    this.latency[this.put(destination, weight, now)] = weight;
  }

  /** @inheritDoc ForwardingPolicy.weightChanged */
  weightChanged(destination: string, weight: number, now: number): void {
    this.latency[this.put(destination, weight, now)] = weight;
  }

  /** @inheritDoc ForwardingPolicy.removed */
  removed(destination: string): void {
    this.drop(destination);
  }

  /** @inheritDoc ForwardingPolicy.choose */
  choose(now: number): string {
    const { alpha, beta } = this.options;
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < this.names.length; i++) {
      const s = proportionalFairnessScore(this.latency[i], this.served[i], now - this.reference[i], alpha, beta);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return this.names[best];
  }

  /** Counts the success, restarts t_ref at `now` and keeps `latency` as the destination's latency. */
  processSuccess(destination: string, latency: number, now: number): void {
    const i = this.slotOf(destination);
    if (i < 0) return;
    this.served[i]++;
    this.reference[i] = now;
    if (latency > 0 && Number.isFinite(latency)) this.latency[i] = latency;
  }

  protected override onAdded(i: number, now: number): void {
    this.latency[i] = this.weights[i];
    this.served[i] = 1;
    this.reference[i] = now;
  }

  protected override onRemoved(i: number): void {
    this.latency.splice(i, 1);
    this.served.splice(i, 1);
    this.reference.splice(i, 1);
  }
}
