import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventIds, Events } from '../events/catalogue.js';
import { EventBus } from '../events/event-bus.js';
import type { PacketEvent } from '../events/payloads.js';
import { EventFiles } from './event-files.js';
import { RoundRecorder, type RecorderFlags } from './round-recorder.js';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'nss-rec-')), 'Round_0');
});
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const ALL_ON: RecorderFlags = { logLinkEvents: true, logVnfInstanceEvents: true, logTotalResources: true };
const ALL_OFF: RecorderFlags = { logLinkEvents: false, logVnfInstanceEvents: false, logTotalResources: false };

const pkt: PacketEvent = {
  time: 3, packetId: 1, request: 'r_0', sfcInstance: 'si_1', user: 'u_0', sfc: 's_0', dataSource: 'src_0',
};

function lines(file: string): string[] {
  return readFileSync(join(dir, file), 'utf8').split('\n').slice(0, -1);
}

describe('RoundRecorder', () => {
  it('creates the 17 files with their headers when every flag is on', () => {
    const rec = new RoundRecorder(dir, new EventBus(), ALL_ON);
    rec.close();
    const files = Object.values(EventFiles).map((s) => s.file);
    expect(files).toHaveLength(17);
    expect(readdirSync(dir).sort()).toEqual([...files].sort());
    for (const spec of Object.values(EventFiles)) expect(lines(spec.file)).toEqual([spec.columns.join(';')]);
    expect(lines('time_window.csv')[0]).toContain(';Window Init;');
    expect(lines('sfc_request.csv')[0]).toBe('Event;Time;SFC_Request;SFC_Instance;Placement_Order;Reason');
  });

  it('leaves out gated files, and does not listen to their events, when flags are off', () => {
    const bus = new EventBus();
    const rec = new RoundRecorder(dir, bus, ALL_OFF);
    for (const f of ['links.csv', 'vnf_instance_packets.csv', 'vnf_instance_resources.csv', 'resource_usage.csv']) {
      expect(existsSync(join(dir, f))).toBe(false);
    }
    expect(readdirSync(dir)).toHaveLength(13);
    expect(bus.hasId(EventIds.LINK_PACKET_ARRIVED)).toBe(false);
    expect(bus.hasId(EventIds.VNF_INSTANCE_PACKET_ARRIVED)).toBe(false);
    expect(bus.hasId(EventIds.INSTANCE_RESOURCE_USAGE_INCREASE)).toBe(false);
    expect(bus.hasId(EventIds.CPU_USAGE)).toBe(false);
    expect(bus.hasId(EventIds.SIMULATION_PROGRESS)).toBe(false);
    expect(bus.hasId(EventIds.PACKET_CREATED)).toBe(true);
    rec.close();
  });

  it('writes SLA violations, VNF-queue drops, link drops and expiries to packets.csv with VNF logging off', () => {
    const bus = new EventBus();
    const rec = new RoundRecorder(dir, bus, ALL_OFF);
    bus.emit(Events.PACKET_CREATED, { ...pkt, time: 0 });
    bus.emit(Events.EVENT_PACKET_SLA_VIOLATED, { ...pkt, time: 2.5, slaViolationPercentage: 0.25 });
    bus.emit(Events.PACKET_DROPPED_VNF_INSTANCE_QUEUE, { ...pkt, packetId: 2, time: 3 });
    bus.emit(Events.PACKET_DROPPED_LINK_QUEUE, { ...pkt, packetId: 3, time: 4, sfcInstance: '' });
    bus.emit(Events.PACKET_SIMULATION_TIME_EXPIRED, { ...pkt, packetId: 4, time: 100, delay: 12 });
    bus.emit(Events.VNF_INSTANCE_PACKET_DROPPED, {
      time: 3, packetId: 2, vnfInstance: 'n_1_v_0_1', request: 'r_0', sfcInstance: 'si_1', user: 'u_0',
      sfc: 's_0', dataSource: 'src_0', size: 50, elapsedTime: -1,
    });
    rec.close();
    expect(lines('packets.csv')).toEqual([
      'Event;Time;Packet_ID;SFC_Request;SFC_Instance;User;SFC;Data_Source',
      'PACKET_CREATED;0.00;1;r_0;si_1;u_0;s_0;src_0',
      'EVENT_PACKET_SLA_VIOLATED;2.50;1;r_0;si_1;u_0;s_0;src_0',
      'PACKET_DROPPED_VNF_INSTANCE_QUEUE;3.00;2;r_0;si_1;u_0;s_0;src_0',
      'PACKET_DROPPED_LINK_QUEUE;4.00;3;r_0;;u_0;s_0;src_0',
      'PACKET_SIMULATION_TIME_EXPIRED;100.00;4;r_0;si_1;u_0;s_0;src_0',
    ]);
  });

  it('formats each file family in its columns, rows in emission order', () => {
    const bus = new EventBus();
    const rec = new RoundRecorder(dir, bus, ALL_ON);
    const base = { packetId: 7, request: 'r_1', sfcInstance: 'si_2', user: 'u_1', sfc: 's_1', dataSource: 'src_0' };
    bus.emit(Events.VNF_INSTANCE_PACKET_ARRIVED, { ...base, time: 1.005, vnfInstance: 'n_3_v_2_1', size: 50, elapsedTime: -1 });
    bus.emit(Events.VNF_INSTANCE_PACKET_PROCESS_STARTED, { ...base, time: 1.5, vnfInstance: 'n_3_v_2_1', size: 50, elapsedTime: 0.495 });
    bus.emit(Events.INSTANCE_RESOURCE_USAGE_INCREASE, {
      time: 1.5, vnfInstance: 'n_3_v_2_1', cpu: 31000, cpuUsage: 50 / 31000, mem: 31000, memUsage: 0.0161,
      user: 'u_1', request: 'r_1', sfcInstance: 'si_2', packetId: 7,
    });
    bus.emit(Events.LINK_PACKET_SENT, { ...base, time: 2.005, link: 'l_3_1_0', vnfInstance: 'data_source', packetSize: 50 });
    bus.emit(Events.TIME_WINDOW_STARTED, {
      time: 100, windowInit: 0, windowEnd: 99, sfcRequestsPlaced: 0, sfcRequestsNotPlaced: 0, cpuAllocated: 0,
      memAllocated: 0, vnfInstancesCount: 0, sfcInstancesCount: 0, totalAlgTime: 0, countSfcRequests: 2,
      sfcRequests: ['r_0', 'r_1'], totalEnergyConsumption: 0,
    });
    bus.emit(Events.SFC_REQUEST_NOT_PLACED, {
      time: 100, request: 'r_1', sfcInstance: '', placementOrder: 2, reason: 'greedy: no node; not enough CPU',
    });
    bus.emit(Events.SFC_REQUEST_PLACED, { time: 100, request: 'r_0', sfcInstance: 'si_1', placementOrder: 1 });
    bus.emit(Events.INSTANCE_CREATED, { time: 100, vnfInstance: 'n_3_v_2_1', node: 'n_3', vnf: 'v_2', vnfCpu: 31000, vnfMem: 2048 });
    bus.emit(Events.USER_MOVED, { time: 150, user: 'u_0', originNode: 'n_0', destinyNode: 'n_2' });
    bus.emit(Events.CPU_USAGE, { time: 5, value: 31000.456 });
    bus.emit(Events.EVENT_MONITOR_ACTIVATION, { time: 200, sfcInstance: 'si_1', windowSize: 200, monitorInterval: 100 });
    bus.emit(Events.EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP, { time: 200, vnfInstance: 'n_3_v_2_1', agent: 'UP', value: 0.8, reward: 0.125 });
    rec.close();
    expect(lines('vnf_instance_packets.csv').slice(1)).toEqual([
      'VNF_INSTANCE_PACKET_ARRIVED;1.00;7;n_3_v_2_1;r_1;si_2;u_1;s_1;src_0;50;-1.00',
      'VNF_INSTANCE_PACKET_PROCESS_STARTED;1.50;7;n_3_v_2_1;r_1;si_2;u_1;s_1;src_0;50;0.49',
    ]);
    expect(lines('vnf_instance_resources.csv').slice(1)).toEqual([
      'INSTANCE_RESOURCE_USAGE_INCREASE;1.50;n_3_v_2_1;31000;0.00;31000;0.02;u_1;r_1;si_2;7',
    ]);
    expect(lines('links.csv').slice(1)).toEqual(['LINK_PACKET_SENT;2.00;7;l_3_1_0;r_1;si_2;u_1;s_1;src_0;data_source;50']);
    expect(lines('time_window.csv').slice(1)).toEqual([
      "TIME_WINDOW_STARTED;100.00;0.00;99.00;0;0;0;0;0;0;0.00;2;['r_0', 'r_1'];0",
    ]);
    expect(lines('sfc_request.csv').slice(1)).toEqual([
      'SFC_REQUEST_NOT_PLACED;100.00;r_1;;2;"greedy: no node; not enough CPU"',
      'SFC_REQUEST_PLACED;100.00;r_0;si_1;1;',
    ]);
    expect(lines('vnf_instance.csv').slice(1)).toEqual(['INSTANCE_CREATED;100.00;n_3_v_2_1;n_3;v_2;31000;2048']);
    expect(lines('user_mobility.csv').slice(1)).toEqual(['USER_MOVED;150.00;u_0;n_0;n_2']);
    expect(lines('resource_usage.csv').slice(1)).toEqual(['CPU_USAGE;5.00;31000.46']);
    expect(lines('monitor.csv').slice(1)).toEqual(['EVENT_MONITOR_ACTIVATION;200.00;si_1;200.00;100.00']);
    expect(lines('rl_agent.csv').slice(1)).toEqual(['EVENT_RLAGENT_MAINTAIN_THRESHOLD_UP;200.00;n_3_v_2_1;UP;0.80;0.125']);
  });

  it('routes shared scaling names by payload: VNF-level vs SFC-level rows', () => {
    const bus = new EventBus();
    const rec = new RoundRecorder(dir, bus, ALL_OFF);
    bus.emit(Events.SCALING_UP_CPU, { time: 10, vnfInstance: 'n_1_v_0_1', old: 31000, new: 34100.456 });
    bus.emit(Events.SCALING_UP_CPU, { time: 10, sfcInstance: 'si_1', oldCpu: 31000, newCpu: 34100, oldMem: 5, newMem: 5 });
    bus.emit(Events.SCALING_ADD_INSTANCE_FAIL, {
      time: 11, vnfInstance: 'n_2_v_0_1', old: 1, new: 2, reason: 'basic-cpu: node n_2 lacks CPU',
    });
    bus.emit(Events.EVENT_SFC_INSTANCE_CPU_INCREASE, { time: 12, sfcInstance: 'si_1', oldCpu: 1, newCpu: 2, oldMem: 3, newMem: 4 });
    rec.close();
    expect(lines('vnf_instance_scaling.csv').slice(1)).toEqual([
      'SCALING_UP_CPU;10.00;n_1_v_0_1;31000.00;34100.46;',
      'SCALING_ADD_INSTANCE_FAIL;11.00;n_2_v_0_1;1.00;2.00;basic-cpu: node n_2 lacks CPU',
    ]);
    expect(lines('sfc_instance_resources.csv').slice(1)).toEqual([
      'SCALING_UP_CPU;10.00;si_1;31000.00;34100.00;5.00;5.00',
      'EVENT_SFC_INSTANCE_CPU_INCREASE;12.00;si_1;1.00;2.00;3.00;4.00',
    ]);
  });

  it('close() unsubscribes, is idempotent, and flushes large outputs completely', () => {
    const bus = new EventBus();
    const rec = new RoundRecorder(dir, bus, ALL_OFF, { bufferSize: 1024 });
    for (let i = 1; i <= 5000; i++) bus.emit(Events.PACKET_CREATED, { ...pkt, packetId: i, time: i });
    expect(rec.rowCount('packets.csv')).toBe(5000);
    rec.close();
    rec.close();
    expect(bus.has(Events.PACKET_CREATED)).toBe(false);
    bus.emit(Events.PACKET_CREATED, pkt); // no longer recorded, no throw
    const out = lines('packets.csv');
    expect(out).toHaveLength(5001);
    expect(out[5000]).toBe('PACKET_CREATED;5000.00;5000;r_0;si_1;u_0;s_0;src_0');
  });

  it('lists the files it writes', () => {
    const rec = new RoundRecorder(dir, new EventBus(), { ...ALL_OFF, logLinkEvents: true });
    expect(rec.files).toContain('links.csv');
    expect(rec.files).not.toContain('vnf_instance_packets.csv');
    expect(rec.rowCount('vnf_instance_packets.csv')).toBeUndefined();
    rec.close();
  });
});
