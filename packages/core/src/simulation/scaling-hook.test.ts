/**
 * The scaling hook end to end: a strategy written here (defineScaling) sees the monitor view every
 * monitorInterval ms; the core applies feasible actions (SCALING_UP_CPU, re-rating the packets in
 * service) and refuses infeasible ones (SCALING_UP_CPU_FAIL with a reason, nothing changed).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.js';
import { type ScalingPlugin, defineScaling } from '../plugins/define-plugin.js';
import type { MonitorView, ScalingAction } from '../plugins/monitor-view.js';
import { FlowTable } from './flow-file.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import { allOn, chainEnvironment, fixedPlacement, flowCsv, poissonFlow, readCsv, rowsOf, settingsFor, tempDir } from '../testing/index.js';

const scratch = tempDir('nss-scaling-');
afterAll(() => scratch.remove());

/** Doubles (times `factor`) the CPU of every instance with a packet waiting, up to `cap`. */
function doubler(factor: number, cap: number, seen?: MonitorView[]): ScalingPlugin {
  return defineScaling({
    name: 'double-on-queue',
    description: 'Test scaling: more CPU when packets wait.',
    create: () => ({
      name: 'double-on-queue',
      monitorInterval: 50,
      monitor: (view): ScalingAction[] => {
        seen?.push(view);
        return view.vnfInstances
          .filter((v) => v.queue > 0 && v.cpu < cap)
          .map((v) => ({ kind: 'vertical', instance: v.name, cpu: v.cpu * factor, reason: `queue ${v.queue}` }));
      },
    }),
  });
}

/** One VNF instance (CPU 1000, one slot) at ρ = 0.9 (M/D/1: 55 ms mean delay), on a node of `nodeCpu`. */
async function run(name: string, nodeCpu: number, scaling: ScalingPlugin | null): Promise<{ dir: string; result: RunResult }> {
  const env = chainEnvironment({
    nodes: [{}, { cpu: nodeCpu }, {}],
    vnfs: [{ cpu: 1000 }],
    requests: [{ ingress: 'n_0', egress: 'n_2' }],
  });
  const rows = poissonFlow(new Rng(3).stream('arrivals'), 'u_0', 's_0', 20_000, 0.09, () => 10);
  const flows = FlowTable.parse(flowCsv(rows), 'scaling.csv');
  const total = Math.ceil(rows.reduce((a, r) => a + r.time, 0)) + 5000;
  const settings = settingsFor({ total_time: total, sfc_instance_monitor_interval: total });
  const dir = join(scratch.dir, name);
  const result = await runSimulation({
    environment: env,
    settings,
    plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: scaling === null ? [] : [{ plugin: scaling }] },
    flows,
    outDir: dir,
  });
  return { dir, result };
}

