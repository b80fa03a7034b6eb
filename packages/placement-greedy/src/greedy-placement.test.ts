import {
  type EdgeEnvironment,
  type Link,
  type Node,
  type PlacementPlan,
  type SfcRequest,
  type Vnf,
  Rng,
  checkPlacementPlan,
  instantiate,
} from '@nss/core';
import { VNF_DEFAULTS, viewOf } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { greedyPlacement } from './greedy-placement.js';

/** A 3-node environment: n_0 (RAN), n_1, n_2 (CORE); VNF v_0 on n_1 and n_2, v_1 on n_1 and n_2. */
function environment(nodeCpu: number[], vnfCpu = 100, maxShare = 1): EdgeEnvironment {
  const nodes: Node[] = nodeCpu.map((cpu, i) => ({
    index: i,
    name: `n_${i}`,
    group: 1,
    type: i === 0 ? 'RAN' : i === nodeCpu.length - 1 ? 'CORE' : 'DEFAULT',
    cpu,
    mem: 10_000,
    energyMax: 100,
    energyIdle: 50,
    diskDelay: 0,
    location: 'A',
    vnfs: i === 0 ? [] : ['v_0', 'v_1'],
  }));
  const links: Link[] = [];
  const link = (name: string, source: string, target: string, counter: number, propagation: number): void => {
    links.push({
      index: links.length,
      name,
      source,
      target,
      counter,
      bandwidth: 1e6,
      lossRate: 0,
      propagation,
      energyConsumption: 0,
      maxPacketQueue: -1,
      loopback: source === target,
    });
  };
  nodes.forEach((n, i) => link(`l_${i}_loopback`, n.name, n.name, 1, 0));
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      // two parallel links; the second one is faster
      for (let k = 0; k < 2; k++) {
        link(`l_${i}_${j}_${k}`, `n_${i}`, `n_${j}`, k, k === 0 ? 3 : 1);
        link(`l_${j}_${i}_${k}`, `n_${j}`, `n_${i}`, k, k === 0 ? 3 : 1);
      }
    }
  }
  const vnf = (i: number): Vnf => ({ ...VNF_DEFAULTS, index: i, name: `v_${i}`, cpu: vnfCpu, mem: 10, maxShare, timeout: 100 });
  const requests: SfcRequest[] = [0, 1, 2].map((i) => ({
    index: i,
    name: `r_${i}`,
    user: 'u_0',
    sfc: 's_0',
    dataSource: 'src_0',
    priority: 0,
    arrivalTime: 0,
    ingressNode: 'n_0',
    egressNode: `n_${nodes.length - 1}`,
    duration: 100,
  }));
  return {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs: [vnf(0), vnf(1)],
    sfcs: [{ index: 0, name: 's_0', vnfs: ['v_0', 'v_1'], maxLatency: 10, timeout: 100, prioritiesOrder: ['latency', 'capacity', 'energy'], slice: 'sl_0' }],
    slices: [{ index: 0, name: 'sl_0', sfcs: ['s_0'] }],
    users: [
      {
        index: 0,
        name: 'u_0',
        node: 'n_0',
        sfcs: ['s_0'],
        latency: 0,
        bandwidth: 0,
        lossRate: 0,
        priority: 0,
        sfcIngressEgress: { s_0: { ingressNode: 'n_0', egressNode: `n_${nodes.length - 1}`, packetSize: 10 } },
      },
    ],
    dataSources: [{ index: 0, name: 'src_0', packetSize: 10, packetInterval: 1, packetsBurstSize: 1, packetsBurstInterval: 10 }],
    sfcRequests: requests,
  };
}

function plan(env: EdgeEnvironment, requests = env.sfcRequests): PlacementPlan {
  const strategy = instantiate(greedyPlacement, {}, { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: false });
  return strategy.place(requests, viewOf(env)) as PlacementPlan;
}

describe('greedy placement', () => {
  it('puts each VNF on the host with the most free CPU and takes the lowest-propagation link', () => {
    const env = environment([1000, 500, 900]);
    const p = plan(env, env.sfcRequests.slice(0, 1));
    expect(p.decisions).toEqual([
      {
        kind: 'chain',
        request: 'r_0',
        vnfs: [
          { kind: 'new', node: 'n_2', key: expect.any(String) },
          { kind: 'new', node: 'n_2', key: expect.any(String) },
        ],
        links: ['l_0_2_1', 'l_2_loopback', 'l_2_loopback'],
      },
    ]);
  });

  it('accounts for the CPU its own earlier decisions took, and its plans pass the core check', () => {
    // n_2 starts with 100 more CPU than n_1; after one VNF (100) they tie and the first in node order wins.
    const env = environment([1000, 800, 900]);
    const p = plan(env);
    const nodesOf = p.decisions.map((d) => (d.kind === 'chain' ? d.vnfs.map((v) => (v.kind === 'new' ? v.node : v.instance)) : []));
    expect(nodesOf[0]).toEqual(['n_2', 'n_1']);
    const checked = checkPlacementPlan(p, env.sfcRequests, viewOf(env), 'greedy');
    expect(checked.every((c) => c.status === 'accepted')).toBe(true);
  });

  it('rejects a request with a reason when the chosen node lacks capacity, and frees what it had taken', () => {
    // Room for exactly one VNF of 100 on each host node.
    const env = environment([1000, 150, 150]);
    const p = plan(env);
    expect(p.decisions[0].kind).toBe('chain');
    expect(p.decisions[1]).toMatchObject({ kind: 'reject', request: 'r_1' });
    expect((p.decisions[1] as { reason: string }).reason).toMatch(/needs 100/);
    const checked = checkPlacementPlan(p, env.sfcRequests, viewOf(env), 'greedy');
    expect(checked[0].status).toBe('accepted');
  });

  it('reuses an instance planned earlier in the round while it has share slots', () => {
    const env = environment([1000, 1000, 100_000], 100, 2);
    const p = plan(env);
    const keys = p.decisions.map((d) => (d.kind === 'chain' ? d.vnfs.map((v) => (v.kind === 'new' ? v.key : '')) : []));
    expect(keys[0]).toEqual(keys[1]); // r_0 and r_1 share (max_share 2)
    expect(keys[2][0]).not.toBe(keys[0][0]); // r_2 needs a new one
    const checked = checkPlacementPlan(p, env.sfcRequests, viewOf(env), 'greedy');
    expect(checked.every((c) => c.status === 'accepted')).toBe(true);
  });
});
