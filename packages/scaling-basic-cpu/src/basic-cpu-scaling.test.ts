/**
 * The decision rule of basic-cpu on hand-made frozen monitor views, and its parameters (synonyms,
 * defaults, rejected values).
 */
import {
  type EdgeEnvironment,
  type MonitorView,
  PluginError,
  PluginRegistry,
  Rng,
  type ScalingStrategy,
  type VerticalScalingAction,
  type VnfInstanceMonitor,
  checkScalingActions,
  instantiate,
  validatePluginParameters,
} from '@nss/core';
import { vnfInstanceMonitor } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { BASIC_CPU_DEFAULTS, basicCpuScaling, resolveBasicCpuParameters } from './index.js';

function instance(name: string, fields: Partial<VnfInstanceMonitor> = {}): VnfInstanceMonitor {
  return vnfInstanceMonitor({ name, node: 'n_0', mem: 100, memMin: 100, sfcInstances: ['si_0'], ...fields });
}

function view(time: number, instances: VnfInstanceMonitor[], freeCpu = 1e9): MonitorView {
  return Object.freeze({
    time,
    windowStart: Math.max(0, time - 100),
    environment: {} as EdgeEnvironment,
    nodes: Object.freeze([
      Object.freeze({ node: 'n_0', index: 0, freeCpu, freeMem: 1e9, allocatedCpu: 0, allocatedMem: 0, vnfInstances: instances.length }),
    ]),
    vnfInstances: Object.freeze(instances),
    sfcInstances: Object.freeze([]),
  });
}

function strategy(params: Record<string, unknown> = {}): ScalingStrategy {
  return instantiate(basicCpuScaling, params, { rng: new Rng(1).stream('scaling') });
}

/** The strategy's actions for a view (basic-cpu answers synchronously, with vertical actions only). */
function decide(s: ScalingStrategy, v: MonitorView): VerticalScalingAction[] {
  return s.monitor(v) as VerticalScalingAction[];
}

