/**
 * @packageDocumentation
 * `@nss/placement-dijkstra`: shortest-path placement over the layered candidate graph, with costs
 * combining latency, resource use and energy weighted by each SFC's priorities.
 */
export { dijkstraPlacement, type DijkstraParameters } from './dijkstra-placement.js';
export type { CostParameters } from './cost-model.js';
