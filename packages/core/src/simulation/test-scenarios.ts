/**
 * Test helpers of the simulation's validation tests: hand-built environments, settings from a small
 * parameter object, fixed placement plugins, Poisson packet-flow tables, CSV reading and batch means.
 * Not part of the public API (not exported from the package).
 * @internal
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  type ParametersFile,
  type SimulationParameters,
  type SimulationSettings,
  type SpecsFile,
  assertValidScenario,
  resolveSettings,
} from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { smallSpecs } from '../environment/test-fixtures.js';
import type { DataSource, Link, Node, NodeType, Sfc, SfcRequest, User, Vnf } from '../model/index.js';
import { type PlacementPlugin, definePlacement } from '../plugins/define-plugin.js';
import type { InfrastructureView } from '../plugins/infrastructure-view.js';
import type { PlacementDecision, PlacementPlan, PlacementStrategy } from '../plugins/placement.js';
import { studentTQuantile } from '../results/student-t.js';

// ------------------------------------------------------------------ environments

/** A node of a hand-built environment (`n_{i}`, in list order). */
export interface NodeOptions {
  readonly cpu?: number;
  readonly mem?: number;
  /** VNF types it can host (default: all). */
  readonly vnfs?: readonly string[];
  readonly type?: NodeType;
  readonly diskDelay?: number;
}

/** Link attributes; the default is a link that costs (almost) nothing: huge bandwidth, no propagation. */
export interface LinkOptions {
  readonly bandwidth?: number;
  readonly propagation?: number;
  readonly maxPacketQueue?: number;
}

/** An SFC request of a hand-built environment. Each request gets its own user `u_{i}` and data source. */
export interface RequestOptions {
  readonly sfc?: string;
  readonly ingress: string;
  readonly egress: string;
  readonly arrivalTime?: number;
  readonly duration?: number;
}

/** Options of {@link chainEnvironment}. */
export interface ChainEnvironmentOptions {
  readonly nodes: readonly NodeOptions[];
  /** VNF types `v_{i}` (fields not given take {@link VNF_DEFAULTS}). */
  readonly vnfs: readonly Partial<Omit<Vnf, 'index' | 'name'>>[];
  /** SFC types `s_{i}` (default: one SFC chaining every VNF type in order). */
  readonly sfcs?: readonly { readonly vnfs: readonly string[]; readonly maxLatency?: number; readonly timeout?: number }[];
  /** Attributes of the link from node i to node j (i ≠ j); default {@link FREE_LINK}. */
  readonly link?: (from: number, to: number) => LinkOptions;
  /** Bandwidth of every loopback (default 1e12). */
  readonly loopbackBandwidth?: number;
  readonly requests: readonly RequestOptions[];
  /** Data source of every request (only used by random flows). */
  readonly dataSource?: Partial<Omit<DataSource, 'index' | 'name'>>;
}

/** A VNF type that takes no time to boot, never overloads memory, never accesses remote data. */
export const VNF_DEFAULTS: Omit<Vnf, 'index' | 'name'> = Object.freeze({
  cpu: 1000,
  mem: 1000,
  maxShare: 1,
  minBandwidth: 0,
  packetMemDemand: 0,
  remoteDataAccessCost: 0,
  remoteDataAccessProb: 0,
  packetCpuDemand: 1,
  packetNetworkDemand: 1,
  startupIpt: 0,
  shutdownIpt: 0,
  timeout: 1e9,
  maxPacketQueue: -1,
  resourceIntensive: 'CPU',
});

/** Bandwidth of a link whose transmission time is negligible (1000 · 10 / 1e12 = 1e-8 ms for size 10). */
export const HUGE_BANDWIDTH = 1e12;

/** A link that costs (almost) nothing. */
export const FREE_LINK: Required<LinkOptions> = Object.freeze({ bandwidth: HUGE_BANDWIDTH, propagation: 0, maxPacketQueue: -1 });

/**
 * Builds an environment by hand, every list ordered by index: nodes `n_{i}`; one loopback `l_{i}_loopback`
 * per node, then a full mesh of single links `l_{i}_{j}_0` (i < j outer/inner, forward then reverse);
 * VNF types `v_{i}`; SFC types `s_{i}` each in its own slice `sl_{i}`; per request `r_{i}` its own user
 * `u_{i}` (on the ingress node) and data source `src_{i}`.
 */
