import { MultiDirectedGraph } from 'graphology';
import type { Link } from '../model/link.js';
import type { Node } from '../model/node.js';
import type { EdgeEnvironment } from './edge-environment.js';

/** The physical topology as a graphology graph: nodes keyed by node name, one edge per link keyed by link name. */
export type TopologyGraph = MultiDirectedGraph<Node, Link>;

/**
 * Builds the physical topology of an environment as a graphology `MultiDirectedGraph` (self-loops
 * allowed): one graph node per {@link Node} (key = node name, attributes = a copy of the Node) in node
 * order, and one directed edge per {@link Link} (key = link name, attributes = a copy of the Link) in
 * link order, loopbacks as self-loops. Attributes are copies, so changing the graph never changes the
 * environment. Use it with graphology's standard library (e.g. graphology-shortest-path).
 */
export function topologyGraph(env: EdgeEnvironment): TopologyGraph {
  const graph: TopologyGraph = new MultiDirectedGraph<Node, Link>({ allowSelfLoops: true });
  for (const node of env.nodes) graph.addNode(node.name, { ...node, vnfs: [...node.vnfs] });
  for (const link of env.links) graph.addDirectedEdgeWithKey(link.name, link.source, link.target, { ...link });
  return graph;
}
