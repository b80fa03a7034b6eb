/**
 * @packageDocumentation
 * `@nss/placement-greedy`: the reference simulator's GreedyPlacement as an \@nss placement plugin.
 */
export { greedyPlacement, type GreedyParameters } from './greedy-placement.js';
export { greedyPlacement as default } from './greedy-placement.js';