export function chainEnvironment(o: ChainEnvironmentOptions): EdgeEnvironment {
  const vnfs: Vnf[] = o.vnfs.map((v, i) => ({ ...VNF_DEFAULTS, ...v, index: i, name: `v_${i}` }));
  const allVnfs = vnfs.map((v) => v.name);
  const nodes: Node[] = o.nodes.map((n, i) => ({
    index: i,
    name: `n_${i}`,
    group: 1,
    type: n.type ?? 'DEFAULT',
    cpu: n.cpu ?? 1e12,
    mem: n.mem ?? 1e12,
    energyMax: 200,
    energyIdle: 100,
    diskDelay: n.diskDelay ?? 0,
    location: 'A',
    vnfs: [...(n.vnfs ?? allVnfs)],
  }));
  const links: Link[] = [];
  nodes.forEach((n, i) =>
    links.push({
      index: links.length,
      name: `l_${i}_loopback`,
      source: n.name,
      target: n.name,
      counter: 1,
      bandwidth: o.loopbackBandwidth ?? HUGE_BANDWIDTH,
      lossRate: 0,
      propagation: 0,
      energyConsumption: 0,
      maxPacketQueue: -1,
      loopback: true,
    }),
  );
  const meshLink = (i: number, j: number): void => {
    const l = { ...FREE_LINK, ...(o.link?.(i, j) ?? {}) };
    links.push({
      index: links.length,
      name: `l_${i}_${j}_0`,
      source: `n_${i}`,
      target: `n_${j}`,
      counter: 0,
      bandwidth: l.bandwidth,
      lossRate: 0,
      propagation: l.propagation,
      energyConsumption: 10,
      maxPacketQueue: l.maxPacketQueue,
      loopback: false,
    });
  };
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      meshLink(i, j);
      meshLink(j, i);
    }
  }
  const sfcSpecs = o.sfcs ?? [{ vnfs: allVnfs }];
  const sfcs: Sfc[] = sfcSpecs.map((s, i) => ({
    index: i,
    name: `s_${i}`,
    vnfs: [...s.vnfs],
    maxLatency: s.maxLatency ?? 1e9,
    timeout: s.timeout ?? 1e9,
    prioritiesOrder: ['latency', 'capacity', 'energy'],
    slice: `sl_${i}`,
  }));
  const source = {
    packetSize: 10,
    packetInterval: 1,
    packetsBurstSize: 1,
    packetsBurstInterval: 10,
    ...(o.dataSource ?? {}),
  };
  const users: User[] = [];
  const dataSources: DataSource[] = [];
  const sfcRequests: SfcRequest[] = o.requests.map((r, i) => {
    const sfc = r.sfc ?? 's_0';
    users.push({
      index: i,
      name: `u_${i}`,
      node: r.ingress,
      sfcs: [sfc],
      latency: 0,
      bandwidth: 0,
      lossRate: 0,
      priority: 0,
      sfcIngressEgress: { [sfc]: { ingressNode: r.ingress, egressNode: r.egress, packetSize: source.packetSize } },
    });
    dataSources.push({ index: i, name: `src_${i}`, ...source });
    return {
      index: i,
      name: `r_${i}`,
      user: `u_${i}`,
      sfc,
      dataSource: `src_${i}`,
      priority: 0,
      arrivalTime: r.arrivalTime ?? 0,
      ingressNode: r.ingress,
      egressNode: r.egress,
      duration: r.duration ?? 1e9,
    };
  });
  return {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs,
    sfcs,
    slices: sfcs.map((s, i) => ({ index: i, name: `sl_${i}`, sfcs: [s.name] })),
    users,
    dataSources,
    sfcRequests,
  };
}

// ------------------------------------------------------------------ generated scenarios

/**
 * A generated scenario that exercises every packet ending under random traffic: small VNF and link
 * queues (drops), SFC timeouts shorter than some burst gaps (orphans), tight SLAs, long remote accesses
 * (packets still in flight at the end). `nodeCpu` sizes the nodes (400 000 is tight for first fit).
 */
