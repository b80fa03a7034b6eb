/**
 * The trigger of slice elasticity (seed-systems §4.2, NECOS `elasticity.py`): a condition on a metric
 * that must hold for the last P monitor points, or for every point of a time window, before it fires;
 * after firing, the target is left alone for a cooldown. Pure: no simulation state, only the points it
 * is fed.
 */

/** How a trigger decides that its condition held long enough. */
export type TriggerSpan =
  /** The last `points` points all satisfy the condition (NECOS `trigger.points`). */
  | { readonly points: number }
  /**
   * Every point of the last `window` ms satisfies it (NECOS `trigger.time-window`). A point summarises
   * the `interval` ms that end at it, so the window is covered once the run of satisfying points starts
   * at or before now − window + interval.
   */
  | { readonly window: number; readonly interval: number };

/** Options of an {@link ElasticityTrigger}. */
export interface ElasticityTriggerOptions {
  /** Scale up when points are strictly above this. */
  readonly upper: number;
  /** Scale in when points are strictly below this (must be < `upper`). */
  readonly lower: number;
  readonly span: TriggerSpan;
  /** ms after a firing during which the trigger neither fires nor counts points. */
  readonly cooldown: number;
}

/** What a point made the trigger decide. */
export type ElasticityDecision = 'up' | 'down' | null;

/**
 * Watches one target (a VNF instance or a slice). Feed it one point per monitor instant, in time order,
 * with {@link ElasticityTrigger.observe}; it answers `up` when the points were above `upper` long
 * enough, `down` when they were below `lower` long enough, else `null`. A firing starts the cooldown and
 * forgets the points seen so far (NECOS pauses its agents and restarts them afresh).
 *
 * @example
 * ```ts
 * const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { points: 3 }, cooldown: 1000 });
 * [79, 81, 82, 83].map((v, i) => t.observe(100 * (i + 1), v)); // [null, null, null, 'up']
 * ```
 */
export class ElasticityTrigger {
  private readonly options: ElasticityTriggerOptions;
  /** Start time and length of the current run of points above `upper` (0 = none). */
  private aboveSince = Number.NaN;
  private aboveCount = 0;
  private belowSince = Number.NaN;
  private belowCount = 0;
  /** End of the cooldown (ms); -Infinity when none. */
  private quietUntil = Number.NEGATIVE_INFINITY;

  constructor(options: ElasticityTriggerOptions) {
    this.options = options;
  }

  /** Whether the trigger is cooling down at `time`. */
  coolingDown(time: number): boolean {
    return time < this.quietUntil;
  }

  /** Feeds the point `value` taken at `time` (ms) and returns what it decides. */
  observe(time: number, value: number): ElasticityDecision {
    if (this.coolingDown(time)) return null;
    const { upper, lower } = this.options;
    if (value > upper) {
      if (this.aboveCount === 0) this.aboveSince = time;
      this.aboveCount++;
    } else {
      this.aboveCount = 0;
    }
    if (value < lower) {
      if (this.belowCount === 0) this.belowSince = time;
      this.belowCount++;
    } else {
      this.belowCount = 0;
    }
    if (this.held(this.aboveCount, this.aboveSince, time)) return this.fire(time, 'up');
    if (this.held(this.belowCount, this.belowSince, time)) return this.fire(time, 'down');
    return null;
  }

  private held(count: number, since: number, time: number): boolean {
    if (count === 0) return false;
    const span = this.options.span;
    if ('points' in span) return count >= span.points;
    return since <= time - span.window + span.interval + 1e-9;
  }

  private fire(time: number, decision: 'up' | 'down'): ElasticityDecision {
    this.quietUntil = time + this.options.cooldown;
    this.aboveCount = 0;
    this.belowCount = 0;
    return decision;
  }
}
