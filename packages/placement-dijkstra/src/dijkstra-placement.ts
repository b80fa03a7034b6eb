import {
  type InfrastructureView,
  type Link,
  type Node,
  type PlacementDecision,
  type PlacementStrategy,
  type SfcRequest,
  type Vnf,
  type VnfAssignment,
  type VnfInstanceView,
  definePlacement,
} from '@nss/core';
import { type CostParameters, type CostWeights, linkCost, linkLatency, processingTime, servingCost, sfcWeights } from './cost-model.js';
import { type PlannedInstance, Reservations } from './reservations.js';
import { type LayeredGraph, type ShortestPathSolver, graphologySolver, layeredSolver } from './shortest-path.js';

/** Parameters of the Dijkstra placement. */
export interface DijkstraParameters extends CostParameters {
  /** Share SFC instances when the simulation enables sharing. Default true. */
  readonly shareSfcInstances: boolean;
  /** Reject a request whose cheapest path's estimated latency exceeds its SFC's `max_latency`. Default false. */
  readonly enforceSla: boolean;
  /** `layered` (dynamic programming over the layers, default) or `graphology` (graphology-shortest-path's Dijkstra). */
  readonly solver: 'layered' | 'graphology';
}

/** The cheapest way to serve one VNF on one node. */
interface Serving {
  readonly cost: number;
  readonly existing?: VnfInstanceView;
  readonly planned?: PlannedInstance;
  /** CPU of the serving instance (for the latency estimate). */
  readonly cpu: number;
}

/** Cheapest link per node pair (index a·N + b) for one hop size and weights; NaN = not computed yet. */
interface LinkTable {
  readonly size: number;
  readonly w: CostWeights;
  readonly cost: Float64Array;
  readonly link: Int32Array;
}

/** Per plan: node and link lookups and the cache of cheapest links per node pair. */
class Topology {
  readonly nodes: readonly Node[];
  readonly index = new Map<string, number>();
  /** Links from node a to node b at a·N + b, in counter order. */
  readonly pairs: Link[][];
  private readonly cache = new Map<string, LinkTable>();
  /** 1 when the link (by index) may be used by a hop now. */
  private readonly usableLink: Uint8Array;

  private refreshUsable(): void {
    for (const l of this.view.environment.links) this.usableLink[l.index] = this.reservations.usable(l) ? 1 : 0;
  }

  constructor(
    readonly view: InfrastructureView,
    private readonly reservations: Reservations,
  ) {
    this.nodes = view.environment.nodes;
    this.nodes.forEach((n, i) => this.index.set(n.name, i));
    const N = this.nodes.length;
    this.pairs = Array.from({ length: N * N }, () => []);
    this.usableLink = new Uint8Array(view.environment.links.length);
    this.refreshUsable();
    for (const l of view.environment.links) {
      const a = this.index.get(l.source);
      const b = this.index.get(l.target);
      if (a !== undefined && b !== undefined) this.pairs[a * N + b].push(l);
    }
  }

