/**
 * End to end with runSimulation: two SFC instances, each one VNF instance of CPU 1000 at ρ = 1.5 (the
 * queue grows without bound), on a node of 6000 CPU. The up-scalers must cut the SLA-violation rate;
 * allocations never exceed the node; with an up- and a down-scaler together, scale-downs never go
 * below the VNF minimum.
 */
import {
  type EdgeEnvironment,
  EventBus,
  Events,
  FlowTable,
  type MonitorView,
  type PlacementDecision,
  type ScalingPlugin,
  type SpecsFile,
  Rng,
  type RunResult,
  assertValidScenario,
  definePlacement,
  defineScaling,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { smartVerticalDown } from './vertical-down.js';
import { smartVerticalUp, tcpVerticalUp } from './vertical-up.js';

const NODE_CPU = 6000;
const NODE_MEM = 6000;

/** n_0 → n_1 (hosts everything) → n_2, free links; VNF v_0 (1000 CPU/mem, demand 1); SFC s_0 = [v_0], max latency 30 ms. */
function environment(requests: number): EdgeEnvironment {
  const nodes = [0, 1, 2].map((i) => ({
    index: i,
    name: `n_${i}`,
    group: 1,
    type: 'DEFAULT' as const,
    cpu: i === 1 ? NODE_CPU : 1e12,
    mem: i === 1 ? NODE_MEM : 1e12,
    energyMax: 200,
    energyIdle: 100,
    diskDelay: 0,
    location: 'A',
    vnfs: ['v_0'],
  }));
  const link = (index: number, name: string, source: string, target: string, loopback: boolean) => ({
    index,
    name,
    source,
    target,
    counter: loopback ? 1 : 0,
    bandwidth: 1e12,
    lossRate: 0,
    propagation: 0,
    energyConsumption: 0,
    maxPacketQueue: -1,
    loopback,
  });
  const links = nodes.map((n, i) => link(i, `l_${i}_loopback`, n.name, n.name, true));
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      links.push(link(links.length, `l_${i}_${j}_0`, `n_${i}`, `n_${j}`, false));
      links.push(link(links.length, `l_${j}_${i}_0`, `n_${j}`, `n_${i}`, false));
    }
  }
  const ids = Array.from({ length: requests }, (_, i) => i);
  return {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs: [
      {
        index: 0,
        name: 'v_0',
        cpu: 1000,
        mem: 1000,
        maxShare: 1,
        minBandwidth: 0,
        packetMemDemand: 0.5,
        remoteDataAccessCost: 0,
        remoteDataAccessProb: 0,
        packetCpuDemand: 1,
        packetNetworkDemand: 1,
        startupIpt: 0,
        shutdownIpt: 0,
        timeout: 1e9,
        maxPacketQueue: -1,
        resourceIntensive: 'CPU',
      },
    ],
    sfcs: [{ index: 0, name: 's_0', vnfs: ['v_0'], maxLatency: 30, timeout: 1e9, prioritiesOrder: ['latency', 'capacity', 'energy'], slice: 'sl_0' }],
    slices: [{ index: 0, name: 'sl_0', sfcs: ['s_0'] }],
    users: ids.map((i) => ({
      index: i,
      name: `u_${i}`,
      node: 'n_0',
      sfcs: ['s_0'],
      latency: 0,
      bandwidth: 0,
      lossRate: 0,
      priority: 0,
      sfcIngressEgress: { s_0: { ingressNode: 'n_0', egressNode: 'n_2', packetSize: 10 } },
    })),
    dataSources: ids.map((i) => ({ index: i, name: `src_${i}`, packetSize: 10, packetInterval: 1, packetsBurstSize: 1, packetsBurstInterval: 10 })),
    sfcRequests: ids.map((i) => ({
      index: i,
      name: `r_${i}`,
      user: `u_${i}`,
      sfc: 's_0',
      dataSource: `src_${i}`,
      priority: 0,
      arrivalTime: 0,
      ingressNode: 'n_0',
      egressNode: 'n_2',
      duration: 1e9,
    })),
  };
}

/** Every VNF on n_1, as a new instance, over the first link of each hop. */
const onN1 = definePlacement({
  name: 'on-n1',
  description: 'Test placement: every VNF on n_1.',
  create: () => ({
    name: 'on-n1',
    place: (requests, view) => ({
      decisions: requests.map(
        (r): PlacementDecision => ({
          kind: 'chain',
          request: r.name,
          vnfs: [{ kind: 'new', node: 'n_1' }],
          links: [view.linksBetween(r.ingressNode, 'n_1')[0].name, view.linksBetween('n_1', r.egressNode)[0].name],
        }),
      ),
    }),
  }),
});