export function stressedSpecs(nodeCpu = 400_000): SpecsFile {
  return smallSpecs((s) => {
    s.entities_number = { nodes: 5, vnfs: 4, sfcs: 3, users: 8, data_sources: 3 };
    s.node.cpu = [nodeCpu];
    s.node.mem = [400_000];
    s.node.vnf_num = [3, 4];
    s.vnf.cpu = [30_000, 60_000];
    s.vnf.mem = [100];
    s.vnf.max_share = [1, 2];
    s.vnf.startup_ipt = [4000]; // 10 ms of boot on a 400 000 node (1000 · 4000 / cpu): early packets wait
    s.vnf.shutdown_ipt = [4000];
    s.vnf.max_packet_queue = [1, 2]; // small queues: drops
    s.vnf.remote_data_access_prob = [0, 0.2];
    s.vnf.remote_data_access_cost = [150]; // slow packets: some still in flight at the end
    s.vnf.packet_mem_demand = [0.5];
    s.vnf.timeout = [200];
    s.sfc.vnf_num = [2, 3];
    s.sfc.max_latency = [15, 30, 60]; // violations
    s.sfc.timeout = [45]; // a burst gap (Poisson, mean 30) longer than this kills the SFC instance: orphans follow
    s.link.bandwidth = [50_000, 100_000];
    s.link.propagation = [1, 2];
    s.link.num_links_between_nodes = [1, 2];
    s.link.max_packet_queue = [2, 4, -1]; // link drops
    s.data_source = { packet_size: [50, 100], packet_interval: [1], packets_burst_size: [5], packets_burst_interval: [30] };
    s.sfc_requests = { arrival: 'poisson', duration: [1500, 6000], max_arrival_time: 1500 };
  });
}

// ------------------------------------------------------------------ settings

/** A parameters file: `simulation` merged over a quiet default (one round, no windows, seed 1). */
export function parametersFile(
  simulation: Partial<SimulationParameters>,
  rest: Partial<Omit<ParametersFile, 'simulation'>> = {},
): ParametersFile {
  return {
    simulation: {
      total_time: 1000,
      num_rounds: 1,
      random_seed: 1,
      time_window: 0,
      compute_loopback_time: 1,
      share_sfc_instance: 0,
      packet_generation: 1,
      sfc_instance_monitor_interval: 100,
      log_link_events: 0,
      log_vnf_instance_events: 0,
      ...simulation,
    },
    placement: { heuristic: 'fixed' },
    ...rest,
  };
}

/**
 * Validates a scenario (the specs default to the small inline specs, which only matter for the
 * cross-file checks when the environment is built by hand) and resolves its settings.
 */
export function settingsFor(
  simulation: Partial<SimulationParameters>,
  specs: SpecsFile = smallSpecs((s) => {
    delete s.sfc_requests.max_arrival_time;
  }),
): SimulationSettings {
  const valid = assertValidScenario(specs, parametersFile(simulation));
  return resolveSettings(valid.specs, valid.params);
}

// ------------------------------------------------------------------ placement plugins

/** Where a fixed placement puts a request: one node per VNF of its chain, or null to reject it. */
export type Route = (request: SfcRequest, view: InfrastructureView) => readonly string[] | null;

/** The link of a hop: the node's loopback when co-located, else the first link between the two nodes. */
export function hopLink(view: InfrastructureView, from: string, to: string): string {
  const links = view.linksBetween(from, to);
  if (links.length === 0) throw new Error(`no link from ${from} to ${to}`);
  return links[0].name;
}

/** The chain decision placing `request`'s VNFs on `nodes` (new instances; `share` keys them per node and VNF). */
export function chainDecision(
  request: SfcRequest,
  nodes: readonly string[],
  view: InfrastructureView,
  share: boolean,
): PlacementDecision {
  const sfc = view.environment.sfcs.find((s) => s.name === request.sfc)!;
  const hops = [request.ingressNode, ...nodes, request.egressNode];
  return {
    kind: 'chain',
    request: request.name,
    vnfs: nodes.map((node, k) => (share ? { kind: 'new', node, key: `${sfc.vnfs[k]}@${node}` } : { kind: 'new', node })),
    links: hops.slice(1).map((to, h) => hopLink(view, hops[h], to)),
  };
}

