import { describe, expect, it } from 'vitest';
import { PluginError } from '../errors.js';
import { tinyMonitorView as makeMonitorView } from '../testing/index.js';
import type { ScalingAction } from './monitor-view.js';
import {
  type AcceptedAddInstance,
  type AcceptedVerticalScaling,
  type CheckedScalingAction,
  type RejectedScalingAction,
  type ScalingCheckOptions,
  checkScalingActions,
  roundHalfToEven,
} from './scaling-validation.js';

const S = 'TestScaling';

function check(actions: ScalingAction[], options?: ScalingCheckOptions): CheckedScalingAction[] {
  return checkScalingActions(actions, makeMonitorView(), S, options);
}

function accepted<T extends CheckedScalingAction>(entry: CheckedScalingAction | undefined): T {
  expect(entry?.status, (entry as RejectedScalingAction | undefined)?.reason).toBe('accepted');
  return entry as T;
}

function rejected(entry: CheckedScalingAction | undefined, constraint: string): RejectedScalingAction {
  expect(entry?.status).toBe('rejected');
  expect((entry as RejectedScalingAction).constraint).toBe(constraint);
  return entry as RejectedScalingAction;
}

describe('checkScalingActions: vertical', () => {
  // Instance a: v_0 on n_0 with 2000 CPU / 1000 memory (minimum 2000 / 1000); n_0 has 1000 CPU / 500 memory free.
  it('accepts a CPU scale-up within the free CPU, rounded half up, and says which way each resource moves', () => {
    const [c] = check([{ kind: 'vertical', instance: 'a', cpu: 2999.5 }]);
    const ok = accepted<AcceptedVerticalScaling>(c);
    expect(ok.cpu).toEqual({ resource: 'cpu', direction: 'up', from: 2000, requested: 2999.5, to: 3000, feasible: true });
    expect(ok.mem.direction).toBe('none');
    expect(ok.node).toBe('n_0');
  });

  it('rounds half to even with the [Q-40] option', () => {
    const [c] = check([{ kind: 'vertical', instance: 'a', cpu: 2500.5 }], { roundHalfToEven: true });
    expect(accepted<AcceptedVerticalScaling>(c).cpu.to).toBe(2500);
    expect([0.5, 1.5, 2.5, 2.4, 2.6, 3.5].map(roundHalfToEven)).toEqual([0, 2, 2, 2, 3, 4]);
  });

  it('rejects a CPU scale-up beyond the free CPU, counting earlier actions', () => {
    const out = check([
      { kind: 'vertical', instance: 'a', cpu: 2800 },
      { kind: 'vertical', instance: 'a', cpu: 3300 },
    ]);
    accepted(out[0]);
    const rej = rejected(out[1], 'insufficient-cpu');
    expect(rej.reason).toBe(`${S} scaled the CPU of a from 2800 to 3300 (+500) on n_0 with 200 CPU free (earlier actions took 800)`);
    expect(rej.cpu).toMatchObject({ direction: 'up', feasible: false });
  });

  it('checks a memory scale-up against free memory, not CPU [Q-41 corrected], unless asked to reproduce it', () => {
    // +600 memory: n_0 has 1000 CPU but only 500 memory free.
    const action: ScalingAction = { kind: 'vertical', instance: 'a', mem: 1600 };
    expect(rejected(check([action])[0], 'insufficient-memory').reason).toContain('with 500 memory free');
    expect(accepted<AcceptedVerticalScaling>(check([action], { memoryScaleUpChecksCpu: true })[0]).mem.direction).toBe('up');
  });

  it('rejects a scale-down below the VNF type minimum, and lets a valid one free resources for later actions', () => {
    expect(rejected(check([{ kind: 'vertical', instance: 'b', cpu: 3999 }])[0], 'below-minimum-cpu').reason).toBe(
      `${S} scaled the CPU of b from 4000 to 3999, below the v_1 minimum of 4000`,
    );
    const out = check([
      { kind: 'vertical', instance: 'a', cpu: 3000 },
      { kind: 'vertical', instance: 'a', cpu: 2000 },
      { kind: 'vertical', instance: 'a', cpu: 3000 },
    ]);
    expect(out.map((c) => c.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect((out[1] as AcceptedVerticalScaling).cpu.direction).toBe('down');
    rejected(check([{ kind: 'vertical', instance: 'a', mem: 999 }])[0], 'below-minimum-memory');
  });

  it('is atomic: an infeasible memory part cancels the CPU part', () => {
    const out = check([
      { kind: 'vertical', instance: 'a', cpu: 3000, mem: 2000 },
      { kind: 'vertical', instance: 'a', cpu: 3000 },
    ]);
    const rej = rejected(out[0], 'insufficient-memory');
    expect([rej.cpu?.feasible, rej.mem?.feasible]).toEqual([true, false]);
    expect(accepted<AcceptedVerticalScaling>(out[1]).cpu.from).toBe(2000); // the CPU was not taken
  });

  it('rejects invalid targets, missing targets, unknown and destroyed instances', () => {
    for (const cpu of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY, 0.4]) {
      rejected(check([{ kind: 'vertical', instance: 'a', cpu }])[0], 'invalid-target');
    }
    rejected(check([{ kind: 'vertical', instance: 'a' }])[0], 'malformed-action');
    expect(rejected(check([{ kind: 'vertical', instance: 'zz', cpu: 1 }])[0], 'unknown-vnf-instance').reason).toBe(
      `${S} scaled zz, which is not a live VNF instance`,
    );
    rejected(check([{ kind: 'vertical', instance: 'd', cpu: 5000 }])[0], 'vnf-instance-destroyed');
  });

  it('accepts a target equal to the allocation as a no-op', () => {
    const ok = accepted<AcceptedVerticalScaling>(check([{ kind: 'vertical', instance: 'a', cpu: 2000.2 }])[0]);
    expect([ok.cpu.direction, ok.cpu.to]).toEqual(['none', 2000]);
  });
});

describe('checkScalingActions: add and remove instances', () => {
  it('accepts a new instance on a node that can host it and has room, and charges its resources', () => {
    const out = check([
      { kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: ['si_0'] },
      { kind: 'vertical', instance: 'b', cpu: 7000 }, // n_1: 5000 - 2000 = 3000 free; +3000 fits exactly
      { kind: 'vertical', instance: 'b', cpu: 7001 },
    ]);
    const add = accepted<AcceptedAddInstance>(out[0]);
    expect([add.cpu, add.mem, add.sfcInstances]).toEqual([2000, 1000, ['si_0']]);
    accepted(out[1]);
    rejected(out[2], 'insufficient-cpu');
  });

  it('rejects unknown types and nodes, nodes that cannot host, and nodes without room', () => {
    rejected(check([{ kind: 'add-instance', vnf: 'v_7', node: 'n_1' }])[0], 'unknown-vnf');
    rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_7' }])[0], 'unknown-node');
    expect(rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_2' }])[0], 'node-cannot-host').reason).toContain('(it hosts v_1)');
    expect(rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_0' }])[0], 'insufficient-cpu').reason).toBe(
      `${S} added an instance of v_0 on n_0 with 1000 CPU free; it needs 2000`,
    );
  });

  it('rejects SFC instances that are unknown, inactive, or too many for max_share', () => {
    rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: ['si_9'] }])[0], 'unknown-sfc-instance');
    rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: ['si_2'] }])[0], 'unknown-sfc-instance');
    rejected(check([{ kind: 'add-instance', vnf: 'v_1', node: 'n_1', sfcInstances: ['si_0', 'si_2'] }])[0], 'too-many-sfc-instances');
    rejected(check([{ kind: 'add-instance', vnf: 'v_0', node: 'n_1', sfcInstances: ['si_0', 'si_0'] }])[0], 'malformed-action');
  });

  it('removes an instance once; it keeps its resources while shutting down', () => {
    const out = check([
      { kind: 'remove-instance', instance: 'a' },
      { kind: 'remove-instance', instance: 'a' },
      { kind: 'vertical', instance: 'b', cpu: 9001 }, // n_1 has 5000 free: removing a (on n_0) frees nothing anyway
    ]);
    accepted(out[0]);
    expect(rejected(out[1], 'vnf-instance-shutting-down').reason).toBe(`${S} removed a, which is already shutting down`);
    rejected(out[2], 'insufficient-cpu');
    rejected(check([{ kind: 'remove-instance', instance: 'c' }])[0], 'vnf-instance-shutting-down');
    rejected(check([{ kind: 'remove-instance', instance: 'zz' }])[0], 'unknown-vnf-instance');
  });

  it('rejects unknown action kinds and throws when the strategy returns no list', () => {
    const [c] = check([{ kind: 'horizontal' } as unknown as ScalingAction]);
    expect(rejected(c, 'malformed-action').kind).toBe('unknown');
    expect(() => checkScalingActions({} as unknown as ScalingAction[], makeMonitorView(), S)).toThrow(PluginError);
  });
});
