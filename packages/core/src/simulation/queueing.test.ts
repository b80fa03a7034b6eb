/**
 * Validation against queueing theory (design.md "Conventions"): a single VNF instance with one slot, and
 * a single link, each fed by Poisson arrivals from a packet-flow table, match the M/D/1 and M/M/1 mean
 * waiting and sojourn times within a batch-means confidence interval.
 *
 * Everything else on the path is made negligible: links with bandwidth 1e12 (1e-8 ms per packet) and no
 * propagation, instances that boot instantly, no remote access, no memory demand, unlimited queues, an
 * SLA and SFC timeout that never trigger. The known tiny times are subtracted exactly anyway.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.js';
import { Events } from '../events/catalogue.js';
import { EventBus } from '../events/event-bus.js';
import { FlowTable } from './flow-file.js';
import { runSimulation } from './run-simulation.js';
import {
  type BatchMeans,
  HUGE_BANDWIDTH,
  type LinkOptions,
  allOn,
  batchMeans,
  chainEnvironment,
  fixedPlacement,
  flowCsv,
  poissonFlow,
  settingsFor,
} from '../testing/index.js';

/** Confidence of the batch-means intervals the theoretical values must fall in. */
const CONFIDENCE = 0.95;
const BATCHES = 30;

interface Measured {
  /** Per packet (by id − 1): time waiting for the server (queue) at the station under test. */
  readonly wait: Float64Array;
  /** Per packet: time from arrival at the station to leaving it (wait + service [+ propagation for a link]). */
  readonly sojourn: Float64Array;
  readonly delivered: number;
}

interface Station {
  /** VNF: the instance's CPU; link: huge. */
  readonly vnfCpu: number;
  /** Processing slots of the VNF instance (default 1: FIFO). */
  readonly maxShare?: number;
  readonly packetNetworkDemand: number;
  /** Attributes of the link n_1 → n_2 (after the VNF). */
  readonly exitLink: LinkOptions;
}

/**
 * Runs one request n_0 → [v_0 on n_1] → n_2 with `n` Poisson(λ) packets of the sizes `size()` draws, and
 * measures the station `which` (the VNF instance, or the link n_1 → n_2) from the exact event payloads.
 */
async function measure(which: 'vnf' | 'link', station: Station, lambda: number, n: number, size: () => number, seed: number): Promise<Measured> {
  const env = chainEnvironment({
    nodes: [{ type: 'RAN' }, {}, { type: 'CORE' }],
    vnfs: [{ cpu: station.vnfCpu, packetNetworkDemand: station.packetNetworkDemand, maxShare: station.maxShare ?? 1 }],
    link: (i, j) => (i === 1 && j === 2 ? station.exitLink : {}),
    requests: [{ ingress: 'n_0', egress: 'n_2' }],
  });
  const rows = poissonFlow(new Rng(seed).stream('arrivals'), 'u_0', 's_0', n, lambda, size);
  const flows = FlowTable.parse(flowCsv(rows), 'poisson-flow.csv');
  const span = rows.reduce((a, r) => a + r.time, 0);
  // Run well past the last arrival so that every packet is delivered; the SFC-instance monitor has
  // nothing to do here, so it runs once.
  const total = Math.ceil(span) + 100_000;
  const settings = settingsFor({ total_time: total, sfc_instance_monitor_interval: total });
  const sizes = Float64Array.from(rows, (r) => r.size);

  const bus = new EventBus();
  const wait = new Float64Array(n).fill(Number.NaN);
  const arrived = new Float64Array(n).fill(Number.NaN);
  const sojourn = new Float64Array(n).fill(Number.NaN);
  const exitLink = 'l_1_2_0';
  let delivered = 0;
  if (which === 'vnf') {
    bus.on(Events.VNF_INSTANCE_PACKET_PROCESS_STARTED, (p) => {
      wait[p.packetId - 1] = p.elapsedTime;
    });
    // Sojourn at the VNF = end-to-end delay − the two link transmissions (exact, no propagation).
    bus.on(Events.PACKET_PROCESSED, (p) => {
      const i = p.packetId - 1;
      const s = sizes[i];
      sojourn[i] = p.delay - (1000 * s) / HUGE_BANDWIDTH - (1000 * s * station.packetNetworkDemand) / HUGE_BANDWIDTH;
      delivered++;
    });
  } else {
    bus.on(Events.LINK_PACKET_ARRIVED, (p) => {
      if (p.link === exitLink) arrived[p.packetId - 1] = p.time;
    });
    bus.on(Events.LINK_PACKET_STARTED, (p) => {
      if (p.link === exitLink) wait[p.packetId - 1] = p.time - arrived[p.packetId - 1];
    });
    bus.on(Events.PACKET_PROCESSED, (p) => {
      const i = p.packetId - 1;
      sojourn[i] = p.time - arrived[i];
      delivered++;
    });
  }
  const result = await runSimulation({
    environment: env,
    settings,
    plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) } },
    flows,
    bus,
  });
  expect(result.rounds[0].packets).toEqual({ created: n, delivered: n, dropped: 0, orphaned: 0, inFlight: 0 });
  return { wait, sojourn, delivered };
}

/** Batch means of a per-packet series after a warm-up of 1 % (the system starts empty). */
function steady(values: Float64Array): BatchMeans {
  const warm = Math.floor(values.length / 100);
  const tail = values.subarray(warm);
  for (const v of tail) if (!Number.isFinite(v)) throw new Error('a packet was not measured');
  return batchMeans(tail, BATCHES, CONFIDENCE);
}

