import { closeSync, openSync, readSync } from 'node:fs';
import { CsvFormatError, MlError } from '../errors.js';
import { DataTable, type Column } from '../table.js';

/** Options of {@link readCsvTable} and {@link parseCsvTable}. */
export interface CsvReadOptions {
  /** Field separator; default: `;` if the header contains `;` and no `,`, else `,` (seed files use `,`, the simulator's `;`). */
  readonly separator?: ',' | ';' | '\t';
  /** Columns that must be present; a missing one is an error on line 1 naming what is there. */
  readonly requiredColumns?: readonly string[];
  /** Columns kept as text. Default: the columns whose value on the first data row is not a number. */
  readonly textColumns?: readonly string[];
  /** A column whose values must strictly increase (e.g. `timestamp`); a step back or repeat is an error at its line and column. */
  readonly monotonicColumn?: string;
  /** Accept empty numeric fields as NaN instead of rejecting them. Default false. */
  readonly allowEmpty?: boolean;
}

/**
 * Splits one CSV record into fields. Supports `"`-quoted fields with `""` escapes. Returns `undefined`
 * when a quote is still open at the end (the record continues on the next line).
 */
function splitRecord(line: string, sep: string): string[] | undefined {
  if (line.indexOf('"') < 0) return line.split(sep);
  const out: string[] = [];
  let i = 0;
  let field = '';
  let quoted = false;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(field);
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) return undefined;
  out.push(field);
  return out;
}

/**
 * Streams the records of a CSV file (or text) to `onRecord` with their 1-based line number, reading
 * the file in 1 MiB chunks so memory does not grow with the file. Handles `\n` and `\r\n`, quoted
 * fields (including quoted line breaks), and skips empty lines.
 * @param source - `{ file }` to read a file, `{ text, name }` for in-memory text.
 * @param onRecord - Called with the fields and the line number the record starts on.
 * @param separator - Field separator, or `undefined` to detect it from the first line.
 */
export function forEachCsvRecord(
  source: { file: string } | { text: string; name?: string },
  onRecord: (fields: string[], line: number, separator: string) => void,
  separator?: string,
): void {
  const name = 'file' in source ? source.file : (source.name ?? '<memory>');
  let sep = separator;
  let lineNo = 0;
  let pending = '';
  let pendingStart = 0;
  const handle = (raw: string): void => {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (pending === '' && line === '') return;
    if (sep === undefined) sep = line.includes(';') && !line.includes(',') ? ';' : line.includes('\t') && !line.includes(',') ? '\t' : ',';
    const text = pending === '' ? line : `${pending}\n${line}`;
    const start = pending === '' ? lineNo : pendingStart;
    const fields = splitRecord(text, sep);
    if (fields === undefined) {
      if (pending === '') pendingStart = lineNo;
      pending = text;
      return;
    }
    pending = '';
    onRecord(fields, start, sep);
  };
  let rest = '';
  const feed = (chunk: string): void => {
    const text = rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n', from); nl >= 0; nl = text.indexOf('\n', from)) {
      handle(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  };
  if ('text' in source) feed(source.text);
  else {
    let fd: number;
    try {
      fd = openSync(source.file, 'r');
    } catch (e) {
      throw new MlError('NSS_ML_INPUT', `${name}: cannot open (${(e as Error).message}); check the path`);
    }
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      const decoder = new TextDecoder('utf-8');
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        feed(decoder.decode(buf.subarray(0, n), { stream: true }));
      }
      feed(decoder.decode());
    } finally {
      closeSync(fd);
    }
  }
  if (rest !== '') handle(rest);
  if (pending !== '') throw new CsvFormatError(name, pendingStart, 0, 'a quoted field is never closed (missing `"`)');
}

