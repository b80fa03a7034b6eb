import { MlDataError } from './errors.js';

/** One column of a {@link DataTable}: numbers (typed array) or text (e.g. the seed's `label`). */
export type Column = Float64Array | string[];

/**
 * A column-oriented table of rows read from a CSV file or produced by the traffic generator. Numeric
 * columns are `Float64Array`s (one value per row), text columns `string[]`.
 */
export class DataTable {
  /** Column names in file order. */
  readonly columns: readonly string[];
  /** Number of data rows. */
  readonly rowCount: number;
  private readonly byName: Map<string, Column>;

  /**
   * @param columns - Column names in order.
   * @param data - One column per name, all of the same length.
   */
  constructor(columns: readonly string[], data: readonly Column[]) {
    if (columns.length !== data.length) throw new MlDataError(`table: ${columns.length} names for ${data.length} columns`);
    this.columns = [...columns];
    this.rowCount = data.length === 0 ? 0 : data[0].length;
    this.byName = new Map();
    columns.forEach((name, i) => {
      if (data[i].length !== this.rowCount) {
        throw new MlDataError(`table: column "${name}" has ${data[i].length} rows, expected ${this.rowCount}`);
      }
      this.byName.set(name, data[i]);
    });
  }

  /** Whether the table has a column of that name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Whether the named column holds numbers. */
  isNumeric(name: string): boolean {
    return this.byName.get(name) instanceof Float64Array;
  }

  /** The named numeric column; throws {@link MlDataError} naming the available columns if absent or textual. */
  numeric(name: string): Float64Array {
    const c = this.byName.get(name);
    if (c === undefined) {
      throw new MlDataError(`no column "${name}" (columns: ${this.columns.join(', ')})`);
    }
    if (!(c instanceof Float64Array)) throw new MlDataError(`column "${name}" holds text, a numeric column is needed`);
    return c;
  }

  /** The named column as text (numbers are formatted with `String`). */
  text(name: string): string[] {
    const c = this.byName.get(name);
    if (c === undefined) throw new MlDataError(`no column "${name}" (columns: ${this.columns.join(', ')})`);
    return c instanceof Float64Array ? Array.from(c, String) : c;
  }

  /** The rows `[start, end)` as a new table (numeric columns are views, not copies). */
  slice(start: number, end: number): DataTable {
    return new DataTable(
      this.columns,
      this.columns.map((n) => {
        const c = this.byName.get(n) as Column;
        return c instanceof Float64Array ? c.subarray(start, end) : c.slice(start, end);
      }),
    );
  }

  /** The named numeric columns as rows (`rows[i][j]` = column j of row i), for `predict`. */
  rows(names: readonly string[]): number[][] {
    const cols = names.map((n) => this.numeric(n));
    const out: number[][] = new Array(this.rowCount);
    for (let i = 0; i < this.rowCount; i++) out[i] = cols.map((c) => c[i]);
    return out;
  }
}
