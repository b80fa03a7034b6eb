import type { EdgeEnvironment, MonitorView, NodeResources, SfcInstanceMonitor, VnfInstanceMonitor } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { createPredictiveState, decidePredictive, delayBudget } from './decide.js';
import { delayRuleCpu, waitTailProbability } from './delay-rule.js';
import { PREDICTIVE_DEFAULTS, type PredictiveParameters } from './parameters.js';

/** Persistence, no delay rule, no hysteresis wait: the decision is plain arithmetic. */
const PLAIN: PredictiveParameters = { ...PREDICTIVE_DEFAULTS, model: 'persistence', sla_miss_target: 1, waiting_time: 0 };

function instance(over: Partial<VnfInstanceMonitor>): VnfInstanceMonitor {
  return {
    name: 'n_1_v_0_1', vnf: 'v_0', node: 'n_1', state: 'running', cpu: 1000, mem: 100, cpuMin: 1000, memMin: 100,
    cpuLoad: 0, memLoad: 0, meanCpuLoad: 0, meanMemLoad: 0, utilization: 0, queue: 0, busySlots: 0, slots: 1,
    packetsArrived: 0, packetsProcessed: 0, packetsDropped: 0, workArrived: 0, workProcessed: 0, sfcInstances: ['si_0'],
    ...over,
  };
}

function view(time: number, instances: VnfInstanceMonitor[], freeCpu = 1e9, maxLatency = 40): MonitorView {
  const nodes: NodeResources[] = [{ node: 'n_1', index: 1, freeCpu, freeMem: 1e9, allocatedCpu: 0, allocatedMem: 0, vnfInstances: instances.length }];
  const sfcInstances: SfcInstanceMonitor[] = [
    { name: 'si_0', sfc: 's_0', active: true, vnfInstances: instances.map((i) => i.name), packetsEnded: 0, slaViolations: 0, slaViolationRate: 0, packetsInFlight: 0, meanDelay: Number.NaN },
  ];
  // Only the SFC types are read from the environment.
  const environment = { sfcs: [{ name: 's_0', vnfs: ['v_0'], maxLatency }] } as unknown as EdgeEnvironment;
  return { time, windowStart: time - 1000, environment, nodes, vnfInstances: instances, sfcInstances };
}

describe('decidePredictive', () => {
  it('sets the CPU to forecast · (1 + headroom) / target_utilization, never below cpuMin', () => {
    // 1700 instructions in 1 s: 1700 · 1.05 / 0.85 = 2100.
    const up = decidePredictive(view(1000, [instance({ workArrived: 1700, packetsArrived: 170 })]), PLAIN, createPredictiveState());
    expect(up).toHaveLength(1);
    expect(up[0]).toMatchObject({ kind: 'vertical', instance: 'n_1_v_0_1' });
    expect((up[0] as { cpu: number }).cpu).toBeCloseTo(2100, 9);
    // 800 · 1.05 / 0.85 ≈ 988 < cpuMin 1000: nothing to do.
    expect(decidePredictive(view(1000, [instance({ workArrived: 800, packetsArrived: 80 })]), PLAIN, createPredictiveState())).toEqual([]);
  });

  it('adds the queued work, spread over one interval', () => {
    // 850 instr/s → 1050, plus 20 packets of work 10 waiting: +200.
    const a = decidePredictive(view(1000, [instance({ workArrived: 850, packetsArrived: 85, queue: 20 })]), PLAIN, createPredictiveState());
    expect((a[0] as { cpu: number }).cpu).toBeCloseTo(1050 + 200, 9);
  });

  it('never asks for more than the node has free; instances of a node share it in order', () => {
    const a = instance({ name: 'a', workArrived: 1700, packetsArrived: 170 });
    const b = instance({ name: 'b', workArrived: 1700, packetsArrived: 170 });
    const actions = decidePredictive(view(1000, [a, b], 1500), PLAIN, createPredictiveState());
    // a wants +1100 and gets it; b gets the 400 left.
    expect(actions.map((x) => [x.kind === 'vertical' ? x.instance : '', (x as { cpu: number }).cpu])).toEqual([
      ['a', 2100],
      ['b', 1400],
    ]);
    // A full node: no scale-up is asked for.
    expect(decidePredictive(view(1000, [a], 0), PLAIN, createPredictiveState())).toEqual([]);
  });

  it('scales down to the target (not below cpuMin) past the hysteresis band, after the waiting time', () => {
    const p = { ...PLAIN, waiting_time: 2000 };
    const state = createPredictiveState();
    // t = 1000: scale up to 2100.
    expect(decidePredictive(view(1000, [instance({ workArrived: 1700, packetsArrived: 170 })]), p, state)).toHaveLength(1);
    // t = 2000: demand fell, but the last scaling is 1000 ms old (< 2000): wait.
    const low = instance({ cpu: 2100, workArrived: 300, packetsArrived: 30 });
    expect(decidePredictive(view(2000, [low]), p, state)).toEqual([]);
    // t = 3000: allowed; the target (≈ 371) is below cpuMin: back to 1000.
    const down = decidePredictive(view(3000, [low]), p, state);
    expect(down).toHaveLength(1);
    expect((down[0] as { cpu: number }).cpu).toBe(1000);
    // Inside the band (target 2100 · 0.9 > 2100 · 0.85): no change.
    const near = instance({ cpu: 2100, workArrived: 1530, packetsArrived: 153 });
    expect(decidePredictive(view(9000, [near]), p, createPredictiveState())).toEqual([]);
  });

  it('skips instances shutting down and forgets instances that are gone', () => {
    const state = createPredictiveState();
    decidePredictive(view(1000, [instance({ workArrived: 100, packetsArrived: 10 })]), PLAIN, state);
    expect(state.forecasters.size).toBe(1);
    expect(decidePredictive(view(2000, [instance({ state: 'shutting-down', workArrived: 5000, packetsArrived: 500 })]), PLAIN, state)).toEqual([]);
    decidePredictive(view(3000, []), PLAIN, state);
    expect(state.forecasters.size).toBe(0);
  });

  it('the delay rule raises the CPU at low load until the SLA-share miss estimate meets the target', () => {
    const p = { ...PLAIN, sla_miss_target: 0.01, sla_share: 0.8 };
    const v = instance({ workArrived: 610, packetsArrived: 61 });
    const vw = view(1000, [v]);
    // One VNF in a 40 ms SFC: budget 0.8 · 40 = 32 ms.
    expect(delayBudget(v, vw, p)).toBeCloseTo(32, 12);
    const a = decidePredictive(vw, p, createPredictiveState());
    const cpu = (a[0] as { cpu: number }).cpu;
    // 610 instr/s would fit the 1000 minimum by utilisation; with 10 ms packets the wait tail is too long.
    expect(waitTailProbability(61 * 1.05, 10, 1000, 32)).toBeGreaterThan(0.05);
    // The rule searches upward from the utilisation target 610 · 1.05 / 0.85.
    expect(cpu).toBeCloseTo(delayRuleCpu(61 * 1.05, 10, 32, 0.01, (610 * 1.05) / 0.85), 6);
    expect(waitTailProbability(61 * 1.05, 10, cpu, 32)).toBeLessThanOrEqual(0.01);
    expect(cpu).toBeGreaterThan(1000);
  });
});
