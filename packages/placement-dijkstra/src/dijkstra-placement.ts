import {
  type DataSource,
  type InfrastructureView,
  type Link,
  type Node,
  type PlacementDecision,
  type PlacementStrategy,
  PlanReservations,
  type Sfc,
  type SfcRequest,
  type User,
  type Vnf,
  type VnfAssignment,
  definePlacement,
} from '@nss/core';
import { type CostParameters, linkLatency, processingTime, sfcWeights } from './cost-model.js';
import { LinkTables } from './link-tables.js';
import { type Serving, Servings } from './servings.js';
import { type HopMatrix, type LayeredGraph, SweepBuffers, graphologySolver, layeredSweep } from './shortest-path.js';

/** Parameters of the Dijkstra placement. */
export interface DijkstraParameters extends CostParameters {
  /** Share SFC instances when the simulation enables sharing. Default true. */
  readonly shareSfcInstances: boolean;
  /** Reject a request whose cheapest path's estimated latency exceeds its SFC's `max_latency`. Default false. */
  readonly enforceSla: boolean;
  /** `layered` (dynamic programming over the layers, default) or `graphology` (graphology-shortest-path's Dijkstra). */
  readonly solver: 'layered' | 'graphology';
}

/** Size of the request's packets entering the chain: the user's per-SFC packet size, else the data source's. */
function entrySize(request: SfcRequest, round: Round): number {
  const user = round.users.get(request.user);
  return user?.sfcIngressEgress[request.sfc]?.packetSize ?? round.dataSources.get(request.dataSource)?.packetSize ?? 0;
}

/** Everything shared by the requests of one round. */
interface Round {
  readonly view: InfrastructureView;
  readonly params: DijkstraParameters;
  readonly reservations: PlanReservations;
  readonly nodes: readonly Node[];
  readonly index: ReadonlyMap<string, number>;
  readonly links: LinkTables;
  readonly servings: Servings;
  readonly vnfs: ReadonlyMap<string, Vnf>;
  readonly sfcs: ReadonlyMap<string, Sfc>;
  readonly users: ReadonlyMap<string, User>;
  readonly dataSources: ReadonlyMap<string, DataSource>;
  readonly solve: (graph: LayeredGraph) => number[] | null;
  /** Vertex costs per layer (reused from request to request). */
  readonly vertexCosts: Float64Array[];
}

/** A copy of `table` with the hop a→b removed (for a hop that conflicted within its request). */
function withoutHop(table: HopMatrix, N: number, a: number, b: number): HopMatrix {
  // minIn and minOut of the original stay valid lower bounds.
  const cost = table.cost.slice();
  cost[b * N + a] = Infinity;
  return { cost, minIn: table.minIn, minOut: table.minOut };
}

/**
 * Places one request: the cheapest path through its layered candidate graph, then reserves it hop by
 * hop. A path whose own hops conflict (two new instances that do not fit together on a node, a link
 * one hop exhausts before another uses it) is retried without the conflicting vertex or edge.
 */
