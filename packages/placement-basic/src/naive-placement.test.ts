import { type PlacementPlan, PluginParametersError, Rng, checkPlacementPlan, generateEnvironment, instantiate } from '@nss/core';
import type { InfrastructureView } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { naivePlacement } from './naive-placement.js';
import { tightSpecs, viewOf } from '@nss/core/testing';

const CONTEXT = { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: false };

function place(view: InfrastructureView): PlacementPlan {
  return instantiate(naivePlacement, {}, CONTEXT).place(view.environment.sfcRequests, view) as PlacementPlan;
}

describe('naive placement', () => {
  it('gives every VNF of every request a new instance on its first host, over the first link of each hop', () => {
    const env = generateEnvironment(tightSpecs(5, 8), 4);
    const view = viewOf(env);
    const plan = place(view);
    expect(plan.decisions).toHaveLength(env.sfcRequests.length);
    plan.decisions.forEach((d, i) => {
      const r = env.sfcRequests[i];
      const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
      const hosts = sfc.vnfs.map((v) => env.nodes.find((n) => n.vnfs.includes(v))!.name);
      const path = [r.ingressNode, ...hosts, r.egressNode];
      expect(d).toEqual({
        kind: 'chain',
        request: r.name,
        vnfs: hosts.map((node) => ({ kind: 'new', node })),
        links: path.slice(1).map((to, h) => env.links.find((l) => l.source === path[h] && l.target === to)!.name),
      });
    });
  });

  it('checks nothing: the core refuses what does not fit and names the violated constraint', () => {
    const generated = generateEnvironment(tightSpecs(5, 12), 4);
    const env = { ...generated, nodes: generated.nodes.map((n) => ({ ...n, cpu: 2 * n.cpu, mem: 3 * n.mem })) };
    const view = viewOf(env, { bandwidthLimit: true });
    const plan = place(view);
    const checked = checkPlacementPlan(plan, env.sfcRequests, view, 'naive');
    const accepted = checked.filter((c) => c.status === 'accepted');
    const refused = checked.filter((c) => c.status === 'rejected');
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) {
      expect(c.status === 'rejected' && c.constraint).toMatch(/^(insufficient-cpu|insufficient-memory|insufficient-bandwidth)$/);
      expect(c.status === 'rejected' && c.reason).toMatch(/^naive (placed|routed) /);
    }
  });

  it('takes no parameters: any given fails before the run, naming the plugin and the parameter', () => {
    expect(() => instantiate(naivePlacement, { first: true }, CONTEXT)).toThrow(PluginParametersError);
    expect(() => instantiate(naivePlacement, { first: true }, CONTEXT)).toThrow(/"naive".*\n.*"first"/);
  });
});