function show(label: string, theory: number, m: BatchMeans): string {
  return `${label}: theory ${theory.toFixed(4)}, simulated ${m.mean.toFixed(4)} ± ${m.halfWidth.toFixed(4)} (${CONFIDENCE * 100} % CI, ${m.batches} batches)`;
}

/** Asserts the theoretical value lies in the confidence interval, and that the interval is tight enough to mean something. */
function expectInInterval(label: string, theory: number, m: BatchMeans, maxRelativeHalfWidth: number): void {
  console.info(show(label, theory, m));
  expect(theory, show(label, theory, m)).toBeGreaterThanOrEqual(m.low);
  expect(theory, show(label, theory, m)).toBeLessThanOrEqual(m.high);
  expect(m.halfWidth / theory, `${label}: CI too wide to discriminate`).toBeLessThan(maxRelativeHalfWidth);
}

describe('a VNF instance with one slot fed by Poisson arrivals', () => {
  // C = 1000 instructions/s, packet_cpu_demand 1: a packet of size s takes 1000·s/1000 = s ms.
  const vnfStation: Station = { vnfCpu: 1000, packetNetworkDemand: 1, exitLink: {} };

  it('matches M/D/1 with fixed packet sizes (ρ = 0.6)', async () => {
    const S = 10; // ms, size 10
    const lambda = 0.06; // packets per ms
    const rho = lambda * S;
    const m = await measure('vnf', vnfStation, lambda, 100_000, () => 10, 11);
    const wq = (rho * S) / (2 * (1 - rho)); // 7.5 ms
    expectInInterval('VNF M/D/1 Wq', wq, steady(m.wait), 0.05);
    expectInInterval('VNF M/D/1 sojourn', wq + S, steady(m.sojourn), 0.03);
    // The M/M/1 value with the same mean service (25 ms) is far outside: the test can tell them apart.
    expect(steady(m.sojourn).high).toBeLessThan(1 / (1 / S - lambda));
  });

  it('matches M/M/1 with exponential packet sizes (ρ = 0.6)', async () => {
    const meanSize = 10; // mean service 10 ms, μ = 0.1 per ms
    const lambda = 0.06;
    const sizeRng = new Rng(12).stream('sizes');
    const m = await measure('vnf', vnfStation, lambda, 200_000, () => sizeRng.exponential(meanSize), 12);
    const mu = 1 / meanSize;
    expectInInterval('VNF M/M/1 Wq', lambda / mu / (mu - lambda), steady(m.wait), 0.06);
    expectInInterval('VNF M/M/1 sojourn', 1 / (mu - lambda), steady(m.sojourn), 0.05);
  });
});

describe('a VNF instance with many slots (processor sharing) fed by Poisson arrivals', () => {
  // With max_share slots the packets in service share the CPU. With more slots than packets ever
  // present this is M/G/1-PS, whose mean sojourn S/(1 − ρ) does not depend on the service distribution:
  // 25 ms with fixed sizes, where FIFO (M/D/1) gives 17.5 ms.
  it('matches M/D/1-PS (mean sojourn S/(1 − ρ)) with fixed packet sizes (ρ = 0.6)', async () => {
    const S = 10;
    const lambda = 0.06;
    const rho = lambda * S;
    const m = await measure('vnf', { vnfCpu: 1000, packetNetworkDemand: 1, exitLink: {}, maxShare: 1000 }, lambda, 100_000, () => 10, 31);
    const sojourn = steady(m.sojourn);
    expectInInterval('VNF M/D/1-PS sojourn', S / (1 - rho), sojourn, 0.04);
    // No packet ever waits for a slot.
    expect(m.wait.reduce((a, x) => Math.max(a, x), 0)).toBe(0);
  });
});

describe('a link fed by Poisson arrivals (FIFO, service = transmission only)', () => {
  // The VNF is near-instantaneous (CPU 1e11: 5e-8 ms per packet); the exit link n_1 → n_2 has bandwidth 1000 and propagation 5 ms.
  // packet_network_demand 2: a packet of size s puts 2·s on the link, transmitted in 1000·2s/1000 = 2s ms.
  // Propagation is a pure delay after transmission: it adds 5 ms to the sojourn but does not load the link
  // (if it held the server, the utilisation would be 0.9 instead of 0.6 and the waits far longer).
  const propagation = 5;
  const linkStation: Station = { vnfCpu: 1e11, packetNetworkDemand: 2, exitLink: { bandwidth: 1000, propagation } };

  it('matches M/D/1 with fixed packet sizes (ρ = 0.6)', async () => {
    const S = 10; // size 5 → 10 on the link → 10 ms
    const lambda = 0.06;
    const rho = lambda * S;
    const m = await measure('link', linkStation, lambda, 100_000, () => 5, 21);
    const wq = (rho * S) / (2 * (1 - rho));
    expectInInterval('link M/D/1 Wq', wq, steady(m.wait), 0.05);
    expectInInterval('link M/D/1 sojourn (+ propagation)', wq + S + propagation, steady(m.sojourn), 0.03);
  });

  it('matches M/M/1 with exponential packet sizes (ρ = 0.6)', async () => {
    const meanSize = 5; // 2·5 = 10 on the link: mean transmission 10 ms
    const lambda = 0.06;
    const sizeRng = new Rng(22).stream('sizes');
    const m = await measure('link', linkStation, lambda, 200_000, () => sizeRng.exponential(meanSize), 22);
    const mu = 1 / 10;
    expectInInterval('link M/M/1 Wq', lambda / mu / (mu - lambda), steady(m.wait), 0.06);
    expectInInterval('link M/M/1 sojourn (+ propagation)', 1 / (mu - lambda) + propagation, steady(m.sojourn), 0.05);
  });
});
