/**
 * Stale-timer rules of the deficit round robin (seed-systems §3.1), shared by the forwarding-table
 * policy and the simulator plugin.
 */

/** Options of the stale timer, in the caller's time unit. */
export interface StaleTimerOptions {
  /** First stale period, and the value a re-admitted destination returns to (seed: 1 s). */
  readonly initialStalePeriod: number;
  /** Cap of the doubling (seed: 30 s). */
  readonly maxStalePeriod: number;
}

/** The seed's stale timer, in seconds: 1 s, doubling on each failed admission, capped at 30 s. */
export const SEED_STALE_TIMER: StaleTimerOptions = Object.freeze({ initialStalePeriod: 1, maxStalePeriod: 30 });

/** Whether a destination of weight `weight` belongs to the active set: w ≤ 2 · min w, or it is the only one. */
export function isAdmitted(weight: number, minWeight: number, count: number): boolean {
  return count === 1 || weight <= 2 * minWeight;
}

/** The stale period after a probed destination failed admission: doubled, capped. */
export function nextStalePeriod(period: number, options: StaleTimerOptions): number {
  return Math.min(2 * period, options.maxStalePeriod);
}
