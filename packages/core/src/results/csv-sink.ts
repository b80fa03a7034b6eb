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
  /** Size in bytes of the sink's write buffer; default 262 144 (256 KiB). Memory held by the sink is this. */
  readonly bufferSize?: number;
}

/** Default write-buffer size of a {@link CsvSink}: 256 KiB. */
export const DEFAULT_CSV_BUFFER_SIZE = 256 * 1024;

/** The CSV separator of every output file. */
export const CSV_SEPARATOR = ';';

/**
 * A streaming, synchronous CSV writer: each row is encoded straight into one reusable byte buffer that
 * is written with `fs.writeSync` whenever it fills up. Synchronous on purpose: the simulation loop never
 * yields to Node's event loop, so an asynchronous `fs.WriteStream` would buffer without bound. Encoding
 * into a preallocated buffer (instead of joining lines into a big string) keeps the garbage collector
 * out of the way when millions of rows are written.
 *
 * Lines end with `\n`; the separator is `;`. Construction creates (or truncates) the file and its parent
 * folders and buffers the header as the first line; {@link CsvSink.close} writes whatever is buffered.
 */
export class CsvSink {
  /** Path of the file being written. */
  readonly path: string;
  private readonly quoting: CsvQuoting;
  private fd: number;
  private readonly buffer: Buffer;
  private pos = 0;
  private rowCount = 0;

  constructor(path: string, header: readonly string[], options: CsvSinkOptions = {}) {
    this.path = path;
    this.quoting = options.quoting ?? 'none';
    this.buffer = Buffer.allocUnsafe(Math.max(64, options.bufferSize ?? DEFAULT_CSV_BUFFER_SIZE));
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
    this.append(this.join(header));
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
    this.append(line);
    this.rowCount++;
  }

  /** Appends one row of fields, joined with `;` and quoted according to the sink's quoting. */
  writeRow(fields: readonly string[]): void {
    this.writeLine(this.join(fields));
  }

  /** Writes the buffered rows to the file now. */
  flush(): void {
    if (this.fd < 0 || this.pos === 0) return;
    let offset = 0;
    while (offset < this.pos) offset += writeSync(this.fd, this.buffer, offset, this.pos - offset);
    this.pos = 0;
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

  private append(line: string): void {
    const buf = this.buffer;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes; +1 for the newline.
    if (this.pos + line.length * 3 + 1 > buf.length) {
      this.flush();
      if (line.length * 3 + 1 > buf.length) {
        const bytes = Buffer.from(`${line}\n`, 'utf8');
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
        return;
      }
    }
    this.pos += buf.write(line, this.pos, 'utf8');
    buf[this.pos++] = 10;
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
