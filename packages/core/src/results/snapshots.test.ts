import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKETS_ENTITIES_COLUMNS } from './columns.js';
import { writeSnapshots, type PacketSnapshotRow } from './snapshots.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nss-snap-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function read(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1);
}

describe('writeSnapshots', () => {
  it('writes the three snapshot files and process_time.txt', () => {
    const dir = join(root, 'Round_0');
    writeSnapshots(dir, {
      vnfInstances: [
        {
          name: 'n_1_v_0_1', vnf: 'v_0', cpu: 31000, mem: 2048, cpuLoad: 0.5, memLoad: 0, node: 'n_1',
          sfcInstances: ['si_1', 'si_2'], startup: -1, shutdown: -1, timeout: 500, active: true,
          acceptSfcInstances: true,
        },
      ],
      sfcInstances: [
        {
          name: 'si_1', sfc: 's_0', timeout: 120, slice: 'sl_0', acceptRequests: false, active: true,
          requests: ['r_0'], ingressNode: 'n_0', egressNode: 'n_3',
          hops: [{ key: 'ingress', link: 'l_0_1_0' }, { key: 'v_0', link: 'l_1_3_0' }],
          vnfInstances: ['n_1_v_0_1'],
        },
      ],
      packets: (emit) => {
        // A streaming source that reuses one mutable row object.
        const row = {
          packetId: 0, createdAt: 0, size: 50, request: 'r_0', totalSfcRequestsActive: 1, user: 'u_0',
          maxDelay: 3, delay: 0, mobilityPenalty: 0, slaViolated: false, slaViolationPercentage: 0, active: false,
          dropped: false, orphan: false, processed: true,
        };
        for (let i = 1; i <= 3; i++) {
          row.packetId = i;
          row.createdAt = i * 10;
          row.delay = i === 3 ? 4.005 : 1.25;
          row.slaViolated = i === 3;
          row.slaViolationPercentage = i === 3 ? 1 / 3 : 0;
          emit(row satisfies PacketSnapshotRow);
        }
      },
      processTimeSeconds: 1.5,
    });
    expect(readdirSync(dir).sort()).toEqual([
      'packets_entities.csv', 'process_time.txt', 'sfc_instance_entities.csv', 'vnf_instances_entities.csv',
    ]);
    expect(read(join(dir, 'vnf_instances_entities.csv'))).toEqual([
      'Name;VNF;CPU;Mem;CPU_Load;Mem_Load;Node;SFC_Inst_Attached;Startup;Shutdown;Timeout;Active;Acpt_SFC_Inst',
      "n_1_v_0_1;v_0;31000;2048;0.5;0;n_1;['si_1', 'si_2'];-1;-1;500;True;True",
    ]);
    expect(read(join(dir, 'sfc_instance_entities.csv'))).toEqual([
      'Name;SFC;Timeout;Net_Slice;Accept_New_Requests;Active;SFC_Req;Ingress;Egress;Links;VNF_Instances',
      "si_1;s_0;120;sl_0;False;True;['r_0'];n_0;n_3;{'ingress': 'l_0_1_0', 'v_0': 'l_1_3_0'};['n_1_v_0_1']",
    ]);
    expect(read(join(dir, 'packets_entities.csv'))).toEqual([
      PACKETS_ENTITIES_COLUMNS.join(';'),
      '1;10.00;50;r_0;1;u_0;3;1.25;0.00;False;0.00;False;False;False;True',
      '2;20.00;50;r_0;1;u_0;3;1.25;0.00;False;0.00;False;False;False;True',
      '3;30.00;50;r_0;1;u_0;3;4.00;0.00;True;0.33;False;False;False;True',
    ]);
    expect(readFileSync(join(dir, 'process_time.txt'), 'utf8')).toBe('1.5');
  });
});
