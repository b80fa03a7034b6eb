import { type MonitorView, PluginError, Rng, type ScalingAction, type ScalingStrategy, instantiate } from '@nss/core';
import { monitorView as makeView } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { smartVerticalUp, tcpVerticalUp } from './vertical-up.js';

const ctx = { rng: new Rng(1).stream('scaling/0') };

function up(params: Record<string, unknown> = {}): ScalingStrategy {
  return instantiate(smartVerticalUp, { resource_increment: 0.2, ...params }, ctx);
}

function tcp(params: Record<string, unknown> = {}): ScalingStrategy {
  return instantiate(tcpVerticalUp, { resource_increment: 0.1, ...params }, ctx);
}

const run = (s: ScalingStrategy, v: MonitorView): ScalingAction[] => s.monitor(v) as ScalingAction[];
const targets = (actions: readonly ScalingAction[]): [string, number | undefined, number | undefined][] =>
  actions.map((a) => (a.kind === 'vertical' ? [a.instance, a.cpu, a.mem] : ['?', undefined, undefined]));

/** One node n_1, one instance x per SFC instance si_k, with the given violations out of 100 ended packets. */
function oneEach(violations: number[], sfcs: string[] = ['s_0']): MonitorView {
  return makeView({
    nodes: [{ name: 'n_1', cpu: 100_000, mem: 100_000 }],
    sfcs,
    instances: violations.map((_, k) => ({ name: `x_${k}`, node: 'n_1', meanCpuLoad: 0.5 })),
    sfcInstances: violations.map((v, k) => ({ name: `si_${k}`, sfc: sfcs[k % sfcs.length], vnfInstances: [`x_${k}`], slaViolations: v })),
  });
}

describe('smart-vertical-up analyzer', () => {
  it('plans for SFC instances whose violation rate reaches the acceptable rate (default)', () => {
    const s = up({ acceptable_sla_violation_rate: { default: 0.1 } });
    // rates 0.05, 0.10, 0.30 → the last two
    expect(targets(run(s, oneEach([5, 10, 30]))).map((t) => t[0])).toEqual(['x_1', 'x_2']);
  });

  it('uses the per-SFC-name rate, given as numeric strings as in the reference', () => {
    const s = up({ acceptable_sla_violation_rate: { default: '0.5', s_1: '0.01' } });
    // si_0 (s_0, 0.2 < 0.5): no; si_1 (s_1, 0.2 >= 0.01): yes
    expect(targets(run(s, oneEach([20, 20], ['s_0', 's_1']))).map((t) => t[0])).toEqual(['x_1']);
  });

  it('with an acceptable rate of 0, scales every SFC instance (even without violations)', () => {
    const s = up({ acceptable_sla_violation_rate: { default: 0 } });
    expect(run(s, oneEach([0, 0]))).toHaveLength(2);
  });

  it('skips inactive SFC instances', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [{ name: 'x', node: 'n_1', meanCpuLoad: 1 }],
      sfcInstances: [{ name: 'si', vnfInstances: ['x'], slaViolations: 50, active: false }],
    });
    expect(run(up(), v)).toEqual([]);
  });

  it('throws a PluginError at the first monitor call when a rate names an unknown SFC', () => {
    const s = up({ acceptable_sla_violation_rate: { default: 0.1, s_9: 0.2 } });
    expect(() => s.monitor(oneEach([0]))).toThrow(PluginError);
    expect(() => up({ acceptable_sla_violation_rate: { default: 0.1, s_9: 0.2 } }).monitor(oneEach([0]))).toThrow(
      /smart-vertical-up.*acceptable_sla_violation_rate.*"s_9".*0\.2.*s_0/,
    );
  });
});