/** Any valid specs file: only the cross-file checks of the parameters use it. */
const SPECS: SpecsFile = {
  entities_number: { nodes: 5, vnfs: 6, sfcs: 4, users: 7, data_sources: 3 },
  vnf: {
    cpu: [100, 200],
    mem: [10, 20],
    max_share: [1, 2],
    min_bandwidth: [0],
    packet_mem_demand: [1],
    remote_data_access_cost: [3],
    remote_data_access_prob: [0.1],
    packet_cpu_demand: [1],
    packet_network_demand: [1],
    startup_ipt: [4000],
    shutdown_ipt: [4000],
    timeout: [1000],
    max_packet_queue: [100, -1],
    resource_intensive: ['CPU', 'Memory'],
  },
  node: {
    cpu: [1000, 2000],
    mem: [1000],
    vnf_num: [1, 2],
    group: [1, 'edge'],
    energy_max: [200, 300],
    energy_idle: [100, 250],
    disk_delay: [5],
    ran_node_prob: 0.3,
    core_node_prob: 0.3,
    location: [
      { name: 'A', key: 'A', node_prob: 0.5 },
      { name: 'B', key: 'B', node_prob: 0.5 },
    ],
  },
  sfc: { vnf_num: [2, 3, 4], max_latency: [15, 30], timeout: [1000] },
  link: {
    bandwidth: [1000, 2000, 3000],
    loss_rate: [0, 0.01],
    propagation: [1, 2, 3],
    energy_consumption: [13, 14],
    num_links_between_nodes: [1, 2, 3],
    loopback_bandwidth: [100000],
    max_packet_queue: [-1, 10, 20, 30],
  },
  user: { sfc_request_num: [1, 2, 3], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0, 2] },
  data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [100] },
  sfc_requests: { arrival: 'poisson', duration: [3000, 6000] },
};

const REQUESTS = 2;
const PACKETS = 2500;
const RATE = 0.15; // packets/ms; work 10 on CPU 1000 takes 10 ms: ρ = 1.5

function flows(): { table: FlowTable; total: number } {
  const rng = new Rng(11).stream('arrivals');
  const lines = ['user;sfc;time;packet_size'];
  let longest = 0;
  for (let u = 0; u < REQUESTS; u++) {
    let t = 0;
    for (let i = 0; i < PACKETS; i++) {
      const gap = rng.exponential(1 / RATE);
      t += gap;
      lines.push(`u_${u};s_0;${String(gap)};10`);
    }
    longest = Math.max(longest, t);
  }
  return { table: FlowTable.parse(`${lines.join('\n')}\n`, 'overload.csv'), total: Math.ceil(longest) + 2000 };
}

interface Watch {
  views: number;
  /** Problems seen in the views: a node over capacity or an instance below its minimum. */
  problems: string[];
}

/** The same plugin, checking every view it is given (node allocations within capacity, instances at or above their minimum). */
function watched(plugin: ScalingPlugin, watch: Watch): ScalingPlugin {
  return defineScaling({
    name: plugin.name,
    description: plugin.description,
    ...(plugin.parameters ? { parameters: plugin.parameters } : {}),
    create: (params: unknown, context) => {
      const inner = plugin.create(params, context);
      return {
        name: inner.name,
        monitorInterval: inner.monitorInterval,
        ...(inner.windowSize !== undefined ? { windowSize: inner.windowSize } : {}),
        monitor: (view: MonitorView) => {
          watch.views++;
          for (const n of view.nodes) {
            const cap = view.environment.nodes.find((x) => x.name === n.node)!;
            if (n.freeCpu < 0 || n.freeMem < 0 || n.allocatedCpu > cap.cpu || n.allocatedMem > cap.mem) {
              watch.problems.push(`t=${view.time} ${n.node} cpu ${n.allocatedCpu}/${cap.cpu} mem ${n.allocatedMem}/${cap.mem}`);
            }
          }
          for (const v of view.vnfInstances) {
            if (v.cpu < v.cpuMin || v.mem < v.memMin) watch.problems.push(`t=${view.time} ${v.name} ${v.cpu}/${v.mem} below minimum`);
          }
          return inner.monitor(view);
        },
      };
    },
  });
}

