import { describe, expect, it } from 'vitest';
import { delayStatsOfSorted, mergeAdjacentRuns } from './percentile.js';

describe('mergeAdjacentRuns', () => {
  it('merges any number of adjacent sorted runs in place, empty runs included', () => {
    for (const k of [0, 1, 2, 3, 5, 8]) {
      const runs: number[][] = [];
      for (let r = 0; r < k; r++) {
        const len = r % 3 === 1 ? 0 : 1 + ((r * 7) % 5);
        runs.push(Array.from({ length: len }, (_, i) => ((r * 13 + i * 7) % 11) + i * 0.5).sort((a, b) => a - b));
      }
      const flat = runs.flat();
      const prefix = [-5, -4];
      const values = Float64Array.from([...prefix, ...flat, 99]);
      const bounds = [prefix.length];
      for (const run of runs) bounds.push(bounds[bounds.length - 1] + run.length);
      mergeAdjacentRuns(values, new Float64Array(values.length), bounds);
      expect(Array.from(values)).toEqual([...prefix, ...[...flat].sort((a, b) => a - b), 99]);
    }
  });
});

describe('delayStatsOfSorted', () => {
  it('gives mean, type-7 percentiles and max', () => {
    const xs = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(delayStatsOfSorted(xs)).toEqual({ mean: 50, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(delayStatsOfSorted([])).toEqual({ mean: null, p50: null, p95: null, p99: null, max: null });
  });
});
