import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { quoteMinimal } from './format.js';

/**
 * How fields are quoted: `none` writes them verbatim (the reference's event files and
 * vnf_instances_entities.csv); `minimal` quotes a field only when it contains `;`, `"` or a newline
 * (the other snapshot and entity files).
 */
export type CsvQuoting = 'none' | 'minimal';

/** Options of a {@link CsvSink}. */
export interface CsvSinkOptions {
  /** Quoting of header and {@link CsvSink.writeRow} fields. Default `none`. */
  readonly quoting?: CsvQuoting;
  /**
   * Flush threshold in UTF-16 code units (characters); default 262 144 (256 Ki). Memory held by the sink
   * is bounded by this plus one row.
   */
  readonly bufferSize?: number;
}

/** Default flush threshold of a {@link CsvSink}: 256 Ki characters. */
export const DEFAULT_CSV_BUFFER_SIZE = 256 * 1024;

/** The CSV separator of every output file. */
export const CSV_SEPARATOR = ';';

/**
 * A streaming, synchronous CSV writer: rows are appended to a bounded buffer (a list of lines joined at
 * flush time, cheaper than growing one string) that is written with `fs.writeSync` whenever it reaches
 * the threshold. Synchronous on purpose: the simulation loop never yields to Node's event loop, so an
 * asynchronous `fs.WriteStream` would buffer without bound.
 *
 * Lines end with `\n`; the separator is `;`. Construction creates (or truncates) the file and its parent
 * folders and buffers the header as the first line; {@link CsvSink.close} writes whatever is buffered.
 */
export class CsvSink {
  /** Path of the file being written. */
  readonly path: string;
  private readonly quoting: CsvQuoting;
  private readonly bufferSize: number;
  private fd: number;
  /** Buffered lines (without newline) and their total length in characters, newlines included. */
  private lines: string[] = [];
  private buffered = 0;
  private rowCount = 0;

  constructor(path: string, header: readonly string[], options: CsvSinkOptions = {}) {
    this.path = path;
    this.quoting = options.quoting ?? 'none';
    this.bufferSize = Math.max(1, options.bufferSize ?? DEFAULT_CSV_BUFFER_SIZE);
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    const head = this.join(header);
    this.lines.push(head);
    this.buffered = head.length + 1;
  }

  /** Data rows written so far (header excluded). */
  get rows(): number {
    return this.rowCount;
  }

  /** Whether {@link CsvSink.close} has been called. */
  get closed(): boolean {
    return this.fd < 0;
  }

  /**
   * Appends one pre-formatted row (fields already joined with `;`, no trailing newline). The fastest
   * path: the event recorders build the row with one template string.
   */
  writeLine(line: string): void {
    if (this.fd < 0) throw new Error(`CsvSink: write after close (${this.path})`);
    this.lines.push(line);
    this.rowCount++;
    this.buffered += line.length + 1;
    if (this.buffered >= this.bufferSize) this.flush();
  }

  /** Appends one row of fields, joined with `;` and quoted according to the sink's quoting. */
  writeRow(fields: readonly string[]): void {
    this.writeLine(this.join(fields));
  }

  /** Writes the buffered rows to the file now. */
  flush(): void {
    if (this.fd < 0 || this.lines.length === 0) return;
    this.lines.push('');
    const bytes = Buffer.from(this.lines.join('\n'), 'utf8');
    this.lines = [];
    this.buffered = 0;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
  }

  /** Flushes and closes the file. Idempotent. */
  close(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  private join(fields: readonly string[]): string {
    if (this.quoting === 'none') return fields.join(CSV_SEPARATOR);
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) out += CSV_SEPARATOR;
      out += quoteMinimal(fields[i]);
    }
    return out;
  }
}
