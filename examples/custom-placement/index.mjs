// A custom placement plugin, "least-loaded-latency", written and run as an outside user would:
// define it with definePlacement, generate an environment from an inline specs object, resolve the
// settings, and compare it with @nss/placement-greedy on the same environment and seed.
//
//   node index.mjs
import {
  assertValidScenario,
  definePlacement,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { greedyPlacement } from '@nss/placement-greedy';

// ---------------------------------------------------------------------------------------------- plugin

/**
 * Puts each VNF of a chain on the host that minimises
 *   CPU load of the node after the placement + latencyWeight · (hop latency / SFC max latency),
 * reusing an instance with a free share slot when the chosen node has one. The hop latency is the
 * transmission plus propagation time of the request's mean packet size on the best link from the
 * previous node (view.linkLatency). New instances get plan-local keys, so later requests of the same
 * round can share an instance created earlier in the round.
 */
export const leastLoadedLatency = definePlacement({
  name: 'least-loaded-latency',
  description: 'Each VNF on the host with the lowest CPU load after placement plus weighted hop latency.',
  parameters: {
    type: 'object',
    properties: {
      latencyWeight: {
        type: 'number',
        minimum: 0,
        default: 1,
        description: 'Weight of the hop latency (as a fraction of the SFC max latency) against the node load.',
      },
      shareSfcInstances: {
        type: 'boolean',
        default: true,
        description: 'Attach a request to an existing SFC instance when the simulation enables sharing.',
      },
    },
  },
  create(params) {
    return {
      name: 'least-loaded-latency',
      place(requests, view) {
        const ledger = newLedger(view);
        return { decisions: requests.map((request) => placeOne(request, view, ledger, params)) };
      },
    };
  },
});

/** What the plan has taken so far in this round (the view itself is frozen). */
function newLedger(view) {
  return {
    freeCpu: new Map(view.nodes.map((n) => [n.node, n.freeCpu])),
    freeMem: new Map(view.nodes.map((n) => [n.node, n.freeMem])),
    freeSlots: new Map(view.vnfInstances.map((v) => [v.name, v.freeShareSlots])),
    freeBandwidth: new Map(view.links.map((l) => [l.link, l.freeBandwidth])),
    planned: [], // instances created by this plan: { key, node, vnf, free }
  };
}

function copyLedger(l) {
  return {
    freeCpu: new Map(l.freeCpu),
    freeMem: new Map(l.freeMem),
    freeSlots: new Map(l.freeSlots),
    freeBandwidth: new Map(l.freeBandwidth),
    planned: l.planned.map((p) => ({ ...p })),
  };
}

/** The lowest-latency usable link from `a` to `b` for `size` units, or undefined. */
function bestLink(view, ledger, a, b, size) {
  let best;
  for (const link of view.linksBetween(a, b)) {
    if (view.computeLinkBandwidthLimit && !(ledger.freeBandwidth.get(link.name) > 0)) continue;
    const ms = view.linkLatency(link, size);
    if (best === undefined || ms < best.ms) best = { link, ms };
  }
  return best;
}

function placeOne(request, view, committed, params) {
  const env = view.environment;
  if (params.shareSfcInstances && view.shareSfcInstances) {
    const si = view.sfcInstances.find(
      (s) =>
        s.acceptRequests &&
        s.sfc === request.sfc &&
        s.ingressNode === request.ingressNode &&
        s.egressNode === request.egressNode,
    );
    if (si !== undefined) return { kind: 'share', request: request.name, sfcInstance: si.name };
  }
  const sfc = env.sfcs.find((s) => s.name === request.sfc);
  let size = env.dataSources.find((d) => d.name === request.dataSource).packetSize;
  const ledger = copyLedger(committed); // committed only if the whole chain fits
  const vnfs = [];
  const links = [];
  let current = request.ingressNode;
  let previousVnf;
  for (const vnfName of sfc.vnfs) {
    const vnf = env.vnfs.find((v) => v.name === vnfName);
    let best;
    for (const node of env.nodes) {
      if (!view.canHost(node.name, vnfName)) continue;
      const hop = bestLink(view, ledger, current, node.name, size);
      if (hop === undefined) continue;
      const existing = view.vnfInstances.find(
        (v) => v.vnf === vnfName && v.node === node.name && v.state !== 'shutting-down' && ledger.freeSlots.get(v.name) > 0,
      );
      const planned = ledger.planned.find((p) => p.vnf === vnfName && p.node === node.name && p.free > 0);
      const fits = ledger.freeCpu.get(node.name) >= vnf.cpu && ledger.freeMem.get(node.name) >= vnf.mem;
      if (existing === undefined && planned === undefined && !fits) continue;
      const extraCpu = existing !== undefined || planned !== undefined ? 0 : vnf.cpu;
      const load = (node.cpu - ledger.freeCpu.get(node.name) + extraCpu) / node.cpu;
      const score = load + params.latencyWeight * (hop.ms / sfc.maxLatency);
      if (best === undefined || score < best.score) best = { node: node.name, hop, existing, planned, score };
    }
    if (best === undefined) {
      return { kind: 'reject', request: request.name, reason: `no host with room for ${vnfName} reachable from ${current}` };
    }
    if (previousVnf !== undefined) book(ledger, best.hop.link, previousVnf.minBandwidth);
    links.push(best.hop.link.name);
    if (best.existing !== undefined) {
      ledger.freeSlots.set(best.existing.name, ledger.freeSlots.get(best.existing.name) - 1);
      vnfs.push({ kind: 'existing', instance: best.existing.name });
    } else if (best.planned !== undefined) {
      best.planned.free--;
      vnfs.push({ kind: 'new', node: best.node, key: best.planned.key });
    } else {
      ledger.freeCpu.set(best.node, ledger.freeCpu.get(best.node) - vnf.cpu);
      ledger.freeMem.set(best.node, ledger.freeMem.get(best.node) - vnf.mem);
      const key = `${best.node}/${vnfName}/${ledger.planned.length}`;
      ledger.planned.push({ key, node: best.node, vnf: vnfName, free: vnf.maxShare - 1 });
      vnfs.push({ kind: 'new', node: best.node, key });
    }
    current = best.node;
    previousVnf = vnf;
    size *= vnf.packetNetworkDemand;
  }
  const last = bestLink(view, ledger, current, request.egressNode, size);
  if (last === undefined) {
    return { kind: 'reject', request: request.name, reason: `no usable link from ${current} to egress ${request.egressNode}` };
  }
  book(ledger, last.link, previousVnf.minBandwidth);
  links.push(last.link.name);
  Object.assign(committed, ledger);
  return { kind: 'chain', request: request.name, vnfs, links };
}

function book(ledger, link, amount) {
  ledger.freeBandwidth.set(link.name, ledger.freeBandwidth.get(link.name) - amount);
}

// ---------------------------------------------------------------------------------------------- scenario

/** A small scenario, inline (the same keys as a specs file on disk). */
const specs = {
  entities_number: { nodes: 6, vnfs: 5, sfcs: 3, users: 12, data_sources: 2 },
  vnf: {
    cpu: [20000, 40000],
    mem: [20000],
    max_share: [2, 3],
    min_bandwidth: [0],
    packet_mem_demand: [1],
    remote_data_access_cost: [3],
    remote_data_access_prob: [0.05],
    packet_cpu_demand: [1],
    packet_network_demand: [1],
    startup_ipt: [4000],
    shutdown_ipt: [4000],
    timeout: [1000],
    max_packet_queue: [100],
  },
  node: {
    cpu: [200000, 400000],
    mem: [400000],
    vnf_num: [3, 4],
    group: ['edge'],
    energy_max: [300],
    energy_idle: [150],
    disk_delay: [5],
    ran_node_prob: 0.3,
    core_node_prob: 0.2,
    location: [{ name: 'Site A', key: 'A', node_prob: 1 }],
  },
  sfc: { vnf_num: [2, 3], max_latency: [20, 40], timeout: [1000] },
  link: {
    bandwidth: [1000000, 2000000],
    loss_rate: [0],
    propagation: [1, 3, 5],
    energy_consumption: [15],
    num_links_between_nodes: [1, 2],
    loopback_bandwidth: [10000000],
  },
  user: { sfc_request_num: [1, 2], latency: [0], bandwidth: [0], loss_rate: [0], priority: [1] },
  data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [50] },
  sfc_requests: { arrival: 'poisson', duration: [3000, 6000] },
};

