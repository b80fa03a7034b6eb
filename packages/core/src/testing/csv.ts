/**
 * Reading the `;`-separated CSV files a simulation writes (minimal quoting understood).
 */
import { readFileSync } from 'node:fs';

/** A parsed `;`-separated CSV file (minimal quoting understood). */
export interface Csv {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Index of a column (throws when absent). */
  col(name: string): number;
  /** The values of one column. */
  column(name: string): string[];
}

/** Splits one CSV line on `;`, honouring double-quoted fields. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads a CSV file written by the simulation. */
export function readCsv(path: string): Csv {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const rows = lines.slice(1).map(splitCsvLine);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path} has no column ${name} (columns: ${header.join(', ')})`);
    return i;
  };
  return { header, rows, col, column: (name) => rows.map((r) => r[col(name)]) };
}

/** Rows of `csv` whose `Event` is `event`. */
export function rowsOf(csv: Csv, event: string): (readonly string[])[] {
  const e = csv.col('Event');
  return csv.rows.filter((r) => r[e] === event);
}


/** The row of `csv` whose column `key` is `value`, as a record (throws when absent). */
export function rowWhere(csv: Csv, key: string, value: string): Record<string, string> {
  const row = csv.rows.find((r) => r[csv.col(key)] === value);
  if (row === undefined) throw new Error(`no row with ${key} = ${value}`);
  return Object.fromEntries(csv.header.map((h, i) => [h, row[i]]));
}

/** The `Time` values (as numbers) of the rows of `csv` whose `Event` is `event`. */
export function timesOf(csv: Csv, event: string): number[] {
  return rowsOf(csv, event).map((r) => Number(r[csv.col('Time')]));
}

/** The rows of a CSV file written by the simulation, each as a record keyed by the header's column names. */
export function csvRecords(path: string): Record<string, string>[] {
  const csv = readCsv(path);
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r[i]])));
}
