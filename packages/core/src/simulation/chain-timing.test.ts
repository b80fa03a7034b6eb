/**
 * Hop-by-hop timing of single packets against the formulas of model-spec §5.3–§5.6 and §6.1 (corrected
 * defaults): link = 1000·S/bandwidth + propagation with S = s on the ingress hop and s·packet_network_demand
 * of the previous VNF afterwards; VNF = 1000·s·packet_cpu_demand/C (not truncated); startup wait until
 * 1000·startup_ipt/node.cpu after creation; a co-located hop uses the loopback, or costs nothing with
 * compute_loopback_time 0. Also: remote data access with probability p, and fast instances late in a run.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.js';
import { Events } from '../events/catalogue.js';
import { EventBus } from '../events/event-bus.js';
import { FlowTable } from './flow-file.js';
import { runSimulation } from './run-simulation.js';
import { type FlowRow, allOn, chainEnvironment, fixedPlacement, flowCsv, poissonFlow, settingsFor } from '../testing/index.js';

/** Parameters of the hand-computed chain n_0 → [v_0, v_1 on n_1] → n_2 (odd numbers on purpose). */
const P = {
  nodeCpu: 2.5e6,
  v0: { cpu: 3100, packetCpuDemand: 1.7, packetNetworkDemand: 0.8, startupIpt: 20_000 },
  v1: { cpu: 4700, packetCpuDemand: 2.3, packetNetworkDemand: 1.9, startupIpt: 5_000 },
  ingress: { bandwidth: 7300, propagation: 1.3 },
  egress: { bandwidth: 5100, propagation: 2.9 },
  loopbackBandwidth: 9100,
  size: 13,
} as const;

/** The delay of one packet of size s injected at t0, computed by hand from the formulas. */
function expectedDelay(t0: number, loopback: boolean): { delay: number; startupWait0: number; arriveV0: number } {
  const s = P.size;
  const ready0 = (1000 * P.v0.startupIpt) / P.nodeCpu; // 8 ms after creation at t = 0
  const ready1 = (1000 * P.v1.startupIpt) / P.nodeCpu; // 2 ms
  const arriveV0 = t0 + (1000 * s) / P.ingress.bandwidth + P.ingress.propagation;
  const start0 = Math.max(arriveV0, ready0);
  const end0 = start0 + (1000 * s * P.v0.packetCpuDemand) / P.v0.cpu;
  const arriveV1 = end0 + (loopback ? (1000 * s * P.v0.packetNetworkDemand) / P.loopbackBandwidth : 0);
  const start1 = Math.max(arriveV1, ready1);
  const end1 = start1 + (1000 * s * P.v1.packetCpuDemand) / P.v1.cpu;
  const delivered = end1 + (1000 * s * P.v1.packetNetworkDemand) / P.egress.bandwidth + P.egress.propagation;
  return { delay: delivered - t0, startupWait0: start0 - arriveV0, arriveV0 };
}

async function runOnePacket(t0: number, loopback: boolean) {
  const env = chainEnvironment({
    nodes: [{ type: 'RAN' }, { cpu: P.nodeCpu }, { type: 'CORE' }],
    vnfs: [P.v0, P.v1],
    link: (i, j) => (i === 0 && j === 1 ? P.ingress : i === 1 && j === 2 ? P.egress : {}),
    loopbackBandwidth: P.loopbackBandwidth,
    requests: [{ ingress: 'n_0', egress: 'n_2' }],
  });
  const flows = FlowTable.parse(flowCsv([{ user: 'u_0', sfc: 's_0', time: t0, size: P.size }]), 'one.csv');
  const settings = settingsFor({ total_time: 1000, compute_loopback_time: loopback ? 1 : 0 });
  const bus = new EventBus();
  const delays: number[] = [];
  const waits: Record<string, number> = {};
  const linkSizes: Record<string, number> = {};
  bus.on(Events.PACKET_PROCESSED, (p) => delays.push(p.delay));
  bus.on(Events.VNF_INSTANCE_PACKET_PROCESS_STARTED, (p) => (waits[p.vnfInstance] = p.elapsedTime));
  bus.on(Events.LINK_PACKET_ARRIVED, (p) => (linkSizes[p.link] = p.packetSize));
  const result = await runSimulation({
    environment: env,
    settings,
    plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } },
    flows,
    bus,
  });
  return { result, delays, waits, linkSizes };
}

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThan(1e-9);
}

