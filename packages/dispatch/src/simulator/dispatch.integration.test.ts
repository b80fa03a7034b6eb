/**
 * Dispatch plugins in a whole simulation: one SFC of one VNF type, whose instance a test scaling
 * duplicates on the same node (add-instance) and then gives the copy four times the CPU. Packets of
 * the hop are then spread by the plugin under test. Asserts directions (least-loaded keeps shorter
 * queues and delays than round-robin when one instance is slower) and packet conservation.
 */
import {
  type DispatchPlugin,
  EventBus,
  type PlacementDecision,
  type RunResult,
  type ScalingAction,
  type SpecsFile,
  assertValidScenario,
  definePlacement,
  defineScaling,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { dispatchPlugins } from './dispatch-plugins.js';

/**
 * Two nodes, one VNF type (cpu 1000, one slot: 10 ms per packet of size 10), one user sending bursts
 * of 10 packets every ~30 ms: 0.33 packets/ms, more than an instance of 1000 serves (0.1/ms) and less
 * than 1000 + 4000 (0.5/ms).
 */
function specs(): SpecsFile {
  return {
    entities_number: { nodes: 2, vnfs: 1, sfcs: 1, users: 1, data_sources: 1 },
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
      cpu: [100_000],
      mem: [100_000],
      vnf_num: [1],
      group: [1],
      energy_max: [200],
      energy_idle: [100],
      disk_delay: [5],
      ran_node_prob: 0.5,
      core_node_prob: 0.5,
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
    data_source: { packet_size: [10], packet_interval: [1], packets_burst_size: [10], packets_burst_interval: [30] },
    sfc_requests: { arrival: 'poisson', duration: [100_000], max_arrival_time: 10 },
  };
}

/** Every VNF on the first node that can host it, as a new instance; first link of each hop. */
const firstFit = definePlacement({
  name: 'dispatch-test-first-fit',
  description: 'Test placement: first node that can host, new instances.',
  create: () => ({
    name: 'dispatch-test-first-fit',
    place: (requests, view) => {
      const env = view.environment;
      const decisions: PlacementDecision[] = [];
      for (const r of requests) {
        const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
        const nodes = sfc.vnfs.map((v) => env.nodes.find((n) => view.canHost(n.name, v))!.name);
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

/** Queue samples (packets waiting or in service, per instance) the test scaling saw at each monitor. */
interface Samples {
  slow: number[];
  fast: number[];
}

/** At its first monitor adds a second instance of the VNF beside the first; at the next gives it 4000 CPU; then samples queues. */
function duplicateThenBoost(samples: Samples) {
  return defineScaling({
    name: 'dispatch-test-duplicate',
    description: 'Test scaling: one more instance of the hop, with four times the CPU.',
    create: () => {
      let step = 0;
      return {
        name: 'dispatch-test-duplicate',
        monitorInterval: 20,
        monitor: (view): ScalingAction[] => {
          const live = view.vnfInstances.filter((v) => v.state !== 'shutting-down');
          if (step === 0 && live.length === 1 && view.sfcInstances.length === 1) {
            step = 1;
            return [{ kind: 'add-instance', vnf: live[0].vnf, node: live[0].node, sfcInstances: [view.sfcInstances[0].name] }];
          }
          if (step === 1 && live.length === 2) {
            step = 2;
            return [{ kind: 'vertical', instance: live[1].name, cpu: 4000 }];
          }
          if (step === 2 && live.length === 2 && live[1].cpu === 4000) {
            samples.slow.push(live[0].queue + live[0].busySlots);
            samples.fast.push(live[1].queue + live[1].busySlots);
          }
          return [];
        },
      };
    },
  });
}

interface Outcome {
  result: RunResult;
  samples: Samples;
  created: Set<number>;
  ended: Map<number, number>;
  servedBy: Map<number, string[]>;
}

async function run(dispatch: DispatchPlugin, parameters: unknown = {}): Promise<Outcome> {
  const valid = assertValidScenario(specs(), {
    simulation: {
      total_time: 4000,
      num_rounds: 1,
      random_seed: 5,
      time_window: 0,
      compute_loopback_time: 1,
      share_sfc_instance: 0,
      packet_generation: 1,
      sfc_instance_monitor_interval: 100,
      log_link_events: 0,
      log_vnf_instance_events: 0,
    },
    placement: { heuristic: 'dispatch-test-first-fit' },
  });
  const settings = resolveSettings(valid.specs, valid.params);
  const environment = generateEnvironment(valid.specs, settings.seed, settings);
  const samples: Samples = { slow: [], fast: [] };
  const bus = new EventBus();
  const created = new Set<number>();
  const ended = new Map<number, number>();
  const servedBy = new Map<number, string[]>();
  const end = (e: { packetId: number }) => ended.set(e.packetId, (ended.get(e.packetId) ?? 0) + 1);
  bus.on('PACKET_CREATED', (e) => created.add(e.packetId));
  bus.on('PACKET_PROCESSED', end);
  bus.on('PACKET_ORPHAN', end);
  bus.on('PACKET_DROPPED_VNF_INSTANCE_QUEUE', end);
  bus.on('PACKET_DROPPED_LINK_QUEUE', end);
  bus.on('VNF_INSTANCE_PACKET_PROCESSED', (e) => servedBy.set(e.packetId, [...(servedBy.get(e.packetId) ?? []), e.vnfInstance]));
  const result = await runSimulation({
    environment,
    settings,
    bus,
    plugins: {
      placement: { plugin: firstFit },
      scaling: [{ plugin: duplicateThenBoost(samples) }],
      dispatch: { plugin: dispatch, parameters },
    },
  });
  return { result, samples, created, ended, servedBy };
}

const plugin = (name: string) => dispatchPlugins.find((p) => p.name === name)!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('dispatch plugins in a simulation', () => {
  it('least-loaded keeps shorter queues and delays than round-robin when one instance has less CPU', async () => {
    const rr = await run(plugin('round-robin'));
    const ll = await run(plugin('least-loaded'));
    for (const o of [rr, ll]) {
      expect(o.result.rounds[0].interrupted).toBe(false);
      expect(o.samples.slow.length).toBeGreaterThan(100); // the second instance existed most of the run
    }
    if (process.env.DISPATCH_FIGURES) console.log(JSON.stringify({ rr: [mean(rr.samples.slow), mean(rr.samples.fast), rr.result.rounds[0].delayMs.mean, rr.result.rounds[0].sla.violationRate], ll: [mean(ll.samples.slow), mean(ll.samples.fast), ll.result.rounds[0].delayMs.mean, ll.result.rounds[0].sla.violationRate] }));
    // Round robin sends half of 0.33 packets/ms to an instance serving 0.1/ms: its queue grows.
    expect(mean(rr.samples.slow)).toBeGreaterThan(10);
    expect(mean(ll.samples.slow) + mean(ll.samples.fast)).toBeLessThan((mean(rr.samples.slow) + mean(rr.samples.fast)) / 3);
    expect(ll.result.rounds[0].delayMs.mean!).toBeLessThan(rr.result.rounds[0].delayMs.mean!);
    expect(ll.result.rounds[0].sla.violationRate).toBeLessThan(rr.result.rounds[0].sla.violationRate);
  });

  for (const name of dispatchPlugins.map((p) => p.name)) {
    it(`${name}: every packet ends once at most, each served by one instance of the hop; both instances serve`, async () => {
      const o = await run(plugin(name));
      const r = o.result.rounds[0];
      expect(o.created.size).toBe(r.packets.created);
      for (const [id, times] of o.ended) {
        expect(times).toBe(1);
        expect(o.created.has(id)).toBe(true);
      }
      expect(o.ended.size).toBe(r.packets.delivered + r.packets.dropped + r.packets.orphaned);
      expect(r.packets.inFlight).toBeGreaterThanOrEqual(0);
      const perInstance = new Map<string, number>();
      for (const list of o.servedBy.values()) {
        expect(list).toHaveLength(1);
        perInstance.set(list[0], (perInstance.get(list[0]) ?? 0) + 1);
      }
      expect(perInstance.size).toBe(2);
    });
  }
});