  /** The table of cheapest links for hops of `size` units under `w` (filled lazily by {@link cheapest}). */
  table(size: number, w: CostWeights): LinkTable {
    const N = this.nodes.length;
    const key = `${size}|${w.latency}|${w.energy}`;
    let entry = this.cache.get(key);
    if (entry === undefined) {
      entry = { size, w, cost: new Float64Array(N * N).fill(NaN), link: new Int32Array(N * N) };
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** Cost of the cheapest usable link from node a to node b in `table` (Infinity when none). */
  cheapestCost(table: LinkTable, a: number, b: number): number {
    const i = a * this.nodes.length + b;
    const cached = table.cost[i];
    if (cached === cached) return cached; // not NaN: already computed
    let best = Infinity;
    let arg = -1;
    const links = this.pairs[i];
    for (let j = 0; j < links.length; j++) {
      if (this.usableLink[links[j].index] === 0) continue;
      const c = linkCost(links[j], table.size, table.w);
      if (c < best) {
        best = c;
        arg = j;
      }
    }
    table.cost[i] = best;
    table.link[i] = arg;
    return best;
  }

  /** The cheapest usable link from node a to node b in `table`. */
  cheapestLink(table: LinkTable, a: number, b: number): Link | undefined {
    this.cheapestCost(table, a, b);
    const i = a * this.nodes.length + b;
    const j = table.link[i];
    return j === -1 ? undefined : this.pairs[i][j];
  }

  /** Books bandwidth; forgets the cached links when a link runs out (it is no longer usable). */
  book(link: Link, amount: number): void {
    this.reservations.book(link, amount);
    if (amount > 0 && !this.reservations.usable(link)) {
      this.usableLink[link.index] = 0;
      this.cache.clear();
    }
  }

  /** Forgets the cached links (after a rollback gave bandwidth back). */
  invalidate(): void {
    this.refreshUsable();
    this.cache.clear();
  }
}

/** Size of the request's packets entering the chain: the user's per-SFC packet size, else the data source's. */
function entrySize(request: SfcRequest, view: InfrastructureView): number {
  const env = view.environment;
  const user = env.users.find((u) => u.name === request.user);
  return user?.sfcIngressEgress[request.sfc]?.packetSize ?? env.dataSources.find((d) => d.name === request.dataSource)?.packetSize ?? 0;
}

/** Everything shared by the requests of one round. */
interface Round {
  readonly view: InfrastructureView;
  readonly params: DijkstraParameters;
  readonly reservations: Reservations;
  readonly topology: Topology;
  readonly instancesByVnf: ReadonlyMap<string, readonly VnfInstanceView[]>;
  readonly vnfs: ReadonlyMap<string, Vnf>;
  readonly solver: ShortestPathSolver;
}

/** The cheapest serving of `vnf` per node (undefined where none is possible), for hop size `size`. */
function servingsOf(round: Round, vnf: Vnf, size: number, w: CostWeights): (Serving | undefined)[] {
  const { topology, reservations, view } = round;
  const out: (Serving | undefined)[] = topology.nodes.map(() => undefined);
  const offer = (n: number, s: Serving): void => {
    const current = out[n];
    if (current === undefined || s.cost < current.cost) out[n] = s;
  };
  for (const instance of round.instancesByVnf.get(vnf.name) ?? []) {
    if (!reservations.reusable(instance)) continue;
    const n = topology.index.get(instance.node);
    if (n === undefined) continue;
    const cost = servingCost(vnf, topology.nodes[n], { creates: false, cpu: instance.cpu, wakesNode: false }, size, w);
    offer(n, { cost, existing: instance, cpu: instance.cpu });
  }
  for (const planned of reservations.planned) {
    if (planned.vnf !== vnf.name || reservations.freeSlotsOfPlanned(planned) <= 0) continue;
    const n = topology.index.get(planned.node)!;
    offer(n, { cost: servingCost(vnf, topology.nodes[n], { creates: false, cpu: vnf.cpu, wakesNode: false }, size, w), planned, cpu: vnf.cpu });
  }
  topology.nodes.forEach((node, n) => {
    if (!view.canHost(node.name, vnf.name) || !reservations.fits(node.name, vnf)) return;
    const wakesNode = reservations.allocatedCpu(node.name) <= 0;
    offer(n, { cost: servingCost(vnf, node, { creates: true, cpu: vnf.cpu, wakesNode }, size, w), cpu: vnf.cpu });
  });
  return out;
}

/**
 * Places one request: the cheapest path through its layered candidate graph, then reserves it hop by
 * hop. A path whose own hops conflict (two new instances that do not fit together on a node, a link
 * one hop exhausts before another uses it) is retried without the conflicting vertex or edge.
 */
function placeOne(round: Round, request: SfcRequest): PlacementDecision {
  const { view, params, reservations, topology } = round;
  const env = view.environment;
  const reject = (reason: string): PlacementDecision => {
    reservations.rollback();
    topology.invalidate();
    return { kind: 'reject', request: request.name, reason };
  };
  const sfc = env.sfcs.find((s) => s.name === request.sfc);
  if (sfc === undefined) return reject(`unknown SFC type ${request.sfc}`);
  if (params.shareSfcInstances && view.shareSfcInstances) {
    const match = view.sfcInstances.find(
      (si) => si.active && si.acceptRequests && si.sfc === request.sfc && si.ingressNode === request.ingressNode && si.egressNode === request.egressNode,
    );
    if (match !== undefined) return { kind: 'share', request: request.name, sfcInstance: match.name };
  }
  const source = topology.index.get(request.ingressNode);
  const target = topology.index.get(request.egressNode);
  if (source === undefined || target === undefined) return reject(`unknown ingress ${request.ingressNode} or egress ${request.egressNode}`);
  const chain: Vnf[] = [];
  for (const name of sfc.vnfs) {
    const vnf = round.vnfs.get(name);
    if (vnf === undefined) return reject(`unknown VNF type ${name}`);
    chain.push(vnf);
  }
  const w = sfcWeights(params, sfc);
  const sizes = [entrySize(request, view)];
  for (const vnf of chain) sizes.push(sizes[sizes.length - 1] * vnf.packetNetworkDemand);
  const N = topology.nodes.length;
  const forbiddenVertices = new Set<number>();
  const forbiddenHops = new Set<number>();
  for (let attempt = 0; attempt <= 2 * chain.length + 2; attempt++) {
    const servings = chain.map((vnf, k) => servingsOf(round, vnf, sizes[k], w));
    const tables = sizes.map((z) => topology.table(z, w));
    const empty = servings.findIndex((s) => s.every((x) => x === undefined));
    if (empty !== -1) {
      const v = chain[empty];
      return reject(`no instance of ${v.name} with a free share slot and no host with ${v.cpu} CPU and ${v.mem} memory free`);
    }
    const graph: LayeredGraph = {
      layers: chain.length,
      nodes: topology.nodes.length,
      source,
      target,
      vertexCost: (k, n) => (forbiddenVertices.size > 0 && forbiddenVertices.has(k * N + n) ? Infinity : (servings[k][n]?.cost ?? Infinity)),
      hopCost: (h, a, b) =>
        forbiddenHops.size > 0 && forbiddenHops.has((h * N + a) * N + b) ? Infinity : topology.cheapestCost(tables[h], a, b),
    };
    const path = round.solver(graph);
    if (path === null) {
      return reject(
        forbiddenVertices.size + forbiddenHops.size === 0
          ? `no path from ${request.ingressNode} to ${request.egressNode} through hosts of ${sfc.vnfs.join(', ')} over links with free bandwidth`
          : `no path left after avoiding ${forbiddenVertices.size + forbiddenHops.size} choice(s) that conflicted within the request`,
      );
    }
    // Reserve along the path; a conflict within the request forbids the culprit and searches again.
    const vnfs: VnfAssignment[] = [];
    const links: string[] = [];
    let latency = 0;
    let conflict = false;
    const nodesOnPath = [source, ...path, target];
    for (let h = 0; h <= chain.length && !conflict; h++) {
      const a = nodesOnPath[h];
      const b = nodesOnPath[h + 1];
      const link = topology.cheapestLink(tables[h], a, b);
      if (link === undefined || !reservations.usable(link)) {
        forbiddenHops.add((h * N + a) * N + b);
        conflict = true;
        break;
      }
      topology.book(link, h > 0 ? chain[h - 1].minBandwidth : 0);
      links.push(link.name);
      latency += linkLatency(link, sizes[h]);
      if (h === chain.length) break;
      const vnf = chain[h];
      const serving = servings[h][b]!;
      const node = topology.nodes[b].name;
      if (serving.existing !== undefined) {
        reservations.takeExisting(serving.existing);
        vnfs.push({ kind: 'existing', instance: serving.existing.name });
      } else if (serving.planned !== undefined) {
        reservations.takePlanned(serving.planned);
        vnfs.push({ kind: 'new', node, key: serving.planned.key });
      } else if (reservations.fits(node, vnf)) {
        vnfs.push({ kind: 'new', node, key: reservations.create(node, vnf).key });
      } else {
        forbiddenVertices.add(h * N + b);
        conflict = true;
      }
      latency += processingTime(vnf, serving.cpu, sizes[h]);
    }
    if (conflict) {
      reservations.rollback();
      topology.invalidate();
      continue;
    }
    if (params.enforceSla && latency > sfc.maxLatency) {
      return reject(`the cheapest path's estimated latency ${latency.toFixed(3)} ms exceeds the SLA of ${sfc.name} (${sfc.maxLatency} ms)`);
    }
    reservations.commit();
    return { kind: 'chain', request: request.name, vnfs, links };
  }
  return reject('every cheapest path found conflicted within the request (capacity or bandwidth taken by its own hops)');
}

/**
 * Shortest-path placement over the layered candidate graph (issue 4, model-spec §4.2 and §4.9): per
 * request, one layer per VNF whose vertices are the cheapest ways to serve it on each node (an instance
 * with a free share slot, or a new one where CPU and memory allow), edge costs combining latency,
 * resource use and energy weighted by the SFC's priorities; capacities are reserved as requests are
 * placed, so the plan is feasible.
 */
export const dijkstraPlacement = definePlacement<DijkstraParameters>({
  name: 'dijkstra',
  aliases: ['DijkstraPlacement', '@nss/placement-dijkstra'],
  description: 'Cheapest path through the layered candidate graph (latency, resources, energy weighted by the SFC priorities).',
  parameters: {
    type: 'object',
    properties: {
      latencyWeight: { type: 'number', minimum: 0, default: 1, description: 'Cost per ms of estimated latency.' },
      resourceWeight: { type: 'number', minimum: 0, default: 10, description: "Cost per unit of a node's capacity a new instance takes." },
      energyWeight: { type: 'number', minimum: 0, default: 0.05, description: 'Cost per W of added node power (per Wh of transfer energy).' },
      priorityFactors: {
        type: 'array',
        items: { type: 'number', minimum: 0 },
        minItems: 3,
        maxItems: 3,
        default: [4, 2, 1],
        description: "Factors of the SFC's first, second and third priority.",
      },
      shareSfcInstances: { type: 'boolean', default: true, description: 'Share SFC instances when the simulation enables sharing.' },
      enforceSla: { type: 'boolean', default: false, description: "Reject a request whose cheapest path's estimated latency exceeds its SLA." },
      solver: { type: 'string', enum: ['layered', 'graphology'], default: 'layered', description: 'Shortest-path implementation.' },
    },
    additionalProperties: false,
  },
  create(params): PlacementStrategy {
    const solver = params.solver === 'graphology' ? graphologySolver : layeredSolver;
    return {
      name: 'dijkstra',
      place(requests, view) {
        const reservations = new Reservations(view);
        const instancesByVnf = new Map<string, VnfInstanceView[]>();
        for (const v of view.vnfInstances) {
          const list = instancesByVnf.get(v.vnf) ?? [];
          list.push(v);
          instancesByVnf.set(v.vnf, list);
        }
        const round: Round = {
          view,
          params,
          reservations,
          topology: new Topology(view, reservations),
          instancesByVnf,
          vnfs: new Map(view.environment.vnfs.map((v) => [v.name, v])),
          solver,
        };
        return { decisions: requests.map((r) => placeOne(round, r)) };
      },
    };
  },
});