/** The plan of a fixed placement for a batch. */
export function fixedPlan(requests: readonly SfcRequest[], view: InfrastructureView, route: Route, share: boolean): PlacementPlan {
  return {
    decisions: requests.map((r) => {
      const nodes = route(r, view);
      return nodes === null
        ? { kind: 'reject', request: r.name, reason: 'route gave no nodes' }
        : chainDecision(r, nodes, view, share);
    }),
  };
}

/**
 * A placement plugin that puts the VNFs of each request on the nodes `route` gives, as new instances
 * (with `share`, one instance per VNF type and node, shared by every request of the round through its
 * key), over the first link of each hop. The core validates the plan like any other.
 */
export function fixedPlacement(route: Route, options: { name?: string; share?: boolean } = {}): PlacementPlugin {
  const name = options.name ?? 'fixed';
  const share = options.share ?? false;
  return definePlacement({
    name,
    description: 'Test placement: VNFs on given nodes.',
    create: (): PlacementStrategy => ({ name, place: (requests, view) => fixedPlan(requests, view, route, share) }),
  });
}

/**
 * The same placement as `plugin`, answering through a Promise resolved by a timer `delayMs` later (the
 * plan is computed when the timer fires, from the view the strategy was given).
 */
export function asAsync(plugin: PlacementPlugin, delayMs = 5): PlacementPlugin {
  return definePlacement({
    name: `${plugin.name}-async`,
    description: `${plugin.description} (async)`,
    create: (params: unknown, context): PlacementStrategy => {
      const inner = plugin.create(params, context);
      return {
        name: inner.name,
        place: (requests, view) =>
          new Promise<PlacementPlan>((resolve, reject) =>
            setTimeout(() => {
              try {
                resolve(inner.place(requests, view) as PlacementPlan);
              } catch (e) {
                reject(e);
              }
            }, delayMs),
          ),
      };
    },
  });
}

/** Every VNF of every request on one node. */
export function allOn(node: string): Route {
  return (request, view) => view.environment.sfcs.find((s) => s.name === request.sfc)!.vnfs.map(() => node);
}

/**
 * First fit: each VNF on the first node (in `order`, default index order) that can host it and still has
 * the CPU and memory (tracking what earlier decisions of the plan took); null when none fits.
 */
export function firstFit(order?: (nodes: readonly string[]) => readonly string[]): PlacementPlugin {
  return definePlacement({
    name: 'first-fit',
    description: 'Test placement: first node with room.',
    create: (): PlacementStrategy => ({
      name: 'first-fit',
      place: (requests, view) => {
        const env = view.environment;
        const free = new Map(view.nodes.map((n) => [n.node, { cpu: n.freeCpu, mem: n.freeMem }]));
        const names = env.nodes.map((n) => n.name);
        const candidates = order ? order(names) : names;
        const decisions: PlacementDecision[] = [];
        for (const r of requests) {
          const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
          const taken: { node: string; cpu: number; mem: number }[] = [];
          const nodes: string[] = [];
          for (const vName of sfc.vnfs) {
            const v = env.vnfs.find((x) => x.name === vName)!;
            const node = candidates.find((n) => {
              const f = free.get(n)!;
              return view.canHost(n, vName) && f.cpu >= v.cpu && f.mem >= v.mem;
            });
            if (node === undefined) break;
            const f = free.get(node)!;
            f.cpu -= v.cpu;
            f.mem -= v.mem;
            taken.push({ node, cpu: v.cpu, mem: v.mem });
            nodes.push(node);
          }
          if (nodes.length < sfc.vnfs.length) {
            for (const t of taken) {
              const f = free.get(t.node)!;
              f.cpu += t.cpu;
              f.mem += t.mem;
            }
            decisions.push({ kind: 'reject', request: r.name, reason: 'no node with room' });
          } else {
            decisions.push(chainDecision(r, nodes, view, false));
          }
        }
        return { decisions };
      },
    }),
  });
}

// ------------------------------------------------------------------ packet flows

