import type { ForwardingTable } from '../table/forwarding-table.js';
import { checkLatency } from './check-latency.js';
import { MIN_WEIGHT, type WeightUpdater } from './weight-updater.js';

/** The seed's `asyncPF` weight updater: weight = the last measured latency (pairs with the proportional-fairness table). */
export class AsyncPfUpdater implements WeightUpdater {
  /** `asyncPF`. */
  readonly type = 'asyncPF' as const;

  /** @param table - the table whose weights it sets. */
  constructor(private readonly table: ForwardingTable) {}

  /** @inheritDoc WeightUpdater.observe */
  observe(key: string, destination: string, latency: number, now: number): void {
    checkLatency(latency, 'asyncPF', key, destination);
    if (this.table.weight(key, destination) === undefined) return;
    this.table.change(key, destination, Math.max(latency, MIN_WEIGHT), { now });
  }

  /** Nothing is due on a timer. */
  tick(): void {}
}