describe('smart-vertical-up planner', () => {
  /** SI over two nodes: a on n_a (H = 0.8), b on n_b (H = 0.3). */
  function twoNodes(): MonitorView {
    return makeView({
      nodes: [
        { name: 'n_b', cpu: 10_000, mem: 10_000, freeCpu: 3000, freeMem: 3000 },
        { name: 'n_a', cpu: 10_000, mem: 10_000, freeCpu: 8000, freeMem: 8000 },
      ],
      instances: [
        { name: 'b', node: 'n_b', meanCpuLoad: 0.5 },
        { name: 'a', node: 'n_a', meanCpuLoad: 0.5 },
      ],
      sfcInstances: [{ name: 'si', vnfInstances: ['b', 'a'], slaViolations: 50 }],
    });
  }

  it('balance: visits the node with the most free resources first', () => {
    expect(targets(run(up(), twoNodes())).map((t) => t[0])).toEqual(['a', 'b']);
  });

  it('consolidation (prioritize_nodes_with_more_resource_available = 0): least free first', () => {
    expect(targets(run(up({ prioritize_nodes_with_more_resource_available: '0' }), twoNodes())).map((t) => t[0])).toEqual(['b', 'a']);
  });

  it('H weights: a node with free CPU but no free memory scores 0', () => {
    const v = makeView({
      nodes: [
        { name: 'n_a', cpu: 10_000, mem: 10_000, freeCpu: 9000, freeMem: 0 },
        { name: 'n_b', cpu: 10_000, mem: 10_000, freeCpu: 1000, freeMem: 1000 },
      ],
      instances: [
        { name: 'a', node: 'n_a', meanCpuLoad: 0.5, mem: 10 },
        { name: 'b', node: 'n_b', meanCpuLoad: 0.5 },
      ],
      sfcInstances: [{ name: 'si', vnfInstances: ['a', 'b'], slaViolations: 50 }],
    });
    // n_b first (H 0.1 > 0); a then cannot grow its memory (0 free): no action for it.
    expect(targets(run(up(), v))).toEqual([['b', 1200, 1200]]);
  });

  it('ranks the instances of a node by load metric and skips those at or below the limit', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [
        { name: 'low', node: 'n_1', meanCpuLoad: 0.1, meanMemLoad: 0.1 },
        { name: 'high', node: 'n_1', meanCpuLoad: 0.9, meanMemLoad: 0.1 },
        { name: 'mid', node: 'n_1', meanCpuLoad: 0.2, meanMemLoad: 0.6 },
      ],
      sfcInstances: [{ name: 'si', vnfInstances: ['low', 'high', 'mid'], slaViolations: 50 }],
    });
    // Λ (weights 1, 1): low 0.1, high 0.5, mid 0.4
    expect(targets(run(up({ load_vnf_instance_limit: 0.1 }), v)).map((t) => t[0])).toEqual(['high', 'mid']);
    // Memory weight 0: Λ = CPU load: high 0.9, mid 0.2, low 0.1
    expect(targets(run(up({ load_vnf_instance_limit: 0.15, mem_vnf_load_importance: 0 }), v)).map((t) => t[0])).toEqual([
      'high',
      'mid',
    ]);
  });

  it('an idle instance (Λ = 0) is not scaled with the default limit 0', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [{ name: 'idle', node: 'n_1' }],
      sfcInstances: [{ name: 'si', vnfInstances: ['idle'], slaViolations: 50 }],
    });
    expect(run(up(), v)).toEqual([]);
  });

  it('increments CPU and memory by resource_increment of the allocation', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [{ name: 'x', node: 'n_1', cpu: 1500, mem: 400, meanCpuLoad: 0.5 }],
      sfcInstances: [{ name: 'si', vnfInstances: ['x'], slaViolations: 50 }],
    });
    expect(targets(run(up({ resource_increment: 0.25 }), v))).toEqual([['x', 1875, 500]]);
  });

  it('requires Δ strictly below the free resources, counting what earlier actions of the cycle took', () => {
    const v = makeView({
      nodes: [{ name: 'n_1', freeCpu: 450, freeMem: 10_000 }],
      instances: [
        { name: 'x', node: 'n_1', meanCpuLoad: 0.9 },
        { name: 'y', node: 'n_1', meanCpuLoad: 0.8 },
        { name: 'z', node: 'n_1', meanCpuLoad: 0.7 },
      ],
      sfcInstances: [
        { name: 'si_0', vnfInstances: ['x', 'y'], slaViolations: 50 },
        { name: 'si_1', vnfInstances: ['z'], slaViolations: 50 },
      ],
    });
    // Δc = 200 each: x (200 < 450), y (200 < 250), then z of another SFC instance: 200 < 50 fails.
    expect(targets(run(up(), v))).toEqual([
      ['x', 1200, 1200],
      ['y', 1200, 1200],
    ]);
    // Exactly equal is not enough (strict, as the reference).
    const tight = makeView({
      nodes: [{ name: 'n_1', freeCpu: 200 }],
      instances: [{ name: 'x', node: 'n_1', meanCpuLoad: 0.9 }],
      sfcInstances: [{ name: 'si', vnfInstances: ['x'], slaViolations: 50 }],
    });
    expect(run(up(), tight)).toEqual([]);
  });

  it('scales an instance shared by two SFC instances once per cycle', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [{ name: 'x', node: 'n_1', meanCpuLoad: 0.9 }],
      sfcInstances: [
        { name: 'si_0', vnfInstances: ['x'], slaViolations: 50 },
        { name: 'si_1', vnfInstances: ['x'], slaViolations: 50 },
      ],
    });
    expect(run(up(), v)).toHaveLength(1);
  });

  it('waits waiting_time_between_scaling_ups per SFC instance, without blocking the others', () => {
    const s = up({ waiting_time_between_scaling_ups: 250 });
    const at = (time: number, violating: string[]): MonitorView =>
      makeView({
        time,
        nodes: [{ name: 'n_1', cpu: 1e6, mem: 1e6 }],
        instances: [
          { name: 'x', node: 'n_1', meanCpuLoad: 0.9 },
          { name: 'y', node: 'n_1', meanCpuLoad: 0.9 },
        ],
        sfcInstances: [
          { name: 'si_0', vnfInstances: ['x'], slaViolations: violating.includes('si_0') ? 50 : 0 },
          { name: 'si_1', vnfInstances: ['y'], slaViolations: violating.includes('si_1') ? 50 : 0 },
        ],
      });
    expect(targets(run(s, at(100, ['si_0']))).map((t) => t[0])).toEqual(['x']);
    // si_0 waits until t = 350; si_1 is free to scale.
    expect(targets(run(s, at(200, ['si_0', 'si_1']))).map((t) => t[0])).toEqual(['y']);
    expect(targets(run(s, at(300, ['si_0', 'si_1']))).map((t) => t[0])).toEqual([]);
    expect(targets(run(s, at(400, ['si_0']))).map((t) => t[0])).toEqual(['x']);
    expect(targets(run(s, at(500, ['si_1']))).map((t) => t[0])).toEqual(['y']);
  });

  it('does not mark an SFC instance that could not be scaled', () => {
    const s = up({ waiting_time_between_scaling_ups: 1000 });
    const v = (time: number, freeCpu: number): MonitorView =>
      makeView({
        time,
        nodes: [{ name: 'n_1', freeCpu }],
        instances: [{ name: 'x', node: 'n_1', meanCpuLoad: 0.9 }],
        sfcInstances: [{ name: 'si', vnfInstances: ['x'], slaViolations: 50 }],
      });
    expect(run(s, v(100, 0))).toEqual([]);
    expect(run(s, v(200, 5000))).toHaveLength(1);
  });

  it('windowSize = monitor_window_size and monitorInterval = monitor_interval', () => {
    const s = up({ monitor_interval: 50, monitor_window_size: 200 });
    expect(s.monitorInterval).toBe(50);
    expect(s.windowSize).toBe(200);
  });
});

