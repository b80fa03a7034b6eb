/** Cumulative CPU time counters from the aggregate `cpu` line of `/proc/stat`, in clock ticks. */
export interface CpuTimes {
  /** Idle time (the `idle` field; `iowait` counts as load, as in `sar`'s 100 − %idle). */
  idle: number;
  /** Sum of every field (user, nice, system, idle, iowait, irq, softirq, steal). Guest time is already in user/nice. */
  total: number;
}

/** Parses the aggregate `cpu` line of `/proc/stat`. Throws when it is missing. */
export function parseCpuTimes(procStat: string): CpuTimes {
  const line = procStat.split('\n').find((l) => /^cpu\s/.test(l));
  if (line === undefined) throw new Error('No aggregate "cpu" line in /proc/stat: is this a Linux /proc?');
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal [guest guest_nice] (guest is included in user)
  const fields = f.slice(0, 8);
  const total = fields.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
  return { idle: f[3] ?? 0, total };
}

/**
 * CPU load % between two readings: 100 × (1 − Δidle / Δtotal), the seed monitor's `100 − %idle` of
 * `sar -u` (iowait counts as load there and here). 0 when no time passed.
 */
export function cpuPercent(previous: CpuTimes, current: CpuTimes): number {
  const total = current.total - previous.total;
  if (total <= 0) return 0;
  const idle = current.idle - previous.idle;
  return Math.min(100, Math.max(0, 100 * (1 - idle / total)));
}

/** Used RAM % from `/proc/meminfo`: (MemTotal − MemAvailable) / MemTotal × 100 (`free`'s "used" since procps 4). */
export function parseRamPercent(procMeminfo: string): number {
  const kb = (key: string): number | undefined => {
    const m = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(procMeminfo);
    return m === null ? undefined : Number(m[1]);
  };
  const total = kb('MemTotal');
  if (total === undefined || total === 0) throw new Error('No MemTotal in /proc/meminfo: is this a Linux /proc?');
  const available = kb('MemAvailable') ?? (kb('MemFree') ?? 0) + (kb('Buffers') ?? 0) + (kb('Cached') ?? 0);
  return (100 * (total - available)) / total;
}

/** Cumulative byte counters of one network interface from `/proc/net/dev`. */
export interface InterfaceBytes {
  /** Bytes received. */
  rxBytes: number;
  /** Bytes sent. */
  txBytes: number;
}

/** Parses `/proc/net/dev` into interface name → byte counters. */
export function parseNetDev(procNetDev: string): Map<string, InterfaceBytes> {
  const out = new Map<string, InterfaceBytes>();
  for (const line of procNetDev.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (m === null) continue;
    const f = (m[2] as string).trim().split(/\s+/).map(Number);
    // receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes …
    if (f.length < 9) continue;
    out.set(m[1] as string, { rxBytes: f[0] as number, txBytes: f[8] as number });
  }
  return out;
}

/** Megabits per second (decimal, as the seed's kB/s × 8 / 1000) from a byte-counter difference. */
export function mbps(bytes: number, seconds: number): number {
  return seconds > 0 ? (bytes * 8) / 1e6 / seconds : 0;
}
