/**
 * The counters testpmd prints for one port in a `NIC statistics for port N` block (the same fields as
 * `rte_eth_stats`). Counters are cumulative since the port started (or since `clear port stats`);
 * rates are testpmd's own "Throughput (since last show)" figures.
 */
export interface PortStats {
  /** Port id. */
  port: number;
  /** Packets received. */
  rxPackets: number;
  /** Packets the NIC dropped because the RX queues were full (`RX-missed`). */
  rxMissed: number;
  /** Bytes received. */
  rxBytes: number;
  /** Erroneous packets received. */
  rxErrors: number;
  /** Receive failures for lack of an mbuf (`RX-nombuf`). */
  rxNoMbuf: number;
  /** Packets sent. */
  txPackets: number;
  /** Packets that failed to be sent. */
  txErrors: number;
  /** Bytes sent. */
  txBytes: number;
  /** Receive rate in packets per second since the previous show, as testpmd computed it. */
  rxPps: number;
  /** Receive rate in bits per second since the previous show. */
  rxBps: number;
  /** Send rate in packets per second since the previous show. */
  txPps: number;
  /** Send rate in bits per second since the previous show. */
  txBps: number;
}

/** All ports' statistics read at one instant. */
export interface StatsSample {
  /** Wall-clock time of the reading, Unix milliseconds. */
  timestamp: number;
  /** One entry per port, in port order. */
  ports: PortStats[];
}

/** What changed for one port between two consecutive samples. */
export interface PortDelta {
  /** Port id. */
  port: number;
  /** Packets received in the interval. */
  rxPackets: number;
  /** Packets sent in the interval. */
  txPackets: number;
  /** Bytes received in the interval. */
  rxBytes: number;
  /** Bytes sent in the interval. */
  txBytes: number;
  /** Packets lost in the interval: RX-missed + RX-errors + RX-nombuf + TX-errors. */
  drops: number;
  /** Received packets per second over the interval (computed from the counters). */
  rxPps: number;
  /** Sent packets per second over the interval. */
  txPps: number;
  /** Received bits per second over the interval. */
  rxBps: number;
  /** Sent bits per second over the interval. */
  txBps: number;
}

/** The difference between two consecutive samples. */
export interface StatsDelta {
  /** Timestamp of the later sample, Unix milliseconds. */
  timestamp: number;
  /** Interval length in seconds. */
  intervalSeconds: number;
  /** One entry per port present in both samples. */
  ports: PortDelta[];
  /** True when a counter went backwards (port stats cleared or testpmd restarted); values restart from the later sample. */
  reset: boolean;
}

const lost = (p: PortStats): number => p.rxMissed + p.rxErrors + p.rxNoMbuf + p.txErrors;

/**
 * The delta from `previous` to `current`. Ports missing from either sample are left out. When a
 * counter decreased (the stats were cleared), the later sample's counters are taken as the deltas and
 * `reset` is set.
 */
export function statsDelta(previous: StatsSample, current: StatsSample): StatsDelta {
  const seconds = (current.timestamp - previous.timestamp) / 1000;
  const before = new Map(previous.ports.map((p) => [p.port, p]));
  let reset = false;
  const ports: PortDelta[] = [];
  for (const now of current.ports) {
    const was = before.get(now.port);
    if (was === undefined) continue;
    const backwards =
      now.rxPackets < was.rxPackets ||
      now.txPackets < was.txPackets ||
      now.rxBytes < was.rxBytes ||
      now.txBytes < was.txBytes ||
      lost(now) < lost(was);
    const base: PortStats = backwards ? { ...now, rxPackets: 0, txPackets: 0, rxBytes: 0, txBytes: 0, rxMissed: 0, rxErrors: 0, rxNoMbuf: 0, txErrors: 0 } : was;
    reset ||= backwards;
    const rxPackets = now.rxPackets - base.rxPackets;
    const txPackets = now.txPackets - base.txPackets;
    const rxBytes = now.rxBytes - base.rxBytes;
    const txBytes = now.txBytes - base.txBytes;
    const rate = (n: number): number => (seconds > 0 ? n / seconds : 0);
    ports.push({
      port: now.port,
      rxPackets,
      txPackets,
      rxBytes,
      txBytes,
      drops: lost(now) - lost(base),
      rxPps: rate(rxPackets),
      txPps: rate(txPackets),
      rxBps: rate(rxBytes * 8),
      txBps: rate(txBytes * 8),
    });
  }
  return { timestamp: current.timestamp, intervalSeconds: seconds, ports, reset };
}
