import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';

/**
 * The costs of one hop between consecutive layers, for every pair of nodes, stored by target: the hop
 * from node `a` to node `b` costs `cost[b·N + a]` (`Infinity`: no usable link). `minIn[b]` is the
 * smallest cost of a hop into `b` and `minOut[a]` the smallest out of `a` (any lower bounds are valid;
 * the solver uses them only to prune).
 */
export interface HopMatrix {
  readonly cost: Float64Array;
  readonly minIn: Float64Array;
  readonly minOut: Float64Array;
}

/**
 * The layered candidate graph of one request, reduced to what a shortest path needs: vertex
 * (layer k, node n) stands for the cheapest way to serve the k-th VNF on node n (reuse or create), the
 * source is the ingress node and the target the egress node. Costs are non-negative; `Infinity` means
 * "no such vertex" or "no usable link".
 */
export interface LayeredGraph {
  /** Number of layers (VNFs of the chain), at least 1. */
  readonly layers: number;
  /** Number of nodes (vertices per layer). */
  readonly nodes: number;
  /** Node index of the ingress. */
  readonly source: number;
  /** Node index of the egress. */
  readonly target: number;
  /** Per layer, the cost of serving it on each node. */
  readonly vertexCost: readonly Float64Array[];
  /** Per hop (0 = ingress → layer 0, `layers` = last layer → egress), the hop costs. */
  readonly hops: readonly HopMatrix[];
}

/** A solver: the node of each layer on a cheapest path, or null when the target is unreachable. */
export type ShortestPathSolver = (graph: LayeredGraph) => number[] | null;

/**
 * Shortest path with graphology-shortest-path: builds the layered graph as a graphology directed graph
 * (an edge carries the hop cost plus the cost of the vertex it enters) and runs bidirectional Dijkstra.
 */
export const graphologySolver: ShortestPathSolver = (g) => {
  const N = g.nodes;
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  graph.addNode('s');
  graph.addNode('t');
  const vertex = (k: number, n: number): string => `${k}:${n}`;
  let previous: number[] = [g.source];
  for (let k = 0; k <= g.layers; k++) {
    const current: number[] = [];
    if (k < g.layers) {
      for (let n = 0; n < N; n++) if (g.vertexCost[k][n] < Infinity) current.push(n);
    } else current.push(g.target);
    const hop = g.hops[k].cost;
    for (const b of current) {
      const to = k < g.layers ? vertex(k, b) : 't';
      const enter = k < g.layers ? g.vertexCost[k][b] : 0;
      for (const a of previous) {
        const c = hop[b * N + a];
        if (c === Infinity) continue;
        const from = k === 0 ? 's' : vertex(k - 1, a);
        if (!graph.hasNode(to)) graph.addNode(to);
        graph.addDirectedEdge(from, to, { weight: c + enter });
      }
    }
    previous = current.filter((b) => graph.hasNode(k < g.layers ? vertex(k, b) : 't'));
  }
  const path = dijkstra.bidirectional(graph, 's', 't', 'weight');
  if (path === null || path === undefined || path.length !== g.layers + 2) return null;
  return path.slice(1, -1).map((v) => Number(v.split(':')[1]));
};

/** Relative slack on the incumbent bound, so that rounding never prunes a vertex of an optimal path. */
const SLACK = 1e-9;

/** Reusable typed buffers of the layered sweep (one set per placement round). */
export class SweepBuffers {
  private readonly dist: Float64Array[] = [];
  private readonly from: Int32Array[] = [];
  private readonly bound: Float64Array[] = [];
  /** Sources of the current layer: node indices and their distances, sorted by distance. */
  readonly sourceNode: Int32Array;
  readonly sourceDist: Float64Array;
  /** Scratch for sorting. */
  readonly order: Int32Array;
  readonly scratchNode: Int32Array;
  readonly scratchDist: Float64Array;

  constructor(readonly nodes: number) {
    this.sourceNode = new Int32Array(nodes);
    this.sourceDist = new Float64Array(nodes);
    this.order = new Int32Array(nodes);
    this.scratchNode = new Int32Array(nodes);
    this.scratchDist = new Float64Array(nodes);
  }

