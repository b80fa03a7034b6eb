import { PluginError, type VnfInstanceInfo, defineDispatch } from '@nss/core';
import { type StaleTimerOptions, isAdmitted, nextStalePeriod } from '../policies/stale-timer.js';
import { serviceTimePerWork } from './delay-estimate.js';
import { grown } from './instance-arrays.js';
import type { DispatchPolicyWithFeedback } from './served-feedback.js';

/** Parameters of the `deficit-round-robin` plugin (ms). */
export interface DeficitRoundRobinParameters {
  /** First stale period, ms (> 0). Default 1000 (the seed's 1 s). */
  readonly stale_period: number;
  /** Cap of the doubling stale period, ms (≥ stale_period). Default 30000 (the seed's 30 s). */
  readonly max_stale_period: number;
}

/** Defaults of {@link DeficitRoundRobinParameters}. */
export const DEFICIT_ROUND_ROBIN_DEFAULTS: DeficitRoundRobinParameters = Object.freeze({ stale_period: 1000, max_stale_period: 30_000 });

/**
 * The seed's deficit-weighted round robin with an active set, on VNF instances. The weight of an
 * instance is its service time per instruction, 1000 / cpu ms ({@link serviceTimePerWork}), so shares
 * go ∝ cpu among active instances. At each packet, among the candidates:
 *
 * - active: w ≤ 2 · min w (or the only one), never-used instances, and instances whose stale timer
 *   expired (admitted for one probe, deficit set to the smallest active deficit);
 * - chosen: the active candidate with the lowest deficit (the first listed on ties); deficit += w;
 * - a weight update is a change of the instance's CPU (vertical scaling): the candidates' deficits are
 *   shifted so that their minimum is 0, and the instance's stale timer restarts;
 * - an excluded instance's stale period starts at `stale_period`, doubles (capped at
 *   `max_stale_period`) each time a probe finds it still excluded, and returns to `stale_period` when it
 *   is admitted. A chosen never-used or probed instance counts as measured at that moment (its weight
 *   is known from its CPU, so the probe's outcome is immediate).
 *
 * State is per instance (an instance shared by several SFC instances has one deficit).
 */
export class DeficitRoundRobinDispatch implements DispatchPolicyWithFeedback {
  /** `deficit-round-robin`. */
  readonly name = 'deficit-round-robin';
  private deficit = new Float64Array(0);
  /** Last weight seen; NaN = never seen. */
  private weight = new Float64Array(0);
  /** Time of the last weight update; -1 = never used since seen, or probe pending. */
  private lastUpdated = new Float64Array(0);
  private stalePeriod = new Float64Array(0);
  /** 1 while probing. */
  private probing = new Float64Array(0);
  private readonly timer: StaleTimerOptions;

  /** @param p - stale periods in ms. */
  constructor(p: DeficitRoundRobinParameters = DEFICIT_ROUND_ROBIN_DEFAULTS) {
    this.timer = { initialStalePeriod: p.stale_period, maxStalePeriod: p.max_stale_period };
  }

  /** Index in `candidates` of the instance that serves the packet (see the class comment for the rule). */
  select(candidates: readonly VnfInstanceInfo[], context: { readonly time: number }): number {
    const now = context.time;
    const n = candidates.length;
    let maxIndex = 0;
    for (let i = 0; i < n; i++) if (candidates[i].index > maxIndex) maxIndex = candidates[i].index;
    if (maxIndex >= this.weight.length) this.grow(maxIndex);
    // Known instances: the smallest active deficit (for newcomers and probes); weight updates.
    let updated = false;
    let minWeight = Infinity;
    let seenDeficit = Infinity;
    for (let i = 0; i < n; i++) {
      const k = candidates[i].index;
      const w = serviceTimePerWork(candidates[i]);
      if (w < minWeight) minWeight = w;
      if (Number.isNaN(this.weight[k])) continue;
      if (this.weight[k] !== w) {
        this.weight[k] = w;
        this.lastUpdated[k] = now;
        updated = true;
      }
      if (this.deficit[k] < seenDeficit) seenDeficit = this.deficit[k];
    }
    if (seenDeficit === Infinity) seenDeficit = 0;
    if (updated) {
      for (let i = 0; i < n; i++) {
        const k = candidates[i].index;
        if (!Number.isNaN(this.weight[k])) this.deficit[k] -= seenDeficit;
      }
      seenDeficit = 0;
    }
    let best = -1;
    for (let i = 0; i < n; i++) {
      const c = candidates[i];
      const k = c.index;
      if (Number.isNaN(this.weight[k])) {
        this.weight[k] = serviceTimePerWork(c);
        this.deficit[k] = seenDeficit;
        this.lastUpdated[k] = -1;
        this.stalePeriod[k] = this.timer.initialStalePeriod;
        this.probing[k] = 0;
      }
      if (!this.isActive(k, minWeight, n, now, seenDeficit)) continue;
      if (best < 0 || this.deficit[k] < this.deficit[candidates[best].index]) best = i;
    }
    const k = candidates[best].index;
    this.deficit[k] += this.weight[k];
    if (this.lastUpdated[k] < 0) this.lastUpdated[k] = now;
    return best;
  }