/** One packet of a flow file: `time` ms after the previous packet of the same (user, SFC). */
export interface FlowRow {
  readonly user: string;
  readonly sfc: string;
  readonly time: number;
  readonly size: number;
}

/** The text of a packet-flow CSV (`user;sfc;time;packet_size`), numbers in round-trip form. */
export function flowCsv(rows: Iterable<FlowRow>): string {
  const lines = ['user;sfc;time;packet_size'];
  for (const r of rows) lines.push(`${r.user};${r.sfc};${String(r.time)};${String(r.size)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `n` packets of one (user, SFC) with exponential gaps of mean 1/`rate` ms (Poisson arrivals) and the
 * sizes `size()` draws. The first packet comes one gap after the placement instant.
 */
export function poissonFlow(rng: RandomStream, user: string, sfc: string, n: number, rate: number, size: () => number): FlowRow[] {
  const rows: FlowRow[] = [];
  for (let i = 0; i < n; i++) rows.push({ user, sfc, time: rng.exponential(1 / rate), size: size() });
  return rows;
}

// ------------------------------------------------------------------ results

/** A scratch folder, removed by the returned function. */
export function tempDir(prefix = 'nss-sim-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A parsed `;`-separated CSV file (minimal quoting understood). */
export interface Csv {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Index of a column (throws when absent). */
  col(name: string): number;
  /** The values of one column. */
  column(name: string): string[];
}

/** Splits one CSV line on `;`, honouring double-quoted fields. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads a CSV file written by the simulation. */
export function readCsv(path: string): Csv {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').filter((l) => l !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const rows = lines.slice(1).map(splitCsvLine);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path} has no column ${name} (columns: ${header.join(', ')})`);
    return i;
  };
  return { header, rows, col, column: (name) => rows.map((r) => r[col(name)]) };
}

/** Rows of `csv` whose `Event` is `event`. */
export function rowsOf(csv: Csv, event: string): (readonly string[])[] {
  const e = csv.col('Event');
  return csv.rows.filter((r) => r[e] === event);
}

/** Every file under `dir`, as relative paths (sorted). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Drops the wall-clock values (`wallTimeMs`) from a summary.json tree. */
export function withoutWallTime(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWallTime);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'wallTimeMs')
        .map(([k, v]) => [k, withoutWallTime(v)]),
    );
  }
  return value;
}

/**
 * A result file's content without its wall-clock values: process_time.txt entirely, the Total_Alg_Time
 * column of time_window.csv, and wallTimeMs in summary.json. Everything else is kept byte for byte.
 */
export function comparableContent(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('process_time.txt')) return '';
  if (path.endsWith('summary.json')) return JSON.stringify(withoutWallTime(JSON.parse(text)));
  if (path.endsWith('time_window.csv')) {
    const lines = text.split('\n');
    const col = lines[0].split(';').indexOf('Total_Alg_Time');
    if (col < 0) throw new Error(`${path} has no Total_Alg_Time column`);
    return lines
      .map((l) => {
        if (l === '') return l;
        const f = splitCsvLine(l);
        f[col] = '';
        return f.join(';');
      })
      .join('\n');
  }
  return text;
}

/** Files of two result folders that differ (after {@link comparableContent}), or are in one only. */
export function differingFiles(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const out = [...fa.filter((f) => !fb.includes(f)), ...fb.filter((f) => !fa.includes(f))];
  for (const f of fa) if (fb.includes(f) && comparableContent(join(a, f)) !== comparableContent(join(b, f))) out.push(f);
  return out;
}

// ------------------------------------------------------------------ statistics