  /** Buffers of layer k (distances, predecessors, backward lower bounds), allocated on first use. */
  layer(k: number): { dist: Float64Array; from: Int32Array; bound: Float64Array } {
    while (this.dist.length <= k) {
      this.dist.push(new Float64Array(this.nodes));
      this.from.push(new Int32Array(this.nodes));
      this.bound.push(new Float64Array(this.nodes));
    }
    return { dist: this.dist[k], from: this.from[k], bound: this.bound[k] };
  }
}

/**
 * Exact shortest path by dynamic programming over the layers, with bounds (the graph is a DAG, so one
 * sweep in layer order settles every vertex: the same optimum as Dijkstra, without building the graph
 * or a priority queue).
 *
 * - **Backward lower bounds.** `H(k, a)`, a lower bound on the cost from vertex (k, a) to the egress:
 *   exact for the last layer (the final hop), and `minOut(a)` of the next hop plus the best
 *   `vertexCost + H` of the next layer before it. O(L·N).
 * - **Incumbent.** A greedy path (per layer, the vertex minimising hop + vertex cost + H) gives an upper
 *   bound U on the optimum.
 * - **Pruning.** A vertex whose exact cost-so-far plus H exceeds U (up to a 1e-9 relative slack) cannot be
 *   on a path cheaper than the incumbent and is dropped; a target vertex whose best possible entry
 *   (cheapest source + `minIn`) plus its cost and H exceeds U is not evaluated at all; and the sources of
 *   a layer are scanned by increasing distance, stopping once distance + `minIn` of the target exceeds
 *   the best entry found. None of this changes the optimum or which path is returned.
 *
 * Worst case (L+1)·N² hop evaluations, as the plain sweep. Ties between equal-cost entries go to the
 * source with the smallest node index (as in a plain sweep in node order), so the path is the one an
 * unpruned sweep returns.
 */
export function layeredSweep(g: LayeredGraph, buffers: SweepBuffers = new SweepBuffers(g.nodes)): number[] | null {
  const { layers: L, nodes: N, source, target } = g;
  if (L === 0) return g.hops[0].cost[target * N + source] < Infinity ? [] : null;
  // Backward lower bounds H(k, ·).
  const last = buffers.layer(L - 1).bound;
  const finalHop = g.hops[L].cost;
  for (let a = 0; a < N; a++) last[a] = finalHop[target * N + a];
  for (let k = L - 2; k >= 0; k--) {
    const next = buffers.layer(k + 1).bound;
    const vc = g.vertexCost[k + 1];
    let best = Infinity;
    for (let b = 0; b < N; b++) {
      const c = vc[b] + next[b];
      if (c < best) best = c;
    }
    const bound = buffers.layer(k).bound;
    if (best === Infinity) return null;
    const minOut = g.hops[k + 1].minOut;
    for (let a = 0; a < N; a++) bound[a] = minOut[a] + best;
  }
  const limit = incumbent(g, buffers);
  // Layer 0: one source (the ingress).
  let count = 0;
  {
    const { dist, from, bound } = buffers.layer(0);
    const vc = g.vertexCost[0];
    const hop = g.hops[0].cost;
    for (let b = 0; b < N; b++) {
      const c = hop[b * N + source] + vc[b];
      dist[b] = c;
      from[b] = source;
      if (c < Infinity && c + bound[b] <= limit) count = push(buffers, count, b, c);
    }
  }
  count = sortSources(buffers, count);
  for (let k = 1; k < L; k++) {
    const { dist, from, bound } = buffers.layer(k);
    const vc = g.vertexCost[k];
    const { cost: hop, minIn } = g.hops[k];
    const srcNode = buffers.sourceNode;
    const srcDist = buffers.sourceDist;
    const nearest = count > 0 ? srcDist[0] : Infinity;
    const n = count;
    count = 0;
    // Sources of this layer are written after the sweep (they are read from the same buffers).
    const kept: number[] = [];
    for (let b = 0; b < N; b++) {
      dist[b] = Infinity;
      const rest = vc[b] + bound[b];
      const lb = minIn[b];
      if (!(rest < Infinity) || nearest + lb + rest > limit) continue;
      const cutoff = limit - rest; // an entry above this is pruned anyway
      const row = b * N;
      let best = Infinity;
      let arg = -1;
      for (let i = 0; i < n; i++) {
        const d = srcDist[i];
        const floor = d + lb;
        if (floor > best || floor > cutoff) break;
        const a = srcNode[i];
        const c = d + hop[row + a];
        if (c < best || (c === best && a < arg)) {
          best = c;
          arg = a;
        }
      }
      if (arg === -1 || best > cutoff) continue;
      dist[b] = best + vc[b];
      from[b] = arg;
      kept.push(b);
    }
    for (const b of kept) count = push(buffers, count, b, dist[b]);
    count = sortSources(buffers, count);
  }
  // Final hop into the egress.
  const hop = g.hops[L].cost;
  let best = Infinity;
  let arg = -1;
  for (let i = 0; i < count; i++) {
    const a = buffers.sourceNode[i];
    const c = buffers.sourceDist[i] + hop[target * N + a];
    if (c < best || (c === best && a < arg)) {
      best = c;
      arg = a;
    }
  }
  if (arg === -1) return null;
  const path = new Array<number>(L);
  let node = arg;
  for (let k = L - 1; k >= 0; k--) {
    path[k] = node;
    node = buffers.layer(k).from[node];
  }
  return path;
}

