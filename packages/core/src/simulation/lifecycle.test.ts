/**
 * Instance lifecycles (model-spec §6) and the energy account (§9), on hand-built timelines.
 *
 * VNF instance: ready at created + 1000·startup_ipt/node.cpu (INSTANCE_STARTUP), shut down vnf.timeout ms
 * after its last SFC instance is unmapped (INSTANCE_SHUTDOWN), destroyed 1000·shutdown_ipt/node.cpu later
 * (INSTANCE_DESTROYED); the truncateVnfTimes quirk truncates both durations to whole ms.
 * SFC instance: destroyed sfc.timeout ms after the last packet its random generator produced; packets
 * generated afterwards are orphans.
 * Energy: nodes ∫ (idle + (max − idle)·alloc/cpu) dt; links energy_consumption · transmission time.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FlowTable } from './flow-file.js';
import { runSimulation } from './run-simulation.js';
import { allOn, chainEnvironment, fixedPlacement, flowCsv, readCsv, rowsOf, settingsFor, tempDir, timesOf } from '../testing/index.js';

const scratch = tempDir('nss-lifecycle-');
afterAll(() => scratch.remove());

/** CSV times have two decimals. */
function expectTime(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(0.0051);
}

// ------------------------------------------------------------------ lifecycles under random traffic

const NODE_CPU = 3e6;
const STARTUP_IPT = 10_000; // 1000 · 10 000 / 3e6 = 3.333… ms
const SHUTDOWN_IPT = 25_000; // 8.333… ms
const VNF_TIMEOUT = 50;
const SFC_TIMEOUT = 30;

async function runRandom(truncate: boolean) {
  // r_0: n_0 → v_0 on n_1 → n_0, free links. Random flow: bursts (Poisson, mean 3 packets) every ~20 ms
  // (Poisson), no gap inside a burst, for 300 ms. Some gap longer than the SFC timeout (30) ends the SFC instance before the generator stops.
  const env = chainEnvironment({
    nodes: [{}, { cpu: NODE_CPU }],
    vnfs: [{ cpu: 1000, packetCpuDemand: 0.01, maxShare: 8, startupIpt: STARTUP_IPT, shutdownIpt: SHUTDOWN_IPT, timeout: VNF_TIMEOUT }],
    sfcs: [{ vnfs: ['v_0'], maxLatency: 50, timeout: SFC_TIMEOUT }],
    requests: [{ ingress: 'n_0', egress: 'n_0', duration: 300 }],
    dataSource: { packetSize: 10, packetInterval: 0, packetsBurstSize: 3, packetsBurstInterval: 20 },
  });
  const settings = settingsFor({ total_time: 1000, random_seed: 6, ...(truncate ? { quirks: { truncateVnfTimes: 1 } } : {}) });
  const dir = join(scratch.dir, truncate ? 'random-truncated' : 'random');
  const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } }, outDir: dir });
  return { result, csv: (f: string) => readCsv(join(dir, 'Round_0', f)) };
}

for (const truncate of [false, true]) {
  describe(`VNF and SFC instance lifecycles${truncate ? ' with the truncateVnfTimes quirk' : ''}`, () => {
    const startup = (1000 * STARTUP_IPT) / NODE_CPU;
    const shutdown = (1000 * SHUTDOWN_IPT) / NODE_CPU;
    const want = truncate ? { startup: Math.trunc(startup), shutdown: Math.trunc(shutdown) } : { startup, shutdown };

    it('boots, serves, loses its SFC instance after the SFC timeout, idles out and is destroyed', async () => {
      const { csv, result } = await runRandom(truncate);
      const vnf = csv('vnf_instance.csv');
      expect(timesOf(vnf, 'INSTANCE_CREATED')).toEqual([0]);
      const [ready] = timesOf(vnf, 'INSTANCE_STARTUP');
      expectTime(ready, want.startup, 'INSTANCE_STARTUP');

      // The SFC instance dies SFC_TIMEOUT after the last packet generated before its death.
      const si = csv('sfc_instance.csv');
      const destroyed = timesOf(si, 'SFC_INSTANCE_DESTROYED');
      expect(destroyed).toHaveLength(1);
      const d = destroyed[0];
      const packets = csv('packets.csv');
      const created = rowsOf(packets, 'PACKET_CREATED').map((r) => ({ id: r[packets.col('Packet_ID')], t: Number(r[packets.col('Time')]) }));
      const before = created.filter((p) => p.t < d);
      const after = created.filter((p) => p.t > d);
      expect(before.length).toBeGreaterThan(0);
      expect(after.length, 'packets generated after the SFC instance died (scenario check)').toBeGreaterThan(0);
      const last = Math.max(...before.map((p) => p.t));
      expectTime(d, last + SFC_TIMEOUT, 'SFC_INSTANCE_DESTROYED');
      // No gap between consecutive packets before the death reaches the timeout (else it would have died then).
      const times = [0, ...before.map((p) => p.t)];
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThan(SFC_TIMEOUT);

      // Packets generated after its death are orphans; the earlier ones were delivered.
      const orphans = new Set(rowsOf(packets, 'PACKET_ORPHAN').map((r) => r[packets.col('Packet_ID')]));
      const delivered = new Set(rowsOf(packets, 'PACKET_PROCESSED').map((r) => r[packets.col('Packet_ID')]));
      for (const p of after) expect(orphans.has(p.id), `packet ${p.id} at ${p.t}`).toBe(true);
      for (const p of before) expect(delivered.has(p.id), `packet ${p.id} at ${p.t}`).toBe(true);
      expect(result.rounds[0].packets.orphaned).toBe(after.length);

      // Its VNF instance is unmapped then, idles VNF_TIMEOUT, shuts down for 1000·shutdown_ipt/node.cpu.
      const mapping = csv('sfc_instance_vnf_mapping.csv');
      expect(timesOf(mapping, 'EVENT_SFC_INSTANCE_VNF_UNMAPPED')).toEqual([d]);
      const [down] = timesOf(vnf, 'INSTANCE_SHUTDOWN');
      expectTime(down, d + VNF_TIMEOUT, 'INSTANCE_SHUTDOWN');
      const [gone] = timesOf(vnf, 'INSTANCE_DESTROYED');
      expectTime(gone, d + VNF_TIMEOUT + want.shutdown, 'INSTANCE_DESTROYED');
      expect(rowsOf(vnf, 'INSTANCE_SHUTDOWN')).toHaveLength(1);
      expect(rowsOf(vnf, 'INSTANCE_DESTROYED')).toHaveLength(1);
    });
  });
}

