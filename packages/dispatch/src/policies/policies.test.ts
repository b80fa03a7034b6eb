import { Rng } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { ForwardingTable } from '../table/forwarding-table.js';
import { DeficitRoundRobinPolicy } from './deficit-round-robin-policy.js';
import { chooseInverseWeight } from './inverse-weight.js';
import { ProportionalFairnessPolicy } from './proportional-fairness-policy.js';

const fixed = (u: number) => ({ next: () => u });

function counts(table: ForwardingTable, key: string, n: number, draw: () => string): Map<string, number> {
  const out = new Map<string, number>(table.entries(key).map((e) => [e.destination, 0]));
  for (let i = 0; i < n; i++) {
    const d = draw();
    out.set(d, (out.get(d) ?? 0) + 1);
  }
  return out;
}

describe('random policy', () => {
  it("reproduces the seed's worked example: weights 0.106 / 0.109 split about 50.7 / 49.3 (binomial 4σ over 200k draws)", () => {
    const p = 1 / 0.106 / (1 / 0.106 + 1 / 0.109);
    expect(p).toBeCloseTo(0.507, 3); // hand value: 9.43396 / 18.60827
    const table = new ForwardingTable({ type: 'random' });
    table.change('clambda0', 'A', 0.106, { final: true });
    table.change('clambda0', 'B', 0.109, { final: true });
    const rng = new Rng(12345).stream('dispatch-test');
    const n = 200_000;
    const c = counts(table, 'clambda0', n, () => table.choose('clambda0', 0, rng));
    const sigma = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(c.get('A')! - n * p)).toBeLessThan(4 * sigma);
    expect(c.get('A')! + c.get('B')!).toBe(n);
  });

  it('maps the uniform draw onto the cumulative inverse weights', () => {
    // weights 1, 2, 4: inverse 1, 0.5, 0.25 (sum 1.75) -> cut points 1/1.75 = 0.5714, 1.5/1.75 = 0.8571
    const w = [1, 2, 4];
    expect(chooseInverseWeight(w, 3, 0)).toBe(0);
    expect(chooseInverseWeight(w, 3, 0.57)).toBe(0);
    expect(chooseInverseWeight(w, 3, 0.58)).toBe(1);
    expect(chooseInverseWeight(w, 3, 0.85)).toBe(1);
    expect(chooseInverseWeight(w, 3, 0.86)).toBe(2);
    expect(chooseInverseWeight(w, 3, 0.999999)).toBe(2);
  });

  it('follows weight changes and removals', () => {
    const table = new ForwardingTable({ type: 'random' });
    table.change('f', 'A', 1);
    table.change('f', 'B', 1);
    expect(table.choose('f', 0, fixed(0.4))).toBe('A');
    table.change('f', 'A', 4); // inverse 0.25 vs 1: A below 0.2
    expect(table.choose('f', 0, fixed(0.4))).toBe('B');
    table.remove('f', 'B');
    expect(table.choose('f', 0, fixed(0.9))).toBe('A');
  });
});

describe('least-impedance policy', () => {
  it('always picks the minimum weight, the first added on ties', () => {
    const table = new ForwardingTable({ type: 'least-impedance' });
    table.change('f', 'A', 0.3);
    table.change('f', 'B', 0.2);
    table.change('f', 'C', 0.5);
    for (let i = 0; i < 5; i++) expect(table.choose('f', i, fixed(0.5))).toBe('B');
    table.change('f', 'C', 0.1);
    expect(table.choose('f', 9, fixed(0.5))).toBe('C');
    table.change('f', 'A', 0.1);
    expect(table.choose('f', 9, fixed(0.5))).toBe('A');
  });
});

