import { type VnfInstanceInfo, defineDispatch } from '@nss/core';
import { PROPORTIONAL_FAIRNESS_DEFAULTS, type ProportionalFairnessOptions } from '../policies/proportional-fairness-policy.js';
import { proportionalFairnessScore } from '../policies/proportional-fairness-score.js';
import { grown } from './instance-arrays.js';
import type { DispatchPolicyWithFeedback } from './served-feedback.js';

/**
 * The seed's proportional fairness on VNF instances: the candidate with the largest
 * (1/latency)^α / (served / (now − t_ref))^β (the first listed on ties), fed by the `served` hook.
 * latency = the delay (ms, arrival at the instance to end of processing) of its last served packet;
 * served starts at 1 and counts served packets; t_ref = the instance's creation time, then the time of
 * its last served packet. An instance with no served packet yet is scored with the smallest latency
 * known among the candidates (1 ms when none is known): new instances get probed.
 */
export class ProportionalFairnessDispatch implements DispatchPolicyWithFeedback {
  /** `proportional-fairness`. */
  readonly name = 'proportional-fairness';
  private latency = new Float64Array(0);
  private count = new Float64Array(0);
  private reference = new Float64Array(0);
  private readonly indexOf = new Map<string, number>();

  /** @param options - α and β. */
  constructor(private readonly options: ProportionalFairnessOptions = PROPORTIONAL_FAIRNESS_DEFAULTS) {}

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], context: { readonly time: number }): number {
    const now = context.time;
    let known = Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i];
      if (c.index >= this.count.length || this.count[c.index] === 0) this.meet(c);
      const l = this.latency[c.index];
      if (l > 0 && l < known) known = l;
    }
    if (known === Infinity) known = 1;
    const { alpha, beta } = this.options;
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < candidates.length; i++) {
      const k = candidates[i].index;
      const l = this.latency[k] > 0 ? this.latency[k] : known;
      const s = proportionalFairnessScore(l, this.count[k], now - this.reference[k], alpha, beta);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  }

  /** The `served` hook: served + 1, t_ref = `time`, latency = `delay` for `instance`. */
  served(instance: string, delay: number, time: number): void {
    const k = this.indexOf.get(instance);
    if (k === undefined) return;
    this.count[k]++;
    this.reference[k] = time;
    if (delay > 0) this.latency[k] = delay;
  }

  private meet(c: VnfInstanceInfo): void {
    const k = c.index;
    this.latency = grown(this.latency, k, 0);
    this.count = grown(this.count, k, 0);
    this.reference = grown(this.reference, k, 0);
    this.count[k] = 1;
    this.reference[k] = c.createdAt;
    this.indexOf.set(c.name, k);
  }
}

/**
 * `proportional-fairness` (alias `pf`): parameters `alpha` (≥ 0, default 1) and `beta` (≥ 0, default 1).
 * Uses the `served` feedback hook; without it every instance keeps served = 1 and t_ref = its creation.
 */
export const proportionalFairnessDispatch = defineDispatch<ProportionalFairnessOptions>({
  name: 'proportional-fairness',
  aliases: ['pf'],
  description: 'Proportional fairness: argmax (1/latency)^alpha / (served/(now − t_ref))^beta, from served packets.',
  parameters: {
    type: 'object',
    properties: {
      alpha: {
        type: 'number',
        minimum: 0,
        default: PROPORTIONAL_FAIRNESS_DEFAULTS.alpha,
        description: 'Exponent of the speed term 1/latency (≥ 0). Default 1; 0 ignores latency.',
      },
      beta: {
        type: 'number',
        minimum: 0,
        default: PROPORTIONAL_FAIRNESS_DEFAULTS.beta,
        description: 'Exponent of the served-rate term served/(now − t_ref) (≥ 0). Default 1; 0 ignores fairness.',
      },
    },
  },
  create: (params) => new ProportionalFairnessDispatch({ alpha: params.alpha, beta: params.beta }),
});