describe('a scaling strategy that doubles the CPU of instances with a queue', () => {
  it('scales up, logs SCALING_UP_CPU and cuts the mean delay', async () => {
    const views: MonitorView[] = [];
    const without = await run('none', 1e6, null);
    const withScaling = await run('double', 1e6, doubler(2, 8000, views));
    const r = withScaling.result.rounds[0];
    const scaling = readCsv(join(withScaling.dir, 'Round_0/vnf_instance_scaling.csv'));
    const ups = rowsOf(scaling, 'SCALING_UP_CPU');
    expect(ups.length).toBeGreaterThan(0);
    expect(r.scaling.up).toBe(ups.length);
    expect(r.scaling.failed).toBe(0);
    // 1000 → 2000 → 4000 → 8000, then the cap.
    expect(ups.map((u) => [u[scaling.col('VNF_Instance')], u[scaling.col('Old')], u[scaling.col('New')]])).toEqual([
      ['n_1_v_0_1', '1000.00', '2000.00'],
      ['n_1_v_0_1', '2000.00', '4000.00'],
      ['n_1_v_0_1', '4000.00', '8000.00'],
    ]);
    expect(ups[0][scaling.col('Reason')]).toMatch(/queue \d+$/); // the strategy's reason
    expect(readCsv(join(withScaling.dir, 'Round_0/vnf_instances_entities.csv')).column('CPU')).toEqual(['8000']);
    // The view was taken every 50 ms.
    expect(views[0].time).toBe(50);
    expect(views[1].time - views[0].time).toBe(50);
    // Every packet still gets through, much faster.
    expect(r.packets.delivered).toBe(without.result.rounds[0].packets.delivered);
    const before = without.result.rounds[0].delayMs.mean!;
    const after = r.delayMs.mean!;
    expect(before).toBeGreaterThan(30); // ≈ 55 ms at ρ = 0.9
    expect(after).toBeLessThan(before / 4); // at 8000: ρ ≈ 0.11, ≈ 1.3 ms once scaled
  });

  it('re-rates a packet in service when its instance is scaled (processor sharing); not with [Q-3]', async () => {
    // One packet of work 10 on CPU 1000 (10 ms) from t = 0; at t = 4 the CPU doubles: the 6 instructions
    // left take 3 ms, so it leaves at 7. The reference fixes the service time at its start: 10.
    const rerate = defineScaling({
      name: 'double-busy',
      description: 'Test scaling: double the CPU of busy instances once.',
      create: () => ({
        name: 'double-busy',
        monitorInterval: 4,
        monitor: (view): ScalingAction[] =>
          view.vnfInstances.filter((v) => v.busySlots > 0 && v.cpu < 2000).map((v) => ({ kind: 'vertical', instance: v.name, cpu: 2000 })),
      }),
    });
    const env = chainEnvironment({ nodes: [{}, {}, {}], vnfs: [{ cpu: 1000 }], requests: [{ ingress: 'n_0', egress: 'n_2' }] });
    const flows = FlowTable.parse(flowCsv([{ user: 'u_0', sfc: 's_0', time: 0, size: 10 }]), 'one.csv');
    const delay = async (reference: boolean): Promise<number> => {
      const result = await runSimulation({
        environment: env,
        settings: settingsFor({ total_time: 100, ...(reference ? { quirks: { noCpuSharing: 1 } } : {}) }),
        plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: [{ plugin: rerate }] },
        flows,
      });
      expect(result.rounds[0].scaling.up).toBe(1);
      return result.rounds[0].delayMs.mean!;
    };
    expect(await delay(false)).toBeCloseTo(7, 6);
    expect(await delay(true)).toBeCloseTo(10, 6);
  });

  it('refuses CPU beyond the node: SCALING_UP_CPU_FAIL with a reason, allocation unchanged', async () => {
    // The node has 1500: the instance's 1000 cannot double.
    const failing = await run('fail', 1500, doubler(2, Infinity));
    const r = failing.result.rounds[0];
    const scaling = readCsv(join(failing.dir, 'Round_0/vnf_instance_scaling.csv'));
    const fails = rowsOf(scaling, 'SCALING_UP_CPU_FAIL');
    expect(fails.length).toBeGreaterThan(0);
    expect(rowsOf(scaling, 'SCALING_UP_CPU')).toHaveLength(0);
    expect(r.scaling).toEqual({ up: 0, down: 0, failed: fails.length });
    const reason = fails[0][scaling.col('Reason')];
    expect(reason).toContain('double-on-queue');
    expect(reason).toContain('n_1');
    expect(reason).toMatch(/500 CPU free/);
    expect(fails[0][scaling.col('Old')]).toBe('1000.00');
    expect(fails[0][scaling.col('New')]).toBe('2000.00');
    const entities = readCsv(join(failing.dir, 'Round_0/vnf_instances_entities.csv'));
    expect(entities.column('CPU')).toEqual(['1000']);
    // Nothing changed: the same delays as without scaling.
    const without = await run('none-small-node', 1500, null);
    expect(r.delayMs).toEqual(without.result.rounds[0].delayMs);
  });
});
