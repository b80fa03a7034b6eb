import type { InfrastructureView, Node, PlannedVnfInstance, PlanReservations, Vnf, VnfInstanceView } from '@nss/core';
import { type CostWeights, servingCost } from './cost-model.js';

/** The cheapest way to serve one VNF on one node: reuse an existing or planned instance, or create one. */
export interface Serving {
  readonly cost: number;
  readonly existing?: VnfInstanceView;
  readonly planned?: PlannedVnfInstance;
  /** CPU of the serving instance (for the latency estimate). */
  readonly cpu: number;
}

/** What the round knows about one VNF type: its hosts and the instances that may still take it. */
interface VnfCandidates {
  /** Indices of the nodes that can host it. */
  readonly hosts: Int32Array;
  /** Existing instances (starting or running, accepting) with a free share slot when last looked at. */
  readonly existing: VnfInstanceView[];
  /** Planned instances with a free share slot when last looked at. */
  readonly planned: PlannedVnfInstance[];
}

/**
 * The vertices of the layered graph: per VNF type and node, the cheapest serving under the reservations
 * so far. Candidate lists are kept per VNF type and thinned as instances fill up (a full instance never
 * gets a slot back within a round), so a layer costs O(hosts + open instances) rather than a scan of
 * every instance of the round.
 */
export class Servings {
  private readonly byVnf = new Map<string, VnfCandidates>();
  /** Planned instances already sorted into {@link VnfCandidates.planned}. */
  private plannedSeen = 0;

  constructor(
    private readonly view: InfrastructureView,
    private readonly nodes: readonly Node[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly reservations: PlanReservations,
  ) {}

  private candidates(vnf: Vnf): VnfCandidates {
    let c = this.byVnf.get(vnf.name);
    if (c === undefined) {
      const hosts: number[] = [];
      this.nodes.forEach((n, i) => {
        if (this.view.canHost(n.name, vnf.name)) hosts.push(i);
      });
      c = {
        hosts: Int32Array.from(hosts),
        existing: this.view.vnfInstances.filter((v) => v.vnf === vnf.name && this.reservations.reusable(v) && this.index.has(v.node)),
        planned: [],
      };
      this.byVnf.set(vnf.name, c);
    }
    return c;
  }

  /**
   * Takes note of the instances planned by committed requests. Call between requests (with no request
   * open), so that the reservations' planned list only grows from one call to the next.
   */
  syncPlanned(): void {
    const planned = this.reservations.planned;
    for (; this.plannedSeen < planned.length; this.plannedSeen++) {
      const p = planned[this.plannedSeen];
      this.byVnf.get(p.vnf)?.planned.push(p);
    }
  }

  /**
   * Fills `out[n]` with the cost of the cheapest serving of `vnf` on node n (Infinity where none) for
   * packets of `size` units under `w`. Must run with no reservation of the current request made yet.
   */
  fill(out: Float64Array, vnf: Vnf, size: number, w: CostWeights): void {
    out.fill(Infinity);
    const c = this.candidates(vnf);
    const { reservations, nodes } = this;
    thin(c.existing, (v) => reservations.reusable(v));
    for (const instance of c.existing) {
      const n = this.index.get(instance.node) as number;
      const cost = servingCost(vnf, nodes[n], { creates: false, cpu: instance.cpu, wakesNode: false }, size, w);
      if (cost < out[n]) out[n] = cost;
    }
    thin(c.planned, (p) => reservations.reusablePlanned(p));
    for (const planned of c.planned) {
      const n = this.index.get(planned.node) as number;
      const cost = servingCost(vnf, nodes[n], { creates: false, cpu: vnf.cpu, wakesNode: false }, size, w);
      if (cost < out[n]) out[n] = cost;
    }
    for (let i = 0; i < c.hosts.length; i++) {
      const n = c.hosts[i];
      const node = nodes[n];
      if (!reservations.fits(node.name, vnf)) continue;
      const wakesNode = reservations.allocatedCpu(node.name) <= 0;
      const cost = servingCost(vnf, node, { creates: true, cpu: vnf.cpu, wakesNode }, size, w);
      if (cost < out[n]) out[n] = cost;
    }
  }

  /**
   * The serving {@link fill} priced on node n (the same choice: existing instances, then planned ones,
   * then a new instance, the first of the cheapest), or undefined when there is none.
   */
  on(n: number, vnf: Vnf, size: number, w: CostWeights): Serving | undefined {
    const c = this.candidates(vnf);
    const { reservations, nodes } = this;
    const node = nodes[n];
    let best: Serving | undefined;
    for (const instance of c.existing) {
      if (instance.node !== node.name || !reservations.reusable(instance)) continue;
      const cost = servingCost(vnf, node, { creates: false, cpu: instance.cpu, wakesNode: false }, size, w);
      if (best === undefined || cost < best.cost) best = { cost, existing: instance, cpu: instance.cpu };
    }
    for (const planned of c.planned) {
      if (planned.node !== node.name || !reservations.reusablePlanned(planned)) continue;
      const cost = servingCost(vnf, node, { creates: false, cpu: vnf.cpu, wakesNode: false }, size, w);
      if (best === undefined || cost < best.cost) best = { cost, planned, cpu: vnf.cpu };
    }
    if (this.view.canHost(node.name, vnf.name) && reservations.fits(node.name, vnf)) {
      const wakesNode = reservations.allocatedCpu(node.name) <= 0;
      const cost = servingCost(vnf, node, { creates: true, cpu: vnf.cpu, wakesNode }, size, w);
      if (best === undefined || cost < best.cost) best = { cost, cpu: vnf.cpu };
    }
    return best;
  }
}

/** Removes, in place and keeping the order, the items that fail `keep`. */
function thin<T>(items: T[], keep: (item: T) => boolean): void {
  let j = 0;
  for (let i = 0; i < items.length; i++) if (keep(items[i])) items[j++] = items[i];
  items.length = j;
}
