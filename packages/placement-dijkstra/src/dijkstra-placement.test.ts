import {
  type ChainDecision,
  type EdgeEnvironment,
  type InfrastructureView,
  type Link,
  type PlacementPlan,
  PluginParametersError,
  Rng,
  type SfcRequest,
  checkPlacementPlan,
  instantiate,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { type CostParameters, type CostWeights, linkCost, servingCost, sfcWeights } from './cost-model.js';
import { dijkstraPlacement } from './dijkstra-placement.js';
import { checkPlansOnRandomInstances, randomInstance, viewOf } from '@nss/core/testing';

const DEFAULTS: CostParameters = { latencyWeight: 1, resourceWeight: 10, energyWeight: 0.05, priorityFactors: [4, 2, 1] };

function place(view: InfrastructureView, requests: readonly SfcRequest[], parameters: Record<string, unknown> = {}): PlacementPlan {
  const strategy = instantiate(dijkstraPlacement, parameters, {
    rng: new Rng(1).stream('p'), shareSfcInstances: view.shareSfcInstances, computeLinkBandwidthLimit: view.computeLinkBandwidthLimit,
  });
  return strategy.place(requests, view) as PlacementPlan;
}

/** Packet sizes per hop of a request: entry size, then times each VNF's network demand. */
function sizes(env: EdgeEnvironment, r: SfcRequest): number[] {
  const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
  const out = [env.users.find((u) => u.name === r.user)!.sfcIngressEgress[r.sfc].packetSize];
  for (const v of sfc.vnfs) out.push(out[out.length - 1] * env.vnfs.find((x) => x.name === v)!.packetNetworkDemand);
  return out;
}

function cheapestLink(view: InfrastructureView, a: string, b: string, size: number, w: CostWeights): number {
  const usable = view.linksBetween(a, b).filter((l: Link) => !view.computeLinkBandwidthLimit || view.links[l.index].freeBandwidth > 0);
  return Math.min(...usable.map((l) => linkCost(l, size, w)));
}

/** A way to serve one VNF: reuse an existing instance or create one on a node. */
type Choice = { node: string; instance?: string; cpu: number };

/** The plugin's own cost of a single-request plan, computed from the view before it (no in-request conflicts). */
function costOf(view: InfrastructureView, r: SfcRequest, choices: readonly Choice[]): number {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
  const w = sfcWeights(DEFAULTS, sfc);
  const z = sizes(env, r);
  const path = [r.ingressNode, ...choices.map((c) => c.node), r.egressNode];
  let cost = 0;
  for (let h = 0; h < path.length - 1; h++) cost += cheapestLink(view, path[h], path[h + 1], z[h], w);
  choices.forEach((c, k) => {
    const vnf = env.vnfs.find((v) => v.name === sfc.vnfs[k])!;
    const node = env.nodes.find((n) => n.name === c.node)!;
    const wakesNode = view.nodes.find((n) => n.node === c.node)!.allocatedCpu <= 0;
    cost += servingCost(vnf, node, { creates: c.instance === undefined, cpu: c.cpu, wakesNode }, z[k], w);
  });
  return cost;
}

/** Every layer assignment (existing instances with a free slot, new instances where they fit): the cheapest cost. */
function bruteForce(view: InfrastructureView, r: SfcRequest): number {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
  const layers: Choice[][] = sfc.vnfs.map((vName) => {
    const vnf = env.vnfs.find((v) => v.name === vName)!;
    const reuse = view.vnfInstances
      .filter((i) => i.vnf === vName && i.acceptSfcInstances && i.freeShareSlots > 0 && i.state === 'running')
      .map((i) => ({ node: i.node, instance: i.name, cpu: i.cpu }));
    const create = view.nodes
      .filter((n) => view.canHost(n.node, vName) && n.freeCpu >= vnf.cpu && n.freeMem >= vnf.mem)
      .map((n) => ({ node: n.node, cpu: vnf.cpu }));
    return [...reuse, ...create];
  });
  let best = Infinity;
  const walk = (k: number, chosen: Choice[]): void => {
    if (k === layers.length) {
      best = Math.min(best, costOf(view, r, chosen));
      return;
    }
    for (const c of layers[k]) walk(k + 1, [...chosen, c]);
  };
  walk(0, []);
  return best;
}

function choicesOf(view: InfrastructureView, d: ChainDecision): Choice[] {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === env.sfcRequests.find((r) => r.name === d.request)!.sfc)!;
  return d.vnfs.map((a, k) => {
    if (a.kind === 'existing') {
      const i = view.vnfInstances.find((x) => x.name === a.instance)!;
      return { node: i.node, instance: i.name, cpu: i.cpu };
    }
    return { node: a.node, cpu: env.vnfs.find((v) => v.name === sfc.vnfs[k])!.cpu };
  });
}

