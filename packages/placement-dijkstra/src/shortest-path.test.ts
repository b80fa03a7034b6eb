import { PlanReservations, Rng, type RandomStream } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { LinkTables } from './link-tables.js';
import { type HopMatrix, type LayeredGraph, graphologySolver, hopMatrix, layeredSweep } from './shortest-path.js';
import { randomInstance } from '@nss/core/testing';

/** A random layered graph: integer costs from a small range (many ties), some vertices and hops missing. */
function randomGraph(rng: RandomStream, nodes: number, layers: number, missing: number, spread: number): LayeredGraph {
  const cost = (): number => (rng.bernoulli(missing) ? Infinity : rng.integer(0, spread));
  return {
    layers,
    nodes,
    source: rng.integer(0, nodes - 1),
    target: rng.integer(0, nodes - 1),
    vertexCost: Array.from({ length: layers }, () => Float64Array.from({ length: nodes }, cost)),
    hops: Array.from({ length: layers + 1 }, () => hopMatrix(nodes, () => cost())),
  };
}

/** Cost of a path (node per layer) in `g`. */
function pathCost(g: LayeredGraph, path: readonly number[]): number {
  const N = g.nodes;
  const at = [g.source, ...path, g.target];
  let total = 0;
  for (let h = 0; h <= g.layers; h++) total += g.hops[h].cost[at[h + 1] * N + at[h]];
  path.forEach((n, k) => (total += g.vertexCost[k][n]));
  return total;
}

/** The cheapest path cost by enumerating every node per layer. */
function bruteForce(g: LayeredGraph): number {
  let best = Infinity;
  const walk = (path: number[]): void => {
    if (path.length === g.layers) {
      best = Math.min(best, pathCost(g, path));
      return;
    }
    for (let n = 0; n < g.nodes; n++) walk([...path, n]);
  };
  walk([]);
  return best;
}

/**
 * The plain O(L·N²) sweep without any bound, ties to the lowest node index: the reference for graphs too
 * large to enumerate. Returns the cost and the path (null when none).
 */
function plainSweep(g: LayeredGraph): { cost: number; path: number[] | null } {
  const N = g.nodes;
  let dist = new Float64Array(N).fill(Infinity);
  dist[g.source] = 0;
  const from: Int32Array[] = [];
  for (let h = 0; h <= g.layers; h++) {
    const next = new Float64Array(N).fill(Infinity);
    const arg = new Int32Array(N).fill(-1);
    for (let b = 0; b < N; b++) {
      if (h === g.layers && b !== g.target) continue;
      for (let a = 0; a < N; a++) {
        const c = dist[a] + g.hops[h].cost[b * N + a];
        if (c < next[b]) {
          next[b] = c;
          arg[b] = a;
        }
      }
      if (h < g.layers) next[b] += g.vertexCost[h][b];
    }
    from.push(arg);
    dist = next;
  }
  if (dist[g.target] === Infinity) return { cost: Infinity, path: null };
  const path: number[] = [];
  let n = g.target;
  for (let h = g.layers; h >= 1; h--) {
    n = from[h][n];
    path.unshift(n);
  }
  return { cost: dist[g.target], path };
}

/** The same graph with the weakest valid bounds (0): pruning by bounds then does nothing. */
function withoutBounds(g: LayeredGraph): LayeredGraph {
  const zero = (m: HopMatrix): HopMatrix => ({ cost: m.cost, minIn: new Float64Array(g.nodes), minOut: new Float64Array(g.nodes) });
  return { ...g, hops: g.hops.map(zero) };
}

describe('layered sweep (bounded dynamic programming)', () => {
  it('finds the cheapest path brute-force enumeration finds, or none when there is none (ties and missing vertices)', () => {
    const rng = new Rng(7).stream('graphs');
    let found = 0;
    let none = 0;
    for (let i = 0; i < 400; i++) {
      const g = randomGraph(rng, rng.integer(1, 6), rng.integer(1, 4), rng.uniform(0, 0.6), rng.integer(0, 5));
      const best = bruteForce(g);
      expect(layeredSweep(g)).toEqual(plainSweep(g).path);
      for (const solve of [layeredSweep, graphologySolver]) {
        const path = solve(g);
        if (best === Infinity) {
          expect(path).toBeNull();
          continue;
        }
        expect(path).not.toBeNull();
        expect(path).toHaveLength(g.layers);
        expect(pathCost(g, path!)).toBe(best);
      }
      if (best === Infinity) none++;
      else found++;
    }
    expect(found).toBeGreaterThan(150);
    expect(none).toBeGreaterThan(30);
  });

  it('prunes without changing the path: the one a plain sweep (ties to the lowest node) returns, with exact or weakest bounds', () => {
    const rng = new Rng(11).stream('large');
    for (let i = 0; i < 60; i++) {
      const g = randomGraph(rng, rng.integer(20, 60), rng.integer(1, 5), rng.uniform(0, 0.3), rng.integer(1, 1000));
      const plain = plainSweep(g);
      for (const variant of [g, withoutBounds(g)]) expect(layeredSweep(variant)).toEqual(plain.path);
    }
  });

  it('handles an empty chain: the direct hop, or none', () => {
    const g: LayeredGraph = { layers: 0, nodes: 2, source: 0, target: 1, vertexCost: [], hops: [hopMatrix(2, (a, b) => (a === 0 && b === 1 ? 3 : Infinity))] };
    expect(layeredSweep(g)).toEqual([]);
    expect(layeredSweep({ ...g, source: 1, target: 0 })).toBeNull();
  });
});

describe('link tables', () => {
  it('keep the cheapest usable link per pair as links run out and come back, equal to tables built afresh', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { env, view } = randomInstance(seed, 6, 6);
      const bandwidthView = { ...view, computeLinkBandwidthLimit: true };
      const reservations = new PlanReservations(bandwidthView);
      const tables = new LinkTables(env.nodes, env.links, reservations);
      const w = { latency: 2, resource: 10, energy: 0.5 };
      const t = tables.table(75, w);
      const rng = new Rng(seed).stream('bookings');
      reservations.begin();
      for (const link of rng.sample(env.links, 12)) tables.book(link, reservations.freeBandwidth(link));
      const fresh = new LinkTables(env.nodes, env.links, reservations).table(75, w);
      expect(Array.from(t.cost)).toEqual(Array.from(fresh.cost));
      expect(Array.from(t.link)).toEqual(Array.from(fresh.link));
      expect(Array.from(t.minIn)).toEqual(Array.from(fresh.minIn));
      expect(Array.from(t.minOut)).toEqual(Array.from(fresh.minOut));
      reservations.rollback();
      for (const link of env.links) tables.refresh(link);
      const original = new LinkTables(env.nodes, env.links, new PlanReservations(bandwidthView)).table(75, w);
      expect(Array.from(t.cost)).toEqual(Array.from(original.cost));
    }
  });
});
