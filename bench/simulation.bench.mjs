#!/usr/bin/env node
// Simulation benchmarks (issue 3): scenario L end to end through the CLI, cost linearity in packets,
// packets per second on a 3-VNF chain with logs off, and a long run with all logs on (peak RSS).
//   node bench/simulation.bench.mjs            # default sizes
//   NSS_BENCH_FULL=1 node bench/simulation.bench.mjs   # the 10-million-packet run with every log on
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = await import(join(root, 'packages/core/dist/index.js'));
const { greedyPlacement } = await import(join(root, 'packages/placement-greedy/dist/index.js'));
const { generateEnvironment, resolveSettings, runSimulation, assertValidScenario } = core;

const results = {};
const rows = [];
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

// ---------------------------------------------------------------- 1. scenario L, whole process
{
  const specs = join(root, 'scenarios/reference/L-specs.json');
  const params = join(root, 'scenarios/reference/L-params.json');
  const out = mkdtempSync(join(tmpdir(), 'nss-bench-L-'));
  const times = [];
  let packets = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(root, 'packages/cli/dist/bin.js'), 'run', '--specs', specs, '--params', params,
      '--placement', 'GreedyPlacement', '--scaling', 'none', '--quiet', '--out', out], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`nss run failed: ${r.stderr}`);
    times.push(ms);
    packets = readJson(join(out, 'summary.json')).packets.created.mean;
  }
  rmSync(out, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  results.scenarioL = { packets, medianMs: times[2], minMs: times[0], maxMs: times[4] };
  rows.push(['scenario L: whole `nss run` process (median of 5)', `${times[2].toFixed(0)} ms`, `${packets} packets`]);
}

// ---------------------------------------------------------------- helpers for in-process runs
function chainScenario({ users, totalTime, burstInterval, logs }) {
  const specs = {
    entities_number: { nodes: 4, vnfs: 3, sfcs: 1, users, data_sources: 1 },
    node: { cpu: [1e9], mem: [1e9], vnf_num: [3], group: [1], energy_max: [200], energy_idle: [100], disk_delay: [1],
      ran_node_prob: 0.3, core_node_prob: 0.3, location: [{ name: 'A', key: 'A', latitude: 0, longitude: 0, node_prob: 1 }] },
    vnf: { cpu: [2e6], mem: [1e6], max_share: [4], min_bandwidth: [0], remote_data_access_cost: [1], remote_data_access_prob: [0.01],
      packet_cpu_demand: [1], packet_mem_demand: [0.001], packet_network_demand: [1], startup_ipt: [1000], shutdown_ipt: [1000],
      timeout: [1000], max_packet_queue: [-1] },
    sfc: { vnf_num: [3], max_latency: [20], timeout: [5000] },
    sfc_requests: { arrival: 'poisson', duration: [totalTime] },
    user: { sfc_request_num: [1], latency: [0], bandwidth: [1], loss_rate: [0], priority: [1] },
    link: { bandwidth: [1e8], loss_rate: [0], propagation: [1], energy_consumption: [10], num_links_between_nodes: [1],
      loopback_bandwidth: [1e9], max_packet_queue: [-1] },
    data_source: { packet_size: [100], packet_interval: [1], packets_burst_size: [5], packets_burst_interval: [burstInterval] },
  };
  const params = {
    simulation: { total_time: totalTime, num_rounds: 1, random_seed: 11, time_window: 0, share_sfc_instance: 0,
      compute_loopback_time: 1, packet_generation: 1, log_link_events: logs ? 1 : 0, log_vnf_instance_events: logs ? 1 : 0 },
    placement: { heuristic: 'greedy' },
  };
  const v = assertValidScenario(specs, params);
  const settings = resolveSettings(v.specs, v.params);
  return { environment: generateEnvironment(v.specs, settings.seed, settings), settings };
}

async function timed(scenario, outDir) {
  const t0 = process.hrtime.bigint();
  const r = await runSimulation({ ...scenario, plugins: { placement: { plugin: greedyPlacement } }, outDir });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, packets: r.rounds[0].packets.created, delivered: r.rounds[0].packets.delivered };
}

// ---------------------------------------------------------------- 2. linearity: 10x packets
{
  const base = chainScenario({ users: 20, totalTime: 20_000, burstInterval: 20, logs: false });
  const big = chainScenario({ users: 200, totalTime: 20_000, burstInterval: 20, logs: false });
  await timed(base, null); // warm-up
  const a = await timed(base, null);
  const b = await timed(big, null);
  const ratio = b.ms / a.ms;
  results.linearity = { small: a, large: b, packetRatio: b.packets / a.packets, timeRatio: ratio };
  rows.push(['linearity: 10x packets, time ratio', ratio.toFixed(2), `${a.packets} → ${b.packets} packets`]);
}

// ---------------------------------------------------------------- 3. packets per second, 3-VNF chain, logs off
{
  const sc = chainScenario({ users: 100, totalTime: 60_000, burstInterval: 10, logs: false });
  const r = await timed(sc, null);
  const pps = r.packets / (r.ms / 1000);
  results.throughput = { ...r, packetsPerSecond: pps };
  rows.push(['3-VNF chain, logs off', `${Math.round(pps).toLocaleString('en')} packets/s`, `${r.packets} packets in ${r.ms.toFixed(0)} ms`]);
}

// ---------------------------------------------------------------- 4. long run, every log on, peak RSS
{
  const full = process.env.NSS_BENCH_FULL === '1';
  const users = full ? 150 : 50; // 150 users ≈ 10 million packets
  const sc = chainScenario({ users, totalTime: 200_000, burstInterval: 10, logs: true });
  const out = mkdtempSync(join(tmpdir(), 'nss-bench-logs-'));
  const r = await timed(sc, out);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  rmSync(out, { recursive: true, force: true });
  results.allLogs = { ...r, peakRssMb: rssMb, full };
  rows.push([`all logs on${full ? ' (full 10M run)' : ' (NSS_BENCH_FULL=1 for 10M)'}`, `${r.packets} packets in ${(r.ms / 1000).toFixed(1)} s`, `peak RSS ${rssMb.toFixed(0)} MB`]);
}

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log('\nSimulation benchmark');
for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/simulation.json'), JSON.stringify(results, null, 2) + '\n');
