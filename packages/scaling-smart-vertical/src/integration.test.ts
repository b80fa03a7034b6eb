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
  type ScalingPlugin,
  Rng,
  type RunResult,
  defineScaling,
  runSimulation,
} from '@nss/core';
import { type FlowRow, allOn, chainEnvironment, fixedPlacement, flowCsv, poissonFlow, settingsWithSections } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { smartVerticalDown } from './vertical-down.js';
import { smartVerticalUp, tcpVerticalUp } from './vertical-up.js';

const NODE_CPU = 6000;
const NODE_MEM = 6000;

/** n_0 → n_1 (hosts everything) → n_2, free links; VNF v_0 (1000 CPU/mem, demand 1); SFC s_0 = [v_0], max latency 30 ms. */
function environment(requests: number): EdgeEnvironment {
  return chainEnvironment({
    nodes: [{}, { cpu: NODE_CPU, mem: NODE_MEM }, {}],
    vnfs: [{ packetMemDemand: 0.5 }],
    sfcs: [{ vnfs: ['v_0'], maxLatency: 30 }],
    link: () => ({ energyConsumption: 0 }),
    requests: Array.from({ length: requests }, () => ({ ingress: 'n_0', egress: 'n_2' })),
  });
}

/** Every VNF on n_1, as a new instance, over the first link of each hop. */
const onN1 = fixedPlacement(allOn('n_1'), { name: 'on-n1' });

const REQUESTS = 2;
const PACKETS = 2500;
const RATE = 0.15; // packets/ms; work 10 on CPU 1000 takes 10 ms: ρ = 1.5

function flows(): { table: FlowTable; total: number } {
  const rng = new Rng(11).stream('arrivals');
  const rows: FlowRow[] = [];
  let longest = 0;
  for (let u = 0; u < REQUESTS; u++) {
    const user = poissonFlow(rng, `u_${u}`, 's_0', PACKETS, RATE, () => 10);
    longest = Math.max(longest, user.reduce((t, r) => t + r.time, 0));
    rows.push(...user);
  }
  return { table: FlowTable.parse(flowCsv(rows), 'overload.csv'), total: Math.ceil(longest) + 2000 };
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
  const settings = settingsWithSections({ total_time: total, sfc_instance_monitor_interval: total }, { placement: { heuristic: 'on-n1' } });
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
