import { type DispatchContext, type VnfInstanceInfo, Rng, instantiate } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { DeficitRoundRobinDispatch } from './deficit-round-robin-dispatch.js';
import { dispatchPlugins } from './dispatch-plugins.js';
import { LeastImpedanceDispatch } from './least-impedance-dispatch.js';
import { LeastLoadedDispatch } from './least-loaded-dispatch.js';
import { ProportionalFairnessDispatch } from './proportional-fairness-dispatch.js';
import { RandomDispatch } from './random-dispatch.js';
import { RoundRobinDispatch } from './round-robin-dispatch.js';

function instance(index: number, o: Partial<VnfInstanceInfo> = {}): VnfInstanceInfo {
  return {
    index,
    name: `n_${index}_v_0_1`,
    vnf: 'v_0',
    node: `n_${index}`,
    cpu: 1000,
    mem: 100,
    cpuLoad: 0,
    memLoad: 0,
    queue: 0,
    busySlots: 0,
    slots: 1,
    sfcInstances: [],
    state: 'running',
    acceptSfcInstances: true,
    createdAt: 0,
    readyAt: 0,
    ...o,
  };
}

const at = (time: number): DispatchContext => ({ time, request: 'r_0', vnf: 'v_0', size: 10 });

describe('dispatchPlugins', () => {
  it('lists the six plugins under their names, with unique names and aliases', () => {
    expect(dispatchPlugins.map((p) => p.name)).toEqual([
      'round-robin',
      'least-loaded',
      'random',
      'least-impedance',
      'proportional-fairness',
      'deficit-round-robin',
    ]);
    const names = dispatchPlugins.flatMap((p) => [p.name, ...p.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const p of dispatchPlugins) expect(p.kind).toBe('dispatch');
  });

  it('validates parameters through the core: defaults applied, bad values named', () => {
    const rng = new Rng(1).stream('d');
    const pf = dispatchPlugins.find((p) => p.name === 'proportional-fairness')!;
    expect(instantiate(pf, {}, { rng }).name).toBe('proportional-fairness');
    expect(() => instantiate(pf, { alpha: -1 }, { rng })).toThrow(/alpha/);
    expect(() => instantiate(pf, { gamma: 1 }, { rng })).toThrow(/gamma/);
    const drr = dispatchPlugins.find((p) => p.name === 'deficit-round-robin')!;
    expect(() => instantiate(drr, { stale_period: 5000, max_stale_period: 1000 }, { rng })).toThrow(
      /"deficit-round-robin": parameter "max_stale_period" \(1000\) must be ≥ "stale_period" \(5000\)/,
    );
    const rr = dispatchPlugins.find((p) => p.name === 'round-robin')!;
    expect(() => instantiate(rr, { x: 1 }, { rng })).toThrow();
  });
});

describe('round-robin', () => {
  it('serves a fixed set in turn, and a newcomer first', () => {
    const p = new RoundRobinDispatch();
    const c = [instance(0), instance(1), instance(2)];
    expect([0, 1, 2, 3, 4, 5].map(() => p.select(c, at(0)))).toEqual([0, 1, 2, 0, 1, 2]);
    const more = [...c, instance(3)];
    expect(p.select(more, at(0))).toBe(3);
  });
});

describe('least-loaded', () => {
  it('picks the fewest packets waiting or in service, the first listed on ties', () => {
    const p = new LeastLoadedDispatch();
    expect(p.select([instance(0, { queue: 2 }), instance(1, { busySlots: 1 }), instance(2, { queue: 1 })], at(0))).toBe(1);
    expect(p.select([instance(0, { queue: 1 }), instance(1, { busySlots: 1 })], at(0))).toBe(0);
  });
});

describe('least-impedance', () => {
  it('picks the smallest (queue + busy + 1) / cpu', () => {
    const p = new LeastImpedanceDispatch();
    // (2+1)/3000 = 0.001 < (0+1)/500 = 0.002
    expect(p.select([instance(0, { cpu: 500 }), instance(1, { cpu: 3000, queue: 2 })], at(0))).toBe(1);
    expect(p.select([instance(0, { cpu: 500 }), instance(1, { cpu: 3000, queue: 6 })], at(0))).toBe(0);
  });
});

describe('random', () => {
  it('draws ∝ 1 / estimated delay (binomial 4σ)', () => {
    const p = new RandomDispatch(new Rng(3).stream('dispatch'));
    // delays ∝ 1/1000 and 2/1000 (one packet in service): probabilities 2/3 and 1/3
    const c = [instance(0), instance(1, { busySlots: 1 })];
    const n = 60_000;
    let first = 0;
    for (let i = 0; i < n; i++) if (p.select(c, at(0)) === 0) first++;
    expect(Math.abs(first - (2 / 3) * n)).toBeLessThan(4 * Math.sqrt((n * 2) / 9));
  });
});

describe('proportional-fairness', () => {
  it('α = 1, β = 0 goes to the instance with the shortest served delay', () => {
    const p = new ProportionalFairnessDispatch({ alpha: 1, beta: 0 });
    const c = [instance(0), instance(1)];
    p.select(c, at(0));
    p.served(c[0].name, 8, 1);
    p.served(c[1].name, 2, 1);
    for (let t = 2; t < 10; t++) expect(p.select(c, at(t))).toBe(1);
  });

  it('α = 0, β = 1 alternates when each packet is served before the next', () => {
    const p = new ProportionalFairnessDispatch({ alpha: 0, beta: 1 });
    const c = [instance(0), instance(1), instance(2)];
    const order: number[] = [];
    for (let t = 1; t <= 6; t++) {
      const i = p.select(c, at(t));
      order.push(i);
      p.served(c[i].name, 1, t);
    }
    expect(order).toEqual([0, 1, 2, 0, 1, 2]);
  });
});

describe('deficit-round-robin', () => {
  it('shares packets 2:1 between instances with cpu 2000 and 1000', () => {
    const p = new DeficitRoundRobinDispatch();
    const c = [instance(0, { cpu: 1000 }), instance(1, { cpu: 2000 })];
    const n = [0, 0];
    for (let i = 0; i < 3000; i++) n[p.select(c, at(i * 0.01))]++;
    expect(n).toEqual([1000, 2000]);
  });

  it('excludes an instance with less than half the best cpu, probing it on a doubling stale timer', () => {
    const p = new DeficitRoundRobinDispatch({ stale_period: 1000, max_stale_period: 4000 });
    const c = [instance(0, { cpu: 3000 }), instance(1, { cpu: 1000 })];
    const picks = (from: number, to: number) => {
      const out: number[] = [];
      for (let t = from; t < to; t += 10) if (p.select(c, at(t)) === 1) out.push(t);
      return out;
    };
    // never used: active until it is chosen once (at t = 0 or 10), then excluded for 1 s
    const first = picks(0, 20);
    expect(first).toHaveLength(1);
    const used = first[0];
    expect(picks(20, used + 1000)).toEqual([]);
    // probes at used + 1000, then + 2000, + 4000, + 4000 (capped)
    expect(picks(used + 1000, used + 15_000)).toEqual([used + 1000, used + 3000, used + 7000, used + 11_000]);
    expect(p.stalePeriodOf(1)).toBe(4000);
    // more CPU (a vertical scaling): admitted again, period back to 1 s
    const faster = [c[0], instance(1, { cpu: 2000 })];
    let got = 0;
    for (let t = 20_000; t < 20_100; t += 10) if (p.select(faster, at(t)) === 1) got++;
    expect(got).toBeGreaterThan(0);
    expect(p.stalePeriodOf(1)).toBe(1000);
  });
});
