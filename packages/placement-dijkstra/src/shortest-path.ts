import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';

/**
 * The layered candidate graph of one request, reduced to what a shortest path needs: vertex
 * (layer k, node n) stands for the cheapest way to serve the k-th VNF on node n (reuse or create), the
 * source is the ingress node and the target the egress node. Costs are non-negative; `Infinity` means
 * "no such vertex" or "no usable link".
 */
export interface LayeredGraph {
  /** Number of layers (VNFs of the chain). */
  readonly layers: number;
  /** Number of nodes (vertices per layer). */
  readonly nodes: number;
  /** Node index of the ingress. */
  readonly source: number;
  /** Node index of the egress. */
  readonly target: number;
  /** Cost of serving layer `k` on node `n`. */
  vertexCost(k: number, n: number): number;
  /** Cost of hop `h` (0 = ingress → layer 0, `layers` = last layer → egress) from node `a` to node `b`. */
  hopCost(h: number, a: number, b: number): number;
}

/** A solver: the node of each layer on a cheapest path, or null when the target is unreachable. */
export type ShortestPathSolver = (graph: LayeredGraph) => number[] | null;

/**
 * Shortest path with graphology-shortest-path: builds the layered graph as a graphology directed graph
 * (an edge carries the hop cost plus the cost of the vertex it enters) and runs bidirectional Dijkstra.
 */
export const graphologySolver: ShortestPathSolver = (g) => {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  graph.addNode('s');
  graph.addNode('t');
  const vertex = (k: number, n: number): string => `${k}:${n}`;
  let previous: number[] = [g.source];
  for (let k = 0; k <= g.layers; k++) {
    const current: number[] = [];
    if (k < g.layers) {
      for (let n = 0; n < g.nodes; n++) if (g.vertexCost(k, n) < Infinity) current.push(n);
    } else current.push(g.target);
    for (const b of current) {
      const to = k < g.layers ? vertex(k, b) : 't';
      const enter = k < g.layers ? g.vertexCost(k, b) : 0;
      for (const a of previous) {
        const hop = g.hopCost(k, a, b);
        if (hop === Infinity) continue;
        const from = k === 0 ? 's' : vertex(k - 1, a);
        if (!graph.hasNode(to)) graph.addNode(to);
        graph.addDirectedEdge(from, to, { weight: hop + enter });
      }
    }
    previous = current.filter((b) => graph.hasNode(k < g.layers ? vertex(k, b) : 't'));
  }
  const path = dijkstra.bidirectional(graph, 's', 't', 'weight');
  if (path === null || path === undefined || path.length !== g.layers + 2) return null;
  return path.slice(1, -1).map((v) => Number(v.split(':')[1]));
};

/**
 * Shortest path by dynamic programming over the layers (the graph is a DAG, so one sweep in layer order
 * settles every vertex: the same result as Dijkstra, without building the graph or a priority queue).
 * Ties go to the lowest node index.
 */
export const layeredSolver: ShortestPathSolver = (g) => {
  const { layers, nodes } = g;
  const dist: Float64Array[] = [];
  const from: Int32Array[] = [];
  let prevNodes: number[] = [g.source];
  let prevDist = new Float64Array(nodes).fill(Infinity);
  prevDist[g.source] = 0;
  for (let k = 0; k <= layers; k++) {
    const d = new Float64Array(nodes).fill(Infinity);
    const f = new Int32Array(nodes).fill(-1);
    const targets: number[] = [];
    if (k < layers) {
      for (let n = 0; n < nodes; n++) if (g.vertexCost(k, n) < Infinity) targets.push(n);
    } else targets.push(g.target);
    const reached: number[] = [];
    for (const b of targets) {
      let best = Infinity;
      let arg = -1;
      for (const a of prevNodes) {
        const c = prevDist[a] + g.hopCost(k, a, b);
        if (c < best) {
          best = c;
          arg = a;
        }
      }
      if (arg === -1) continue;
      d[b] = best + (k < layers ? g.vertexCost(k, b) : 0);
      f[b] = arg;
      reached.push(b);
    }
    dist.push(d);
    from.push(f);
    prevDist = d;
    prevNodes = reached;
  }
  if (dist[layers][g.target] === Infinity) return null;
  const path = new Array<number>(layers);
  let n = g.target;
  for (let k = layers; k >= 1; k--) {
    n = from[k][n];
    path[k - 1] = n;
  }
  return path;
};
