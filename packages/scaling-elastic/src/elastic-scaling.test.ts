/** The decisions of the elastic scaling on hand-made monitor views (metric cpu-load: point = 100 × meanCpuLoad). */
import type { EdgeEnvironment, MonitorView, SfcInstanceMonitor, VnfInstanceMonitor } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { resolveElasticParameters } from './elastic-parameters.js';
import { decideElastic, elasticState } from './elastic-scaling.js';

interface Inst {
  readonly name: string;
  readonly node: string;
  readonly cpu?: number;
  readonly load: number;
  readonly sfcInstances: readonly string[];
}

/** Nodes n_0, n_1 (n_1 cannot host v_0 when `n1Hosts` is false); one VNF type v_0 (cpu 1000, mem 100). */
function view(time: number, instances: readonly Inst[], free: Record<string, number>, n1Hosts = true): MonitorView {
  const vnf = { index: 0, name: 'v_0', cpu: 1000, mem: 100, maxShare: 1 };
  const environment = {
    nodes: ['n_0', 'n_1'].map((name, index) => ({ index, name, vnfs: name === 'n_1' && !n1Hosts ? [] : ['v_0'] })),
    vnfs: [vnf],
    sfcs: [{ index: 0, name: 's_0', vnfs: ['v_0'], slice: 'sl_0' }],
  } as unknown as EdgeEnvironment;
  const vnfInstances = instances.map(
    (i) =>
      ({
        name: i.name,
        vnf: 'v_0',
        node: i.node,
        state: 'running',
        cpu: i.cpu ?? 1000,
        mem: 100,
        cpuMin: 1000,
        memMin: 100,
        meanCpuLoad: i.load,
        utilization: 0,
        sfcInstances: i.sfcInstances,
      }) as unknown as VnfInstanceMonitor,
  );
  const siNames = [...new Set(instances.flatMap((i) => i.sfcInstances))];
  const sfcInstances = siNames.map(
    (name) =>
      ({ name, sfc: 's_0', active: true, vnfInstances: instances.filter((i) => i.sfcInstances.includes(name)).map((i) => i.name) }) as unknown as SfcInstanceMonitor,
  );
  return {
    time,
    windowStart: time - 100,
    environment,
    nodes: Object.entries(free).map(([node, freeCpu], index) => ({
      node,
      index,
      freeCpu,
      freeMem: 10_000,
      allocatedCpu: 0,
      allocatedMem: 0,
      vnfInstances: 1,
    })),
    vnfInstances,
    sfcInstances,
  };
}

const P = resolveElasticParameters({
  scope: 'vnf-instance',
  metric: 'cpu-load',
  threshold: 80,
  lower_threshold: 20,
  points: 2,
  monitor_interval: 100,
  cooldown: 500,
  cpu_increment: 0.5,
  cpu_decrement: 0.25,
  max_instances: 2,
});

/** Runs the strategy over instants 100, 200, … with the same instances and free CPU. */
function run(instances: readonly Inst[], free: Record<string, number>, steps: number, n1Hosts = true) {
  const state = elasticState();
  return Array.from({ length: steps }, (_, i) => decideElastic(view(100 * (i + 1), instances, free, n1Hosts), P, state));
}

