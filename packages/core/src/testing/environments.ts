/**
 * Hand-built environments: every entity written out, with defaults that make time and resources
 * negligible unless a test sets them, so expected delays can be computed by hand.
 */
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { DataSource, Link, Node, NodeType, Sfc, SfcRequest, User, Vnf } from '../model/index.js';

/** A node of a hand-built environment (`n_{i}`, in list order). */
export interface NodeOptions {
  readonly cpu?: number;
  readonly mem?: number;
  /** VNF types it can host (default: all). */
  readonly vnfs?: readonly string[];
  readonly type?: NodeType;
  readonly diskDelay?: number;
}

/** Link attributes; the default is a link that costs (almost) nothing: huge bandwidth, no propagation. */
export interface LinkOptions {
  readonly bandwidth?: number;
  readonly propagation?: number;
  readonly maxPacketQueue?: number;
  /** Energy per use (default 10, as the generated links). */
  readonly energyConsumption?: number;
}

/** An SFC request of a hand-built environment. Each request gets its own user `u_{i}` and data source. */
export interface RequestOptions {
  readonly sfc?: string;
  readonly ingress: string;
  readonly egress: string;
  readonly arrivalTime?: number;
  readonly duration?: number;
}

/** Options of {@link chainEnvironment}. */
export interface ChainEnvironmentOptions {
  readonly nodes: readonly NodeOptions[];
  /** VNF types `v_{i}` (fields not given take {@link VNF_DEFAULTS}). */
  readonly vnfs: readonly Partial<Omit<Vnf, 'index' | 'name'>>[];
  /** SFC types `s_{i}` (default: one SFC chaining every VNF type in order). */
  readonly sfcs?: readonly { readonly vnfs: readonly string[]; readonly maxLatency?: number; readonly timeout?: number }[];
  /** Attributes of the link from node i to node j (i ≠ j); default {@link FREE_LINK}. */
  readonly link?: (from: number, to: number) => LinkOptions;
  /** Bandwidth of every loopback (default 1e12). */
  readonly loopbackBandwidth?: number;
  readonly requests: readonly RequestOptions[];
  /** Data source of every request (only used by random flows). */
  readonly dataSource?: Partial<Omit<DataSource, 'index' | 'name'>>;
}

/** A VNF type that takes no time to boot, never overloads memory, never accesses remote data. */
export const VNF_DEFAULTS: Omit<Vnf, 'index' | 'name'> = Object.freeze({
  cpu: 1000,
  mem: 1000,
  maxShare: 1,
  minBandwidth: 0,
  packetMemDemand: 0,
  remoteDataAccessCost: 0,
  remoteDataAccessProb: 0,
  packetCpuDemand: 1,
  packetNetworkDemand: 1,
  startupIpt: 0,
  shutdownIpt: 0,
  timeout: 1e9,
  maxPacketQueue: -1,
  resourceIntensive: 'CPU',
});

/** Bandwidth of a link whose transmission time is negligible (1000 · 10 / 1e12 = 1e-8 ms for size 10). */
export const HUGE_BANDWIDTH = 1e12;

/** A link that costs (almost) no time: huge bandwidth, no propagation, no queue limit (energy 10 per use). */
export const FREE_LINK: Required<LinkOptions> = Object.freeze({ bandwidth: HUGE_BANDWIDTH, propagation: 0, maxPacketQueue: -1, energyConsumption: 10 });

/**
 * Builds an environment by hand, every list ordered by index: nodes `n_{i}`; one loopback `l_{i}_loopback`
 * per node, then a full mesh of single links `l_{i}_{j}_0` (i < j outer/inner, forward then reverse);
 * VNF types `v_{i}`; SFC types `s_{i}` each in its own slice `sl_{i}`; per request `r_{i}` its own user
 * `u_{i}` (on the ingress node) and data source `src_{i}`.
 */