describe('deficit round robin policy', () => {
  it('with weights 1 and 2 chooses the first twice as often', () => {
    const table = new ForwardingTable({ type: 'round-robin' });
    table.change('f', 'A', 1, { now: 0 });
    table.change('f', 'B', 2, { now: 0 });
    const c = counts(table, 'f', 3000, () => table.choose('f', 0.5, fixed(0)));
    expect(c.get('A')).toBe(2000);
    expect(c.get('B')).toBe(1000);
  });

  it('shifts every deficit so that the minimum is 0 on a weight update', () => {
    const policy = new DeficitRoundRobinPolicy();
    policy.added('A', 1, 0);
    policy.added('B', 1.5, 0);
    for (let i = 0; i < 5; i++) policy.choose(0);
    const before = policy.inspect().map((s) => s.deficit);
    policy.weightChanged('A', 1, 0.1);
    const after = policy.inspect().map((s) => s.deficit);
    expect(Math.min(...after)).toBe(0);
    expect(after[0] - after[1]).toBeCloseTo(before[0] - before[1], 12);
  });

  it('excludes a destination with w > 2·min w until its stale timer expires, then probes it once', () => {
    const table = new ForwardingTable({ type: 'round-robin' });
    table.change('f', 'A', 1, { now: 0 });
    table.change('f', 'B', 3, { now: 0 });
    // B is never-updated so far: in the active set until a weight update measures it
    table.change('f', 'B', 3, { now: 0 });
    const state = () => (table.policy('f') as DeficitRoundRobinPolicy).inspect();
    expect(state()[1].active).toBe(false);
    for (let t = 0; t < 0.999; t += 0.1) expect(table.choose('f', t, fixed(0))).toBe('A');
    // at t = 1 s the timer expires: B is admitted for a probe with the smallest deficit, chosen within two picks
    const picks = [table.choose('f', 1, fixed(0)), table.choose('f', 1, fixed(0))];
    expect(picks).toContain('B');
    expect(state()[1].probing).toBe(true);
  });

  it('doubles the stale period on each failed probe, caps it at 30 s and resets it to 1 s on admission', () => {
    const policy = new DeficitRoundRobinPolicy();
    policy.added('A', 1, 0);
    policy.added('B', 3, 0);
    policy.weightChanged('B', 3, 0); // measured: excluded, timer 1 s
    const b = () => policy.inspect()[1];
    let last = 0; // time of B's last weight update (integers and quarters: exact in floating point)
    const seen: number[] = [];
    for (let round = 0; round < 7; round++) {
      const period = b().stalePeriod;
      seen.push(period);
      policy.choose(last + period - 0.25);
      expect(b().active).toBe(false); // not yet
      policy.choose(last + period); // expired: admitted for a probe
      expect(b().probing).toBe(true);
      last += period;
      policy.weightChanged('B', 3, last); // the probe's measurement: still too slow
      expect(b().active).toBe(false);
    }
    expect(seen).toEqual([1, 2, 4, 8, 16, 30, 30]);
    // the next probe finds it fast enough: admitted, period back to 1 s
    last += b().stalePeriod;
    policy.choose(last);
    policy.weightChanged('B', 1.5, last);
    expect(b()).toMatchObject({ active: true, probing: false, stalePeriod: 1 });
  });

  it('takes its stale periods in the caller unit', () => {
    const policy = new DeficitRoundRobinPolicy({ initialStalePeriod: 1000, maxStalePeriod: 3000 });
    policy.added('A', 1, 0);
    policy.added('B', 3, 0);
    policy.weightChanged('B', 3, 0);
    expect(policy.inspect()[1].stalePeriod).toBe(1000);
    expect(() => new DeficitRoundRobinPolicy({ initialStalePeriod: 5, maxStalePeriod: 2 })).toThrow(/need 0 < initial ≤ max/);
  });
});

describe('proportional fairness policy', () => {
  function serve(policy: ProportionalFairnessPolicy, n: number, latency: (d: string) => number): Map<string, number> {
    const c = new Map<string, number>();
    for (let t = 1; t <= n; t++) {
      const d = policy.choose(t);
      c.set(d, (c.get(d) ?? 0) + 1);
      policy.processSuccess(d, latency(d), t);
    }
    return c;
  }

  it('α = 0, β = 1 behaves like round robin', () => {
    const policy = new ProportionalFairnessPolicy({ alpha: 0, beta: 1 });
    for (const [d, w] of [['A', 0.1], ['B', 0.5], ['C', 2]] as const) policy.added(d, w, 0);
    const order: string[] = [];
    for (let t = 1; t <= 9; t++) {
      const d = policy.choose(t);
      order.push(d);
      policy.processSuccess(d, 1, t);
    }
    expect(order).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A', 'B', 'C']);
    // afterwards (served counts differ by one within a cycle) the shares stay within 1 % of a third
    const c = serve(policy, 3000, () => 1);
    for (const n of c.values()) expect(Math.abs(n - 1000)).toBeLessThan(10);
  });

  it('α = 1, β = 0 always picks the fastest', () => {
    const policy = new ProportionalFairnessPolicy({ alpha: 1, beta: 0 });
    for (const [d, w] of [['A', 0.3], ['B', 0.1], ['C', 2]] as const) policy.added(d, w, 0);
    const c = serve(policy, 100, (d) => (d === 'B' ? 0.1 : 1));
    expect(c.get('B')).toBe(100);
  });

  it('weighs speed against the served rate (α = β = 1): the faster destination gets more, the slower some', () => {
    const policy = new ProportionalFairnessPolicy({ alpha: 1, beta: 1 });
    policy.added('fast', 1, 0);
    policy.added('slow', 3, 0);
    const c = serve(policy, 4000, (d) => (d === 'fast' ? 1 : 3));
    expect(c.get('fast')!).toBeGreaterThan(c.get('slow')!);
    expect(c.get('slow')!).toBeGreaterThan(0);
  });

  it('rejects negative exponents', () => {
    expect(() => new ProportionalFairnessPolicy({ alpha: -1 })).toThrow(/alpha = -1 .* ≥ 0/);
  });
});
