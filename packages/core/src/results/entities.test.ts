import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { writeEntities } from './entities.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nss-ent-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function read(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1);
}

const env: EdgeEnvironment = {
  format: 'nss-environment',
  version: 1,
  seed: 1,
  nodes: [
    {
      index: 0, name: 'n_0', group: 1, type: 'RAN', cpu: 300000000, mem: 4096, energyMax: 100, energyIdle: 70,
      diskDelay: 5, location: 'edge', vnfs: ['v_0'],
    },
    {
      index: 1, name: 'n_1', group: 'g;1', type: 'CORE', cpu: 1000, mem: 512, energyMax: 200, energyIdle: 140,
      diskDelay: 1, location: 'core', vnfs: [],
    },
  ],
  links: [
    {
      index: 0, name: 'l_0_loopback', source: 'n_0', target: 'n_0', counter: 1, bandwidth: 1e7, lossRate: 0,
      propagation: 0, energyConsumption: 0, maxPacketQueue: -1, loopback: true,
    },
    {
      index: 1, name: 'l_0_1_0', source: 'n_0', target: 'n_1', counter: 0, bandwidth: 1e6, lossRate: 0.01,
      propagation: 1, energyConsumption: 5, maxPacketQueue: 100, loopback: false,
    },
  ],
  vnfs: [
    {
      index: 0, name: 'v_0', cpu: 31000, mem: 31000, maxShare: 1, minBandwidth: 10, packetMemDemand: 1,
      remoteDataAccessCost: 2, remoteDataAccessProb: 0.1, packetCpuDemand: 1, packetNetworkDemand: 1,
      startupIpt: 100, shutdownIpt: 50, timeout: 1000, maxPacketQueue: -1, resourceIntensive: 'CPU',
    },
  ],
  sfcs: [
    {
      index: 0, name: 's_0', vnfs: ['v_0'], maxLatency: 3, timeout: 500,
      prioritiesOrder: ['latency', 'capacity', 'energy'], slice: 'sl_0',
    },
  ],
  slices: [{ index: 0, name: 'sl_0', sfcs: ['s_0'] }],
  users: [
    {
      index: 0, name: 'u_0', node: 'n_0', sfcs: ['s_0'], latency: 1, bandwidth: 10, lossRate: 0, priority: 2,
      sfcIngressEgress: { s_0: { ingressNode: 'n_0', egressNode: 'n_1', packetSize: 50 } },
    },
  ],
  dataSources: [{ index: 0, name: 'src_0', packetSize: 50, packetInterval: 2, packetsBurstSize: 10, packetsBurstInterval: 100 }],
  sfcRequests: [
    {
      index: 0, name: 'r_0', user: 'u_0', sfc: 's_0', dataSource: 'src_0', priority: 1, arrivalTime: 12.5,
      ingressNode: 'n_0', egressNode: 'n_1', duration: 1000,
    },
    {
      index: 1, name: 'r_1', user: 'u_0', sfc: 's_0', dataSource: 'src_0', priority: 0, arrivalTime: 40,
      ingressNode: 'n_0', egressNode: 'n_1', duration: 500,
    },
  ],
};

describe('writeEntities', () => {
  it('writes every entity file with runtime fields, Python literals and minimal quoting', () => {
    const dir = join(root, 'Entities');
    writeEntities(dir, env, {
      requestState: (r) =>
        r.name === 'r_0'
          ? { placed: true, replacements: 2, sfcInstance: 'si_1', ingressNode: 'n_1' }
          : { placed: false, replacements: 0, sfcInstance: null, arrivalTime: 0 },
      userNode: () => 'n_1',
    });
    expect(readdirSync(dir).sort()).toEqual([
      'data_source.csv', 'links.csv', 'nodes.csv', 'sfc_requests.csv', 'sfcs.csv', 'users.csv', 'vnfs.csv',
    ]);
    expect(read(join(dir, 'nodes.csv'))).toEqual([
      'Name;Group;Type;CPU;Mem;Energy_Max;Energy_Idle;Disk_Delay;Location;VNFs',
      "n_0;1;RAN;300000000;4096;100;70;5;edge;['v_0']",
      'n_1;"g;1";CORE;1000;512;200;140;1;core;[]',
    ]);
    expect(read(join(dir, 'vnfs.csv'))[1]).toBe('v_0;31000;31000;1;10;1;2;0.1;1;1;100;50;1000;-1;CPU');
    expect(read(join(dir, 'sfcs.csv'))).toEqual([
      'Name;Max_Latency;Priority;Timeout;VNFs',
      "s_0;3;[<SfcPriority.latency: 1>, <SfcPriority.capacity: 2>, <SfcPriority.energy: 3>];500;['v_0']",
    ]);
    expect(read(join(dir, 'users.csv'))).toEqual([
      'Name;Node;Initial_Node;Latency;Bandwidth;Loss_Rate;SFCs_Requested;SFC_Ingress_Egress;Priority',
      "u_0;n_1;n_0;1;10;0;['s_0'];{'s_0': {'ingress_node': 'n_0', 'egress_node': 'n_1', 'packet_size': 50}};2",
    ]);
    expect(read(join(dir, 'data_source.csv'))).toEqual([
      'Name;Packet_Size;Packet_Interval;Burst_Interval;Burst_Num_Packets',
      'src_0;50;2;100;10',
    ]);
    expect(read(join(dir, 'sfc_requests.csv'))).toEqual([
      'Name;User;SFC;Priority;Arrival_Time;Data_Source;Ingress_Node;Egress_Node;Duration;Placed;Replacements;Associated_SFC_Instance',
      'r_0;u_0;s_0;1;12.50;src_0;n_1;n_1;1000;True;2;si_1',
      'r_1;u_0;s_0;0;0.00;src_0;n_0;n_1;500;False;0;No instance',
    ]);
    expect(read(join(dir, 'links.csv'))).toEqual([
      'Name;Node_1;Node_2;Counter;Bandwidth;Loss Rate;Propagation;Power_Consumed;Max_Packet_Queue',
      'l_0_loopback;n_0;n_0;1;10000000;0;0;0;-1',
      'l_0_1_0;n_0;n_1;0;1000000;0.01;1;5;100',
    ]);
  });

  it('omits links.csv when logLinkEntity is false and defaults the user node to the initial one', () => {
    const dir = join(root, 'Entities');
    writeEntities(dir, env, { requestState: () => ({ placed: false, replacements: 0, sfcInstance: null }) }, {
      logLinkEntity: false,
    });
    expect(readdirSync(dir)).not.toContain('links.csv');
    expect(read(join(dir, 'users.csv'))[1].startsWith('u_0;n_0;n_0;')).toBe(true);
  });
});
