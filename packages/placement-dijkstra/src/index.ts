/** Shortest-path placement over a layered candidate graph (latency, resources, energy) for the @nss simulator (under construction). */
export const PACKAGE_NAME = '@nss/placement-dijkstra';