  /** Applies the active-set rules to instance `k` at `now` (updating its stale timer). */
  private isActive(k: number, minWeight: number, n: number, now: number, probeDeficit: number): boolean {
    if (isAdmitted(this.weight[k], minWeight, n)) {
      this.probing[k] = 0;
      this.stalePeriod[k] = this.timer.initialStalePeriod;
      return true;
    }
    if (this.lastUpdated[k] < 0) return true;
    if (this.probing[k] === 1) {
      this.probing[k] = 0;
      this.stalePeriod[k] = nextStalePeriod(this.stalePeriod[k], this.timer);
    }
    if (now - this.lastUpdated[k] >= this.stalePeriod[k]) {
      this.lastUpdated[k] = -1;
      this.deficit[k] = probeDeficit;
      this.probing[k] = 1;
      return true;
    }
    return false;
  }

  /** Stale period of the instance with dense index `index` (undefined before it was seen). For tests and logs. */
  stalePeriodOf(index: number): number | undefined {
    return index < this.weight.length && !Number.isNaN(this.weight[index]) ? this.stalePeriod[index] : undefined;
  }

  private grow(index: number): void {
    this.deficit = grown(this.deficit, index, 0);
    this.weight = grown(this.weight, index, Number.NaN);
    this.lastUpdated = grown(this.lastUpdated, index, -1);
    this.stalePeriod = grown(this.stalePeriod, index, this.timer.initialStalePeriod);
    this.probing = grown(this.probing, index, 0);
  }
}

/**
 * `deficit-round-robin` (aliases `drr`, `weighted-round-robin`): the seed's `round-robin` table on VNF
 * instances. Parameters `stale_period` (ms, default 1000) and `max_stale_period` (ms, default 30000).
 */
export const deficitRoundRobinDispatch = defineDispatch<DeficitRoundRobinParameters>({
  name: 'deficit-round-robin',
  aliases: ['drr', 'weighted-round-robin'],
  description:
    'Deficit-weighted round robin over the active set (cpu ≥ half the best), shares ∝ cpu, excluded instances probed on a doubling stale timer.',
  parameters: {
    type: 'object',
    properties: {
      stale_period: {
        type: 'number',
        exclusiveMinimum: 0,
        default: DEFICIT_ROUND_ROBIN_DEFAULTS.stale_period,
        description: 'First stale period of an excluded instance, ms (> 0). Default 1000.',
      },
      max_stale_period: {
        type: 'number',
        exclusiveMinimum: 0,
        default: DEFICIT_ROUND_ROBIN_DEFAULTS.max_stale_period,
        description: 'Cap of the doubling stale period, ms (≥ stale_period). Default 30000.',
      },
    },
  },
  create(params) {
    if (!(params.max_stale_period >= params.stale_period)) {
      throw new PluginError(
        `dispatch plugin "deficit-round-robin": parameter "max_stale_period" (${params.max_stale_period}) must be ≥ "stale_period" (${params.stale_period})`,
      );
    }
    return new DeficitRoundRobinDispatch(params);
  },
});
