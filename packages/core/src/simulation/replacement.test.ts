/**
 * Re-placement ("migration", model-spec §3.5 with the monitor of §7.1): a request whose user moved and
 * whose mean recent latency rises above max_latency · migration_threshold_percentage is re-placed from
 * the user's current node, with attempts at t0, t0 + slot, t0 + 4·slot, t0 + 11·slot … (at most
 * max_replacement_retries); a success moves it to a new SFC instance and destroys the old one unless
 * another request still uses it.
 *
 * Scenario (time_window 100, monitor every 100 ms, packet window 1, slot 50, 4 attempts):
 * r_0 (u_0, ingress = egress = n_0) is placed at 100 with its VNF on n_0 (cpu 1000, loopbacks free): a
 * packet of size 2 takes 2 ms. Packets every 20 ms from 115. u_0 moves to n_1 at 250 (file times 25 and
 * 100 of total 1000; the second row, at 1000, never happens). Afterwards each packet first pays the mobility
 * penalty over l_1_0_0 (propagation 4.5): 2·ceil(1000·10/1e12 + 4.5) = 10, so its latency is 12 >
 * 20 · 0.5 = 10. The monitor at 300 sees the last delivered packet (275, latency 12) above the threshold.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlacementPlugin } from '../plugins/define-plugin.js';
import { FlowTable } from './flow-file.js';
import { MobilityPlan } from './mobility.js';
import { runSimulation } from './run-simulation.js';
import {
  type Route,
  chainEnvironment,
  fixedPlacement,
  flowCsv,
  readCsv,
  rowWhere,
  rowsOf,
  settingsWithSections,
  sharingPlacement,
  tempDir,
  timesOf,
} from '../testing/index.js';

const TOTAL = 1000;
const SLOT = 50;
const RETRIES = 4;
const FIRST_TRY = 300;
/** t0, t0 + slot, t0 + 4·slot, t0 + 11·slot: the gap after attempt k is (2^k − 1)·slot. */
const ATTEMPTS = [FIRST_TRY, FIRST_TRY + SLOT, FIRST_TRY + 4 * SLOT, FIRST_TRY + 11 * SLOT];

const scratch = tempDir('nss-replacement-');
afterAll(() => scratch.remove());

interface Variant {
  readonly name: string;
  readonly plugin: PlacementPlugin;
  readonly enable?: 0 | 1;
  readonly share?: boolean;
  readonly quirks?: Record<string, 0 | 1>;
}

async function run(v: Variant) {
  const env = chainEnvironment({
    nodes: [{}, {}, {}],
    vnfs: [{ cpu: 1000, maxShare: 4 }],
    sfcs: [{ vnfs: ['v_0'], maxLatency: 20 }],
    link: (i, j) => (i === 1 && j === 0 ? { propagation: 4.5 } : {}),
    requests: [
      { ingress: 'n_0', egress: 'n_0', arrivalTime: 0 },
      // With sharing, r_1 joins r_0's SFC instance at 200 (it sends no packets).
      ...(v.share ? [{ ingress: 'n_0', egress: 'n_0', arrivalTime: 150 }] : []),
    ],
    dataSource: { packetSize: 10 },
  });
  const rows = [];
  for (let t = 115; t < TOTAL - 20; t += 20) rows.push({ user: 'u_0', sfc: 's_0', time: rows.length === 0 ? 15 : 20, size: 2 });
  const flows = FlowTable.parse(flowCsv(rows), 'flow.csv');
  const settings = settingsWithSections(
    {
      total_time: TOTAL,
      time_window: 100,
      compute_loopback_time: 0,
      execute_user_mobility: 1,
      user_mobility_file: 'moves.csv',
      share_sfc_instance: v.share ? 1 : 0,
      ...(v.quirks ? { quirks: v.quirks } : {}),
    },
    {
      placement: {
        heuristic: 'fixed',
        enable_replacement: v.enable ?? 1,
        max_replacement_retries: RETRIES,
        replacement_backoff_slot_size: SLOT,
      },
      migration: { migration_threshold_percentage: 0.5, migration_threshold_packet_window: 1 },
    },
  );
  const mobility = MobilityPlan.parse('UID;NID;TransitionTime\nu_0;n_1;25\nu_0;n_1;100\n', 'moves.csv', TOTAL, new Set(['u_0', 'u_1']), new Set(['n_0', 'n_1', 'n_2']));
  const dir = join(scratch.dir, v.name);
  const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: v.plugin } }, flows, mobility, outDir: dir });
  const csv = (f: string) => readCsv(join(dir, f));
  return { result, dir, csv };
}

