import { createWriteStream, type WriteStream } from 'node:fs';
import type { HostSample } from './host-sample.js';

/** Header of the host monitor's CSV: one row per interface per reading (CPU and RAM repeated). */
export const HOST_CSV_HEADER = 'timestamp,cpu_pct,ram_pct,interface,rx_mbps,tx_mbps';

const fixed = (v: number): string => v.toFixed(3);

/** The CSV rows of one sample (with a trailing newline); a row with an empty interface when none is monitored. */
export function hostCsvRows(sample: HostSample): string {
  const head = `${sample.timestamp},${fixed(sample.cpuPercent)},${fixed(sample.ramPercent)}`;
  if (sample.interfaces.length === 0) return `${head},,,\n`;
  return sample.interfaces.map((i) => `${head},${i.name},${fixed(i.rxMbps)},${fixed(i.txMbps)}\n`).join('');
}

/** Streams host samples to a CSV file ({@link HOST_CSV_HEADER}); {@link HostCsvWriter.close} flushes. */
export class HostCsvWriter {
  /** The file written. */
  readonly path: string;
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;

  /** Creates (truncates) the file at `path` and writes the header. */
  constructor(path: string) {
    this.path = path;
    this.stream = createWriteStream(path);
    this.stream.on('error', (e) => (this.failure = e));
    this.stream.write(`${HOST_CSV_HEADER}\n`);
  }

  /** Appends the rows of one sample. */
  write(sample: HostSample): void {
    if (this.closing === undefined) this.stream.write(hostCsvRows(sample));
  }

  /** Flushes and closes; rejects if writing failed (permission denied, disk full). */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => (this.failure === undefined ? resolve() : reject(this.failure)));
    });
    return this.closing;
  }
}
