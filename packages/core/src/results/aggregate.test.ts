import { describe, expect, it } from 'vitest';
import { aggregateRounds, statOf } from './aggregate.js';
import { RunMetrics } from './run-metrics.js';
import type { RoundSummary } from './round-summary.js';

function round(index: number, delivered: number[], seed: number | string = index, interrupted = false): RoundSummary {
  const m = new RunMetrics(['s_0', 's_1'], ['sl_0']);
  for (const d of delivered) {
    m.packetCreated(0, 0);
    m.packetDelivered(0, 0, d, false);
  }
  m.packetCreated(1, 0);
  m.requests(4, 3 + (index % 2), 1 - (index % 2));
  return m.summarize({ round: index, seed, interrupted, simulatedTimeMs: 1000, wallTimeMs: 10 * (index + 1) });
}

describe('statOf', () => {
  it('computes the mean and the Student-t 95 % CI: 1,2,3,4', () => {
    const s = statOf([1, 2, 3, 4]);
    const half = (3.182446305284263 * 1.2909944487358056) / 2;
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.ci95![0]).toBeCloseTo(2.5 - half, 12);
    expect(s.ci95![1]).toBeCloseTo(2.5 + half, 12);
    expect(s.ci95![1] - s.ci95![0]).toBeCloseTo(4.10852, 5);
  });

  it('ignores nulls, has no CI below two values, and no mean without values', () => {
    expect(statOf([null, 5, null])).toEqual({ mean: 5, ci95: null, n: 1 });
    expect(statOf([null, null])).toEqual({ mean: null, ci95: null, n: 0 });
    expect(statOf([3, 3, 3])).toEqual({ mean: 3, ci95: [3, 3], n: 3 });
  });
});

describe('aggregateRounds', () => {
  it('aggregates every numeric leaf, overall, per SFC and per slice', () => {
    const rounds = [round(0, [1, 1]), round(1, [2, 2, 2]), round(2, [3]), round(3, [4, 4, 4, 4])];
    const run = aggregateRounds(rounds);
    expect(run.rounds).toBe(4);
    expect(run.interrupted).toBe(false);
    expect(run.seeds).toEqual([0, 1, 2, 3]);
    // Mean delay per round is 1, 2, 3, 4.
    const half = (3.182446305284263 * 1.2909944487358056) / 2;
    expect(run.delayMs.mean.mean).toBe(2.5);
    expect(run.delayMs.mean.ci95![1]).toBeCloseTo(2.5 + half, 12);
    expect(run.perSfc.s_0.delayMs.p50.mean).toBe(2.5);
    expect(run.perSlice.sl_0.packets.created.mean).toBe(2.5 + 1);
    expect(run.packets.delivered).toEqual(statOf([2, 3, 1, 4]));
    expect(run.requests.placed.mean).toBe(3.5);
    expect(run.wallTimeMs.mean).toBe(25);
    expect(run.simulatedTimeMs).toEqual({ mean: 1000, ci95: [1000, 1000], n: 4 });
    // s_1 never delivered: its delay figures exist in no round.
    expect(run.perSfc.s_1.delayMs.mean).toEqual({ mean: null, ci95: null, n: 0 });
    expect(run.perSfc.s_1.packets.inFlight.mean).toBe(1);
    expect('round' in run).toBe(false);
  });

  it('counts a figure only in the rounds that have it, and flags interruption', () => {
    const run = aggregateRounds([round(0, [5]), round(1, [], 'x', true)]);
    expect(run.delayMs.max).toEqual({ mean: 5, ci95: null, n: 1 });
    expect(run.interrupted).toBe(true);
    expect(run.seeds).toEqual([0, 'x']);
  });

  it('rejects an empty list', () => {
    expect(() => aggregateRounds([])).toThrow(RangeError);
  });
});