const parameters = {
  simulation: {
    total_time: 6000,
    num_rounds: 3,
    random_seed: 42,
    time_window: 500,
    compute_loopback_time: 1,
    share_sfc_instance: 1,
    packet_generation: 1,
  },
  placement: { heuristic: 'least-loaded-latency' },
};

// ---------------------------------------------------------------------------------------------- run

// Validate both objects (throws a ConfigError listing every problem) and apply the defaults.
const scenario = assertValidScenario(specs, parameters);
const settings = resolveSettings(scenario.specs, scenario.params);
// One environment for both runs: same nodes, links, users, requests and arrival times.
const environment = generateEnvironment(scenario.specs, settings.seed, settings);

const contenders = [
  { plugin: leastLoadedLatency, parameters: { latencyWeight: 1 } },
  { plugin: greedyPlacement, parameters: {} },
];

const fmt = (stat, digits) => (stat.mean === null ? 'n/a' : stat.mean.toFixed(digits));

console.log(
  `${environment.nodes.length} nodes, ${environment.sfcRequests.length} SFC requests, ` +
    `${settings.numRounds} rounds of ${settings.totalTime} ms (seed ${settings.seed}); figures are means over the rounds`,
);
for (const placement of contenders) {
  // No outDir: nothing is written to disk; the summaries come back in the result.
  const { summary } = await runSimulation({ environment, settings, plugins: { placement } });
  console.log(
    `${placement.plugin.name}: placed ${fmt(summary.requests.placed, 1)} of ${fmt(summary.requests.total, 1)} requests, ` +
      `packets ${fmt(summary.packets.delivered, 1)} delivered of ${fmt(summary.packets.created, 1)}, ` +
      `delay mean ${fmt(summary.delayMs.mean, 2)} ms p95 ${fmt(summary.delayMs.p95, 2)} ms, ` +
      `SLA violation rate ${(summary.sla.violationRate.mean * 100).toFixed(2)} %`,
  );
}