describe('tcp-vertical-up', () => {
  const single = (node: { cpu: number; mem?: number; freeCpu?: number; freeMem?: number }, cpu = 1000, mem = 1000): MonitorView =>
    makeView({
      nodes: [{ name: 'n_1', ...node }],
      instances: [{ name: 'x', node: 'n_1', cpu, mem, meanCpuLoad: 0.9 }],
      sfcInstances: [{ name: 'si', vnfInstances: ['x'], slaViolations: 50 }],
    });

  it('slow start: doubles while the instance holds at most threshold of its node CPU', () => {
    // 1000 <= 0.5 · 10 000
    expect(targets(run(tcp(), single({ cpu: 10_000, mem: 10_000 })))).toEqual([['x', 2000, 2000]]);
    expect(targets(run(tcp(), single({ cpu: 2000, mem: 10_000 })))).toEqual([['x', 2000, 2000]]); // 1000 = 0.5 · 2000: not above
  });

  it('linear phase: + resource_increment above the threshold', () => {
    // 1000 > 0.5 · 1800
    expect(targets(run(tcp(), single({ cpu: 1800, mem: 10_000, freeCpu: 800 })))).toEqual([['x', 1100, 1100]]);
    expect(targets(run(tcp({ threshold: 0.05 }), single({ cpu: 10_000, mem: 10_000 })))).toEqual([['x', 1100, 1100]]);
  });

  it('caps each increment at the free resources', () => {
    expect(targets(run(tcp(), single({ cpu: 10_000, mem: 10_000, freeCpu: 300, freeMem: 700 })))).toEqual([['x', 1300, 1700]]);
  });

  it('caps at what earlier actions of the cycle left', () => {
    const v = makeView({
      nodes: [{ name: 'n_1', cpu: 10_000, mem: 10_000, freeCpu: 1500, freeMem: 1e6 }],
      instances: [
        { name: 'x', node: 'n_1', meanCpuLoad: 0.9 },
        { name: 'y', node: 'n_1', meanCpuLoad: 0.8 },
      ],
      sfcInstances: [{ name: 'si', vnfInstances: ['x', 'y'], slaViolations: 50 }],
    });
    expect(targets(run(tcp(), v))).toEqual([
      ['x', 2000, 2000],
      ['y', 1500, 2000],
    ]);
  });

  it('leaves out a resource with nothing free and skips the action when nothing is free', () => {
    expect(targets(run(tcp(), single({ cpu: 10_000, freeCpu: 0, freeMem: 500 })))).toEqual([['x', undefined, 1500]]);
    expect(run(tcp(), single({ cpu: 10_000, freeCpu: 0, freeMem: 0 }))).toEqual([]);
    expect(run(tcp(), single({ cpu: 10_000, freeCpu: -50, freeMem: 0 }))).toEqual([]);
  });

  it('never asks for more than is free once rounded', () => {
    const [a] = run(tcp(), single({ cpu: 10_000, freeCpu: 10.7, freeMem: 0.6 }));
    expect(a).toMatchObject({ kind: 'vertical', instance: 'x', cpu: 1010 });
    expect(a).not.toHaveProperty('mem');
  });
});
