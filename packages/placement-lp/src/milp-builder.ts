import type { ModelData } from 'highs';

/**
 * Accumulates the columns and rows of a minimisation MILP and hands HiGHS its structured model data
 * (compressed sparse rows), so no LP text has to be written and parsed.
 */
export class MilpBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  /** Constant added to the objective. */
  offset = 0;

  /** Number of columns so far. */
  get columns(): number {
    return this.cost.length;
  }

  /** Number of rows so far. */
  get rows(): number {
    return this.rowLower.length;
  }

  /** Adds a column with objective coefficient `cost` and bounds; returns its index. */
  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds `delta` to the objective coefficient of column `col`. */
  addCost(col: number, delta: number): void {
    this.cost[col] += delta;
  }

  /** Adds a binary column. */
  addBinary(cost: number): number {
    return this.addColumn(cost, 0, 1, true);
  }

  /** Adds the row `lower ≤ Σ coefficient · column ≤ upper` (repeated columns are summed). */
  addRow(lower: number, upper: number, entries: readonly (readonly [number, number])[]): void {
    const merged = new Map<number, number>();
    for (const [col, coef] of entries) merged.set(col, (merged.get(col) ?? 0) + coef);
    for (const [col, coef] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (coef === 0) continue;
      this.indices.push(col);
      this.values.push(coef);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  /** Objective value (offset included) of a full assignment of the columns. */
  objectiveOf(values: ArrayLike<number>): number {
    let total = this.offset;
    for (let i = 0; i < this.cost.length; i++) total += this.cost[i] * values[i];
    return total;
  }

  /** The model for HiGHS (`infinity` is the runtime's infinity, used for open row bounds). */
  build(infinity: number): ModelData {
    const clamp = (v: number): number => (v === Number.POSITIVE_INFINITY ? infinity : v === Number.NEGATIVE_INFINITY ? -infinity : v);
    return {
      numCols: this.cost.length,
      numRows: this.rowLower.length,
      offset: this.offset,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower, clamp),
      colUpper: Float64Array.from(this.upper, clamp),
      rowLower: Float64Array.from(this.rowLower, clamp),
      rowUpper: Float64Array.from(this.rowUpper, clamp),
      matrix: {
        format: 'csr',
        numRows: this.rowLower.length,
        numCols: this.cost.length,
        starts: Int32Array.from(this.starts),
        indices: Int32Array.from(this.indices),
        values: Float64Array.from(this.values),
      },
      integrality: Int32Array.from(this.integer),
    };
  }
}