describe('basic-cpu: the decision rule', () => {
  it('scales the CPU up by resource_increment when the mean load is above cpu_load_max', () => {
    const s = strategy();
    const actions = decide(s, view(100, [instance('a', { meanCpuLoad: 1.2, cpu: 2000 })]));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'vertical', instance: 'a' });
    expect(actions[0].cpu).toBeCloseTo(2200, 9);
    expect(actions[0].mem).toBeUndefined(); // memory is never scaled
  });

  it('uses the mean load over the window, not the instantaneous one', () => {
    const s = strategy();
    // Busy at the sampling instant but lightly loaded on average: scale down, not up.
    const actions = decide(s, view(100, [instance('a', { cpuLoad: 5, meanCpuLoad: 0.1, cpu: 2000 })]));
    expect(actions).toHaveLength(1);
    expect(actions[0].cpu).toBeCloseTo(1800, 9);
  });

  it('scales down below cpu_load_min, never below cpuMin, and not at all at cpuMin', () => {
    const s = strategy();
    const actions = decide(
      s,
      view(100, [
        instance('big', { meanCpuLoad: 0.2, cpu: 3000 }),
        instance('near', { meanCpuLoad: 0.2, cpu: 1050 }),
        instance('floor', { meanCpuLoad: 0, cpu: 1000 }),
      ]),
    );
    expect(actions.map((a) => [a.instance, a.cpu])).toEqual([
      ['big', 2700],
      ['near', 1000],
    ]);
  });

  it('does nothing between the thresholds (bounds included)', () => {
    const s = strategy();
    expect(
      decide(
        s,
        view(100, [
          instance('a', { meanCpuLoad: 0.7, cpu: 2000 }),
          instance('b', { meanCpuLoad: 0.85, cpu: 2000 }),
          instance('c', { meanCpuLoad: 1, cpu: 2000 }),
        ]),
      ),
    ).toEqual([]);
  });

  it('skips instances that are shutting down', () => {
    const s = strategy();
    const actions = decide(
      s,
      view(100, [
        instance('leaving', { state: 'shutting-down', meanCpuLoad: 3 }),
        instance('idle-leaving', { state: 'shutting-down', meanCpuLoad: 0, cpu: 5000 }),
        instance('busy', { meanCpuLoad: 3 }),
      ]),
    );
    expect(actions.map((a) => a.instance)).toEqual(['busy']);
  });

  it('respects waiting_time_between_scalings_ups per instance, without blocking the others', () => {
    const s = strategy({ waiting_time_between_scalings_ups: 250 });
    const hot = (t: number, names: string[]) => view(t, names.map((n) => instance(n, { meanCpuLoad: 2 })));
    expect(decide(s, hot(100, ['a'])).map((a) => a.instance)).toEqual(['a']);
    // a scaled at 100: not again before 350; b has never scaled.
    expect(decide(s, hot(200, ['a', 'b'])).map((a) => a.instance)).toEqual(['b']);
    expect(decide(s, hot(300, ['a', 'b'])).map((a) => a.instance)).toEqual([]);
    expect(decide(s, hot(350, ['a', 'b'])).map((a) => a.instance)).toEqual(['a']);
    expect(decide(s, hot(450, ['a', 'b'])).map((a) => a.instance)).toEqual(['b']);
    // The wait only gates scale-ups: a cold instance is scaled down meanwhile.
    expect(decide(s, view(400, [instance('a', { meanCpuLoad: 0, cpu: 2000 })])).map((a) => a.cpu)).toEqual([1800]);
  });

  it('scales every cycle with the default waiting time 0, and gives fresh state to each round', () => {
    const s = strategy();
    const v = view(100, [instance('a', { meanCpuLoad: 2 })]);
    expect(decide(s, v)).toHaveLength(1);
    expect(decide(s, view(200, [instance('a', { meanCpuLoad: 2 })]))).toHaveLength(1);
    const waiting = strategy({ waiting_time_between_scalings_ups: 1000 });
    expect(decide(waiting, v)).toHaveLength(1);
    expect(decide(strategy({ waiting_time_between_scalings_ups: 1000 }), v)).toHaveLength(1);
  });

  it('returns actions the core accepts, or refuses when the node lacks CPU', () => {
    const s = strategy();
    const v = view(100, [instance('a', { meanCpuLoad: 2, cpu: 1000 })], 50);
    const checked = checkScalingActions(decide(s, v), v, 'basic-cpu');
    expect(checked[0]).toMatchObject({ status: 'rejected', constraint: 'insufficient-cpu' });
    const roomy = view(200, [instance('a', { meanCpuLoad: 2, cpu: 1000 })], 100);
    expect(checkScalingActions(decide(s, roomy), roomy, 'basic-cpu')[0]).toMatchObject({ status: 'accepted' });
  });
});