export function chainEnvironment(o: ChainEnvironmentOptions): EdgeEnvironment {
  const vnfs: Vnf[] = o.vnfs.map((v, i) => ({ ...VNF_DEFAULTS, ...v, index: i, name: `v_${i}` }));
  const allVnfs = vnfs.map((v) => v.name);
  const nodes: Node[] = o.nodes.map((n, i) => ({
    index: i,
    name: `n_${i}`,
    group: 1,
    type: n.type ?? 'DEFAULT',
    cpu: n.cpu ?? 1e12,
    mem: n.mem ?? 1e12,
    energyMax: 200,
    energyIdle: 100,
    diskDelay: n.diskDelay ?? 0,
    location: 'A',
    vnfs: [...(n.vnfs ?? allVnfs)],
  }));
  const links: Link[] = [];
  nodes.forEach((n, i) =>
    links.push({
      index: links.length,
      name: `l_${i}_loopback`,
      source: n.name,
      target: n.name,
      counter: 1,
      bandwidth: o.loopbackBandwidth ?? HUGE_BANDWIDTH,
      lossRate: 0,
      propagation: 0,
      energyConsumption: 0,
      maxPacketQueue: -1,
      loopback: true,
    }),
  );
  const meshLink = (i: number, j: number): void => {
    const l = { ...FREE_LINK, ...(o.link?.(i, j) ?? {}) };
    links.push({
      index: links.length,
      name: `l_${i}_${j}_0`,
      source: `n_${i}`,
      target: `n_${j}`,
      counter: 0,
      bandwidth: l.bandwidth,
      lossRate: 0,
      propagation: l.propagation,
      energyConsumption: l.energyConsumption,
      maxPacketQueue: l.maxPacketQueue,
      loopback: false,
    });
  };
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      meshLink(i, j);
      meshLink(j, i);
    }
  }
  const sfcSpecs = o.sfcs ?? [{ vnfs: allVnfs }];
  const sfcs: Sfc[] = sfcSpecs.map((s, i) => ({
    index: i,
    name: `s_${i}`,
    vnfs: [...s.vnfs],
    maxLatency: s.maxLatency ?? 1e9,
    timeout: s.timeout ?? 1e9,
    prioritiesOrder: ['latency', 'capacity', 'energy'],
    slice: `sl_${i}`,
  }));
  const source = {
    packetSize: 10,
    packetInterval: 1,
    packetsBurstSize: 1,
    packetsBurstInterval: 10,
    ...(o.dataSource ?? {}),
  };
  const users: User[] = [];
  const dataSources: DataSource[] = [];
  const sfcRequests: SfcRequest[] = o.requests.map((r, i) => {
    const sfc = r.sfc ?? 's_0';
    users.push({
      index: i,
      name: `u_${i}`,
      node: r.ingress,
      sfcs: [sfc],
      latency: 0,
      bandwidth: 0,
      lossRate: 0,
      priority: 0,
      sfcIngressEgress: { [sfc]: { ingressNode: r.ingress, egressNode: r.egress, packetSize: source.packetSize } },
    });
    dataSources.push({ index: i, name: `src_${i}`, ...source });
    return {
      index: i,
      name: `r_${i}`,
      user: `u_${i}`,
      sfc,
      dataSource: `src_${i}`,
      priority: 0,
      arrivalTime: r.arrivalTime ?? 0,
      ingressNode: r.ingress,
      egressNode: r.egress,
      duration: r.duration ?? 1e9,
    };
  });
  return {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs,
    sfcs,
    slices: sfcs.map((s, i) => ({ index: i, name: `sl_${i}`, sfcs: [s.name] })),
    users,
    dataSources,
    sfcRequests,
  };
}


/** The environment with request `r_{i}` given priority `priorities[i]` (its user's priority raised to match). */
export function withRequestPriorities(env: EdgeEnvironment, priorities: readonly number[]): EdgeEnvironment {
  const byUser = new Map(env.sfcRequests.map((r, i) => [r.user, priorities[i] ?? 0]));
  return {
    ...env,
    users: env.users.map((u) => ({ ...u, priority: Math.max(u.priority, byUser.get(u.name) ?? 0) })),
    sfcRequests: env.sfcRequests.map((r, i) => ({ ...r, priority: priorities[i] ?? r.priority })),
  };
}