describe('decideElastic', () => {
  it('scales vertically first (CPU × 1.5) once P points are above the threshold, then waits the cooldown', () => {
    const decisions = run([{ name: 'a', node: 'n_0', load: 0.9, sfcInstances: ['si_0'] }], { n_0: 5000, n_1: 5000 }, 8);
    expect(decisions.map((d) => d.length)).toEqual([0, 1, 0, 0, 0, 0, 0, 1]); // fires at 200 and 800 (after 700: 2 fresh points)
    expect(decisions[1][0]).toMatchObject({ kind: 'vertical', instance: 'a', cpu: 1500 });
    expect((decisions[1][0] as { reason: string }).reason).toMatch(/^elastic: a cpu-load 90 % > 80 for 2 points: vertical$/);
  });

  it('scales out on another node when the instance cannot grow on its own', () => {
    const [, second] = run([{ name: 'a', node: 'n_0', load: 0.9, sfcInstances: ['si_0'] }], { n_0: 400, n_1: 5000 }, 2);
    expect(second).toEqual([
      expect.objectContaining({ kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: ['si_0'] }),
    ]);
  });

  it('asks for the vertical scale-up anyway (the core records the failure) when no node has room or max_instances is reached', () => {
    const nowhere = run([{ name: 'a', node: 'n_0', load: 0.9, sfcInstances: ['si_0'] }], { n_0: 400, n_1: 5000 }, 2, false)[1];
    expect(nowhere).toEqual([expect.objectContaining({ kind: 'vertical', instance: 'a', cpu: 1500 })]);
    const full = run(
      [
        { name: 'a', node: 'n_0', load: 0.9, sfcInstances: ['si_0'] },
        { name: 'b', node: 'n_1', load: 0.1, sfcInstances: ['si_0'] },
      ],
      { n_0: 400, n_1: 5000 },
      2,
    )[1];
    expect(full.find((a) => a.kind !== 'remove-instance' && 'instance' in a && a.instance === 'a')).toMatchObject({
      kind: 'vertical',
      cpu: 1500,
    });
  });

  it('scales in: removes an extra instance, else lowers the CPU, never below the VNF type minimum', () => {
    const shared = run(
      [
        { name: 'a', node: 'n_0', load: 0.5, sfcInstances: ['si_0'] },
        { name: 'b', node: 'n_1', load: 0.1, sfcInstances: ['si_0'] },
      ],
      { n_0: 5000, n_1: 5000 },
      2,
    )[1];
    expect(shared).toEqual([expect.objectContaining({ kind: 'remove-instance', instance: 'b' })]);
    const alone = run([{ name: 'a', node: 'n_0', cpu: 1200, load: 0.1, sfcInstances: ['si_0'] }], { n_0: 5000, n_1: 5000 }, 2)[1];
    expect(alone).toEqual([expect.objectContaining({ kind: 'vertical', instance: 'a', cpu: 1000 })]); // max(1000, 900)
    const floor = run([{ name: 'a', node: 'n_0', cpu: 1000, load: 0.1, sfcInstances: ['si_0'] }], { n_0: 5000, n_1: 5000 }, 6);
    expect(floor.flat()).toEqual([]);
  });

  it('per slice, acts on the most loaded instance when the slice mean is above the threshold', () => {
    const p = resolveElasticParameters({ ...P, time_window: undefined, scope: 'slice' });
    const state = elasticState();
    const instances = [
      { name: 'a', node: 'n_0', load: 0.7, sfcInstances: ['si_0'] },
      { name: 'b', node: 'n_1', load: 1.1, sfcInstances: ['si_1'] },
    ];
    expect(decideElastic(view(100, instances, { n_0: 5000, n_1: 5000 }), p, state)).toEqual([]);
    const fired = decideElastic(view(200, instances, { n_0: 5000, n_1: 5000 }), p, state);
    expect(fired).toEqual([expect.objectContaining({ kind: 'vertical', instance: 'b', cpu: 1500 })]);
    expect((fired[0] as { reason: string }).reason).toContain('slice sl_0 cpu-load 90 %');
  });
});

describe('resolveElasticParameters', () => {
  const base = { ...P, time_window: undefined };
  it.each([
    [{ lower_threshold: 80 }, /"lower_threshold" \(80\) must be less than "threshold" \(80\)/],
    [{ threshold: 120, metric: 'utilization' as const }, /"threshold" \(120\) must be at most 100 with metric "utilization"/],
    [{ time_window: 50 }, /"time_window" \(50\) must be at least "monitor_interval" \(100\)/],
  ])('rejects %j naming the plugin, the parameter, the value and the rule', (change, message) => {
    expect(() => resolveElasticParameters({ ...base, ...change })).toThrow(message);
    expect(() => resolveElasticParameters({ ...base, ...change })).toThrow(/scaling plugin "elastic"/);
  });
  it('accepts a cpu-load threshold above 100 and a window of whole intervals', () => {
    expect(resolveElasticParameters({ ...base, threshold: 150, time_window: 300 }).time_window).toBe(300);
  });
});