// ------------------------------------------------------------------ energy

describe('energy of a hand-made allocation timeline', () => {
  // n_0 (ingress/egress) and n_1 (cpu 4000) both idle 100 W, max 200 W. At 0, v_0 (1000 CPU) and v_1
  // (600 CPU) are created on n_1: allocation 1600/4000 = 0.4 ⇒ 140 W. Three file packets at 10, 20, 30
  // keep the SFC instance (timeout 100) alive until 130; both instances idle out at 130 + 50 = 180 and are
  // destroyed after 1000·200/4000 = 50 ms, at 230 (shutting-down instances still count).
  // Links: l_0_1_0 (bandwidth 5000) carries s, l_1_0_0 (bandwidth 2000) carries 1.5·s (v_1's
  // packet_network_demand); both consume 10 W while transmitting; the loopback consumes nothing.
  const sizes = [3, 7, 11];
  const total = 1000;

  it('integrates node power over time and link power over transmission time', async () => {
    const env = chainEnvironment({
      nodes: [{}, { cpu: 4000 }],
      vnfs: [
        { cpu: 1000, timeout: 50, shutdownIpt: 200 },
        { cpu: 600, timeout: 50, shutdownIpt: 200, packetNetworkDemand: 1.5 },
      ],
      sfcs: [{ vnfs: ['v_0', 'v_1'], timeout: 100 }],
      link: (i, j) => (i === 0 && j === 1 ? { bandwidth: 5000 } : { bandwidth: 2000 }),
      requests: [{ ingress: 'n_0', egress: 'n_0' }],
    });
    const flows = FlowTable.parse(flowCsv(sizes.map((size) => ({ user: 'u_0', sfc: 's_0', time: 10, size }))), 'flow.csv');
    const dir = join(scratch.dir, 'energy');
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: total }),
      plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } },
      flows,
      outDir: dir,
    });
    // The timeline the expectation assumes.
    const vnf = readCsv(join(dir, 'Round_0/vnf_instance.csv'));
    expect(timesOf(vnf, 'INSTANCE_CREATED')).toEqual([0, 0]);
    expect(timesOf(vnf, 'INSTANCE_SHUTDOWN')).toEqual([180, 180]);
    expect(timesOf(vnf, 'INSTANCE_DESTROYED')).toEqual([230, 230]);
    expect(result.rounds[0].packets.delivered).toBe(3);

    const busy = 100 + (200 - 100) * (1600 / 4000);
    const nodesWms = 100 * total + busy * 230 + 100 * (total - 230);
    expect(result.rounds[0].energy.nodesWh).toBeCloseTo(nodesWms / 3.6e6, 12);
    const txMs = sizes.reduce((a, s) => a + (1000 * s) / 5000 + (1000 * 1.5 * s) / 2000, 0);
    expect(result.rounds[0].energy.linksWh).toBeCloseTo((10 * txMs) / 3.6e6, 12);
    expect(result.summary.energy.nodesWh.mean).toBeCloseTo(nodesWms / 3.6e6, 12);
  });

  it('counts idle power only when nothing is placed', async () => {
    const env = chainEnvironment({ nodes: [{}, { cpu: 4000 }, {}], vnfs: [{ cpu: 1000 }], requests: [{ ingress: 'n_0', egress: 'n_0' }] });
    const result = await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: total, packet_generation: 0 }),
      plugins: { placement: { plugin: fixedPlacement(() => null) } },
    });
    expect(result.rounds[0].energy.nodesWh).toBeCloseTo((3 * 100 * total) / 3.6e6, 12);
    expect(result.rounds[0].energy.linksWh).toBe(0);
  });
});
