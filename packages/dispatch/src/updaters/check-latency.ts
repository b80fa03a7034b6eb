import { DispatchError } from '../errors.js';

/** Checks a measured latency (finite, ≥ 0); `who` names the updater. */
export function checkLatency(latency: number, who: string, key: string, destination: string): void {
  if (typeof latency !== 'number' || !Number.isFinite(latency) || latency < 0) {
    throw new DispatchError(
      `${who} weight updater: latency ${String(latency)} for "${key}" → "${destination}" is not a finite number ≥ 0; pass the measured response time`,
    );
  }
}
