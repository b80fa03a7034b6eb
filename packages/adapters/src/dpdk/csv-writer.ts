import { createWriteStream, type WriteStream } from 'node:fs';
import type { SamplerReading, StatsSampler } from './sampler.js';

/** Header of the telco seed's metrics CSV (seed-systems §2.1/§2.8), one row per interval. */
export const TELCO_CSV_HEADER = 'timestamp,rx_packets,tx_packets,packet_drops,latency,label';

/** Header of the full schema: one row per port per interval, cumulative counters, deltas and rates. */
export const FULL_CSV_HEADER =
  'timestamp_ms,port,interval_s,rx_packets,tx_packets,rx_bytes,tx_bytes,rx_missed,rx_errors,rx_nombuf,tx_errors,' +
  'd_rx_packets,d_tx_packets,d_rx_bytes,d_tx_bytes,d_drops,rx_pps,tx_pps,rx_bps,tx_bps,testpmd_rx_pps,testpmd_tx_pps';

/** Which CSV layout a {@link StatsCsvWriter} writes. */
export type StatsCsvSchema = 'telco' | 'full';

/** Options of {@link StatsCsvWriter}. */
export interface StatsCsvWriterOptions {
  /** `telco` (default): `timestamp,rx_packets,tx_packets,packet_drops,latency,label`; `full`: {@link FULL_CSV_HEADER}. */
  schema?: StatsCsvSchema;
  /** Ports summed into a telco row. Default: every port. */
  ports?: readonly number[];
  /** Telco `label` column: a constant or a function of the reading. Default `normal` (the collector stub's). */
  label?: string | ((reading: SamplerReading) => string);
  /**
   * Telco `latency` column. testpmd does not measure latency, so by default the cell is left empty;
   * give a function (e.g. reading a latency probe) to fill it.
   */
  latency?: (reading: SamplerReading) => number | undefined;
}

const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(3));

/**
 * Streams sampler readings to a CSV file. Telco rows: integer Unix seconds, the packets received and
 * sent during the interval (summed over the chosen ports), the packets lost in it (RX-missed +
 * RX-errors + RX-nombuf + TX-errors), latency, label — the schema the telco seed's forecaster trains
 * on. The first reading has no interval and so yields no telco row (the full schema writes it with
 * empty deltas). Rows go to the file as they come; {@link StatsCsvWriter.close} flushes.
 */
export class StatsCsvWriter {
  /** The file written. */
  readonly path: string;
  /** The layout. */
  readonly schema: StatsCsvSchema;
  private readonly stream: WriteStream;
  private readonly options: StatsCsvWriterOptions;
  private rowCount = 0;
  private closing: Promise<void> | undefined;
  private failure: Error | undefined;

  /** Creates (truncates) the file at `path` and writes the header. */
  constructor(path: string, options: StatsCsvWriterOptions = {}) {
    this.path = path;
    this.options = options;
    this.schema = options.schema ?? 'telco';
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.failure = e));
    this.stream.write(`${this.schema === 'telco' ? TELCO_CSV_HEADER : FULL_CSV_HEADER}\n`);
  }

  /** Data rows written so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Writes the rows of one reading. */
  write(reading: SamplerReading): void {
    if (this.closing !== undefined) throw new Error(`StatsCsvWriter for ${this.path} is closed; rows can no longer be written.`);
    const text = this.schema === 'telco' ? this.telcoRow(reading) : this.fullRows(reading);
    if (text !== '') this.stream.write(text);
  }

  /** Writes every reading of `sampler` and closes the file when it ends. Returns this writer. */
  follow(sampler: StatsSampler): this {
    sampler.on('sample', (r) => this.write(r));
    sampler.on('end', () => void this.close().catch(() => undefined));
    return this;
  }

  /** Flushes and closes the file; rejects if writing failed (disk full, permission denied). */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve, reject) => {
      this.stream.end(() => (this.failure === undefined ? resolve() : reject(this.failure)));
      this.stream.once('error', reject);
    });
    return this.closing;
  }

  private telcoRow(reading: SamplerReading): string {
    const { delta } = reading;
    if (delta === undefined) return '';
    const wanted = this.options.ports === undefined ? undefined : new Set(this.options.ports);
    let rx = 0;
    let tx = 0;
    let drops = 0;
    for (const p of delta.ports) {
      if (wanted !== undefined && !wanted.has(p.port)) continue;
      rx += p.rxPackets;
      tx += p.txPackets;
      drops += p.drops;
    }
    const latency = this.options.latency?.(reading);
    const label = typeof this.options.label === 'function' ? this.options.label(reading) : (this.options.label ?? 'normal');
    this.rowCount++;
    return `${Math.floor(delta.timestamp / 1000)},${rx},${tx},${drops},${latency === undefined ? '' : String(latency)},${cell(label)}\n`;
  }

  private fullRows(reading: SamplerReading): string {
    const { sample, delta } = reading;
    let out = '';
    for (const p of sample.ports) {
      const d = delta?.ports.find((x) => x.port === p.port);
      const deltas = d === undefined ? ',,,,,,,,' : [d.rxPackets, d.txPackets, d.rxBytes, d.txBytes, d.drops, d.rxPps, d.txPps, d.rxBps, d.txBps].map(num).join(',');
      const interval = delta === undefined ? '' : num(delta.intervalSeconds);
      out +=
        `${sample.timestamp},${p.port},${interval},${p.rxPackets},${p.txPackets},${p.rxBytes},${p.txBytes},${p.rxMissed},` +
        `${p.rxErrors},${p.rxNoMbuf},${p.txErrors},${deltas},${p.rxPps},${p.txPps}\n`;
      this.rowCount++;
    }
    return out;
  }
}
