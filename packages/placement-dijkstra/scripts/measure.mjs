// Time of one placement round of the Dijkstra placement, per solver: `node scripts/measure.mjs [nodes] [requests]`
// (build @nss/core and this package first). Prints the median of RUNS (default 5) runs after one warm-up
// run. SOLVERS=layered,graphology picks the solvers; DIST=<path to a built index.js> measures another build
// (e.g. an older one, to give ratios measured in one run on a busy machine).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Rng, generateEnvironment } from '@nss/core';

const { dijkstraPlacement } = await import(process.env.DIST ? pathToFileURL(process.env.DIST).href : '../dist/index.js');

const nodes = Number(process.argv[2] ?? 200);
const requests = Number(process.argv[3] ?? 1000);
const specs = {
  entities_number: { nodes, vnfs: 4, sfcs: 6, users: requests, data_sources: 2 },
  vnf: {
    cpu: [200, 400], mem: [100, 300], max_share: [1, 2, 3], min_bandwidth: [1, 2], packet_mem_demand: [1],
    remote_data_access_cost: [0], remote_data_access_prob: [0], packet_cpu_demand: [1, 2], packet_network_demand: [1, 0.5],
    startup_ipt: [0], shutdown_ipt: [0], timeout: [1000], max_packet_queue: [-1], resource_intensive: ['CPU'],
  },
  node: {
    cpu: [4000, 8000], mem: [4000, 8000], vnf_num: [2, 3], group: [1], energy_max: [200, 300], energy_idle: [100, 150],
    disk_delay: [5], ran_node_prob: 0.3, core_node_prob: 0.3, location: [{ name: 'A', key: 'A', node_prob: 1 }],
  },
  sfc: { vnf_num: [2, 3, 4], max_latency: [15, 30], timeout: [1000] },
  link: {
    bandwidth: [1000, 2000], loss_rate: [0], propagation: [1, 2, 3], energy_consumption: [13, 14], num_links_between_nodes: [1, 2],
    loopback_bandwidth: [3000], max_packet_queue: [-1],
  },
  user: { sfc_request_num: [1], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0] },
  data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [100] },
  sfc_requests: { arrival: 'poisson', duration: [3000], max_arrival_time: 10 },
};
const env = generateEnvironment(specs, 1);
const pairs = new Map();
for (const l of env.links) {
  const k = `${l.source}>${l.target}`;
  if (!pairs.has(k)) pairs.set(k, []);
  pairs.get(k).push(l);
}
const hosts = new Map(env.nodes.map((n) => [n.name, new Set(n.vnfs)]));
const view = {
  time: 0, environment: env,
  nodes: env.nodes.map((n) => ({ node: n.name, index: n.index, freeCpu: n.cpu, freeMem: n.mem, allocatedCpu: 0, allocatedMem: 0, vnfInstances: 0 })),
  links: env.links.map((l) => ({ link: l.name, index: l.index, freeBandwidth: l.bandwidth, bookedBandwidth: 0 })),
  vnfInstances: [], sfcInstances: [], shareSfcInstances: false, computeLinkBandwidthLimit: true,
  linksBetween: (a, b) => pairs.get(`${a}>${b}`) ?? [],
  linkLatency: (l, size) => (1000 * size) / l.bandwidth + l.propagation,
  canHost: (node, vnf) => hosts.get(node)?.has(vnf) ?? false,
};
const batch = env.sfcRequests.slice(0, requests);
for (const solver of (process.env.SOLVERS ?? 'layered,graphology').split(',')) {
  const strategy = dijkstraPlacement.create({ ...{ latencyWeight: 1, resourceWeight: 10, energyWeight: 0.05, priorityFactors: [4, 2, 1], shareSfcInstances: true, enforceSla: false }, solver }, { rng: new Rng(1).stream('p'), shareSfcInstances: false, computeLinkBandwidthLimit: true });
  const runs = solver === 'graphology' && nodes * requests > 50_000 ? 1 : Number(process.env.RUNS ?? 5);
  const times = [];
  let placed = 0;
  let digest = '';
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const plan = strategy.place(batch, view);
    const t = performance.now() - t0;
    if (i > 0 || runs === 1) times.push(t);
    placed = plan.decisions.filter((d) => d.kind === 'chain').length;
    digest = createHash('sha1').update(JSON.stringify(plan.decisions)).digest('hex').slice(0, 10);
  }
  times.sort((a, b) => a - b);
  console.log(`${solver}: ${nodes} nodes, ${batch.length} requests, ${placed} placed (plan ${digest}): median ${times[Math.floor(times.length / 2)].toFixed(0)} ms over ${times.length} run(s)`);
}
