/**
 * basic-cpu in a whole simulation: an overloaded single-VNF chain whose SLA violations drop when the
 * plugin adds CPU, whose node capacity is never exceeded, and whose impossible scale-ups are recorded
 * as failures on a tight node.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type PlacementDecision,
  type RunResult,
  type SpecsFile,
  assertValidScenario,
  definePlacement,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { afterAll, describe, expect, it } from 'vitest';
import { basicCpuScaling } from './index.js';

const scratch = mkdtempSync(join(tmpdir(), 'nss-basic-cpu-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Three nodes, one VNF type (cpu 1000, one slot: 10 ms per packet of size 10), one SFC of that VNF with
 * a 60 ms SLA, two users sending ~5 packets every ~35 ms each: about 1.4 times what an instance can serve.
 */
function specs(nodeCpu: number): SpecsFile {
  return {
    entities_number: { nodes: 3, vnfs: 1, sfcs: 1, users: 2, data_sources: 1 },
    vnf: {
      cpu: [1000],
      mem: [100],
      max_share: [1],
      min_bandwidth: [0],
      packet_mem_demand: [0.1],
      remote_data_access_cost: [0],
      remote_data_access_prob: [0],
      packet_cpu_demand: [1],
      packet_network_demand: [1],
      startup_ipt: [0],
      shutdown_ipt: [0],
      timeout: [100_000],
      max_packet_queue: [-1],
      resource_intensive: ['CPU'],
    },
    node: {
      cpu: [nodeCpu],
      mem: [100_000],
      vnf_num: [1],
      group: [1],
      energy_max: [200],
      energy_idle: [100],
      disk_delay: [5],
      ran_node_prob: 0.3,
      core_node_prob: 0.3,
      location: [{ name: 'A', key: 'A', node_prob: 1 }],
    },
    sfc: { vnf_num: [1], max_latency: [60], timeout: [100_000] },
    link: {
      bandwidth: [1_000_000],
      loss_rate: [0],
      propagation: [1],
      energy_consumption: [10],
      num_links_between_nodes: [1],
      loopback_bandwidth: [10_000_000],
      max_packet_queue: [-1],
    },
    user: { sfc_request_num: [1], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0] },
    data_source: { packet_size: [10], packet_interval: [1], packets_burst_size: [5], packets_burst_interval: [30] },
    sfc_requests: { arrival: 'poisson', duration: [100_000], max_arrival_time: 10 },
  };
}

/** Every VNF on the first node (in node order) that can host it and has the CPU and memory left. */
const firstFit = definePlacement({
  name: 'test-first-fit',
  description: 'Test placement: first node with room, new instances, first link per hop.',
  create: () => ({
    name: 'test-first-fit',
    place: (requests, view) => {
      const env = view.environment;
      const free = new Map(view.nodes.map((n) => [n.node, { cpu: n.freeCpu, mem: n.freeMem }]));
      const decisions: PlacementDecision[] = [];
      for (const r of requests) {
        const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
        const nodes: string[] = [];
        for (const vName of sfc.vnfs) {
          const vnf = env.vnfs.find((v) => v.name === vName)!;
          const host = env.nodes.find((n) => {
            const f = free.get(n.name)!;
            return view.canHost(n.name, vName) && f.cpu >= vnf.cpu && f.mem >= vnf.mem;
          });
          if (host === undefined) break;
          free.get(host.name)!.cpu -= vnf.cpu;
          free.get(host.name)!.mem -= vnf.mem;
          nodes.push(host.name);
        }
        if (nodes.length < sfc.vnfs.length) {
          decisions.push({ kind: 'reject', request: r.name, reason: 'no room' });
          continue;
        }
        const path = [r.ingressNode, ...nodes, r.egressNode];
        decisions.push({
          kind: 'chain',
          request: r.name,
          vnfs: nodes.map((node) => ({ kind: 'new', node })),
          links: path.slice(1).map((to, i) => view.linksBetween(path[i], to)[0].name),
        });
      }
      return { decisions };
    },
  }),
});

