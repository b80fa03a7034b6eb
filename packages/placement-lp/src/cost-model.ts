import type { EdgeEnvironment, InfrastructureView, Link, Node, SfcRequest, Vnf } from '@nss/core';

/** Weights of the secondary objective (after admission). All non-negative. */
export interface ObjectiveWeights {
  /** Weight of the estimated end-to-end latency, as a fraction of the SFC's `max_latency`. */
  readonly latency: number;
  /** Weight of the extra node power of new VNF instances, in units of the largest node's dynamic power range. */
  readonly energy: number;
  /** Weight of the node capacity taken by new VNF instances: (CPU share + memory share) / 2 of the node. */
  readonly resources: number;
}

/**
 * Estimated processing time (ms) of one packet of `size` on an instance of `vnf` with `cpu` allocated:
 * 1000 · size · packet_cpu_demand / cpu (model-spec §5.4 step 8) plus the expected remote-access cost
 * (1 − e^(−p)) · remote_data_access_cost (§5.4 step 7, [Q-12]). Queueing and overload are not estimated.
 */
export function processingLatency(vnf: Vnf, cpu: number, size: number): number {
  const base = cpu > 0 ? (1000 * size * vnf.packetCpuDemand) / cpu : Number.POSITIVE_INFINITY;
  return base + (1 - Math.exp(-vnf.remoteDataAccessProb)) * vnf.remoteDataAccessCost;
}

/** Extra node power (W) of allocating `cpu` on `node` (model-spec §9, without the 2-decimal rounding). */
export function powerIncrease(node: Node, cpu: number): number {
  return ((node.energyMax - node.energyIdle) * cpu) / node.cpu;
}

/** Share of a node's capacity a new instance takes: (CPU share + memory share) / 2. */
export function capacityShare(node: Node, vnf: Vnf): number {
  return (vnf.cpu / node.cpu + vnf.mem / node.mem) / 2;
}

/**
 * Lookups and normalisations shared by the MILP and {@link evaluatePlacement}, so that both compute the
 * same objective for the same plan.
 */
export class CostModel {
  /** Nodes by name. */
  readonly nodes: ReadonlyMap<string, Node>;
  /** VNF types by name. */
  readonly vnfs: ReadonlyMap<string, Vnf>;
  /** Largest `energy_max − energy_idle` of any node (W): the unit of the energy term. */
  readonly powerUnit: number;
  private readonly packetSizes: ReadonlyMap<string, number>;
  private readonly links: ReadonlyMap<string, Link>;

  constructor(
    readonly environment: EdgeEnvironment,
    readonly weights: ObjectiveWeights,
  ) {
    this.nodes = new Map(environment.nodes.map((n) => [n.name, n]));
    this.vnfs = new Map(environment.vnfs.map((v) => [v.name, v]));
    this.packetSizes = new Map(environment.dataSources.map((d) => [d.name, d.packetSize]));
    this.links = new Map(environment.links.map((l) => [l.name, l]));
    let unit = 0;
    for (const n of environment.nodes) unit = Math.max(unit, n.energyMax - n.energyIdle);
    this.powerUnit = unit > 0 ? unit : 1;
  }

  /** Packet size used for latency estimates: the request's data source `packet_size`. */
  packetSize(request: SfcRequest): number {
    return this.packetSizes.get(request.dataSource) ?? 0;
  }

  /** Weighted energy and resource cost of one new instance of `vnf` on `node` (objective units). */
  instanceCost(node: Node, vnf: Vnf): number {
    return this.weights.energy * (powerIncrease(node, vnf.cpu) / this.powerUnit) + this.weights.resources * capacityShare(node, vnf);
  }

  /** Weighted latency cost of an end-to-end latency of `ms` for an SFC with SLA `maxLatency` (objective units). */
  latencyCost(ms: number, maxLatency: number): number {
    return (this.weights.latency * ms) / (maxLatency > 0 ? maxLatency : 1);
  }

  /**
   * An upper bound of the secondary cost one request can add: the latency term at its SLA plus, per VNF
   * of its chain, the dearest new instance of that VNF.
   */
  requestCostBound(request: SfcRequest): number {
    const sfc = this.environment.sfcs.find((s) => s.name === request.sfc);
    if (sfc === undefined) return 0;
    let bound = this.weights.latency;
    for (const name of sfc.vnfs) {
      const vnf = this.vnfs.get(name);
      if (vnf === undefined) continue;
      let dearest = 0;
      for (const n of this.environment.nodes) if (n.vnfs.includes(name)) dearest = Math.max(dearest, this.instanceCost(n, vnf));
      bound += dearest;
    }
    return bound;
  }

  /**
   * Cost of leaving one request of the batch unserved: 1 + the sum of every request's cost bound, so that
   * serving one more request always beats any saving on the others (admission first, lexicographically).
   */
  rejectionPenalty(requests: readonly SfcRequest[]): number {
    let total = 1;
    for (const r of requests) total += this.requestCostBound(r);
    return total;
  }

  /** Estimated latency (ms) of a hop over `linkName` for `size` (transmission + propagation). */
  hopLatency(view: InfrastructureView, linkName: string, size: number): number {
    const link = this.links.get(linkName);
    return link === undefined ? Number.POSITIVE_INFINITY : view.linkLatency(link, size);
  }
}
