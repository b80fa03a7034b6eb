/**
 * Packet-flow files for tests: rows of `user;sfc;time;packet_size` and Poisson arrivals drawn from a
 * seeded stream.
 */
import type { RandomStream } from '../engine/rng.js';

/** One packet of a flow file: `time` ms after the previous packet of the same (user, SFC). */
export interface FlowRow {
  readonly user: string;
  readonly sfc: string;
  readonly time: number;
  readonly size: number;
}

/** The text of a packet-flow CSV (`user;sfc;time;packet_size`), numbers in round-trip form. */
export function flowCsv(rows: Iterable<FlowRow>): string {
  const lines = ['user;sfc;time;packet_size'];
  for (const r of rows) lines.push(`${r.user};${r.sfc};${String(r.time)};${String(r.size)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `n` packets of one (user, SFC) with exponential gaps of mean 1/`rate` ms (Poisson arrivals) and the
 * sizes `size()` draws. The first packet comes one gap after the placement instant.
 */
export function poissonFlow(rng: RandomStream, user: string, sfc: string, n: number, rate: number, size: () => number): FlowRow[] {
  const rows: FlowRow[] = [];
  for (let i = 0; i < n; i++) rows.push({ user, sfc, time: rng.exponential(1 / rate), size: size() });
  return rows;
}
