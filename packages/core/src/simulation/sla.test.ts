/**
 * SLA marking (model-spec §5.9, corrected: deadline events, delay from injection): a packet whose delay
 * exceeds max_latency is violated once, at created + max_latency; one delivered exactly at the bound is
 * not; drops violate at once with 100 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowTable } from './flow-file.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import { type Csv, allOn, chainEnvironment, fixedPlacement, flowCsv, readCsv, rowsOf, settingsFor, tempDir } from '../testing/index.js';

describe('SLA violations of single packets', () => {
  // Everything on n_0 with compute_loopback_time 0: the delay is exactly the VNF's time, 1000·s/1000 = s ms.
  // max_latency 20; one slot; a queue of one waiting packet.
  //   #1 at 3.7, size 20: served 3.7–23.7, delay 20 = max → not violated
  //   #2 at 3.7, size 10: waits for #1, served 23.7–33.7, delay 30 → violated at 3.7 + 20 = 23.7, (30 − 20)/20 = 0.5
  //   #3 at 3.7, size 10: the queue is full → dropped at 3.7, violated then with 100 %
  //   #4 at 100, size 5: delay 5 → not violated
  const out = tempDir('nss-sla-');
  let result: RunResult;
  let packets: Csv;
  let entities: Csv;

  beforeAll(async () => {
    const env = chainEnvironment({
      nodes: [{}, {}],
      vnfs: [{ cpu: 1000, maxPacketQueue: 1 }],
      sfcs: [{ vnfs: ['v_0'], maxLatency: 20 }],
      requests: [{ ingress: 'n_0', egress: 'n_0' }],
    });
    const flows = FlowTable.parse(
      flowCsv([
        { user: 'u_0', sfc: 's_0', time: 3.7, size: 20 },
        { user: 'u_0', sfc: 's_0', time: 0, size: 10 },
        { user: 'u_0', sfc: 's_0', time: 0, size: 10 },
        { user: 'u_0', sfc: 's_0', time: 96.3, size: 5 },
      ]),
      'sla.csv',
    );
    const settings = settingsFor({ total_time: 500, compute_loopback_time: 0 });
    result = await runSimulation({
      environment: env,
      settings,
      plugins: { placement: { plugin: fixedPlacement(allOn('n_0')) } },
      flows,
      outDir: out.dir,
    });
    packets = readCsv(`${out.dir}/Round_0/packets.csv`);
    entities = readCsv(`${out.dir}/Round_0/packets_entities.csv`);
  });
  afterAll(() => out.remove());

  const entity = (id: number): Record<string, string> => {
    const row = entities.rows.find((r) => r[entities.col('Packet_ID')] === String(id));
    if (row === undefined) throw new Error(`packet ${id} not in packets_entities.csv`);
    return Object.fromEntries(entities.header.map((h, i) => [h, row[i]]));
  };

  it('violates the late packet once, at created + max_latency', () => {
    const rows = rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED');
    const of2 = rows.filter((r) => r[packets.col('Packet_ID')] === '2');
    expect(of2).toHaveLength(1);
    expect(of2[0][packets.col('Time')]).toBe('23.70');
    expect(entity(2)).toMatchObject({ SLA_Violated: 'True', SLA_Violation_Percentage: '0.50', Processed: 'True', Delay: '30.00' });
  });

  it('does not violate a packet delivered exactly at the bound, nor an early one', () => {
    const violated = rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED').map((r) => r[packets.col('Packet_ID')]);
    expect(violated).not.toContain('1');
    expect(violated).not.toContain('4');
    expect(entity(1)).toMatchObject({ SLA_Violated: 'False', Processed: 'True', Delay: '20.00' });
    expect(entity(4)).toMatchObject({ SLA_Violated: 'False', Processed: 'True', Delay: '5.00' });
  });

  it('violates a dropped packet at its drop, with 100 %', () => {
    const rows = rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED').filter((r) => r[packets.col('Packet_ID')] === '3');
    expect(rows).toHaveLength(1);
    expect(rows[0][packets.col('Time')]).toBe('3.70');
    expect(entity(3)).toMatchObject({ SLA_Violated: 'True', SLA_Violation_Percentage: '1.00', Dropped: 'True' });
  });

  it('counts them in the summary', () => {
    const r = result.rounds[0];
    expect(r.packets).toEqual({ created: 4, delivered: 3, dropped: 1, orphaned: 0, inFlight: 0 });
    expect(r.sla.violated).toBe(2);
    expect(r.sla.deliveredLate).toBe(1);
    expect(r.sla.violationRate).toBe(0.5);
    expect(rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED')).toHaveLength(2);
    expect(r.delayMs.max).toBeCloseTo(30, 9);
  });
});