/** A batch-means estimate of a steady-state mean with its Student-t confidence interval. */
export interface BatchMeans {
  readonly mean: number;
  readonly batches: number;
  /** Half-width of the confidence interval. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Batch means (e.g. 30 batches of consecutive observations; a trailing remainder is dropped): the mean
 * of the batch means and the `confidence` interval from their sample standard deviation.
 */
export function batchMeans(values: ArrayLike<number>, batches = 30, confidence = 0.95): BatchMeans {
  const size = Math.floor(values.length / batches);
  if (size < 1) throw new Error(`batchMeans: ${values.length} values for ${batches} batches`);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let s = 0;
    for (let i = b * size; i < (b + 1) * size; i++) s += values[i];
    means.push(s / size);
  }
  const mean = means.reduce((a, x) => a + x, 0) / batches;
  const variance = means.reduce((a, x) => a + (x - mean) ** 2, 0) / (batches - 1);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, batches - 1) * Math.sqrt(variance / batches);
  return { mean, batches, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

// ------------------------------------------------------------------ additions (mobility, re-placement, monitor, ordering tests)

/** Like {@link settingsFor}, with the other sections of the parameters file (placement, migration …). */
export function settingsWithSections(
  simulation: Partial<SimulationParameters>,
  rest: Partial<Omit<ParametersFile, 'simulation'>>,
  specs: SpecsFile = smallSpecs((s) => {
    delete s.sfc_requests.max_arrival_time;
  }),
): SimulationSettings {
  const valid = assertValidScenario(specs, parametersFile(simulation, rest));
  return resolveSettings(valid.specs, valid.params);
}

/** The environment with request `r_{i}` given priority `priorities[i]` (its user's priority raised to match). */
export function withRequestPriorities(env: EdgeEnvironment, priorities: readonly number[]): EdgeEnvironment {
  const byUser = new Map(env.sfcRequests.map((r, i) => [r.user, priorities[i] ?? 0]));
  return {
    ...env,
    users: env.users.map((u) => ({ ...u, priority: Math.max(u.priority, byUser.get(u.name) ?? 0) })),
    sfcRequests: env.sfcRequests.map((r, i) => ({ ...r, priority: priorities[i] ?? r.priority })),
  };
}

/**
 * A placement that records, per call, the names of the requests it was given (in order) and the view's
 * time, then answers with `decide` (default: reject every request).
 */
export function recordingPlacement(
  calls: { time: number; requests: string[] }[],
  decide: (requests: readonly SfcRequest[], view: InfrastructureView) => PlacementPlan = (requests) => ({
    decisions: requests.map((r) => ({ kind: 'reject', request: r.name, reason: 'recording only' })),
  }),
): PlacementPlugin {
  return definePlacement({
    name: 'recording',
    description: 'Test placement: records the requests it receives.',
    create: (): PlacementStrategy => ({
      name: 'recording',
      place: (requests, view) => {
        calls.push({ time: view.time, requests: requests.map((r) => r.name) });
        return decide(requests, view);
      },
    }),
  });
}

/**
 * A greedy-like sharing placement: a request shares the first active SFC instance of its SFC type with
 * the same ingress and egress that accepts requests (view.sfcInstances, creation order); otherwise it
 * gets a new chain on the nodes `route` gives.
 */
export function sharingPlacement(route: Route): PlacementPlugin {
  return definePlacement({
    name: 'sharing',
    description: 'Test placement: shares a matching unlocked SFC instance, else places a new chain.',
    create: (): PlacementStrategy => ({
      name: 'sharing',
      place: (requests, view) => ({
        decisions: requests.map((r): PlacementDecision => {
          const si = view.sfcInstances.find(
            (s) => s.active && s.acceptRequests && s.sfc === r.sfc && s.ingressNode === r.ingressNode && s.egressNode === r.egressNode,
          );
          if (si !== undefined && view.shareSfcInstances) return { kind: 'share', request: r.name, sfcInstance: si.name };
          const nodes = route(r, view);
          return nodes === null ? { kind: 'reject', request: r.name, reason: 'route gave no nodes' } : chainDecision(r, nodes, view, false);
        }),
      }),
    }),
  });
}

/** The row of `csv` whose column `key` is `value`, as a record (throws when absent). */
export function rowWhere(csv: Csv, key: string, value: string): Record<string, string> {
  const row = csv.rows.find((r) => r[csv.col(key)] === value);
  if (row === undefined) throw new Error(`no row with ${key} = ${value}`);
  return Object.fromEntries(csv.header.map((h, i) => [h, row[i]]));
}

/** The `Time` values (as numbers) of the rows of `csv` whose `Event` is `event`. */
export function timesOf(csv: Csv, event: string): number[] {
  return rowsOf(csv, event).map((r) => Number(r[csv.col('Time')]));
}
