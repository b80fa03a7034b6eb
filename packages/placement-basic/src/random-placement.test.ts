import { type PlacementPlan, PluginParametersError, Rng, checkPlacementPlan, instantiate } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { randomPlacement } from './random-placement.js';
import { checkPlansOnRandomInstances, tightSpecs, viewOf } from '@nss/core/testing';
import { generateEnvironment, type InfrastructureView, type SfcRequest } from '@nss/core';

function place(view: InfrastructureView, requests: readonly SfcRequest[], seed = 1, parameters = {}): PlacementPlan {
  const strategy = instantiate(randomPlacement, parameters, {
    rng: new Rng(seed).stream('placement'),
    shareSfcInstances: view.shareSfcInstances,
    computeLinkBandwidthLimit: view.computeLinkBandwidthLimit,
  });
  return strategy.place(requests, view) as PlacementPlan;
}

describe('random placement', () => {
  it('returns plans the core accepts as a whole on seeded random instances (CPU, memory, slots, bandwidth)', () => {
    const { chains, rejects, refused } = checkPlansOnRandomInstances('random', (view, env, seed) => place(view, env.sfcRequests, seed));
    expect(refused).toEqual([]);
    // The instances are tight enough that both outcomes occur, so the check above means something.
    expect(chains).toBeGreaterThan(50);
    expect(rejects).toBeGreaterThan(20);
  });

  it('draws each host uniformly from the seeded stream, and the same seed gives the same plan', () => {
    const env = generateEnvironment(tightSpecs(6, 200), 3);
    const big = { ...env, nodes: env.nodes.map((n) => ({ ...n, cpu: 1e12, mem: 1e12 })) };
    const view = viewOf(big);
    const plan = place(view, big.sfcRequests, 9);
    expect(place(view, big.sfcRequests, 9)).toEqual(plan);
    expect(place(view, big.sfcRequests, 10)).not.toEqual(plan);
    // Per VNF type, the count of each host among first-position draws ~ Binomial(n, 1/hosts).
    const counts = new Map<string, Map<string, number>>();
    plan.decisions.forEach((d, i) => {
      expect(d.kind).toBe('chain');
      if (d.kind !== 'chain') return;
      const sfc = big.sfcs.find((s) => s.name === big.sfcRequests[i].sfc)!;
      d.vnfs.forEach((a, k) => {
        const node = a.kind === 'new' ? a.node : '';
        expect(view.canHost(node, sfc.vnfs[k])).toBe(true);
        const perVnf = counts.get(sfc.vnfs[k]) ?? new Map<string, number>();
        perVnf.set(node, (perVnf.get(node) ?? 0) + 1);
        counts.set(sfc.vnfs[k], perVnf);
      });
    });
    for (const [vnf, perNode] of counts) {
      const hosts = big.nodes.filter((n) => n.vnfs.includes(vnf)).length;
      const n = [...perNode.values()].reduce((a, b) => a + b, 0);
      if (n < 100) continue;
      const p = 1 / hosts;
      expect(perNode.size).toBe(hosts);
      for (const c of perNode.values()) expect(Math.abs(c - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  it('rejects with a reason (not an exception) when the drawn host has no room, and never shares SFC instances', () => {
    const env = generateEnvironment(tightSpecs(4, 6), 5);
    const full = { ...env, nodes: env.nodes.map((n) => ({ ...n, cpu: 1, mem: 1 })) };
    const view = {
      ...viewOf(full, { share: true }),
      sfcInstances: full.sfcRequests.map((r, i) => ({
        name: `si_${i}`, sfc: r.sfc, ingressNode: r.ingressNode, egressNode: r.egressNode, active: true,
        acceptRequests: true, requests: [], vnfInstances: [], links: [],
      })),
    };
    const plan = place(view, full.sfcRequests);
    expect(plan.decisions).toHaveLength(full.sfcRequests.length);
    for (const d of plan.decisions) {
      expect(d.kind).toBe('reject');
      expect(d.kind === 'reject' && d.reason).toMatch(/drawn at random for v_\d+\) has 1 CPU and 1 memory free; v_\d+ needs \d+ and \d+/);
    }
  });

  it('reuses an instance of the VNF on the drawn node while it has share slots', () => {
    const env = generateEnvironment(tightSpecs(3, 3), 2);
    const one = {
      ...env,
      nodes: env.nodes.map((n) => ({ ...n, vnfs: env.vnfs.map((v) => v.name) })),
      sfcs: env.sfcs.map((s) => ({ ...s, vnfs: ['v_0'] })),
      vnfs: env.vnfs.map((v) => ({ ...v, maxShare: 2 })),
    };
    const instances = one.nodes.map((n, i) => ({
      name: `inst_${i}`, vnf: 'v_0', node: n.name, cpu: 1, mem: 1, state: 'running' as const,
      acceptSfcInstances: true, sfcInstances: ['si_a'], freeShareSlots: 1,
    }));
    const view = viewOf(one, { instances });
    const plan = place(view, one.sfcRequests.slice(0, 2));
    const chosen = plan.decisions.map((d) => (d.kind === 'chain' ? d.vnfs[0] : undefined));
    expect(chosen[0]).toMatchObject({ kind: 'existing' });
    // A second request on the same node finds the slot taken and creates a new instance there.
    const checked = checkPlacementPlan(plan, one.sfcRequests.slice(0, 2), view, 'random');
    expect(checked.every((c) => c.status === 'accepted')).toBe(true);
  });

  it('fails on unknown or mistyped parameters, naming the plugin, the parameter and the expected type', () => {
    const context = { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: false };
    expect(() => instantiate(randomPlacement, { checkBandwidth: 'yes' }, context)).toThrow(PluginParametersError);
    expect(() => instantiate(randomPlacement, { checkBandwidth: 'yes' }, context)).toThrow(/"random".*\n.*checkBandwidth.*boolean/);
    expect(() => instantiate(randomPlacement, { seed: 3 }, context)).toThrow(/"random".*\n.*unknown parameter "seed".*checkBandwidth/);
  });
});
