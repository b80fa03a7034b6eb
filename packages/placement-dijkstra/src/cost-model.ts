import type { Link, Node, Sfc, SfcPriority, Vnf } from '@nss/core';

/** The weights of the three cost terms for one SFC (the plugin's weights times its priority factors). */
export interface CostWeights {
  /** Per ms of estimated latency (transmission, propagation, processing). */
  readonly latency: number;
  /** Per unit of resource use (fraction of a node's CPU and memory a new instance takes). */
  readonly resource: number;
  /** Per W of added node power, and per Wh of transfer energy. */
  readonly energy: number;
}

/** The cost-related parameters of the plugin. */
export interface CostParameters {
  readonly latencyWeight: number;
  readonly resourceWeight: number;
  readonly energyWeight: number;
  /** Factors applied to the SFC's first, second and third priority. */
  readonly priorityFactors: readonly number[];
}

const CRITERION: Record<SfcPriority, keyof CostWeights> = { latency: 'latency', capacity: 'resource', energy: 'energy' };

/**
 * The weights for an SFC: each of the plugin's weights multiplied by the factor of the criterion's rank
 * in the SFC's `priorities_order` (capacity is the resource term). A criterion missing from the order
 * takes the last factor.
 */
export function sfcWeights(params: CostParameters, sfc: Sfc): CostWeights {
  const factor = (c: keyof CostWeights): number => {
    const rank = sfc.prioritiesOrder.findIndex((p) => CRITERION[p] === c);
    const factors = params.priorityFactors;
    return factors[rank === -1 ? factors.length - 1 : Math.min(rank, factors.length - 1)] ?? 1;
  };
  return {
    latency: params.latencyWeight * factor('latency'),
    resource: params.resourceWeight * factor('resource'),
    energy: params.energyWeight * factor('energy'),
  };
}

/** Transmission plus propagation time (ms) of `size` units over `link`, as the simulator times it. */
export function linkLatency(link: Link, size: number): number {
  return (1000 * size) / link.bandwidth + link.propagation;
}

/** Energy of sending `size` units over `link` (Wh): energy_consumption · (size / bandwidth) / 3600. */
export function linkEnergy(link: Link, size: number): number {
  return (link.energyConsumption * size) / link.bandwidth / 3600;
}

/** Cost of a hop of `size` units over `link`: weighted latency plus weighted transfer energy. */
export function linkCost(link: Link, size: number, w: CostWeights): number {
  return w.latency * linkLatency(link, size) + w.energy * linkEnergy(link, size);
}

/** Estimated processing time (ms) of a `size`-unit packet by an instance of `vnf` with `cpu` allocated: 1000·size·demand/cpu. */
export function processingTime(vnf: Vnf, cpu: number, size: number): number {
  return cpu > 0 ? (1000 * size * vnf.packetCpuDemand) / cpu : Infinity;
}

/** What serves one VNF of the chain, as the cost model sees it. */
export interface ServingChoice {
  /** True when a new instance is created; false when an instance is reused. */
  readonly creates: boolean;
  /** CPU of the instance (the VNF's for a new one). */
  readonly cpu: number;
  /** Whether the node has nothing allocated yet (creating there wakes it: its idle power is added). */
  readonly wakesNode: boolean;
}

/**
 * Cost of serving a VNF on `node`: weighted processing time; for a new instance also the weighted
 * resource use ((cpu/CPU + mem/MEM) / 2 of the node) and the weighted added power
 * ((max − idle) · cpu/CPU, plus idle when the node wakes up). Reusing an instance adds no resource or power.
 */
export function servingCost(vnf: Vnf, node: Node, choice: ServingChoice, size: number, w: CostWeights): number {
  let cost = w.latency * processingTime(vnf, choice.cpu, size);
  if (choice.creates) {
    cost += (w.resource * (vnf.cpu / node.cpu + vnf.mem / node.mem)) / 2;
    cost += w.energy * ((node.energyMax - node.energyIdle) * (vnf.cpu / node.cpu) + (choice.wakesNode ? node.energyIdle : 0));
  }
  return cost;
}