describe('one packet through ingress link → v_0 → (loopback) → v_1 → egress link', () => {
  for (const loopback of [true, false]) {
    for (const t0 of [0.5, 11.25]) {
      const when = t0 < 8 ? 'before v_0 has booted (startup wait)' : 'after both instances booted';
      it(`has the hand-computed delay, arriving ${when}, compute_loopback_time ${loopback ? 1 : 0}`, async () => {
        const { result, delays, waits, linkSizes } = await runOnePacket(t0, loopback);
        const want = expectedDelay(t0, loopback);
        expect(result.rounds[0].packets.delivered).toBe(1);
        expect(delays).toHaveLength(1);
        expectClose(delays[0], want.delay);
        expectClose(result.rounds[0].delayMs.mean!, want.delay);
        // The startup wait is the wait before service at v_0 (v_1 has booted by the time it arrives).
        if (want.startupWait0 > 0) expectClose(waits['n_1_v_0_1'], want.startupWait0);
        else expect(waits['n_1_v_0_1']).toBe(0);
        expect(waits['n_1_v_1_1']).toBe(0);
        // Sizes on the links: s, then s·packet_network_demand of the VNF before the link.
        expect(linkSizes['l_0_1_0']).toBe(P.size);
        expect(linkSizes['l_1_2_0']).toBeCloseTo(P.size * P.v1.packetNetworkDemand, 12);
        if (loopback) expect(linkSizes['l_1_loopback']).toBeCloseTo(P.size * P.v0.packetNetworkDemand, 12);
        else expect(linkSizes['l_1_loopback']).toBeUndefined();
      });
    }
  }

  it('waits for the instance to boot: the startup wait is 1000·startup_ipt/node.cpu after creation', async () => {
    // A sanity check of the scenario itself: the two arrival times straddle v_0's readiness at 8 ms.
    expect(expectedDelay(0.5, true).arriveV0).toBeLessThan(8);
    expect(expectedDelay(11.25, true).arriveV0).toBeGreaterThan(8);
    const early = expectedDelay(0.5, true);
    expect(early.startupWait0).toBeCloseTo(8 - early.arriveV0, 12);
  });
});

describe('remote data access', () => {
  /** Fraction of packets delayed by the remote-access cost at a VNF with remote_data_access_prob p. */
  async function remoteFraction(p: number, reference: boolean): Promise<number> {
    const env = chainEnvironment({
      nodes: [{}, {}, {}],
      vnfs: [{ cpu: 1e9, remoteDataAccessProb: p, remoteDataAccessCost: 50 }],
      requests: [{ ingress: 'n_0', egress: 'n_2' }],
    });
    const n = 20_000;
    const rows: FlowRow[] = poissonFlow(new Rng(5).stream('remote'), 'u_0', 's_0', n, 1, () => 1);
    const flows = FlowTable.parse(flowCsv(rows), 'remote.csv');
    const settings = settingsFor({
      total_time: Math.ceil(rows.reduce((a, r) => a + r.time, 0)) + 1000,
      sfc_instance_monitor_interval: 1e6,
      ...(reference ? { quirks: { remoteAccessProbabilityExponential: 1 } } : {}),
    });
    const bus = new EventBus();
    let remote = 0;
    let slow = 0;
    bus.on(Events.VNF_INSTANCE_REMOTE_DATA_RECEIVED, () => remote++);
    bus.on(Events.PACKET_PROCESSED, (e) => {
      if (e.delay >= 50) slow++;
    });
    const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } }, flows, bus });
    expect(result.rounds[0].packets.delivered).toBe(n);
    expect(slow).toBe(remote); // each remote access adds its cost to that packet's delay
    return remote / n;
  }

  it('happens with probability p (corrected), 1 − e^(−p) with the [Q-12] quirk', async () => {
    const p = 0.3;
    const se = Math.sqrt((p * (1 - p)) / 20_000); // 0.0032
    const corrected = await remoteFraction(p, false);
    expect(Math.abs(corrected - p)).toBeLessThan(4 * se);
    const reference = await remoteFraction(p, true);
    expect(Math.abs(reference - (1 - Math.exp(-p)))).toBeLessThan(4 * se);
  });
});

describe('a fast VNF instance late in a long run', () => {
  // Regression: with processor sharing, a completion whose remaining time is below the clock's
  // resolution at `now` (5e-8 ms of work at t ≈ 1e5 ms) was rescheduled at `now` forever (the run hung).
  it('completes packets whose service time is below the clock resolution', async () => {
    const env = chainEnvironment({ nodes: [{}, {}, {}], vnfs: [{ cpu: 1e11 }], requests: [{ ingress: 'n_0', egress: 'n_2' }] });
    const rows = Array.from({ length: 20 }, (_, i) => ({ user: 'u_0', sfc: 's_0', time: 1e5 + i * 0.37, size: 5 }));
    const flows = FlowTable.parse(flowCsv(rows), 'late.csv');
    const settings = settingsFor({ total_time: 3e6, sfc_instance_monitor_interval: 3e6 });
    const result = await runSimulation({
      environment: env,
      settings,
      plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } },
      flows,
    });
    expect(result.rounds[0].packets.delivered).toBe(20);
    expect(result.rounds[0].delayMs.max!).toBeLessThan(1e-6);
  });
});
