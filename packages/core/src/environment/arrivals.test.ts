import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.js';
import { ConfigError, NssError } from '../errors.js';
import { arrivalInstants, linearArrivals, maxArrivalTime, poissonArrivals } from './arrivals.js';

const stream = (seed = 1) => new Rng(seed).stream('env/arrivals');

describe('poisson arrivals (model-spec §3.1)', () => {
  it.each([2, 3, 17, 500])('%i requests: integers, non-decreasing, first 0, last A − 1', (count) => {
    const a = poissonArrivals(count, 2500, stream(count));
    expect(a).toHaveLength(count);
    expect(a[0]).toBe(0);
    expect(a[count - 1]).toBe(2499);
    for (let i = 0; i < count; i++) {
      expect(Number.isInteger(a[i])).toBe(true);
      expect(a[i]).toBeGreaterThanOrEqual(0);
      expect(a[i]).toBeLessThan(2500);
      if (i > 0) expect(a[i]).toBeGreaterThanOrEqual(a[i - 1]);
    }
  });

  it('a single request arrives at 0; none gives none', () => {
    expect(poissonArrivals(1, 100, stream())).toEqual([0]);
    expect(poissonArrivals(0, 100, stream())).toEqual([]);
  });

  it('gaps look exponential: roughly uniform spread over [0, A)', () => {
    const a = poissonArrivals(4000, 1_000_000, stream(9));
    const firstHalf = a.filter((t) => t < 500_000).length;
    expect(firstHalf).toBeGreaterThan(1800);
    expect(firstHalf).toBeLessThan(2200);
    expect(new Set(a).size).toBeGreaterThan(3900);
  });

  it('is deterministic per stream and differs across seeds', () => {
    expect(poissonArrivals(50, 1000, stream(3))).toEqual(poissonArrivals(50, 1000, stream(3)));
    expect(poissonArrivals(50, 1000, stream(3))).not.toEqual(poissonArrivals(50, 1000, stream(4)));
  });
});

describe('linear arrivals (model-spec §3.1)', () => {
  it('emits window w’s start w·increase times', () => {
    // A = 1600, window 500 ⇒ W = 3; increase 2 ⇒ 2 + 4 + 6 = 12 instants.
    const a = linearArrivals(12, 1600, 500, 2, '<specs>');
    expect(a).toEqual([0, 0, 500, 500, 500, 500, 1000, 1000, 1000, 1000, 1000, 1000]);
  });

  it('rejects a total different from the number of requests, stating both [Q-6 corrected]', () => {
    expect(() => linearArrivals(10, 1600, 500, 2, 'specs.json')).toThrow(ConfigError);
    try {
      linearArrivals(10, 1600, 500, 2, 'specs.json');
    } catch (e) {
      const issue = (e as ConfigError).issues[0];
      expect(issue).toMatchObject({ file: 'specs.json', path: '/sfc_requests/increase_requests_per_window' });
      expect(issue.found).toBe('12 arrival instants for 10 SFC requests');
      expect(issue.expected).toContain('10 requests');
    }
  });
});

describe('arrivalInstants', () => {
  const timing = { totalTime: 3000, timeWindow: 500 };

  it('uses max_arrival_time when given, else total_time − time_window', () => {
    expect(maxArrivalTime({ arrival: 'poisson', max_arrival_time: 42 }, timing)).toBe(42);
    expect(maxArrivalTime({ arrival: 'poisson' }, timing)).toBe(2500);
    expect(() => maxArrivalTime({ arrival: 'poisson' }, undefined)).toThrow(NssError);
  });

  it('reports an unknown arrival model, a missing increase, linear without timing, a non-positive bound', () => {
    expect(() => arrivalInstants({ arrival: 'burst' }, 3, timing, stream(), 'f')).toThrow(/\/sfc_requests\/arrival: expected "poisson" or "linear"/);
    expect(() => arrivalInstants({ arrival: 'linear' }, 3, timing, stream(), 'f')).toThrow(/increase_requests_per_window/);
    expect(() =>
      arrivalInstants({ arrival: 'linear', increase_requests_per_window: 1, max_arrival_time: 100 }, 1, undefined, stream(), 'f'),
    ).toThrow(/time_window/);
    expect(() => arrivalInstants({ arrival: 'poisson' }, 3, { totalTime: 500, timeWindow: 500 }, stream(), 'f')).toThrow(/positive integer/);
  });

  it('dispatches to the chosen model', () => {
    expect(arrivalInstants({ arrival: 'linear', increase_requests_per_window: 1 }, 15, timing, stream(), 'f')).toEqual(
      linearArrivals(15, 2500, 500, 1, 'f'),
    );
    expect(arrivalInstants({ arrival: 'poisson' }, 15, timing, stream(2), 'f')).toEqual(poissonArrivals(15, 2500, stream(2)));
  });
});
