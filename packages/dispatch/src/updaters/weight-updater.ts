/** The seed's `--optimizer-conf type=…` names of the weight updaters. */
export type WeightUpdaterType = 'trivial' | 'async' | 'asyncPF' | 'none';

/**
 * Turns measured response times into forwarding-table weights (the seed's "local optimizer"). Bound
 * to one table at construction. Call `observe` on every success (after `table.processSuccess`), and
 * `tick` from a timer if weights must change while no response arrives (only `trivial` needs it; its
 * `observe` also applies a period that has ended).
 */
export interface WeightUpdater {
  /** The updater's type name. */
  readonly type: WeightUpdaterType;
  /** A request for `key` sent to `destination` succeeded in `latency` (≥ 0), measured at `now`. */
  observe(key: string, destination: string, latency: number, now: number): void;
  /** Applies whatever is due at `now`. */
  tick(now: number): void;
}

/**
 * The smallest weight an updater writes: a measured latency of 0 (a response faster than the clock's
 * resolution) becomes this, because a weight must be > 0.
 */
export const MIN_WEIGHT = 1e-9;
