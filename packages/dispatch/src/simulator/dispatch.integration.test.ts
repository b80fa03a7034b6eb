/**
 * Dispatch plugins in a whole simulation: one SFC of one VNF type, whose instance a test scaling
 * duplicates on the same node (add-instance) and then gives the copy four times the CPU. Packets of
 * the hop are then spread by the plugin under test. Asserts directions (least-loaded keeps shorter
 * queues and delays than round-robin when one instance is slower) and packet conservation.
 */
import {
  type DispatchPlugin,
  EventBus,
  type RunResult,
  type ScalingAction,
  type SpecsFile,
  defineScaling,
  runSimulation,
} from '@nss/core';
import { firstFit as firstFitPlacement, generatedScenario, parametersFile, singleVnfSpecs } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { dispatchPlugins } from './dispatch-plugins.js';

/**
 * Two nodes, one VNF type (cpu 1000, one slot: 10 ms per packet of size 10), one user sending bursts
 * of 10 packets every ~30 ms: 0.33 packets/ms, more than an instance of 1000 serves (0.1/ms) and less
 * than 1000 + 4000 (0.5/ms).
 */
const specs = (): SpecsFile =>
  singleVnfSpecs({ nodes: 2, users: 1, packetsBurstSize: 10 }, (s) => {
    s.node.ran_node_prob = 0.5;
    s.node.core_node_prob = 0.5;
  });

/**
 * Every VNF on the first node that can host it, as a new instance; first link of each hop (one request
 * of one VNF of 1000 CPU on nodes of 100 000: the first node always has room).
 */
const firstFit = firstFitPlacement({ name: 'dispatch-test-first-fit' });

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
  const { settings, environment } = generatedScenario(
    specs(),
    parametersFile({ total_time: 4000, random_seed: 5 }, { placement: { heuristic: 'dispatch-test-first-fit' } }),
  );
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
