import {
  type EdgeEnvironment,
  type InfrastructureView,
  type Link,
  type Node,
  type PlacementPlan,
  PluginParametersError,
  Rng,
  type SfcPriority,
  type VnfInstanceView,
  checkPlacementPlan,
  instantiate,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { smartPlacement } from './smart-placement.js';
import { checkPlansOnRandomInstances, viewOf } from '@nss/core/testing';

interface HandNode {
  readonly cpu?: number;
  readonly mem?: number;
  readonly idle?: number;
  readonly max?: number;
}

/**
 * n_0 is the ingress and egress (hosts nothing); n_1.. host v_0 (cpu 100, mem 100, max_share 2). The
 * link n_0 → n_i has propagation `propagation[i - 1]`, bandwidth 1000 (transmission 1000·10/1000 = 10 ms
 * for the 10-unit packets); every link back to n_0 has propagation 1.
 */
function handEnv(hosts: readonly HandNode[], propagation: readonly number[], order: readonly SfcPriority[], requests = 1): EdgeEnvironment {
  const nodes: Node[] = [{ cpu: 1e9, mem: 1e9 }, ...hosts].map((h, i) => ({
    index: i, name: `n_${i}`, group: 1, type: 'DEFAULT', cpu: h.cpu ?? 1000, mem: h.mem ?? 1000,
    energyMax: (h as HandNode).max ?? 200, energyIdle: (h as HandNode).idle ?? 100, diskDelay: 0, location: 'A', vnfs: i === 0 ? [] : ['v_0'],
  }));
  const links: Link[] = [];
  const add = (source: string, target: string, prop: number): void => {
    links.push({
      index: links.length, name: source === target ? `l_${source}_loopback` : `l_${source}_${target}`, source, target,
      counter: 0, bandwidth: 1000, lossRate: 0, propagation: prop, energyConsumption: 36, maxPacketQueue: -1, loopback: source === target,
    });
  };
  nodes.forEach((n) => add(n.name, n.name, 0));
  hosts.forEach((_, i) => {
    add('n_0', `n_${i + 1}`, propagation[i]);
    add(`n_${i + 1}`, 'n_0', 1);
  });
  const base = {
    cpu: 100, mem: 100, maxShare: 2, minBandwidth: 0, packetMemDemand: 0, remoteDataAccessCost: 0, remoteDataAccessProb: 0,
    packetCpuDemand: 1, packetNetworkDemand: 1, startupIpt: 0, shutdownIpt: 0, timeout: 100, maxPacketQueue: -1, resourceIntensive: 'CPU',
  };
  return {
    format: 'nss-environment', version: 1, seed: null, nodes, links,
    vnfs: [{ ...base, index: 0, name: 'v_0' }],
    sfcs: [{ index: 0, name: 's_0', vnfs: ['v_0'], maxLatency: 100, timeout: 100, prioritiesOrder: order, slice: 'sl_0' }],
    slices: [{ index: 0, name: 'sl_0', sfcs: ['s_0'] }],
    users: [{
      index: 0, name: 'u_0', node: 'n_0', sfcs: ['s_0'], latency: 0, bandwidth: 0, lossRate: 0, priority: 0,
      sfcIngressEgress: { s_0: { ingressNode: 'n_0', egressNode: 'n_0', packetSize: 10 } },
    }],
    dataSources: [{ index: 0, name: 'src_0', packetSize: 10, packetInterval: 1, packetsBurstSize: 1, packetsBurstInterval: 10 }],
    sfcRequests: Array.from({ length: requests }, (_, i) => ({
      index: i, name: `r_${i}`, user: 'u_0', sfc: 's_0', dataSource: 'src_0', priority: 0, arrivalTime: 0,
      ingressNode: 'n_0', egressNode: 'n_0', duration: 100,
    })),
  };
}

function place(view: InfrastructureView, seed = 1, parameters = {}): PlacementPlan {
  const strategy = instantiate(smartPlacement, parameters, {
    rng: new Rng(seed).stream('placement'), shareSfcInstances: view.shareSfcInstances, computeLinkBandwidthLimit: view.computeLinkBandwidthLimit,
  });
  return strategy.place(view.environment.sfcRequests, view) as PlacementPlan;
}

/** The node (or existing instance) chosen for the first VNF of each request. */
function firstChoices(plan: PlacementPlan): string[] {
  return plan.decisions.map((d) => (d.kind === 'chain' ? (d.vnfs[0].kind === 'new' ? d.vnfs[0].node : d.vnfs[0].instance) : d.kind));
}

describe('smart placement: the decision tree of model-spec §4.7', () => {
  // n_1: near (propagation 1), small (cpu 500), low power; n_2: far (5), big (cpu 2000), high power.
  const hosts: HandNode[] = [
    { cpu: 500, mem: 500, idle: 50, max: 100 },
    { cpu: 2000, mem: 2000, idle: 150, max: 300 },
  ];

  it('latency first: the host behind the lowest transmission + propagation (10 + 1 < 10 + 5 ms)', () => {
    expect(firstChoices(place(viewOf(handEnv(hosts, [1, 5], ['latency', 'capacity', 'energy']))))).toEqual(['n_1']);
  });

  it('capacity first: the host with the most free CPU + memory (4000 > 1000)', () => {
    expect(firstChoices(place(viewOf(handEnv(hosts, [1, 5], ['capacity', 'energy', 'latency']))))).toEqual(['n_2']);
  });

  it('energy first: the lowest transfer energy + node power (n_1 idles at 50 W, n_2 at 150 W)', () => {
    expect(firstChoices(place(viewOf(handEnv(hosts, [5, 1], ['energy', 'latency', 'capacity']))))).toEqual(['n_1']);
  });

  it('breaks ties on the first priority by the second: equal latency, then capacity', () => {
    expect(firstChoices(place(viewOf(handEnv(hosts, [3, 3], ['latency', 'capacity', 'energy']))))).toEqual(['n_2']);
    expect(firstChoices(place(viewOf(handEnv(hosts, [3, 3], ['latency', 'energy', 'capacity']))))).toEqual(['n_1']);
  });

  it('capacity → latency → energy uses the energy filter ([Q-16] fixed)', () => {
    // Same capacity, same latency; n_2 draws more power: energy decides, every time, whatever the seed.
    const same: HandNode[] = [{ idle: 50, max: 100 }, { idle: 150, max: 300 }];
    for (let seed = 1; seed <= 20; seed++) {
      expect(firstChoices(place(viewOf(handEnv(same, [2, 2], ['capacity', 'latency', 'energy'])), seed))).toEqual(['n_1']);
    }
  });

  it('draws full ties uniformly (each distinct candidate once) from the seeded stream', () => {
    const same: HandNode[] = [{}, {}, {}];
    const counts = new Map<string, number>();
    const n = 600;
    for (let seed = 0; seed < n; seed++) {
      const [node] = firstChoices(place(viewOf(handEnv(same, [2, 2, 2], ['latency', 'capacity', 'energy'])), seed));
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['n_1', 'n_2', 'n_3']);
    const p = 1 / 3;
    for (const c of counts.values()) expect(Math.abs(c - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('reuses an instance with a free share slot before creating one (Phase 1), even on a worse node', () => {
    const env = handEnv(hosts, [1, 5], ['latency', 'capacity', 'energy'], 3);
    const instance: VnfInstanceView = {
      name: 'inst_far', vnf: 'v_0', node: 'n_2', cpu: 100, mem: 100, state: 'running', acceptSfcInstances: true,
      sfcInstances: ['si_x'], freeShareSlots: 1,
    };
    const view = viewOf(env, { instances: [instance] });
    const plan = place(view);
    // r_0 takes the last slot of inst_far; r_1 creates one on the near n_1; r_2 reuses that new one (max_share 2).
    expect(firstChoices(plan)).toEqual(['inst_far', 'n_1', 'n_1']);
    const keys = plan.decisions.map((d) => (d.kind === 'chain' && d.vnfs[0].kind === 'new' ? d.vnfs[0].key : undefined));
    expect(keys[1]).toBeDefined();
    expect(keys[2]).toBe(keys[1]);
    expect(checkPlacementPlan(plan, env.sfcRequests, view, 'smart').every((c) => c.status === 'accepted')).toBe(true);
  });

  it('leaves out a reusable instance whose link has no free bandwidth, instead of mapping it ([Q-16] fixed)', () => {
    const env = handEnv(hosts, [1, 5], ['latency', 'capacity', 'energy']);
    const instance: VnfInstanceView = {
      name: 'inst_near', vnf: 'v_0', node: 'n_1', cpu: 100, mem: 100, state: 'running', acceptSfcInstances: true,
      sfcInstances: [], freeShareSlots: 2,
    };
    const view = viewOf(env, { instances: [instance], bandwidthLimit: true, booked: { l_n_0_n_1: 1000 } });
    const plan = place(view);
    expect(firstChoices(plan)).toEqual(['n_2']);
    expect(checkPlacementPlan(plan, env.sfcRequests, view, 'smart')[0].status).toBe('accepted');
  });

  it('rejects with a reason (not an exception) when no host has room', () => {
    const env = handEnv([{ cpu: 50 }, { mem: 50 }], [1, 1], ['latency', 'capacity', 'energy']);
    const plan = place(viewOf(env));
    expect(plan.decisions[0]).toMatchObject({ kind: 'reject', request: 'r_0' });
    expect(plan.decisions[0].kind === 'reject' && plan.decisions[0].reason).toMatch(/no host with 100 CPU and 100 memory free/);
  });

  it('shares an active, unlocked SFC instance of the same type and endpoints when sharing is on', () => {
    const env = handEnv(hosts, [1, 5], ['latency', 'capacity', 'energy']);
    const si = { name: 'si_0', sfc: 's_0', ingressNode: 'n_0', egressNode: 'n_0', active: true, acceptRequests: true, requests: [], vnfInstances: [], links: [] };
    const shared = { ...viewOf(env, { share: true }), sfcInstances: [si] };
    expect(place(shared).decisions[0]).toEqual({ kind: 'share', request: 'r_0', sfcInstance: 'si_0' });
    expect(place(shared, 1, { shareSfcInstances: false }).decisions[0].kind).toBe('chain');
    const locked = { ...shared, sfcInstances: [{ ...si, acceptRequests: false }] };
    expect(place(locked).decisions[0].kind).toBe('chain');
  });
});

describe('smart placement: feasibility and parameters', () => {
  it('returns plans the core accepts as a whole on seeded random instances (CPU, memory, slots, bandwidth)', () => {
    const { chains, rejects, refused } = checkPlansOnRandomInstances('smart', (view, _env, seed) => place(view, seed));
    expect(refused).toEqual([]);
    expect(chains).toBeGreaterThan(50);
    expect(rejects).toBeGreaterThan(10);
  });

  it('fails on unknown or mistyped parameters, naming the plugin, the parameter and the expected type', () => {
    const context = { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: false };
    expect(() => instantiate(smartPlacement, { shareSfcInstances: 2 }, context)).toThrow(PluginParametersError);
    expect(() => instantiate(smartPlacement, { shareSfcInstances: 2 }, context)).toThrow(/"smart".*\n.*shareSfcInstances.*boolean/);
    expect(() => instantiate(smartPlacement, { priority: 1 }, context)).toThrow(/"smart".*\n.*unknown parameter "priority"/);
  });
});
