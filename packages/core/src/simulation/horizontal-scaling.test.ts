/**
 * Horizontal scaling end to end: `add-instance` puts a second instance behind a chain position, the
 * dispatch policy chooses among the live instances (their queue, busy slots, CPU and load as they are
 * at that instant) and hears back through `served`; `remove-instance` drains the removed instance (every
 * packet it admitted is processed, it is destroyed only then) while new packets go to the others.
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus.js';
import { Events } from '../events/catalogue.js';
import { defineDispatch, defineScaling } from '../plugins/define-plugin.js';
import type { ScalingAction } from '../plugins/monitor-view.js';
import { FlowTable } from './flow-file.js';
import { runSimulation } from './run-simulation.js';
import { allOn, chainEnvironment, fixedPlacement, flowCsv, settingsFor } from '../testing/index.js';

/** One VNF type (CPU 1000, one slot, no boot or shutdown time): a packet of size 10 takes 10 ms. */
const env = chainEnvironment({
  nodes: [{}, { cpu: 10_000 }, {}],
  vnfs: [{ cpu: 1000 }],
  requests: [{ ingress: 'n_0', egress: 'n_2' }],
});

/** `count` packets of size 10, `gap` ms after the previous flow row (a flow row's time is the gap since the previous one). */
function burst(gap: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ user: 'u_0', sfc: 's_0', time: i === 0 ? gap : 0, size: 10 }));
}

/**
 * Adds a second instance of v_0 on n_1 at the first monitor instant (5 ms); removes `remove` at
 * `removeAt`; with `again`, records the removed instance's state at each later instant and asks to
 * remove it again while it is shown.
 */
function horizontal(removeAt = Infinity, remove = 'n_1_v_0_2', again?: string[]) {
  let added = false;
  let removed = false;
  return defineScaling({
    name: 'add-then-remove',
    description: 'Test scaling: one add-instance, then one remove-instance.',
    create: () => ({
      name: 'add-then-remove',
      monitorInterval: 5,
      monitor: (view): ScalingAction[] => {
        if (!added) {
          added = true;
          return [{ kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: view.sfcInstances.map((s) => s.name) }];
        }
        if (!removed && view.time >= removeAt) {
          removed = true;
          return [{ kind: 'remove-instance', instance: remove }];
        }
        if (removed && again !== undefined) {
          const v = view.vnfInstances.find((x) => x.name === remove);
          if (v !== undefined) again.push(v.state);
          if (v !== undefined && v.state !== 'shutting-down') return [];
          return v === undefined ? [] : [{ kind: 'remove-instance', instance: remove }];
        }
        return [];
      },
    }),
  });
}

interface Seen {
  readonly name: string;
  readonly queue: number;
  readonly busySlots: number;
  readonly cpu: number;
  readonly cpuLoad: number;
}

