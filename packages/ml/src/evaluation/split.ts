import { MlDataError } from '../errors.js';
import { SeededRandom } from '../rng.js';
import { DataTable } from '../table.js';

/** The first `trainFraction` of the rows for training, the rest for testing, in time order (no shuffling). */
export function chronologicalSplit(table: DataTable, trainFraction = 0.8): { train: DataTable; test: DataTable } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new MlDataError(`split: trainFraction must be in (0, 1), got ${trainFraction}`);
  const cut = Math.floor(table.rowCount * trainFraction);
  return { train: table.slice(0, cut), test: table.slice(cut, table.rowCount) };
}

/** A seeded random split: `testFraction` of the rows (shuffled) for testing, the rest for training. */
export function randomSplit(table: DataTable, testFraction = 0.3, seed = 42): { train: DataTable; test: DataTable } {
  if (!(testFraction > 0 && testFraction < 1)) throw new MlDataError(`split: testFraction must be in (0, 1), got ${testFraction}`);
  const order = new SeededRandom(seed).shuffle(Array.from({ length: table.rowCount }, (_, i) => i));
  const cut = table.rowCount - Math.round(table.rowCount * testFraction);
  const pick = (ids: number[]): DataTable =>
    new DataTable(
      table.columns,
      table.columns.map((c) => {
        if (table.isNumeric(c)) {
          const src = table.numeric(c);
          return Float64Array.from(ids, (i) => src[i]);
        }
        const src = table.text(c);
        return ids.map((i) => src[i]);
      }),
    );
  return { train: pick(order.slice(0, cut)), test: pick(order.slice(cut)) };
}
