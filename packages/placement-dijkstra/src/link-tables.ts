import type { Link, Node, PlanReservations } from '@nss/core';
import type { CostWeights } from './cost-model.js';
import { type HopMatrix, refreshBounds } from './shortest-path.js';

/** The cheapest usable link per node pair for one hop size and weights: a {@link HopMatrix} plus the links. */
export interface LinkTable extends HopMatrix {
  /** Hop size (units) the costs are for. */
  readonly size: number;
  readonly weights: CostWeights;
  /** Index (into the environment's links) of the cheapest usable link from a to b, at b·N + a; -1 = none. */
  readonly link: Int32Array;
}

/** The links of an environment arranged by node pair (fixed for the environment; shared by its rounds). */
interface PairedLinks {
  /** The nodes the pairs index (a node's index is its position here). */
  readonly nodes: readonly Node[];
  readonly N: number;
  /** Links of the pair a→b are `pairLinks[pairStart[a·N+b] .. pairStart[a·N+b+1])`, in counter order. */
  readonly pairStart: Int32Array;
  readonly pairLinks: Int32Array;
  /** Per link (by index), a·N + b of its node pair; -1 when its nodes are unknown. */
  readonly linkPair: Int32Array;
  readonly bandwidth: Float64Array;
  readonly propagation: Float64Array;
  readonly energy: Float64Array;
}

const pairedLinksCache = new WeakMap<readonly Link[], PairedLinks>();

/** The links of `links` by node pair (computed once per links and nodes arrays, i.e. once per environment). */
function pairedLinks(nodes: readonly Node[], links: readonly Link[]): PairedLinks {
  const cached = pairedLinksCache.get(links);
  if (cached !== undefined && cached.nodes === nodes) return cached;
  const N = nodes.length;
  const index = new Map(nodes.map((n, i) => [n.name, i]));
  const L = links.length;
  const out = {
    nodes,
    N,
    pairStart: new Int32Array(N * N + 1),
    pairLinks: new Int32Array(0),
    linkPair: new Int32Array(L),
    bandwidth: new Float64Array(L),
    propagation: new Float64Array(L),
    energy: new Float64Array(L),
  };
  for (let l = 0; l < L; l++) {
    const link = links[l];
    out.bandwidth[l] = link.bandwidth;
    out.propagation[l] = link.propagation;
    out.energy[l] = link.energyConsumption;
    const a = index.get(link.source);
    const b = index.get(link.target);
    const p = a === undefined || b === undefined ? -1 : a * N + b;
    out.linkPair[l] = p;
    if (p >= 0) out.pairStart[p + 1]++;
  }
  for (let p = 0; p < N * N; p++) out.pairStart[p + 1] += out.pairStart[p];
  out.pairLinks = new Int32Array(out.pairStart[N * N]);
  const fill = out.pairStart.slice(0, N * N);
  for (let l = 0; l < L; l++) {
    const p = out.linkPair[l];
    if (p >= 0) out.pairLinks[fill[p]++] = l; // environment order: counter order per pair
  }
  pairedLinksCache.set(links, out);
  return out;
}

/**
 * The cheapest usable link of every node pair, per (hop size, weights), computed once per round and
 * kept up to date as links run out of bandwidth (or get it back when a request is rolled back). The
 * cost of a link is `wL·(1000·z/bw + prop) + wE·ec·(z/bw)/3600` (see `linkCost`).
 */
export class LinkTables {
  private readonly N: number;
  private readonly paired: PairedLinks;
  /** 1 when the link (by index) may carry a hop now. */
  private readonly usable: Uint8Array;
  private readonly tables = new Map<string, LinkTable>();

  /** `links` must be the environment's links (a link's index is its position). */
  constructor(
    nodes: readonly Node[],
    private readonly links: readonly Link[],
    private readonly reservations: PlanReservations,
  ) {
    this.N = nodes.length;
    this.paired = pairedLinks(nodes, links);
    this.usable = new Uint8Array(links.length);
    for (let l = 0; l < links.length; l++) this.usable[l] = reservations.usable(links[l]) ? 1 : 0;
  }

  /** The table for hops of `size` units under `w` (built on first use, then kept up to date). */
  table(size: number, w: CostWeights): LinkTable {
    const key = `${size}|${w.latency}|${w.energy}`;
    let t = this.tables.get(key);
    if (t === undefined) {
      const N = this.N;
      t = { size, weights: w, cost: new Float64Array(N * N), link: new Int32Array(N * N), minIn: new Float64Array(N), minOut: new Float64Array(N) };
      for (let p = 0; p < N * N; p++) this.fillPair(t, p);
      refreshBounds(t, N);
      this.tables.set(key, t);
    }
    return t;
  }

  /** The cheapest usable link from node a to node b in `table`. */
  linkOf(table: LinkTable, a: number, b: number): Link | undefined {
    const l = table.link[b * this.N + a];
    return l === -1 ? undefined : this.links[l];
  }

  /** Books bandwidth through the reservations; a link that runs out leaves every table. */
  book(link: Link, amount: number): void {
    this.reservations.book(link, amount);
    this.refresh(link);
  }

  /** Re-reads whether `link` is usable (after a booking or a rollback) and updates the tables if that changed. */
  refresh(link: Link): void {
    const now = this.reservations.usable(link) ? 1 : 0;
    if (this.usable[link.index] === now) return;
    this.usable[link.index] = now;
    const a = this.paired.linkPair[link.index];
    if (a === -1) return;
    const N = this.N;
    const from = Math.floor(a / N);
    const to = a % N;
    for (const t of this.tables.values()) {
      this.fillPair(t, a);
      // The bounds of the row and column of the pair.
      let minIn = Infinity;
      for (let x = 0; x < N; x++) minIn = Math.min(minIn, t.cost[to * N + x]);
      t.minIn[to] = minIn;
      let minOut = Infinity;
      for (let y = 0; y < N; y++) minOut = Math.min(minOut, t.cost[y * N + from]);
      t.minOut[from] = minOut;
    }
  }

  /** Recomputes the cheapest usable link of the pair p = a·N + b in `t`. */
  private fillPair(t: LinkTable, p: number): void {
    const { pairStart, pairLinks, bandwidth, propagation, energy } = this.paired;
    const N = this.N;
    const size = t.size;
    const wl = t.weights.latency;
    const we = t.weights.energy;
    let best = Infinity;
    let arg = -1;
    for (let i = pairStart[p], end = pairStart[p + 1]; i < end; i++) {
      const l = pairLinks[i];
      if (this.usable[l] === 0) continue;
      const bw = bandwidth[l];
      // Same arithmetic as linkCost (cost-model.ts), so costs match it exactly.
      const c = wl * ((1000 * size) / bw + propagation[l]) + we * ((energy[l] * size) / bw / 3600);
      if (c < best) {
        best = c;
        arg = l;
      }
    }
    const at = (p % N) * N + Math.floor(p / N); // stored by target: b·N + a
    t.cost[at] = best;
    t.link[at] = arg;
  }
}