describe('dispatch among the instances of one chain position', () => {
  it('hands select the live queue, busy slots, CPU and load of every candidate, and reports each service through served', async () => {
    const selections: Seen[][] = [];
    const served: { instance: string; delay: number; time: number }[] = [];
    const firstCandidate = defineDispatch({
      name: 'first-candidate',
      description: 'Test dispatch: always the first candidate; records what it saw.',
      create: () => ({
        name: 'first-candidate',
        select: (candidates) => {
          selections.push(
            candidates.map((c) => ({ name: c.name, queue: c.queue, busySlots: c.busySlots, cpu: c.cpu, cpuLoad: c.cpuLoad })),
          );
          return 0;
        },
        served: (instance, delay, time) => {
          served.push({ instance, delay, time });
        },
      }),
    });
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 200, sfc_instance_monitor_interval: 200 }),
      plugins: {
        placement: { plugin: fixedPlacement(allOn('n_1')) },
        scaling: [{ plugin: horizontal() }],
        dispatch: { plugin: firstCandidate },
      },
      flows: FlowTable.parse(flowCsv(burst(10, 4)), 'burst.csv'),
    });
    expect(result.rounds[0].packets.delivered).toBe(4);
    // Four choices between the placed instance and the added one, which never gets a packet.
    expect(selections).toHaveLength(4);
    selections.forEach((candidates, k) => {
      expect(candidates.map((c) => c.name)).toEqual(['n_1_v_0_1', 'n_1_v_0_2']);
      // The k-th packet of the burst finds k packets ahead of it on the first instance: one in its
      // single slot (work 10 on CPU 1000: load 0.01), k − 1 waiting.
      expect(candidates[0]).toEqual({
        name: 'n_1_v_0_1',
        queue: Math.max(0, k - 1),
        busySlots: k === 0 ? 0 : 1,
        cpu: 1000,
        cpuLoad: k === 0 ? 0 : 0.01,
      });
      expect(candidates[1]).toEqual({ name: 'n_1_v_0_2', queue: 0, busySlots: 0, cpu: 1000, cpuLoad: 0 });
    });
    // FIFO, 10 ms each: delays (arrival at the instance → end of processing) 10, 20, 30, 40 ms.
    expect(served.map((s) => s.instance)).toEqual(['n_1_v_0_1', 'n_1_v_0_1', 'n_1_v_0_1', 'n_1_v_0_1']);
    served.forEach((s, k) => {
      expect(s.delay).toBeCloseTo(10 * (k + 1), 6);
      expect(s.time).toBeCloseTo(10 + 10 * (k + 1), 6);
    });
  });

  it('falls back to round robin without a policy, and with one whose choice is out of range', async () => {
    const outOfRange = defineDispatch({
      name: 'out-of-range',
      description: 'Test dispatch: an invalid index.',
      create: () => ({ name: 'out-of-range', select: () => 7 }),
    });
    for (const dispatch of [null, { plugin: outOfRange }]) {
      const bus = new EventBus();
      const perInstance = new Map<string, number>();
      bus.on(Events.VNF_INSTANCE_PACKET_PROCESSED, (e) => perInstance.set(e.vnfInstance, (perInstance.get(e.vnfInstance) ?? 0) + 1));
      await runSimulation({
        environment: env,
        settings: settingsFor({ total_time: 200, sfc_instance_monitor_interval: 200 }),
        plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: [{ plugin: horizontal() }], dispatch },
        flows: FlowTable.parse(flowCsv(burst(10, 6)), 'burst.csv'),
        bus,
      });
      expect(Object.fromEntries(perInstance)).toEqual({ n_1_v_0_1: 3, n_1_v_0_2: 3 });
    }
  });
});

describe('remove-instance on a loaded instance', () => {
  /** 6 packets at 10 ms (3 per instance, round robin), `remove` at 15 ms, 4 packets at 20 ms. */
  async function scaleIn(removeAt: number) {
    const bus = new EventBus();
    const processed = new Map<string, number[]>();
    const destroyed = new Map<string, number>();
    const shutdown = new Map<string, number>();
    bus.on(Events.VNF_INSTANCE_PACKET_PROCESSED, (e) => {
      processed.set(e.vnfInstance, [...(processed.get(e.vnfInstance) ?? []), e.time]);
    });
    bus.on(Events.INSTANCE_DESTROYED, (e) => destroyed.set(e.vnfInstance, e.time));
    bus.on(Events.INSTANCE_SHUTDOWN, (e) => shutdown.set(e.vnfInstance, e.time));
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 300, sfc_instance_monitor_interval: 300 }),
      plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: [{ plugin: horizontal(removeAt) }] },
      flows: FlowTable.parse(flowCsv([...burst(10, 6), ...burst(10, 4)]), 'scale-in.csv'),
      bus,
    });
    return { round: result.rounds[0], processed, destroyed, shutdown };
  }

  it('serves every packet the removed instance admitted, destroys it only then, and sends new packets to the others', async () => {
    const { round, processed, destroyed, shutdown } = await scaleIn(15);
    // Conservation: 10 created, 10 delivered, none dropped, orphaned or in flight.
    expect(round.packets.created).toBe(10);
    expect(round.packets.delivered).toBe(10);
    expect(round.packets.dropped).toBe(0);
    expect(round.packets.orphaned).toBe(0);
    expect(round.scaling.down).toBe(1);
    // The removed instance held 3 packets at 15 ms (one half served, two waiting): all processed, at
    // 20, 30 and 40 ms, exactly as without the removal.
    const removed = processed.get('n_1_v_0_2') ?? [];
    expect(removed.map((t) => Math.round(t))).toEqual([20, 30, 40]);
    // Its shutdown starts when the last one leaves (no shutdown time: destroyed at once), not at 15 ms.
    expect(shutdown.get('n_1_v_0_2')).toBeCloseTo(40, 6);
    expect(destroyed.get('n_1_v_0_2')).toBeCloseTo(40, 6);
    // The 4 packets of 20 ms all went to the remaining instance: 3 + 4 = 7 processed there.
    expect(processed.get('n_1_v_0_1')).toHaveLength(7);
  });

  it('delivers the same packets with the same delays as without the removal, for the packets it had admitted', async () => {
    const kept = await scaleIn(Infinity);
    const removedRun = await scaleIn(15);
    expect(removedRun.processed.get('n_1_v_0_2')).toEqual(kept.processed.get('n_1_v_0_2')!.slice(0, 3));
    expect(removedRun.round.packets.delivered).toBe(kept.round.packets.delivered);
  });

  it('shows a draining instance as shutting down, so a second removal is refused and counted once', async () => {
    const states: string[] = [];
    const bus = new EventBus();
    const refused: string[] = [];
    bus.on(Events.SCALING_REMOVE_INSTANCE_FAIL, (e) => refused.push(e.reason ?? ''));
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 300, sfc_instance_monitor_interval: 300 }),
      plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: [{ plugin: horizontal(15, 'n_1_v_0_2', states) }] },
      flows: FlowTable.parse(flowCsv([...burst(10, 6), ...burst(10, 4)]), 'scale-in.csv'),
      bus,
    });
    // At 20, 25, 30 and 35 ms it still drains (its last packet leaves at 40 ms): shown shutting down.
    expect(states.slice(0, 4)).toEqual(['shutting-down', 'shutting-down', 'shutting-down', 'shutting-down']);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatch(/already shutting down/);
    expect(result.rounds[0].scaling.down).toBe(1);
    expect(result.rounds[0].packets.delivered).toBe(10);
  });

  it('shuts an idle instance down at once', async () => {
    // At 60 ms both instances are idle (the last packets ended by 50 ms).
    const { shutdown, destroyed, round } = await scaleIn(60);
    expect(shutdown.get('n_1_v_0_2')).toBeCloseTo(60, 6);
    expect(destroyed.get('n_1_v_0_2')).toBeCloseTo(60, 6);
    expect(round.packets.delivered).toBe(10);
  });
});

