import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Options of a {@link CsvWriter}. */
export interface CsvWriterOptions {
  /** Field separator. Default `,` (the seed's traffic schema). */
  readonly separator?: string;
  /** Buffer size in bytes before a write to disk. Default 256 KiB. */
  readonly bufferSize?: number;
}

/**
 * A streaming, synchronous CSV writer. Rows go to a short pending string that is flushed to the file
 * whenever it exceeds the buffer size, so memory stays bounded whatever the row count. The file is
 * written under a temporary name beside the target and renamed on {@link CsvWriter.close}, so a reader
 * never sees a half-written file and a failure leaves any previous file intact.
 */
export class CsvWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private pending = '';
  private readonly limit: number;
  private readonly sep: string;
  private closed = false;

  /**
   * @param path - Target file; parent folders are created.
   * @param header - Column names, written as the first line.
   * @param options - Separator and buffer size.
   */
  constructor(
    readonly path: string,
    header: readonly string[],
    options: CsvWriterOptions = {},
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.tmp = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.tmp, 'w');
    this.limit = options.bufferSize ?? 256 * 1024;
    this.sep = options.separator ?? ',';
    this.pending = header.map((h) => this.field(h)).join(this.sep) + '\n';
  }

  private field(v: string | number): string {
    const s = String(v);
    return s.includes(this.sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  }

  /** Appends one row (numbers are written with `String(n)`; text is quoted only when needed). */
  writeRow(values: readonly (string | number)[]): void {
    let line = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      line += (i === 0 ? '' : this.sep) + (typeof v === 'number' ? String(v) : this.field(v));
    }
    this.pending += line + '\n';
    if (this.pending.length >= this.limit) this.flush();
  }

  /** Appends an already formatted line (no separator check); used by fast writers such as the traffic generator. */
  writeLine(line: string): void {
    this.pending += line + '\n';
    if (this.pending.length >= this.limit) this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) writeSync(this.fd, this.pending);
    this.pending = '';
  }

  /** Writes what is buffered, closes the file and moves it into place. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  /** Closes and deletes the temporary file without touching the target (use on failure). */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    try {
      unlinkSync(this.tmp);
    } catch {
      /* already gone */
    }
  }
}
