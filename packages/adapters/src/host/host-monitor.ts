import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NssError } from '@nss/core';
import { cpuPercent, mbps, parseCpuTimes, parseNetDev, parseRamPercent, type CpuTimes, type InterfaceBytes } from './proc.js';
import type { HostSample } from './host-sample.js';
import { HostCsvWriter } from './host-csv.js';

/** A /proc file could not be read or parsed. */
export class HostMonitorError extends NssError {
  /** Builds the error; the message says what happened and what to check. */
  constructor(message: string, options?: { cause?: unknown }) {
    super('NSS_HOST_MONITOR', message, { cause: options?.cause, exitCode: 1 });
  }
}

/** Options of {@link HostMonitor}. */
export interface HostMonitorOptions {
  /** Time between readings, ms. Default 1000 (the seed's "about every second"). */
  intervalMs?: number;
  /** Interfaces to report. Default: every interface in /proc/net/dev except `lo`. */
  interfaces?: readonly string[];
  /** Where /proc is. Default `/proc` (tests point it at a folder of fixture files). */
  procRoot?: string;
  /** Also stream every sample to this CSV file. */
  csvPath?: string;
  /** Keep at most this many samples in memory (for plots). Default 86400 (a day at 1 s). */
  keep?: number;
  /** Clock, Unix ms. Default `Date.now`. */
  now?: () => number;
}

/** Events of {@link HostMonitor}. */
export interface HostMonitorEvents {
  /** A reading. */
  sample: [sample: HostSample];
  /** A reading failed; the monitor stops. */
  error: [error: Error];
  /** The monitor stopped (its CSV, if any, is flushed). */
  stop: [];
}

interface Counters {
  at: number;
  cpu: CpuTimes;
  net: Map<string, InterfaceBytes>;
}

/**
 * The seed's host monitor for the local machine: every `intervalMs`, CPU load %, used RAM % and RX/TX
 * Mbit/s per interface, from `/proc/stat`, `/proc/meminfo` and `/proc/net/dev` (no `sar`, no SSH).
 * Rates are over the interval since the previous reading; the first reading happens one interval
 * after {@link HostMonitor.start}, against a baseline read at start.
 *
 * ```ts
 * const monitor = new HostMonitor({ intervalMs: 1000, csvPath: 'run-host.csv' }).start();
 * monitor.on('sample', (s) => console.log(s.cpuPercent, s.ramPercent, s.interfaces));
 * …
 * await monitor.stop();
 * await writeMonitorPlots(monitor.samples, 'plots', 'run');
 * ```
 */
export class HostMonitor extends EventEmitter<HostMonitorEvents> {
  /** Time between readings, ms. */
  readonly intervalMs: number;
  /** Samples taken (the last `keep`). */
  readonly samples: HostSample[] = [];
  private readonly options: HostMonitorOptions;
  private readonly now: () => number;
  private previous: Counters | undefined;
  private timer: NodeJS.Timeout | undefined;
  private csv: HostCsvWriter | undefined;
  private stopping: Promise<void> | undefined;

  /** Creates the monitor; nothing is read until {@link HostMonitor.start} or {@link HostMonitor.takeSample}. */
  constructor(options: HostMonitorOptions = {}) {
    super();
    this.options = options;
    this.intervalMs = options.intervalMs ?? 1000;
    if (!(this.intervalMs > 0)) throw new RangeError(`HostMonitor intervalMs must be > 0, got ${this.intervalMs}.`);
    this.now = options.now ?? Date.now;
  }

  /** True between {@link HostMonitor.start} and {@link HostMonitor.stop}. */
  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Reads the baseline and starts the timer. Throws {@link HostMonitorError} when /proc is unreadable. */
  start(): this {
    if (this.running) return this;
    if (this.stopping !== undefined) throw new HostMonitorError('This HostMonitor was stopped; create a new one.');
    this.previous = this.readCounters();
    if (this.options.csvPath !== undefined) this.csv = new HostCsvWriter(this.options.csvPath);
    this.timer = setInterval(() => {
      try {
        this.takeSample();
      } catch (error) {
        if (this.listenerCount('error') > 0) this.emit('error', error as Error);
        void this.stop();
      }
    }, this.intervalMs);
    return this;
  }

  /**
   * Takes one reading now against the previous one (or a fresh baseline), records it and emits
   * `sample`. The timer calls this; call it yourself to sample on your own schedule.
   */
  takeSample(): HostSample {
    const before = this.previous ?? this.readCounters();
    const now = this.readCounters();
    const seconds = (now.at - before.at) / 1000;
    const names = this.options.interfaces ?? [...now.net.keys()].filter((n) => n !== 'lo');
    const interfaces = names.map((name) => {
      const a = before.net.get(name);
      const b = now.net.get(name);
      if (b === undefined) {
        throw new HostMonitorError(`Interface "${name}" is not in ${this.path('net/dev')} (known: ${[...now.net.keys()].join(', ')}). Fix the interfaces option.`);
      }
      // a counter going backwards (interface re-created) counts from zero
      const rx = a === undefined || b.rxBytes < a.rxBytes ? b.rxBytes : b.rxBytes - a.rxBytes;
      const tx = a === undefined || b.txBytes < a.txBytes ? b.txBytes : b.txBytes - a.txBytes;
      return { name, rxMbps: mbps(rx, seconds), txMbps: mbps(tx, seconds) };
    });
    const sample: HostSample = {
      timestamp: now.at,
      cpuPercent: cpuPercent(before.cpu, now.cpu),
      ramPercent: parseRamPercent(this.read('meminfo')),
      interfaces,
    };
    this.previous = now;
    this.samples.push(sample);
    const keep = this.options.keep ?? 86_400;
    if (this.samples.length > keep) this.samples.splice(0, this.samples.length - keep);
    this.csv?.write(sample);
    this.emit('sample', sample);
    return sample;
  }

  /** Stops the timer, flushes the CSV and emits `stop`. Safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      if (this.timer !== undefined) clearInterval(this.timer);
      this.timer = undefined;
      try {
        await this.csv?.close();
      } finally {
        this.emit('stop');
      }
    })();
    return this.stopping;
  }

  private path(file: string): string {
    return join(this.options.procRoot ?? '/proc', file);
  }

  private read(file: string): string {
    try {
      return readFileSync(this.path(file), 'utf8');
    } catch (cause) {
      throw new HostMonitorError(`Cannot read ${this.path(file)}: the host monitor needs Linux /proc (${(cause as Error).message}).`, { cause });
    }
  }

  private readCounters(): Counters {
    return { at: this.now(), cpu: parseCpuTimes(this.read('stat')), net: parseNetDev(this.read('net/dev')) };
  }
}