describe('dijkstra placement', () => {
  it('computes the cost of a hop and of a new instance as documented (hand-computed)', () => {
    const link = { bandwidth: 1000, propagation: 2, energyConsumption: 36 } as Link;
    const w = { latency: 4, resource: 10, energy: 0.05 };
    // latency 1000·10/1000 + 2 = 12 ms; energy 36·(10/1000)/3600 = 1e-4 Wh.
    expect(linkCost(link, 10, w)).toBeCloseTo(4 * 12 + 0.05 * 1e-4, 12);
    const vnf = { cpu: 200, mem: 100, packetCpuDemand: 2 } as never;
    const node = { cpu: 1000, mem: 500, energyMax: 300, energyIdle: 100 } as never;
    // processing 1000·10·2/200 = 100 ms; resource (0.2 + 0.2)/2 = 0.2; power 200·0.2 + 100 (wakes) = 140 W.
    expect(servingCost(vnf, node, { creates: true, cpu: 200, wakesNode: true }, 10, w)).toBeCloseTo(400 + 2 + 7, 9);
    expect(servingCost(vnf, node, { creates: false, cpu: 400, wakesNode: false }, 10, w)).toBeCloseTo(4 * 50, 9);
  });

  it('weights the terms by the rank of each criterion in the SFC priorities order', () => {
    const sfc = { prioritiesOrder: ['energy', 'latency', 'capacity'] } as never;
    expect(sfcWeights(DEFAULTS, sfc)).toEqual({ latency: 2, resource: 10, energy: 0.2 });
  });

  for (const solver of ['layered', 'graphology'] as const) {
    it(`picks the path brute-force enumeration says is cheapest under its own cost (${solver})`, () => {
      let compared = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const { env, view: base } = randomInstance(seed, 5, 6, 100);
        const view = { ...base, computeLinkBandwidthLimit: seed % 2 === 0 };
        for (const r of env.sfcRequests) {
          const [d] = place(view, [r], { solver }).decisions;
          const best = bruteForce(view, r);
          if (best === Infinity) {
            expect(d.kind).toBe('reject');
            continue;
          }
          expect(d.kind, d.kind === 'reject' ? d.reason : '').toBe('chain');
          const cost = costOf(view, r, choicesOf(view, d as ChainDecision));
          expect(Math.abs(cost - best), `seed ${seed} ${r.name}`).toBeLessThanOrEqual(1e-9 * Math.max(1, best));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('returns plans the core accepts as a whole on seeded random instances, with both solvers alike', () => {
    const { chains, rejects, refused } = checkPlansOnRandomInstances('dijkstra', (view, env) => {
      const plan = place(view, env.sfcRequests);
      expect(place(view, env.sfcRequests, { solver: 'graphology' }).decisions.map((d) => d.kind)).toEqual(plan.decisions.map((d) => d.kind));
      return plan;
    });
    expect(refused).toEqual([]);
    expect(chains).toBeGreaterThan(50);
    expect(rejects).toBeGreaterThan(10);
  });

  it('rejects with reasons, not exceptions: no room, no bandwidth, SLA', () => {
    const { env, view } = randomInstance(3, 5, 6);
    const full = viewOf(env, { instances: [], bandwidthLimit: false });
    const noRoom = { ...full, nodes: full.nodes.map((n) => ({ ...n, freeCpu: 0 })) };
    for (const d of place(noRoom, env.sfcRequests).decisions) {
      expect(d.kind === 'reject' && d.reason).toMatch(/no instance of v_\d with a free share slot and no host with \d+ CPU/);
    }
    const booked = Object.fromEntries(env.links.map((l) => [l.name, l.bandwidth]));
    for (const d of place(viewOf(env, { booked, bandwidthLimit: true }), env.sfcRequests).decisions) {
      expect(d.kind === 'reject' && d.reason).toMatch(/no path from n_\d+ to n_\d+ through hosts of .* over links with free bandwidth/);
    }
    const tightSla = { ...view.environment, sfcs: view.environment.sfcs.map((s) => ({ ...s, maxLatency: 0.5 })) };
    for (const d of place(viewOf(tightSla), tightSla.sfcRequests, { enforceSla: true }).decisions) {
      expect(d.kind === 'reject' && d.reason).toMatch(/estimated latency [\d.]+ ms exceeds the SLA of s_\d \(0\.5 ms\)/);
    }
  });

  it('reserves as it goes: a node with room for one instance gets one, and later requests go elsewhere or are rejected', () => {
    const { env } = randomInstance(5, 4, 12);
    const view = viewOf(env, { bandwidthLimit: true });
    const plan = place(view, env.sfcRequests);
    const checked = checkPlacementPlan(plan, env.sfcRequests, view, 'dijkstra');
    expect(checked.filter((c) => c.status === 'accepted').length).toBeGreaterThan(0);
    expect(checked.every((c) => c.status === 'accepted' || (c.status === 'rejected' && c.constraint === 'plugin-rejected'))).toBe(true);
  });

  it('fails on unknown or mistyped parameters, naming the plugin, the parameter and the expected type', () => {
    const context = { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: false };
    expect(() => instantiate(dijkstraPlacement, { latencyWeight: 'high' }, context)).toThrow(PluginParametersError);
    expect(() => instantiate(dijkstraPlacement, { latencyWeight: 'high' }, context)).toThrow(/"dijkstra".*\n.*latencyWeight.*number/);
    expect(() => instantiate(dijkstraPlacement, { solver: 'astar' }, context)).toThrow(/"dijkstra".*\n.*solver/);
    expect(() => instantiate(dijkstraPlacement, { weights: {} }, context)).toThrow(/"dijkstra".*\n.*unknown parameter "weights"/);
  });
});
