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
  /** Size in bytes of the sink's write buffer; default 262 144 (256 KiB). Memory held by the sink is about this. */
  readonly bufferSize?: number;
}

/** Default write-buffer size of a {@link CsvSink}: 256 KiB. */
export const DEFAULT_CSV_BUFFER_SIZE = 256 * 1024;

/** The CSV separator of every output file. */
export const CSV_SEPARATOR = ';';

/** Rows are collected in a string of at most this many characters before being encoded into the buffer. */
const CHUNK_CHARS = 8192;

/**
 * A streaming, synchronous CSV writer: rows are appended to a short pending string (≤ 8 Ki characters),
 * which is encoded (UTF-8) into one reusable byte buffer once full; the buffer is written with
 * `fs.writeSync` whenever it fills up. Synchronous on purpose: the simulation loop never yields to
 * Node's event loop, so an asynchronous `fs.WriteStream` would buffer without bound. Encoding a chunk of
 * rows at a time saves the per-call cost of `Buffer.write` on every row, and the short-lived chunk
 * strings and preallocated buffer keep the garbage collector out of the way when millions of rows are
 * written.
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
  /** Rows not yet encoded into the byte buffer, each ending with `\n`; at most `chunkChars` long. */
  private pending = '';
  private readonly chunkChars: number;
  private rowCount = 0;

  constructor(path: string, header: readonly string[], options: CsvSinkOptions = {}) {
    this.path = path;
    this.quoting = options.quoting ?? 'none';
    this.buffer = Buffer.allocUnsafe(Math.max(64, options.bufferSize ?? DEFAULT_CSV_BUFFER_SIZE));
    // A UTF-16 code unit takes at most 3 UTF-8 bytes: a full chunk always fits in the empty buffer.
    this.chunkChars = Math.min(CHUNK_CHARS, Math.floor(this.buffer.length / 3));
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
    if (this.fd < 0) return;
    this.spill();
    this.writeBuffer();
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
    if (this.pending.length + line.length + 1 > this.chunkChars) {
      this.spill();
      if (line.length + 1 > this.chunkChars) {
        this.encode(`${line}\n`);
        return;
      }
    }
    this.pending += line;
    this.pending += '\n';
  }

  /** Moves the pending rows into the byte buffer. */
  private spill(): void {
    if (this.pending.length === 0) return;
    const text = this.pending;
    this.pending = '';
    this.encode(text);
  }

  /** Encodes `text` (whole rows) into the byte buffer, writing the buffer first if it might not fit. */
  private encode(text: string): void {
    const buf = this.buffer;
    if (this.pos + text.length * 3 > buf.length) {
      this.writeBuffer();
      if (text.length * 3 > buf.length) {
        const bytes = Buffer.from(text, 'utf8');
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
        return;
      }
    }
    this.pos += buf.write(text, this.pos, 'utf8');
  }

  /** Writes the byte buffer to the file. */
  private writeBuffer(): void {
    let offset = 0;
    while (offset < this.pos) offset += writeSync(this.fd, this.buffer, offset, this.pos - offset);
    this.pos = 0;
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