function push(buffers: SweepBuffers, count: number, node: number, dist: number): number {
  buffers.sourceNode[count] = node;
  buffers.sourceDist[count] = dist;
  return count + 1;
}

/** Sorts the first `count` sources by distance, then node index; returns `count`. */
function sortSources(buffers: SweepBuffers, count: number): number {
  const { sourceNode, sourceDist, order, scratchNode, scratchDist } = buffers;
  for (let i = 0; i < count; i++) {
    order[i] = i;
    scratchNode[i] = sourceNode[i];
    scratchDist[i] = sourceDist[i];
  }
  order.subarray(0, count).sort((x, y) => scratchDist[x] - scratchDist[y] || scratchNode[x] - scratchNode[y]);
  for (let i = 0; i < count; i++) {
    sourceNode[i] = scratchNode[order[i]];
    sourceDist[i] = scratchDist[order[i]];
  }
  return count;
}

/**
 * Upper bound on the optimum (with the slack added): the cost of a greedy path that picks, layer by
 * layer, the vertex minimising hop + vertex cost + backward bound. Infinity when it gets stuck.
 */
function incumbent(g: LayeredGraph, buffers: SweepBuffers): number {
  const { layers: L, nodes: N } = g;
  let at = g.source;
  let total = 0;
  for (let k = 0; k < L; k++) {
    const vc = g.vertexCost[k];
    const hop = g.hops[k].cost;
    const bound = buffers.layer(k).bound;
    let best = Infinity;
    let arg = -1;
    for (let b = 0; b < N; b++) {
      const c = hop[b * N + at] + vc[b] + bound[b];
      if (c < best) {
        best = c;
        arg = b;
      }
    }
    if (arg === -1) return Infinity;
    total += hop[arg * N + at] + vc[arg];
    at = arg;
  }
  total += g.hops[L].cost[g.target * N + at];
  return total + SLACK * Math.max(1, Math.abs(total));
}

/** The layered sweep as a {@link ShortestPathSolver} (fresh buffers per call). */
export const layeredSolver: ShortestPathSolver = (g) => layeredSweep(g);

/**
 * Builds a {@link HopMatrix} from a cost function of (from, to) (for tests and small graphs): fills the
 * costs by target and computes `minIn` and `minOut`.
 */
export function hopMatrix(nodes: number, cost: (a: number, b: number) => number): HopMatrix {
  const m: HopMatrix = { cost: new Float64Array(nodes * nodes), minIn: new Float64Array(nodes), minOut: new Float64Array(nodes) };
  for (let b = 0; b < nodes; b++) for (let a = 0; a < nodes; a++) m.cost[b * nodes + a] = cost(a, b);
  refreshBounds(m, nodes);
  return m;
}

/** Recomputes `minIn` and `minOut` of a matrix from its costs. */
export function refreshBounds(m: HopMatrix, nodes: number): void {
  m.minIn.fill(Infinity);
  m.minOut.fill(Infinity);
  for (let b = 0; b < nodes; b++) {
    const row = b * nodes;
    for (let a = 0; a < nodes; a++) {
      const c = m.cost[row + a];
      if (c < m.minIn[b]) m.minIn[b] = c;
      if (c < m.minOut[a]) m.minOut[a] = c;
    }
  }
}
