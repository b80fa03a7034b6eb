import { EventBus, type RoundSummary } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { CpuTimeMeter } from './cpu-time-meter.js';

const created = (time: number, vnfInstance: string, vnfCpu: number) => ({ time, vnfInstance, node: 'n_1', vnf: 'v_0', vnfCpu, vnfMem: 1 });

describe('CpuTimeMeter', () => {
  it('integrates allocations over creation, scalings, destruction and the end of the round (hand-computed)', () => {
    const bus = new EventBus();
    const meter = new CpuTimeMeter(bus);
    bus.emit('INSTANCE_CREATED', created(0, 'a', 1000));
    bus.emit('INSTANCE_CREATED', created(500, 'b', 2000));
    bus.emit('SCALING_UP_CPU', { time: 1000, vnfInstance: 'a', old: 1000, new: 3000 });
    bus.emit('SCALING_UP_CPU', { time: 1000, sfcInstance: 'si_0', oldCpu: 1000, newCpu: 3000, oldMem: 1, newMem: 1 }); // SFC-level row: ignored
    bus.emit('SCALING_DOWN_CPU', { time: 2000, vnfInstance: 'a', old: 3000, new: 1500 });
    bus.emit('INSTANCE_DESTROYED', { time: 2500, vnfInstance: 'b', node: 'n_1', vnf: 'v_0', vnfCpu: 2000, vnfMem: 1 });
    bus.emit('ROUND_FINISHED', { round: 0, summary: { simulatedTimeMs: 4000 } as RoundSummary });
    // a: 1000·1 s + 3000·1 s + 1500·2 s = 7000; b: 2000·2 s = 4000.
    expect(meter.cpuSeconds).toBeCloseTo(11_000, 9);
  });
});
