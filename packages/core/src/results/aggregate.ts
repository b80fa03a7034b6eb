import { mean, sampleStandardDeviation } from 'simple-statistics';
import type {
  DelayStats,
  EnergyTotals,
  GroupSummary,
  PacketCounts,
  RequestCounts,
  RoundSummary,
  ScalingCounts,
  SlaStats,
} from './round-summary.js';
import { studentTQuantile } from './student-t.js';

/**
 * A numeric figure across rounds: its mean and the 95 % confidence interval of the mean,
 * mean ± t(0.975, n − 1) · s / √n with s the sample standard deviation (Student t, rounds treated as
 * independent replications). `n` counts the rounds where the figure exists (delay figures are `null` in
 * a round without deliveries); `mean` is `null` when n = 0 and `ci95` is `null` when n < 2.
 */
export interface Stat {
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly n: number;
}

/** `T` with every numeric (or nullable numeric) leaf replaced by a {@link Stat}. */
export type Aggregated<T> = {
  readonly [K in keyof T]: T[K] extends number | null ? Stat : T[K] extends object ? Aggregated<T[K]> : never;
};

/** The summary of a run: every numeric figure of {@link RoundSummary} aggregated across rounds. */
export interface RunSummary {
  /** Number of rounds aggregated. */
  readonly rounds: number;
  /** Whether any round was interrupted. */
  readonly interrupted: boolean;
  /** The rounds' seeds, in round order. */
  readonly seeds: readonly (number | string)[];
  readonly simulatedTimeMs: Stat;
  readonly wallTimeMs: Stat;
  readonly packets: Aggregated<PacketCounts>;
  readonly delayMs: Aggregated<DelayStats>;
  readonly sla: Aggregated<SlaStats>;
  readonly requests: Aggregated<RequestCounts>;
  readonly energy: Aggregated<EnergyTotals>;
  readonly scaling: Aggregated<ScalingCounts>;
  /** Per SFC type (union of the rounds' SFC types). */
  readonly perSfc: Readonly<Record<string, Aggregated<GroupSummary>>>;
  /** Per slice (union of the rounds' slices). */
  readonly perSlice: Readonly<Record<string, Aggregated<GroupSummary>>>;
}

/** Mean and 95 % confidence interval (Student t) of `values`, ignoring `null`s. */
export function statOf(values: readonly (number | null)[]): Stat {
  const xs = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return { mean: null, ci95: null, n };
  const m = mean(xs);
  if (n < 2) return { mean: m, ci95: null, n };
  const half = (studentTQuantile(0.975, n - 1) * sampleStandardDeviation(xs)) / Math.sqrt(n);
  return { mean: m, ci95: [m - half, m + half], n };
}

type Tree = { readonly [key: string]: Tree | number | null };

function aggregateTrees(trees: readonly (Tree | undefined)[]): Record<string, unknown> {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const tree of trees) {
    if (tree === undefined) continue;
    for (const key of Object.keys(tree)) {
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const children = trees.map((t) => (t === undefined ? undefined : t[key]));
    const isLeaf = children.every((c) => c === undefined || c === null || typeof c === 'number');
    out[key] = isLeaf
      ? statOf(children.map((c) => (typeof c === 'number' ? c : null)))
      : aggregateTrees(children.map((c) => (typeof c === 'object' && c !== null ? c : undefined)));
  }
  return out;
}

/**
 * Aggregates round summaries into a {@link RunSummary}: for every numeric figure (overall, per SFC type,
 * per slice) the mean across rounds and its 95 % Student-t confidence interval. A figure missing from
 * some rounds (an SFC type absent from a round) is aggregated over the rounds that have it.
 */
export function aggregateRounds(summaries: readonly RoundSummary[]): RunSummary {
  if (summaries.length === 0) throw new RangeError('aggregateRounds: no round summaries');
  const figures = summaries.map(
    ({ round: _round, seed: _seed, interrupted: _interrupted, ...rest }) => rest as unknown as Tree,
  );
  const aggregated = aggregateTrees(figures) as unknown as Omit<RunSummary, 'rounds' | 'interrupted' | 'seeds'>;
  return {
    rounds: summaries.length,
    interrupted: summaries.some((s) => s.interrupted),
    seeds: summaries.map((s) => s.seed),
    ...aggregated,
  };
}
