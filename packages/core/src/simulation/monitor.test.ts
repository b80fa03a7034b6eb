/**
 * The SFC-instance monitor's lock (model-spec §7.1, corrected ): an SFC instance with more than
 * max_sla_violation_sfc_instance_shared SLA violations in the last sfc_instance_monitor_window_size ms is
 * locked (not offered for sharing) and unlocked once the window holds no more than that; with the
 * cumulativeLockWindow quirk the count runs since t = 0, so it never unlocks.
 *
 * Scenario (time_window 100, monitor every 100 ms, window 200, limit 1, max_latency 10):
 * r_0 (arrival 0) is placed at 100 on a new instance si_1; two packets of size 15 (15 ms each at cpu 1000,
 * processor-shared: both done at 140) are created at 110 and both violate at 120. Monitor: 200 → window
 * [0, 200] holds 2 > 1 ⇒ LOCKED; 300 → [100, 300] still 2; 400 → [200, 400] holds 0 ⇒ UNLOCKED.
 * r_1 (arrival 250, placed at 300, before the monitor of that instant) finds si_1 locked: new si_2.
 * r_2 (arrival 550, placed at 600) shares the first unlocked matching instance: si_1 (corrected), si_2 (quirk).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlowTable } from './flow-file.js';
import { runSimulation } from './run-simulation.js';
import { chainEnvironment, flowCsv, readCsv, rowsOf, settingsFor, sharingPlacement, tempDir, timesOf } from '../testing/index.js';

const scratch = tempDir('nss-monitor-');
afterAll(() => scratch.remove());

async function run(cumulative: boolean) {
  const env = chainEnvironment({
    nodes: [{}, {}],
    vnfs: [{ cpu: 1000, maxShare: 3 }],
    sfcs: [{ vnfs: ['v_0'], maxLatency: 10 }],
    requests: [0, 250, 550].map((arrivalTime) => ({ ingress: 'n_0', egress: 'n_0', arrivalTime })),
  });
  const flows = FlowTable.parse(
    flowCsv([
      { user: 'u_0', sfc: 's_0', time: 10, size: 15 },
      { user: 'u_0', sfc: 's_0', time: 0, size: 15 },
    ]),
    'flow.csv',
  );
  const settings = settingsFor({
    total_time: 1000,
    time_window: 100,
    compute_loopback_time: 0,
    share_sfc_instance: 1,
    sfc_instance_monitor_interval: 100,
    sfc_instance_monitor_window_size: 200,
    max_sla_violation_sfc_instance_shared: 1,
    ...(cumulative ? { quirks: { cumulativeLockWindow: 1 } } : {}),
  });
  const dir = join(scratch.dir, cumulative ? 'cumulative' : 'window');
  await runSimulation({
    environment: env,
    settings,
    plugins: { placement: { plugin: sharingPlacement(() => ['n_0']) } },
    flows,
    outDir: dir,
  });
  const csv = (f: string) => readCsv(join(dir, 'Round_0', f));
  const requests = csv('sfc_request.csv');
  const placedOn = Object.fromEntries(
    rowsOf(requests, 'SFC_REQUEST_PLACED').map((r) => [r[requests.col('SFC_Request')], r[requests.col('SFC_Instance')]]),
  );
  return { csv, placedOn };
}

describe('SFC-instance lock over a sliding window', () => {
  it('locks after the violations, unlocks when the window has passed, and shares only unlocked instances', async () => {
    const { csv, placedOn } = await run(false);
    const packets = csv('packets.csv');
    expect(timesOf(packets, 'EVENT_PACKET_SLA_VIOLATED')).toEqual([120, 120]);
    const instances = csv('sfc_instance.csv');
    const lockRows = instances.rows
      .filter((r) => r[instances.col('Event')].startsWith('SFC_INSTANCE_') && r[instances.col('Event')].endsWith('LOCKED'))
      .map((r) => [r[instances.col('Event')], Number(r[instances.col('Time')]), r[instances.col('SFC_Instance')]]);
    expect(lockRows).toEqual([
      ['SFC_INSTANCE_LOCKED', 200, 'si_1'],
      ['SFC_INSTANCE_UNLOCKED', 400, 'si_1'],
    ]);
    expect(placedOn).toEqual({ r_0: 'si_1', r_1: 'si_2', r_2: 'si_1' });
  });
});

describe('SFC-instance lock with the cumulativeLockWindow quirk', () => {
  it('never unlocks: later requests go elsewhere', async () => {
    const { csv, placedOn } = await run(true);
    const instances = csv('sfc_instance.csv');
    expect(timesOf(instances, 'SFC_INSTANCE_LOCKED')).toEqual([200]);
    expect(rowsOf(instances, 'SFC_INSTANCE_UNLOCKED')).toEqual([]);
    expect(placedOn).toEqual({ r_0: 'si_1', r_1: 'si_2', r_2: 'si_2' });
  });
});