/** Places the VNF on the request's ingress node, but refuses any request not entering at n_0 (its original ingress). */
const onlyFromN0: Route = (r) => (r.ingressNode === 'n_0' ? ['n_0'] : null);
/** Places the VNF on the request's (current) ingress node. */
const atIngress: Route = (r) => [r.ingressNode];

describe('re-placement that always fails', () => {
  it('crosses the threshold once, then tries at t0, t0+slot, t0+4·slot, t0+11·slot and gives up', async () => {
    const { csv } = await run({ name: 'fails', plugin: fixedPlacement(onlyFromN0) });
    const moves = csv('Round_0/user_mobility.csv');
    expect(timesOf(moves, 'USER_MOVED')).toEqual([250]);
    const migration = csv('Round_0/migration.csv');
    expect(timesOf(migration, 'SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD')).toEqual([FIRST_TRY]);
    expect(rowsOf(migration, 'SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD')[0][migration.col('SFC_Request')]).toBe('r_0');
    expect(rowsOf(migration, 'SFC_REQUEST_BELOW_MIGRATION_THRESHOLD')).toEqual([]);
    const requests = csv('Round_0/sfc_request.csv');
    expect(timesOf(requests, 'SFC_REQUEST_REPLACEMENT_FAILED')).toEqual(ATTEMPTS);
    for (const r of rowsOf(requests, 'SFC_REQUEST_REPLACEMENT_FAILED')) {
      expect(r[requests.col('SFC_Request')]).toBe('r_0');
      // The request keeps its SFC instance after a failed attempt.
      expect(r[requests.col('SFC_Instance')]).toBe('si_1');
      expect(r[requests.col('Placement_Order')]).toBe('-1');
    }
    expect(rowsOf(requests, 'SFC_REQUEST_REPLACED')).toEqual([]);
    const entity = rowWhere(csv('Entities/sfc_requests.csv'), 'Name', 'r_0');
    expect(entity).toMatchObject({ Placed: 'True', Replacements: '0', Ingress_Node: 'n_0', Associated_SFC_Instance: 'si_1' });
    expect(rowsOf(csv('Round_0/sfc_instance.csv'), 'SFC_INSTANCE_DESTROYED')).toEqual([]);
  });
});

