/**
 * Test helpers shared by this package's tests: seeded random instances (a generated environment and a
 * hand-made infrastructure view with pre-existing instances and booked links) and the shared scenario S.
 * Not exported from the package.
 * @internal
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type EdgeEnvironment,
  type InfrastructureView,
  type LinkResources,
  type NodeResources,
  type PlacementPlugin,
  type RunResult,
  type SpecsFile,
  type VnfInstanceView,
  Rng,
  generateEnvironment,
  loadScenarioFiles,
  resolveSettings,
  runSimulation,
} from '@nss/core';

/** Tight specs: nodes hold a few instances, links a few bookings (min_bandwidth close to bandwidth). */
export function tightSpecs(nodes = 6, users = 12): SpecsFile {
  return {
    entities_number: { nodes, vnfs: 4, sfcs: 3, users, data_sources: 2 },
    vnf: {
      cpu: [200, 400],
      mem: [100, 300],
      max_share: [1, 2, 3],
      min_bandwidth: [40, 80],
      packet_mem_demand: [1],
      remote_data_access_cost: [0],
      remote_data_access_prob: [0],
      packet_cpu_demand: [1, 2],
      packet_network_demand: [1, 0.5],
      startup_ipt: [0],
      shutdown_ipt: [0],
      timeout: [1000],
      max_packet_queue: [-1],
      resource_intensive: ['CPU'],
    },
    node: {
      cpu: [1000, 2000],
      mem: [800, 1500],
      vnf_num: [2, 3],
      group: [1],
      energy_max: [200, 300],
      energy_idle: [100, 150],
      disk_delay: [5],
      ran_node_prob: 0.3,
      core_node_prob: 0.3,
      location: [{ name: 'A', key: 'A', node_prob: 1 }],
    },
    sfc: { vnf_num: [2, 3, 4], max_latency: [15, 30], timeout: [1000] },
    link: {
      bandwidth: [100, 200],
      loss_rate: [0],
      propagation: [1, 2, 3],
      energy_consumption: [13, 14],
      num_links_between_nodes: [1, 2],
      loopback_bandwidth: [300],
      max_packet_queue: [-1],
    },
    user: { sfc_request_num: [1, 2, 3], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0] },
    data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [100] },
    sfc_requests: { arrival: 'poisson', duration: [3000], max_arrival_time: 10 },
  };
}

/** Options of {@link viewOf}. */
export interface ViewOptions {
  readonly share?: boolean;
  readonly bandwidthLimit?: boolean;
  /** Live VNF instances already running (their CPU and memory are taken from their nodes). */
  readonly instances?: readonly VnfInstanceView[];
  /** Bandwidth already booked per link name. */
  readonly booked?: Readonly<Record<string, number>>;
}

/** An infrastructure view of `env` as the core would hand it to a placement. */
export function viewOf(env: EdgeEnvironment, o: ViewOptions = {}): InfrastructureView {
  const instances = o.instances ?? [];
  const nodes: NodeResources[] = env.nodes.map((n) => {
    const on = instances.filter((v) => v.node === n.name);
    const cpu = on.reduce((s, v) => s + v.cpu, 0);
    const mem = on.reduce((s, v) => s + v.mem, 0);
    return { node: n.name, index: n.index, freeCpu: n.cpu - cpu, freeMem: n.mem - mem, allocatedCpu: cpu, allocatedMem: mem, vnfInstances: on.length };
  });
  const links: LinkResources[] = env.links.map((l) => {
    const booked = o.booked?.[l.name] ?? 0;
    return { link: l.name, index: l.index, freeBandwidth: l.bandwidth - booked, bookedBandwidth: booked };
  });
  return {
    time: 0,
    environment: env,
    nodes,
    links,
    vnfInstances: instances,
    sfcInstances: [],
    shareSfcInstances: o.share ?? false,
    computeLinkBandwidthLimit: o.bandwidthLimit ?? false,
    linksBetween: (a, b) => env.links.filter((l) => l.source === a && l.target === b),
    linkLatency: (l, size) => (1000 * size) / l.bandwidth + l.propagation,
    canHost: (node, vnf) => env.nodes.find((n) => n.name === node)?.vnfs.includes(vnf) ?? false,
  };
}

/**
 * A seeded random instance: a generated tight environment, some running instances (random share slots
 * left, some not accepting) and some links partly or fully booked; bandwidth accounting on or off.
 * `scale` multiplies node capacities (large values make capacity conflicts impossible).
 */
export function randomInstance(seed: number, nodes = 6, users = 12, scale = 1): { env: EdgeEnvironment; view: InfrastructureView } {
  const generated = generateEnvironment(tightSpecs(nodes, users), seed);
  const env = { ...generated, nodes: generated.nodes.map((n) => ({ ...n, cpu: n.cpu * scale, mem: n.mem * scale })) };
  const rng = new Rng(seed).stream('test-instance');
  const instances: VnfInstanceView[] = [];
  const used = new Map<string, number>();
  for (const n of env.nodes) {
    for (const vName of n.vnfs) {
      const vnf = env.vnfs.find((v) => v.name === vName)!;
      if (!rng.bernoulli(0.3) || (used.get(n.name) ?? 0) + vnf.cpu > n.cpu) continue;
      used.set(n.name, (used.get(n.name) ?? 0) + vnf.cpu);
      const mapped = rng.integer(0, vnf.maxShare);
      const accepting = rng.bernoulli(0.8);
      instances.push({
        name: `${n.name}_${vName}_${instances.length}`,
        vnf: vName,
        node: n.name,
        cpu: vnf.cpu,
        mem: Math.min(vnf.mem, n.mem / 4),
        state: 'running',
        acceptSfcInstances: accepting,
        sfcInstances: Array.from({ length: mapped }, (_, i) => `si_x${i}`),
        freeShareSlots: accepting ? vnf.maxShare - mapped : 0,
      });
    }
  }
  const booked: Record<string, number> = {};
  for (const l of env.links) if (rng.bernoulli(0.2)) booked[l.name] = rng.bernoulli(0.5) ? l.bandwidth : l.bandwidth / 2;
  return { env, view: viewOf(env, { instances, booked, bandwidthLimit: rng.bernoulli(0.7), share: false }) };
}

const REFERENCE = new URL('../../../scenarios/reference/', import.meta.url);

/**
 * Runs the shared scenario S (scenarios/reference/S-*.json) with its parameters copied to a temporary
 * folder and the placement replaced by `heuristic`, through the core's runSimulation with `plugin`.
 */
export async function runScenarioS(plugin: PlacementPlugin, heuristic: string, parameters: unknown = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), `nss-${plugin.name}-`));
  try {
    const params = JSON.parse(readFileSync(new URL('S-params.json', REFERENCE), 'utf8')) as Record<string, unknown>;
    params.placement = { heuristic, parameters };
    delete params.scaling;
    const paramsPath = join(dir, 'S-params.json');
    writeFileSync(paramsPath, JSON.stringify(params));
    const valid = loadScenarioFiles(new URL('S-specs.json', REFERENCE).pathname, paramsPath);
    const settings = resolveSettings(valid.specs, valid.params);
    const environment = generateEnvironment(valid.specs, settings.seed, settings);
    return await runSimulation({ environment, settings, plugins: { placement: { plugin, parameters } }, outDir: join(dir, 'out') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
