import { describe, expect, it } from 'vitest';
import { ElasticityTrigger } from './elasticity-trigger.js';

/** Feeds `values` one per 100 ms (first at 100) and returns the decisions. */
function feed(t: ElasticityTrigger, values: readonly number[], start = 100): (string | null)[] {
  return values.map((v, i) => t.observe(start + 100 * i, v));
}

describe('ElasticityTrigger with P points', () => {
  it('fires exactly once for 79, 81, 82, 83 with P = 3 and threshold 80, and not again within the cooldown', () => {
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { points: 3 }, cooldown: 1000 });
    expect(feed(t, [79, 81, 82, 83])).toEqual([null, null, null, 'up']); // fires at 400 ms
    // Still above 80 every point until 1300 ms: the cooldown (400 → 1400) keeps it quiet.
    expect(feed(t, [90, 95, 99, 99, 99, 99, 99, 99, 99], 500)).toEqual(Array(9).fill(null));
  });

  it('counts afresh after the cooldown: P new points are needed again', () => {
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { points: 3 }, cooldown: 250 });
    expect(feed(t, [81, 82, 83])).toEqual([null, null, 'up']); // at 300, quiet until 550
    expect(feed(t, [90, 90, 90, 90, 90], 400)).toEqual([null, null, null, null, 'up']); // 600, 700, 800 count
  });

  it('does not fire when a point in the run is not strictly above the threshold', () => {
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { points: 3 }, cooldown: 0 });
    expect(feed(t, [81, 82, 80, 83, 84])).toEqual([null, null, null, null, null]);
    expect(t.observe(600, 85)).toBe('up');
  });

  it('fires down after P points strictly below the lower threshold, and up and down share the cooldown', () => {
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { points: 2 }, cooldown: 300 });
    expect(feed(t, [10, 20, 5, 5])).toEqual([null, null, null, 'down']); // 20 is not below 20
    expect(feed(t, [99, 99, 99, 99], 500)).toEqual([null, null, null, 'up']); // 500, 600 quiet (until 700)
  });

  it('with P = 1 every point above the threshold outside a cooldown fires', () => {
    const t = new ElasticityTrigger({ upper: 50, lower: 0, span: { points: 1 }, cooldown: 0 });
    expect(feed(t, [51, 49, 60])).toEqual(['up', null, 'up']);
  });
});

describe('ElasticityTrigger over a time window', () => {
  it('fires once the satisfying points cover the window (each point stands for its interval)', () => {
    // Window 300 ms, interval 100 ms: the points at 100, 200, 300 cover (0, 300].
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { window: 300, interval: 100 }, cooldown: 10_000 });
    expect(feed(t, [85, 85, 85])).toEqual([null, null, 'up']);
  });

  it('restarts the window when a point fails the condition', () => {
    const t = new ElasticityTrigger({ upper: 80, lower: 20, span: { window: 250, interval: 100 }, cooldown: 10_000 });
    // 100: 85, 200: 70 (breaks), 300, 400, 500: 85 → covered at 500 (run starts at 300 ≤ 500 − 250 + 100).
    expect(feed(t, [85, 70, 85, 85, 85])).toEqual([null, null, null, null, 'up']);
  });
});
