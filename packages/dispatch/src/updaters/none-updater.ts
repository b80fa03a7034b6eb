import type { WeightUpdater } from './weight-updater.js';

/** The seed's `none` weight updater: weights never change. */
export class NoneUpdater implements WeightUpdater {
  /** `none`. */
  readonly type = 'none' as const;
  /** Ignores the response. */
  observe(): void {}
  /** Nothing is due. */
  tick(): void {}
}