const SCALING = { cpu_load_max: 0.005, cpu_load_min: 0.001, monitor_interval: 100 };

async function run(name: string, nodeCpu: number, scaling: boolean): Promise<{ dir: string; result: RunResult }> {
  const valid = assertValidScenario(specs(nodeCpu), {
    simulation: {
      total_time: 5000,
      num_rounds: 1,
      random_seed: 11,
      time_window: 0,
      compute_loopback_time: 1,
      share_sfc_instance: 0,
      packet_generation: 1,
      sfc_instance_monitor_interval: 100,
      log_link_events: 0,
      log_vnf_instance_events: 0,
    },
    placement: { heuristic: 'test-first-fit' },
  });
  const settings = resolveSettings(valid.specs, valid.params);
  const environment = generateEnvironment(valid.specs, settings.seed, settings);
  const dir = join(scratch, name);
  const result = await runSimulation({
    environment,
    settings,
    plugins: {
      placement: { plugin: firstFit },
      scaling: scaling ? [{ plugin: basicCpuScaling, parameters: SCALING }] : [],
    },
    outDir: dir,
  });
  return { dir, result };
}

/** Rows of a `;`-separated CSV file as records. */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = head.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i], v])));
}

describe('basic-cpu in a simulation', () => {
  it('adds CPU to overloaded instances: fewer SLA violations, node capacity respected', async () => {
    const without = await run('none', 100_000, false);
    const withScaling = await run('basic-cpu', 100_000, true);
    const before = without.result.rounds[0];
    const after = withScaling.result.rounds[0];
    expect(before.interrupted).toBe(false);
    expect(after.interrupted).toBe(false);
    expect(before.sla.violationRate).toBeGreaterThan(0.3); // overloaded
    expect(after.sla.violationRate).toBeLessThan(before.sla.violationRate / 2);
    expect(after.scaling.up).toBeGreaterThan(0);
    expect(after.scaling.failed).toBe(0);

    const scaling = readCsv(join(withScaling.dir, 'Round_0/vnf_instance_scaling.csv'));
    const ups = scaling.filter((r) => r.Event === 'SCALING_UP_CPU');
    expect(ups.length).toBe(after.scaling.up);
    expect(ups[0].Reason).toMatch(/^basic-cpu: CPU load [\d.]+ > 0\.005$/);
    expect(Number(ups[0].New)).toBeCloseTo(Number(ups[0].Old) * 1.1, 2);

    const instances = readCsv(join(withScaling.dir, 'Round_0/vnf_instances_entities.csv'));
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.some((i) => Number(i.CPU) > 1000)).toBe(true);
    const perNode = new Map<string, number>();
    for (const i of instances) perNode.set(i.Node, (perNode.get(i.Node) ?? 0) + Number(i.CPU));
    for (const cpu of perNode.values()) expect(cpu).toBeLessThanOrEqual(100_000);
  });

  it('records scale-ups the node cannot satisfy as failures, and completes', async () => {
    // 2100 CPU per node: each node holds two instances of 1000; the first scale-up (to 1100) fits, the
    // next ones do not.
    const tight = await run('tight', 2100, true);
    const r = tight.result.rounds[0];
    expect(r.interrupted).toBe(false);
    expect(r.scaling.failed).toBeGreaterThan(0);
    const scaling = readCsv(join(tight.dir, 'Round_0/vnf_instance_scaling.csv'));
    const fails = scaling.filter((x) => x.Event === 'SCALING_UP_CPU_FAIL');
    expect(fails.length).toBe(r.scaling.failed);
    expect(fails[0].Reason).toContain('basic-cpu');
    const instances = readCsv(join(tight.dir, 'Round_0/vnf_instances_entities.csv'));
    const perNode = new Map<string, number>();
    for (const i of instances) perNode.set(i.Node, (perNode.get(i.Node) ?? 0) + Number(i.CPU));
    for (const cpu of perNode.values()) expect(cpu).toBeLessThanOrEqual(2100);
  });
});