describe('re-placement that succeeds', () => {
  it('moves the request to a new SFC instance entering at the user\'s node and destroys the old one', async () => {
    const { csv } = await run({ name: 'succeeds', plugin: fixedPlacement(atIngress) });
    const requests = csv('Round_0/sfc_request.csv');
    const replaced = rowsOf(requests, 'SFC_REQUEST_REPLACED');
    expect(replaced.map((r) => [Number(r[requests.col('Time')]), r[requests.col('SFC_Request')], r[requests.col('SFC_Instance')]])).toEqual([
      [FIRST_TRY, 'r_0', 'si_2'],
    ]);
    expect(rowsOf(requests, 'SFC_REQUEST_REPLACEMENT_FAILED')).toEqual([]);
    const instances = csv('Round_0/sfc_instance.csv');
    expect(rowsOf(instances, 'SFC_INSTANCE_DESTROYED').map((r) => [Number(r[instances.col('Time')]), r[instances.col('SFC_Instance')]])).toEqual([
      [FIRST_TRY, 'si_1'],
    ]);
    const si2 = rowWhere(csv('Round_0/sfc_instance_entities.csv'), 'Name', 'si_2');
    expect(si2).toMatchObject({ Ingress: 'n_1', Egress: 'n_0', Active: 'True' });
    expect(si2['SFC_Req']).toContain('r_0');
    expect(rowWhere(csv('Round_0/sfc_instance_entities.csv'), 'Name', 'si_1')).toMatchObject({ Active: 'False' });
    const entity = rowWhere(csv('Entities/sfc_requests.csv'), 'Name', 'r_0');
    expect(entity).toMatchObject({ Placed: 'True', Replacements: '1', Ingress_Node: 'n_1', Associated_SFC_Instance: 'si_2' });
    // After the re-placement the user enters at its own node: no more penalty; the latency 2 + 4.5 falls
    // below the threshold at the next monitor cycle.
    const packets = csv('Round_0/packets_entities.csv');
    for (const r of packets.rows) {
      const created = Number(r[packets.col('Created_At')]);
      const penalty = Number(r[packets.col('Mobility_Penalty')]);
      expect(penalty, `packet created at ${created}`).toBe(created > 250 && created < FIRST_TRY ? 10 : 0);
    }
    expect(timesOf(csv('Round_0/migration.csv'), 'SFC_REQUEST_BELOW_MIGRATION_THRESHOLD')).toEqual([FIRST_TRY + 100]);
    const created = rowsOf(csv('Round_0/packets.csv'), 'PACKET_CREATED');
    const p = csv('Round_0/packets.csv');
    for (const r of created) {
      const t = Number(r[p.col('Time')]);
      expect(r[p.col('SFC_Instance')], `packet at ${t}`).toBe(t > FIRST_TRY ? 'si_2' : 'si_1');
    }
  });

  it('keeps the old SFC instance while another request shares it (corrected [Q-25])', async () => {
    const { csv } = await run({ name: 'shared', plugin: sharingPlacement(atIngress), share: true });
    const requests = csv('Round_0/sfc_request.csv');
    const placed = rowsOf(requests, 'SFC_REQUEST_PLACED').map((r) => [r[requests.col('SFC_Request')], r[requests.col('SFC_Instance')]]);
    expect(placed).toEqual([
      ['r_0', 'si_1'],
      ['r_1', 'si_1'],
    ]);
    expect(timesOf(requests, 'SFC_REQUEST_REPLACED')).toEqual([FIRST_TRY]);
    expect(rowsOf(csv('Round_0/sfc_instance.csv'), 'SFC_INSTANCE_DESTROYED')).toEqual([]);
    const si1 = rowWhere(csv('Round_0/sfc_instance_entities.csv'), 'Name', 'si_1');
    expect(si1['Active']).toBe('True');
    expect(si1['SFC_Req']).toContain('r_1');
    expect(si1['SFC_Req']).not.toContain('r_0');
    expect(rowWhere(csv('Entities/sfc_requests.csv'), 'Name', 'r_1')).toMatchObject({ Associated_SFC_Instance: 'si_1', Replacements: '0' });
  });

  it('destroys the shared old SFC instance with the replacementDestroysSharedInstance quirk', async () => {
    const { csv } = await run({
      name: 'shared-quirk',
      plugin: sharingPlacement(atIngress),
      share: true,
      quirks: { replacementDestroysSharedInstance: 1 },
    });
    const instances = csv('Round_0/sfc_instance.csv');
    expect(rowsOf(instances, 'SFC_INSTANCE_DESTROYED').map((r) => [Number(r[instances.col('Time')]), r[instances.col('SFC_Instance')]])).toEqual([
      [FIRST_TRY, 'si_1'],
    ]);
  });
});

describe('enable_replacement 0', () => {
  it('still logs the threshold crossing but attempts nothing', async () => {
    const { csv } = await run({ name: 'disabled', plugin: fixedPlacement(atIngress), enable: 0 });
    expect(timesOf(csv('Round_0/migration.csv'), 'SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD')).toEqual([FIRST_TRY]);
    const requests = csv('Round_0/sfc_request.csv');
    expect(rowsOf(requests, 'SFC_REQUEST_REPLACED')).toEqual([]);
    expect(rowsOf(requests, 'SFC_REQUEST_REPLACEMENT_FAILED')).toEqual([]);
    expect(rowWhere(csv('Entities/sfc_requests.csv'), 'Name', 'r_0')).toMatchObject({ Replacements: '0', Ingress_Node: 'n_0', Associated_SFC_Instance: 'si_1' });
    // Every packet after the move pays the penalty for the rest of the run.
    const packets = csv('Round_0/packets_entities.csv');
    for (const r of packets.rows) {
      const created = Number(r[packets.col('Created_At')]);
      expect(Number(r[packets.col('Mobility_Penalty')]), `packet at ${created}`).toBe(created > 250 ? 10 : 0);
    }
  });
});
