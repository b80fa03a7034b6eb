/**
 * `--holdout F` on `nss ml train` and `nss ml evaluate`: train on the first part of a file and evaluate
 * on the rest, the same cut on both sides. Time series (forecaster, failure) are cut chronologically;
 * tabular data (classifier, regressor, kmeans) by a seeded random split, as the ML-for-NFV seed did (but
 * seeded, so train and evaluate agree).
 */
import { type DataTable, chronologicalSplit, randomSplit } from '@nss/ml';
import { InvalidArgumentError } from 'commander';

/** Options shared by train and evaluate. */
export interface HoldoutOptions {
  /** Fraction of the rows held out for evaluation, in (0, 1). */
  readonly holdout?: number;
  /** Seed of the random split (tabular kinds). */
  readonly splitSeed: number;
}

/** A fraction in (0, 1). */
export function fraction(value: string): number {
  const n = Number(value.trim());
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('expected a fraction strictly between 0 and 1');
  return n;
}

/** Whether a model kind is a time series (split chronologically). */
export function isSeriesKind(kind: string): boolean {
  return kind === 'forecaster' || kind === 'failure' || kind === 'failure-classifier';
}

/** The part of `table` to use: all of it, the training part or the held-out part. */
export function holdoutPart(table: DataTable, kind: string, options: HoldoutOptions, part: 'train' | 'test'): DataTable {
  if (options.holdout === undefined) return table;
  const split = isSeriesKind(kind) ? chronologicalSplit(table, 1 - options.holdout) : randomSplit(table, options.holdout, options.splitSeed);
  return split[part];
}
