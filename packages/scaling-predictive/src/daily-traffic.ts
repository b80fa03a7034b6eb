import { Rng } from '@nss/core';

/** Options of {@link dailyPacketFlow}: a compressed "day" of traffic, repeated. */
export interface DailyTrafficOptions {
  /** Users `u_…` sending packets (one flow each, all for SFC type `sfc`). */
  readonly users: readonly string[];
  /** SFC type of every flow. Default `s_0`. */
  readonly sfc?: string;
  /** Simulated ms of one "day". Default 60 000. */
  readonly dayMs?: number;
  /** Days of traffic. Default 4. */
  readonly days?: number;
  /** Mean packet rate per user (packets/ms). Default 0.15. */
  readonly meanRate?: number;
  /** Relative swing of the rate, 0 ≤ a < 1: rate(t) = mean · (1 − a · cos(2π t / dayMs)). Default 0.8. */
  readonly amplitude?: number;
  /** Packet size (the work of a packet is size × the VNF's packet_cpu_demand). Default 10. */
  readonly packetSize?: number;
  /** Seed of the arrival draws (stream `daily-traffic/<user>`). Default 1. */
  readonly seed?: number | string;
}

/** One row of a packet-flow file: `time` ms after the previous packet of the same (user, SFC). */
export interface DailyFlowRow {
  /** User sending the packet. */
  readonly user: string;
  /** SFC type the packet is for. */
  readonly sfc: string;
  /** ms after the previous packet of the same (user, SFC); the first: after the request's placement. */
  readonly time: number;
  /** Packet size. */
  readonly size: number;
}

/**
 * Packets of a daily traffic pattern in the simulator's packet-flow format: per user, a
 * non-homogeneous Poisson process of rate mean · (1 − amplitude · cos(2π t / dayMs)) (a trough at
 * t = 0 and at each day's start, the peak at mid-day), drawn by thinning from the core's seeded `Rng`,
 * over `days` days. Same options, same rows. Throws `RangeError` for options out of range.
 */
export function dailyPacketFlow(options: DailyTrafficOptions): DailyFlowRow[] {
  const sfc = options.sfc ?? 's_0';
  const dayMs = options.dayMs ?? 60_000;
  const days = options.days ?? 4;
  const mean = options.meanRate ?? 0.15;
  const a = options.amplitude ?? 0.8;
  const size = options.packetSize ?? 10;
  const check = (ok: boolean, what: string): void => {
    if (!ok) throw new RangeError(`dailyPacketFlow: ${what}`);
  };
  check(options.users.length > 0, 'users must name at least one user');
  check(Number.isFinite(dayMs) && dayMs > 0, `dayMs must be > 0, got ${dayMs}`);
  check(Number.isFinite(days) && days > 0, `days must be > 0, got ${days}`);
  check(Number.isFinite(mean) && mean > 0, `meanRate must be > 0 packets/ms, got ${mean}`);
  check(Number.isFinite(a) && a >= 0 && a < 1, `amplitude must be in [0, 1), got ${a}`);
  check(Number.isFinite(size) && size >= 0, `packetSize must be ≥ 0, got ${size}`);
  const end = dayMs * days;
  const peak = mean * (1 + a);
  const rng = new Rng(options.seed ?? 1);
  const rows: DailyFlowRow[] = [];
  for (const user of options.users) {
    const draws = rng.stream(`daily-traffic/${user}`);
    let t = 0;
    let previous = 0;
    for (;;) {
      t += draws.exponential(1 / peak);
      if (t >= end) break;
      const rate = mean * (1 - a * Math.cos((2 * Math.PI * t) / dayMs));
      if (draws.next() * peak >= rate) continue;
      rows.push({ user, sfc, time: t - previous, size });
      previous = t;
    }
  }
  return rows;
}

/** The text of a packet-flow CSV (`user;sfc;time;packet_size`) for `rows`. */
export function packetFlowCsv(rows: Iterable<DailyFlowRow>): string {
  const lines = ['user;sfc;time;packet_size'];
  for (const r of rows) lines.push(`${r.user};${r.sfc};${String(r.time)};${String(r.size)}`);
  return `${lines.join('\n')}\n`;
}