describe('basic-cpu: parameters', () => {
  it('has the documented defaults and interval', () => {
    const s = strategy();
    expect(s.name).toBe('basic-cpu');
    expect(s.monitorInterval).toBe(100);
    expect(resolveBasicCpuParameters(validatePluginParameters(basicCpuScaling, {}))).toEqual(BASIC_CPU_DEFAULTS);
  });

  it('is found by its name and aliases', () => {
    const registry = new PluginRegistry([basicCpuScaling]);
    for (const name of ['basic-cpu', 'BasicCPUScaling', '@nss/scaling-basic-cpu']) {
      expect(registry.get('scaling', name)).toBe(basicCpuScaling);
    }
  });

  it('accepts the reference code names as strings (the reference passed strings)', () => {
    const p = resolveBasicCpuParameters(
      validatePluginParameters(basicCpuScaling, {
        cpu_load_max: '0.005',
        cpu_load_min: '0.001',
        resource_increment: '0.2',
        resource_decrement: '0.3',
        monitor_interval: '50',
        waiting_time_between_scalings_ups: '10',
      }),
    );
    expect(p).toEqual({
      cpu_load_max: 0.005,
      cpu_load_min: 0.001,
      resource_increment: 0.2,
      resource_decrement: 0.3,
      monitor_interval: 50,
      waiting_time_between_scalings_ups: 10,
    });
  });

  it('accepts the README names as synonyms, alone or with the same value', () => {
    const p = resolveBasicCpuParameters(
      validatePluginParameters(basicCpuScaling, {
        cpu_usage_max: 0.9,
        cpu_usage_min: 0.4,
        cpu_increment: 0.25,
        cpu_decrement: 0.05,
        resource_increment: 0.25,
      }),
    );
    expect(p).toMatchObject({ cpu_load_max: 0.9, cpu_load_min: 0.4, resource_increment: 0.25, resource_decrement: 0.05 });
    const s = strategy({ cpu_usage_max: 2, cpu_increment: 0.5 });
    const actions = decide(s, view(100, [instance('a', { meanCpuLoad: 1.5 }), instance('b', { meanCpuLoad: 2.5 })]));
    expect(actions.map((a) => [a.instance, a.cpu])).toEqual([['b', 1500]]);
  });

  it('rejects a name and its synonym with different values, naming plugin, parameters and values', () => {
    expect(() => strategy({ cpu_load_max: 1, cpu_usage_max: 2 })).toThrow(PluginError);
    expect(() => strategy({ cpu_load_max: 1, cpu_usage_max: 2 })).toThrow(
      /scaling plugin "basic-cpu": parameter "cpu_usage_max" \(2\) is a synonym of "cpu_load_max" \(1\) and the two values differ/,
    );
    expect(() => strategy({ resource_decrement: 0.1, cpu_decrement: 0.2 })).toThrow(/"cpu_decrement" \(0\.2\).*"resource_decrement" \(0\.1\)/);
  });

  it('rejects cpu_load_min >= cpu_load_max, naming plugin, parameters and values', () => {
    expect(() => strategy({ cpu_load_min: 0.9, cpu_load_max: 0.5 })).toThrow(
      'scaling plugin "basic-cpu": parameter "cpu_load_min" (0.9) must be less than "cpu_load_max" (0.5)',
    );
    expect(() => strategy({ cpu_load_min: 1 })).toThrow(/"cpu_load_min" \(1\) must be less than "cpu_load_max" \(1\)/);
    expect(() => strategy({ cpu_usage_min: 2 })).toThrow(/"cpu_usage_min" \(2\) must be less than "cpu_load_max" \(1\)/);
  });

  it('rejects out-of-range values through the schema, naming plugin, parameter, value and rule', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ cpu_load_max: 0 }, /parameter "cpu_load_max": expected a number > 0, found 0/],
      [{ cpu_usage_max: -1 }, /parameter "cpu_usage_max": expected a number > 0, found -1/],
      [{ cpu_load_min: -0.1 }, /parameter "cpu_load_min": expected a number >= 0, found -0\.1/],
      [{ resource_increment: 0 }, /parameter "resource_increment": expected a number > 0, found 0/],
      [{ cpu_increment: -0.5 }, /parameter "cpu_increment": expected a number > 0, found -0\.5/],
      [{ resource_decrement: 1 }, /parameter "resource_decrement": expected a number > 0 and < 1, found 1/],
      [{ resource_decrement: 0 }, /parameter "resource_decrement": expected a number > 0 and < 1, found 0/],
      [{ monitor_interval: 0 }, /parameter "monitor_interval": expected a number > 0, found 0/],
      [{ waiting_time_between_scalings_ups: -5 }, /parameter "waiting_time_between_scalings_ups": expected a number >= 0, found -5/],
      [{ cpu_load_maxx: 1 }, /unknown parameter "cpu_load_maxx"/],
    ];
    for (const [params, message] of cases) {
      let error: unknown;
      try {
        strategy(params);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(params)).toBeInstanceOf(PluginError);
      expect((error as Error).message).toMatch(/scaling plugin "basic-cpu"/);
      expect((error as Error).message).toMatch(message);
    }
  });
});