/** Growable Float64Array. */
class NumberColumn {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function buildTable(
  name: string,
  source: { file: string } | { text: string; name?: string },
  options: CsvReadOptions,
): DataTable {
  let header: string[] | undefined;
  let numeric: boolean[] = [];
  const nums: NumberColumn[] = [];
  const texts: string[][] = [];
  let monoIndex = -1;
  let lastMono = -Infinity;
  forEachCsvRecord(
    source,
    (fields, line) => {
      if (header === undefined) {
        header = fields.map((f) => f.trim());
        const seen = new Set<string>();
        header.forEach((h, i) => {
          if (h === '') throw new CsvFormatError(name, line, i + 1, 'empty column name in the header');
          if (seen.has(h)) throw new CsvFormatError(name, line, i + 1, `duplicate column "${h}" in the header`);
          seen.add(h);
        });
        const missing = (options.requiredColumns ?? []).filter((c) => !seen.has(c));
        if (missing.length > 0) {
          throw new CsvFormatError(
            name,
            line,
            0,
            `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} (header has: ${header.join(', ')})`,
          );
        }
        if (options.monotonicColumn !== undefined) {
          monoIndex = header.indexOf(options.monotonicColumn);
          if (monoIndex < 0) throw new CsvFormatError(name, line, 0, `missing column "${options.monotonicColumn}" (header has: ${header.join(', ')})`);
        }
        return;
      }
      if (fields.length !== header.length) {
        throw new CsvFormatError(
          name,
          line,
          Math.min(fields.length, header.length) + 1,
          `expected ${header.length} fields (${header.join(', ')}), found ${fields.length}`,
        );
      }
      if (numeric.length === 0) {
        numeric = header.map((h, i) => {
          if (options.textColumns?.includes(h)) return false;
          const f = fields[i].trim();
          return f === '' || Number.isFinite(Number(f)) || f === 'NaN';
        });
        header.forEach((_, i) => {
          nums.push(new NumberColumn());
          texts.push([]);
          void i;
        });
      }
      for (let i = 0; i < fields.length; i++) {
        if (!numeric[i]) {
          texts[i].push(fields[i]);
          continue;
        }
        const f = fields[i];
        let v: number;
        if (f === '' || f.trim() === '') {
          if (options.allowEmpty !== true) {
            throw new CsvFormatError(name, line, i + 1, `empty value in numeric column "${header[i]}" (fill it in or remove the row)`);
          }
          v = NaN;
        } else {
          v = Number(f);
          if (Number.isNaN(v) && f.trim() !== 'NaN') {
            throw new CsvFormatError(name, line, i + 1, `"${f}" is not a number (column "${header[i]}")`);
          }
        }
        if (i === monoIndex) {
          if (!(v > lastMono)) {
            throw new CsvFormatError(
              name,
              line,
              i + 1,
              `${header[i]} ${f} does not increase (previous row has ${lastMono}); sort the file by ${header[i]} and remove duplicates`,
            );
          }
          lastMono = v;
        }
        nums[i].push(v);
      }
    },
    options.separator,
  );
  if (header === undefined) throw new CsvFormatError(name, 0, 0, 'the file is empty (a header line is needed)');
  const h = header;
  if (numeric.length === 0) numeric = h.map((c) => !(options.textColumns ?? []).includes(c));
  const cols: Column[] = h.map((_, i) => (numeric[i] ? (nums[i] ? nums[i].data.slice(0, nums[i].length) : new Float64Array(0)) : texts[i]));
  return new DataTable(h, cols);
}

/**
 * Reads a whole CSV file into a {@link DataTable}, streaming it in chunks. Errors are
 * {@link CsvFormatError}s with the file, line and column: a row with the wrong number of fields, a
 * non-numeric value in a numeric column, a missing required column, a value of the monotonic column
 * that does not increase.
 */
export function readCsvTable(file: string, options: CsvReadOptions = {}): DataTable {
  return buildTable(file, { file }, options);
}

/** Like {@link readCsvTable} on in-memory text; `name` is used in error messages (default `<memory>`). */
export function parseCsvTable(text: string, options: CsvReadOptions = {}, name = '<memory>'): DataTable {
  return buildTable(name, { text, name }, options);
}