interface Outcome {
  result: RunResult;
  downs: number[];
  ups: number;
  watch: Watch;
}

async function simulate(scaling: { plugin: ScalingPlugin; parameters?: unknown }[]): Promise<Outcome> {
  const { table, total } = flows();
  const valid = assertValidScenario(SPECS, {
    simulation: {
      total_time: total,
      num_rounds: 1,
      random_seed: 1,
      time_window: 0,
      compute_loopback_time: 1,
      share_sfc_instance: 0,
      packet_generation: 1,
      sfc_instance_monitor_interval: total,
      log_link_events: 0,
      log_vnf_instance_events: 0,
    },
    placement: { heuristic: 'on-n1' },
  });
  const settings = resolveSettings(valid.specs, valid.params);
  const bus = new EventBus();
  const downs: number[] = [];
  let ups = 0;
  // The four names are shared with SFC-level rows (sfc_instance_resources.csv): keep the VNF-level ones.
  const down = (p: object): void => {
    if ('new' in p && typeof p.new === 'number') downs.push(p.new);
  };
  bus.on(Events.SCALING_DOWN_CPU, down);
  bus.on(Events.SCALING_DOWN_MEM, down);
  bus.on(Events.SCALING_UP_CPU, () => ups++);
  const watch: Watch = { views: 0, problems: [] };
  const result = await runSimulation({
    environment: environment(REQUESTS),
    settings,
    plugins: {
      placement: { plugin: onN1 },
      scaling: scaling.map((s) => ({ plugin: watched(s.plugin, watch), parameters: s.parameters ?? {} })),
    },
    flows: table,
    bus,
  });
  return { result, downs, ups, watch };
}

const UP_PARAMS = {
  resource_increment: 0.5,
  monitor_interval: 100,
  monitor_window_size: 200,
  acceptable_sla_violation_rate: { default: '0.05' },
  waiting_time_between_scaling_ups: 100,
};

describe('on an overloaded node (ρ = 1.5 per instance)', () => {
  let baseline: Outcome | undefined;
  const without = async (): Promise<Outcome> => (baseline ??= await simulate([]));

  it('smart-vertical-up lowers the SLA-violation rate and keeps allocations within the node', async () => {
    const none = await without();
    const smart = await simulate([{ plugin: smartVerticalUp, parameters: UP_PARAMS }]);
    const before = none.result.rounds[0].sla.violationRate;
    const after = smart.result.rounds[0].sla.violationRate;
    expect(before).toBeGreaterThan(0.8);
    expect(after).toBeLessThan(before / 2);
    expect(smart.ups).toBeGreaterThan(0);
    expect(smart.watch.views).toBeGreaterThan(10);
    expect(smart.watch.problems).toEqual([]);
  });

  it('tcp-vertical-up lowers the SLA-violation rate and keeps allocations within the node', async () => {
    const none = await without();
    const tcp = await simulate([{ plugin: tcpVerticalUp, parameters: { ...UP_PARAMS, resource_increment: 0.1, threshold: 0.3 } }]);
    const before = none.result.rounds[0].sla.violationRate;
    const after = tcp.result.rounds[0].sla.violationRate;
    expect(after).toBeLessThan(before / 2);
    expect(tcp.ups).toBeGreaterThan(0);
    expect(tcp.watch.problems).toEqual([]);
  });

  it('up + down together complete; scale-downs never go below the VNF minimum', async () => {
    const none = await without();
    const both = await simulate([
      { plugin: smartVerticalUp, parameters: UP_PARAMS },
      {
        plugin: smartVerticalDown,
        parameters: { resource_decrement: 0.2, monitor_interval: 300, monitor_window_size: 300, waiting_time_between_scaling_ups: 300 },
      },
    ]);
    const r = both.result.rounds[0];
    expect(both.result.interrupted).toBe(false);
    expect(r.packets.created).toBe(REQUESTS * PACKETS);
    expect(both.downs.length).toBeGreaterThan(0);
    for (const d of both.downs) expect(d).toBeGreaterThanOrEqual(1000);
    expect(both.watch.problems).toEqual([]);
    expect(r.scaling.failed).toBe(0);
    expect(r.sla.violationRate).toBeLessThan(none.result.rounds[0].sla.violationRate);
  });
});