function placeOne(round: Round, request: SfcRequest): PlacementDecision {
  const { view, params, reservations, links: linkTables, servings, nodes } = round;
  const booked: Link[] = [];
  const undo = (): void => {
    reservations.rollback();
    for (const l of booked) linkTables.refresh(l);
    booked.length = 0;
  };
  const reject = (reason: string): PlacementDecision => {
    undo();
    return { kind: 'reject', request: request.name, reason };
  };
  const sfc = round.sfcs.get(request.sfc);
  if (sfc === undefined) return reject(`unknown SFC type ${request.sfc}`);
  if (params.shareSfcInstances && view.shareSfcInstances) {
    const match = view.sfcInstances.find(
      (si) => si.active && si.acceptRequests && si.sfc === request.sfc && si.ingressNode === request.ingressNode && si.egressNode === request.egressNode,
    );
    if (match !== undefined) return { kind: 'share', request: request.name, sfcInstance: match.name };
  }
  const source = round.index.get(request.ingressNode);
  const target = round.index.get(request.egressNode);
  if (source === undefined || target === undefined) return reject(`unknown ingress ${request.ingressNode} or egress ${request.egressNode}`);
  const chain: Vnf[] = [];
  for (const name of sfc.vnfs) {
    const vnf = round.vnfs.get(name);
    if (vnf === undefined) return reject(`unknown VNF type ${name}`);
    chain.push(vnf);
  }
  const w = sfcWeights(params, sfc);
  const sizes = [entrySize(request, round)];
  for (const vnf of chain) sizes.push(sizes[sizes.length - 1] * vnf.packetNetworkDemand);
  const N = nodes.length;
  const tables = sizes.map((z) => linkTables.table(z, w));
  const forbiddenVertices: [number, number][] = [];
  const forbiddenHops: [number, number, number][] = [];
  servings.syncPlanned();
  for (let attempt = 0; attempt <= 2 * chain.length + 2; attempt++) {
    while (round.vertexCosts.length < chain.length) round.vertexCosts.push(new Float64Array(N));
    const vertexCost = round.vertexCosts.slice(0, chain.length);
    chain.forEach((vnf, k) => servings.fill(vertexCost[k], vnf, sizes[k], w));
    for (const [k, n] of forbiddenVertices) vertexCost[k][n] = Infinity;
    const empty = vertexCost.findIndex((vc) => vc.every((c) => c === Infinity));
    if (empty !== -1) {
      const v = chain[empty];
      return reject(
        forbiddenVertices.length === 0
          ? `no instance of ${v.name} with a free share slot and no host with ${v.cpu} CPU and ${v.mem} memory free`
          : `no host of ${v.name} left after avoiding ${forbiddenVertices.length} choice(s) that conflicted within the request`,
      );
    }
    let hops: HopMatrix[] = tables;
    if (forbiddenHops.length > 0) {
      hops = tables.slice();
      for (const [h, a, b] of forbiddenHops) hops[h] = withoutHop(hops[h], N, a, b);
    }
    const path = round.solve({ layers: chain.length, nodes: N, source, target, vertexCost, hops });
    if (path === null) {
      return reject(
        forbiddenVertices.length + forbiddenHops.length === 0
          ? `no path from ${request.ingressNode} to ${request.egressNode} through hosts of ${sfc.vnfs.join(', ')} over links with free bandwidth`
          : `no path left after avoiding ${forbiddenVertices.length + forbiddenHops.length} choice(s) that conflicted within the request`,
      );
    }
    // The servings of the path, chosen before anything is reserved (as the search priced them).
    const chosen = path.map((n, k) => servings.on(n, chain[k], sizes[k], w) as Serving);
    // Reserve along the path; a conflict within the request forbids the culprit and searches again.
    reservations.begin();
    const vnfs: VnfAssignment[] = [];
    const linkNames: string[] = [];
    let latency = 0;
    let conflict = false;
    const nodesOnPath = [source, ...path, target];
    for (let h = 0; h <= chain.length && !conflict; h++) {
      const a = nodesOnPath[h];
      const b = nodesOnPath[h + 1];
      const link = linkTables.linkOf(tables[h], a, b);
      if (link === undefined || !reservations.usable(link)) {
        forbiddenHops.push([h, a, b]);
        conflict = true;
        break;
      }
      linkTables.book(link, h > 0 ? chain[h - 1].minBandwidth : 0);
      booked.push(link);
      linkNames.push(link.name);
      latency += linkLatency(link, sizes[h]);
      if (h === chain.length) break;
      const vnf = chain[h];
      const serving = chosen[h];
      const node = nodes[b].name;
      if (serving.existing !== undefined) {
        reservations.takeExisting(serving.existing);
        vnfs.push({ kind: 'existing', instance: serving.existing.name });
      } else if (serving.planned !== undefined) {
        reservations.takePlanned(serving.planned);
        vnfs.push({ kind: 'new', node, key: serving.planned.key });
      } else if (reservations.fits(node, vnf)) {
        vnfs.push({ kind: 'new', node, key: reservations.create(node, vnf).key });
      } else {
        forbiddenVertices.push([h, b]);
        conflict = true;
      }
      latency += processingTime(vnf, serving.cpu, sizes[h]);
    }
    if (conflict) {
      undo();
      continue;
    }
    if (params.enforceSla && latency > sfc.maxLatency) {
      return reject(`the cheapest path's estimated latency ${latency.toFixed(3)} ms exceeds the SLA of ${sfc.name} (${sfc.maxLatency} ms)`);
    }
    reservations.commit();
    return { kind: 'chain', request: request.name, vnfs, links: linkNames };
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
    return {
      name: 'dijkstra',
      place(requests, view) {
        const env = view.environment;
        const reservations = new PlanReservations(view);
        const nodes = env.nodes;
        const index = new Map(nodes.map((n, i) => [n.name, i]));
        const buffers = new SweepBuffers(nodes.length);
        const round: Round = {
          view,
          params,
          reservations,
          nodes,
          index,
          links: new LinkTables(nodes, env.links, reservations),
          servings: new Servings(view, nodes, index, reservations),
          vnfs: new Map(env.vnfs.map((v) => [v.name, v])),
          sfcs: new Map(env.sfcs.map((s) => [s.name, s])),
          users: new Map(env.users.map((u) => [u.name, u])),
          dataSources: new Map(env.dataSources.map((d) => [d.name, d])),
          solve: params.solver === 'graphology' ? graphologySolver : (g) => layeredSweep(g, buffers),
          vertexCosts: [],
        };
        return { decisions: requests.map((r) => placeOne(round, r)) };
      },
    };
  },
});
