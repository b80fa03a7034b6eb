/**
 * Statistics for tests that check a simulation against theory: batch means with a Student-t interval.
 */
import { studentTQuantile } from '../results/student-t.js';

/** A batch-means estimate of a steady-state mean with its Student-t confidence interval. */
export interface BatchMeans {
  readonly mean: number;
  readonly batches: number;
  /** Half-width of the confidence interval. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Batch means (e.g. 30 batches of consecutive observations; a trailing remainder is dropped): the mean
 * of the batch means and the `confidence` interval from their sample standard deviation.
 */
export function batchMeans(values: ArrayLike<number>, batches = 30, confidence = 0.95): BatchMeans {
  const size = Math.floor(values.length / batches);
  if (size < 1) throw new Error(`batchMeans: ${values.length} values for ${batches} batches`);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += values[i];
    means.push(s / size);
  }
  const mean = means.reduce((a, x) => a + x, 0) / batches;
  const variance = means.reduce((a, x) => a + (x - mean) ** 2, 0) / (batches - 1);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, batches - 1) * Math.sqrt(variance / batches);
  return { mean, batches, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}
