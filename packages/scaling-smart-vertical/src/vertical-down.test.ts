import { type MonitorView, Rng, type ScalingAction, type ScalingStrategy, instantiate } from '@nss/core';
import { monitorView as makeView } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { smartVerticalDown, target } from './vertical-down.js';

const ctx = { rng: new Rng(1).stream('scaling/1') };

function down(params: Record<string, unknown> = {}): ScalingStrategy {
  return instantiate(smartVerticalDown, { resource_decrement: 0.1, ...params }, ctx);
}

const run = (s: ScalingStrategy, v: MonitorView): ScalingAction[] => s.monitor(v) as ScalingAction[];
const targets = (actions: readonly ScalingAction[]): [string, number | undefined, number | undefined][] =>
  actions.map((a) => (a.kind === 'vertical' ? [a.instance, a.cpu, a.mem] : ['?', undefined, undefined]));

/** SI over a (v_big, demand 10, idle, node with much free) and b (v_small, demand 5, loaded 0.9, node with much free). */
function ritView(extra: { bNodeFree?: number } = {}): MonitorView {
  return makeView({
    nodes: [
      { name: 'n_a', cpu: 10_000, mem: 10_000, freeCpu: 9000, freeMem: 9000 },
      { name: 'n_b', cpu: 10_000, mem: 10_000, freeCpu: extra.bNodeFree ?? 9000, freeMem: extra.bNodeFree ?? 9000 },
    ],
    vnfs: [
      { name: 'v_big', packetCpuDemand: 10 },
      { name: 'v_small', packetCpuDemand: 5 },
    ],
    instances: [
      { name: 'a', vnf: 'v_big', node: 'n_a', cpu: 2000, mem: 2000 },
      { name: 'b', vnf: 'v_small', node: 'n_b', cpu: 2000, mem: 2000, meanCpuLoad: 0.9, meanMemLoad: 0.9 },
    ],
    sfcInstances: [{ name: 'si', vnfInstances: ['a', 'b'], slaViolations: 0 }],
  });
}

describe('smart-vertical-down', () => {
  it('acts only on SFC instances without SLA violation in the window', () => {
    const v = makeView({
      nodes: [{ name: 'n_1' }],
      instances: [
        { name: 'x', node: 'n_1', cpu: 2000, mem: 2000 },
        { name: 'y', node: 'n_1', cpu: 2000, mem: 2000 },
      ],
      sfcInstances: [
        { name: 'si_0', vnfInstances: ['x'], slaViolations: 1 },
        { name: 'si_1', vnfInstances: ['y'], slaViolations: 0 },
      ],
    });
    expect(targets(run(down(), v))).toEqual([['y', 1800, 1800]]);
  });

  it('picks the largest RIT with the per-packet CPU demand normalised (the raw demand would dominate, [Q-43])', () => {
    // RIT(a) = 0 + 10/10 + (1 − 0.9) = 1.1; RIT(b) = 0.9 + 5/10 + 0.1 = 1.5. With the raw demand a would win (10 vs 5).
    expect(targets(run(down(), ritView()))).toEqual([['b', 1800, 1800]]);
  });

  it('each RIT term alone decides when it is the only weight', () => {
    const only = (w: string): Record<string, number> => ({
      load_metric_importance: w === 'load' ? 1 : 0,
      process_contribution_importance: w === 'proc' ? 1 : 0,
      resource_available_importance: w === 'res' ? 1 : 0,
    });
    expect(targets(run(down(only('load')), ritView())).map((t) => t[0])).toEqual(['b']);
    expect(targets(run(down(only('proc')), ritView())).map((t) => t[0])).toEqual(['a']);
    // n_b nearly full: 1 − H(n_b) largest
    expect(targets(run(down(only('res')), ritView({ bNodeFree: 500 }))).map((t) => t[0])).toEqual(['b']);
    // Ties: the first instance of the SFC instance
    expect(targets(run(down(only('res')), ritView())).map((t) => t[0])).toEqual(['a']);
  });

  it('never goes below the VNF minimum', () => {
    const one = (cpu: number, mem: number): MonitorView =>
      makeView({
        nodes: [{ name: 'n_1' }],
        instances: [{ name: 'x', node: 'n_1', cpu, mem, cpuMin: 1000, memMin: 500 }],
        sfcInstances: [{ name: 'si', vnfInstances: ['x'] }],
      });
    expect(targets(run(down(), one(1050, 2000)))).toEqual([['x', 1000, 1800]]);
    expect(targets(run(down({ resource_decrement: 1 }), one(3000, 3000)))).toEqual([['x', 1000, 500]]);
    // CPU at its minimum: only memory goes down
    expect(targets(run(down(), one(1000, 600)))).toEqual([['x', undefined, 540]]);
    // both at their minimum: no action
    expect(run(down(), one(1000, 500))).toEqual([]);
  });

  it('target(): max(min, alloc · (1 − decrement)) as an integer, null when nothing changes', () => {
    expect(target(2000, 1000, 0.1)).toBe(1800);
    expect(target(1001, 1000, 0.1)).toBe(1000);
    expect(target(1000, 1000, 0.1)).toBeNull();
    expect(target(1000, 999.5, 0.1)).toBeNull(); // rounded minimum 1000
  });

  it('scales a shared instance once per cycle and waits per SFC instance', () => {
    const s = down({ waiting_time_between_scaling_ups: 150 });
    const at = (time: number): MonitorView =>
      makeView({
        time,
        nodes: [{ name: 'n_1' }],
        instances: [
          { name: 'x', node: 'n_1', cpu: 4000, mem: 4000 },
          { name: 'y', node: 'n_1', cpu: 4000, mem: 4000 },
        ],
        sfcInstances: [
          { name: 'si_0', vnfInstances: ['x'] },
          { name: 'si_1', vnfInstances: ['x', 'y'] },
        ],
      });
    // si_0 takes x; si_1 then picks among what is left (y).
    expect(targets(run(s, at(100))).map((t) => t[0])).toEqual(['x', 'y']);
    expect(run(s, at(200))).toEqual([]);
    expect(targets(run(s, at(300))).map((t) => t[0])).toEqual(['x', 'y']);
  });
});
