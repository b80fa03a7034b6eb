/** Traffic of one network interface over one monitor interval. */
export interface InterfaceRate {
  /** Interface name, e.g. `eth0`. */
  name: string;
  /** Receive rate, Mbit/s (decimal). */
  rxMbps: number;
  /** Send rate, Mbit/s (decimal). */
  txMbps: number;
}

/** One reading of the host monitor. */
export interface HostSample {
  /** Wall-clock time, Unix milliseconds. */
  timestamp: number;
  /** CPU load % over the interval (100 − idle), all CPUs together. */
  cpuPercent: number;
  /** Used RAM % at the reading. */
  ramPercent: number;
  /** One entry per monitored interface. */
  interfaces: InterfaceRate[];
}
