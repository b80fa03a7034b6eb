import { Rng } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { delayRuleCpu, waitTailProbability } from './delay-rule.js';

describe('waitTailProbability', () => {
  it('matches the hand-computed value and its limits', () => {
    // 50 packets/s of work 10 on CPU 1000: s = 10 ms, ρ = 0.5, E[W] = 0.5 · 10 / (2 · 0.5) = 5 ms.
    // Budget 20 ms: the wait must stay under 10 ms; P ≈ 0.5 · exp(−0.5 · 10 / 5) = 0.5 / e.
    expect(waitTailProbability(50, 10, 1000, 20)).toBeCloseTo(0.5 / Math.E, 12);
    expect(waitTailProbability(100, 10, 1000, 1000)).toBe(1); // ρ = 1: unstable
    expect(waitTailProbability(10, 10, 1000, 10)).toBe(1); // the service alone uses the budget
    expect(waitTailProbability(0, 10, 1000, 20)).toBe(0); // no traffic
  });

  it('stays within −25 %/+150 % of a simulated M/D/1 queue (Lindley recursion), conservative deep in the tail at light load', () => {
    const draws = new Rng(5).stream('lindley');
    for (const rho of [0.3, 0.6, 0.85]) {
      // Work 10 on CPU 1000: s = 10 ms; λ = ρ / s.
      const s = 10;
      const meanGap = s / rho;
      const n = 200_000;
      const waits = new Float64Array(n);
      let w = 0;
      for (let i = 1; i < n; i++) {
        w = Math.max(0, w + s - draws.exponential(meanGap));
        waits[i] = w;
      }
      const meanWait = (rho * s) / (2 * (1 - rho));
      for (const k of [1, 2, 3, 5, 8]) {
        const t = k * meanWait;
        let above = 0;
        for (let i = 1000; i < n; i++) if (waits[i] > t) above++;
        const simulated = above / (n - 1000);
        const approx = waitTailProbability((1000 * rho) / s, 10, 1000, s + t);
        // ≥ 200 waits above t in every case here (SE ≤ 7 %).
        expect(simulated).toBeGreaterThan(0.001);
        expect(approx / simulated).toBeGreaterThan(0.75);
        expect(approx / simulated).toBeLessThan(2.5);
        // Where the rule binds in practice (light load, long service, small targets) it overestimates.
        if (rho <= 0.6 && k >= 5) expect(approx).toBeGreaterThan(simulated);
      }
    }
  });
});

describe('delayRuleCpu', () => {
  it('returns the smallest CPU meeting the target (to 0.1 %)', () => {
    for (const [rate, budget, target] of [
      [61, 32, 0.01],
      [200, 32, 0.01],
      [30, 32, 0.001],
      [100, 15, 0.05],
    ]) {
      const c = delayRuleCpu(rate, 10, budget, target, 1);
      expect(waitTailProbability(rate, 10, c, budget)).toBeLessThanOrEqual(target);
      expect(waitTailProbability(rate, 10, c * 0.998, budget)).toBeGreaterThan(target);
    }
  });

  it('keeps the floor when met, is off at target 1, and grows as the target tightens', () => {
    expect(delayRuleCpu(10, 10, 32, 0.01, 5000)).toBe(5000);
    expect(delayRuleCpu(500, 10, 32, 1, 1000)).toBe(1000);
    const loose = delayRuleCpu(61, 10, 32, 0.05, 1);
    const tight = delayRuleCpu(61, 10, 32, 0.001, 1);
    expect(tight).toBeGreaterThan(loose);
    expect(loose).toBeGreaterThan(610); // always above the arrival rate of work
    expect(delayRuleCpu(61, 10, 0, 0.01, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