describe('routing after a scale-out on another node', () => {
  // n_0 ingress, n_1 the placed instance, n_2 the added one, n_3 egress. Only the links to and from n_2
  // take time: 7 ms from n_0, 11 ms to n_3 (bandwidth huge, so transmission is negligible).
  const spread = chainEnvironment({
    nodes: [{}, { cpu: 10_000 }, { cpu: 10_000 }, {}],
    vnfs: [{ cpu: 1000 }],
    link: (a, b) => {
      const pair = [a, b].sort().join('-');
      return { propagation: pair === '0-2' ? 7 : pair === '2-3' ? 11 : 0 };
    },
    requests: [{ ingress: 'n_0', egress: 'n_3' }],
  });
  const addOnN2 = defineScaling({
    name: 'add-on-n2',
    description: 'Test scaling: one instance of v_0 added on n_2 at the first monitor instant.',
    create: () => {
      let added = false;
      return {
        name: 'add-on-n2',
        monitorInterval: 5,
        monitor: (view): ScalingAction[] => {
          if (added) return [];
          added = true;
          return [{ kind: 'add-instance', vnf: 'v_0', node: 'n_2', sfcInstances: view.sfcInstances.map((s) => s.name) }];
        },
      };
    },
  });
  const toNode = (node: string) =>
    defineDispatch({
      name: `to-${node}`,
      description: `Test dispatch: the instance on ${node}.`,
      create: () => ({ name: `to-${node}`, select: (candidates) => candidates.findIndex((c) => c.node === node) }),
    });

  it.each([
    ['n_1', 10], // the planned route: 0 + 10 ms processing + 0
    ['n_2', 28], // n_0 → n_2 (7 ms), 10 ms processing, n_2 → n_3 (11 ms)
  ])('a packet dispatched to the instance on %s takes the links to and from its node (delay %d ms)', async (node, delay) => {
    const bus = new EventBus();
    const links: string[] = [];
    bus.on(Events.LINK_PACKET_ARRIVED, (e) => links.push(e.link));
    const result = await runSimulation({
      environment: spread,
      settings: settingsFor({ total_time: 200 }),
      plugins: {
        placement: { plugin: fixedPlacement(allOn('n_1')) },
        scaling: [{ plugin: addOnN2 }],
        dispatch: { plugin: toNode(node) },
      },
      flows: FlowTable.parse(flowCsv(burst(20, 1)), 'one.csv'),
      bus,
    });
    const round = result.rounds[0];
    expect(round.packets.delivered).toBe(1);
    expect(round.delayMs.mean).toBeCloseTo(delay, 3);
    // Ingress hop, then the hop to the egress: from and to the chosen instance's node.
    const ends = links.map((name) => spread.links.find((l) => l.name === name)!).map((l) => [l.source, l.target].sort().join('-'));
    expect(ends).toEqual(node === 'n_1' ? ['n_0-n_1', 'n_1-n_3'] : ['n_0-n_2', 'n_2-n_3']);
  });
});
