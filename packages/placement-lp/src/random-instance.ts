import { type EdgeEnvironment, type InfrastructureView, type Link, type Node, Rng, type Sfc, type SfcRequest, type Vnf } from '@nss/core';

/** Shape of a seeded random placement instance (tests and the placement benchmark). */
export interface RandomInstanceOptions {
  /** Seed of the instance. */
  readonly seed: number | string;
  /** Number of nodes (n_0 is the RAN ingress; the last quarter are CORE egress nodes). */
  readonly nodes: number;
  /** Number of requests in the batch. */
  readonly requests: number;
  /** Chain length range of the SFC types, inclusive. Default [2, 4]. */
  readonly chainLength?: readonly [number, number];
  /** Number of VNF types. Default 6. */
  readonly vnfTypes?: number;
  /** Number of SFC types. Default 4. */
  readonly sfcTypes?: number;
  /** Fraction of the nodes able to host each VNF type. Default 0.5. */
  readonly hostFraction?: number;
  /** Parallel links between two nodes, inclusive range. Default [1, 2]. */
  readonly parallelLinks?: readonly [number, number];
  /** Node CPU choices, in units of 100,000. Default [2, 4, 8]. */
  readonly nodeCpuUnits?: readonly number[];
  /** SLA choices (ms). Default [25, 40, 60]. */
  readonly maxLatency?: readonly number[];
}

/** A random environment and the batch of requests to place at time 0. */
export interface RandomInstance {
  readonly environment: EdgeEnvironment;
  readonly requests: readonly SfcRequest[];
}

const UNIT = 100_000;

/**
 * A seeded random placement instance: a full mesh of nodes with parallel links (as the reference's
 * generator builds), VNF types each hostable by a fraction of the nodes, SFC types of 2 to 4 VNFs, and
 * requests from the RAN node n_0 to the CORE nodes. Same options, same instance.
 */
export function randomPlacementInstance(options: RandomInstanceOptions): RandomInstance {
  const rng = new Rng(options.seed).stream('instance');
  const N = options.nodes;
  const [cmin, cmax] = options.chainLength ?? [2, 4];
  const V = Math.max(options.vnfTypes ?? 6, cmax);
  const S = options.sfcTypes ?? 4;
  const hostFraction = options.hostFraction ?? 0.5;
  const [pmin, pmax] = options.parallelLinks ?? [1, 2];
  const cpuUnits = options.nodeCpuUnits ?? [2, 4, 8];
  const slas = options.maxLatency ?? [25, 40, 60];
  const vnfs: Vnf[] = [];
  for (let i = 0; i < V; i++) {
    vnfs.push({
      index: i,
      name: `v_${i}`,
      cpu: rng.choice([0.5, 1, 1.5]) * UNIT,
      mem: rng.choice([0.5, 1]) * UNIT,
      maxShare: rng.choice([1, 2, 4]),
      minBandwidth: rng.choice([0, 100, 1000]),
      packetMemDemand: 0.001,
      remoteDataAccessCost: rng.choice([0, 2]),
      remoteDataAccessProb: rng.choice([0, 0.1]),
      packetCpuDemand: 1,
      packetNetworkDemand: 1,
      startupIpt: 0,
      shutdownIpt: 0,
      timeout: 1000,
      maxPacketQueue: -1,
      resourceIntensive: 'CPU',
    });
  }
  const coreFrom = Math.max(1, N - Math.max(1, Math.floor(N / 4)));
  const hosted: string[][] = Array.from({ length: N }, () => []);
  for (const v of vnfs) {
    const k = Math.max(1, Math.round(hostFraction * N));
    for (const i of rng.sample([...Array(N).keys()], Math.min(k, N))) hosted[i].push(v.name);
  }
  const nodes: Node[] = [];
  for (let i = 0; i < N; i++) {
    const energyMax = rng.choice([200, 300, 400]);
    nodes.push({
      index: i,
      name: `n_${i}`,
      group: 1,
      type: i === 0 ? 'RAN' : i >= coreFrom ? 'CORE' : 'DEFAULT',
      cpu: rng.choice(cpuUnits) * UNIT,
      mem: rng.choice(cpuUnits) * UNIT,
      energyMax,
      energyIdle: energyMax / 2,
      diskDelay: 5,
      location: 'A',
      vnfs: vnfs.map((v) => v.name).filter((v) => hosted[i].includes(v)),
    });
  }
  const links: Link[] = [];
  const add = (source: number, target: number, counter: number, bandwidth: number, propagation: number, energy: number): void => {
    const loopback = source === target;
    links.push({
      index: links.length,
      name: loopback ? `l_${source}_loopback` : `l_${source}_${target}_${counter}`,
      source: `n_${source}`,
      target: `n_${target}`,
      counter: loopback ? 1 : counter,
      bandwidth,
      lossRate: 0,
      propagation,
      energyConsumption: energy,
      maxPacketQueue: -1,
      loopback,
    });
  };
  for (let i = 0; i < N; i++) add(i, i, 1, 1e8, 0, 0);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const m = rng.integer(pmin, pmax);
      for (let k = 0; k < m; k++) {
        const bandwidth = rng.choice([2e5, 5e5, 1e6]);
        const propagation = rng.integer(1, 8);
        add(i, j, k, bandwidth, propagation, 10);
        add(j, i, k, bandwidth, propagation, 10);
      }
    }
  }
  const sfcs: Sfc[] = [];
  for (let i = 0; i < S; i++) {
    sfcs.push({
      index: i,
      name: `s_${i}`,
      vnfs: rng.sample(vnfs.map((v) => v.name), rng.integer(cmin, cmax)),
      maxLatency: rng.choice(slas),
      timeout: 1000,
      prioritiesOrder: ['latency', 'capacity', 'energy'],
      slice: 'sl_0',
    });
  }
  const cores = nodes.filter((n) => n.type === 'CORE').map((n) => n.name);
  const dataSources = [100, 300, 600].map((packetSize, i) => ({
    index: i,
    name: `src_${i}`,
    packetSize,
    packetInterval: 10,
    packetsBurstSize: 1,
    packetsBurstInterval: 100,
  }));
  const requests: SfcRequest[] = [];
  for (let i = 0; i < options.requests; i++) {
    requests.push({
      index: i,
      name: `r_${i}`,
      user: 'u_0',
      sfc: rng.choice(sfcs).name,
      dataSource: rng.choice(dataSources).name,
      priority: 0,
      arrivalTime: 0,
      ingressNode: 'n_0',
      egressNode: rng.choice(cores),
      duration: 1000,
    });
  }
  const environment: EdgeEnvironment = {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs,
    sfcs,
    slices: [{ index: 0, name: 'sl_0', sfcs: sfcs.map((s) => s.name) }],
    users: [
      {
        index: 0,
        name: 'u_0',
        node: 'n_0',
        sfcs: sfcs.map((s) => s.name),
        latency: 0,
        bandwidth: 0,
        lossRate: 0,
        priority: 0,
        sfcIngressEgress: Object.fromEntries(sfcs.map((s) => [s.name, { ingressNode: 'n_0', egressNode: cores[0], packetSize: 300 }])),
      },
    ],
    dataSources,
    sfcRequests: requests,
  };
  return { environment, requests };
}

/** Options of {@link emptyInfrastructureView}. */
export interface EmptyViewOptions {
  /** `share_sfc_instance`. Default false. */
  readonly shareSfcInstances?: boolean;
  /** `compute_link_bw_limit`. Default false. */
  readonly computeLinkBandwidthLimit?: boolean;
}

/**
 * The view of an environment where nothing is deployed yet (every node and link fully free), as a
 * placement sees it in the first round. For tests and benchmarks outside a simulation.
 */
export function emptyInfrastructureView(environment: EdgeEnvironment, options: EmptyViewOptions = {}): InfrastructureView {
  const between = new Map<string, Link[]>();
  for (const l of environment.links) {
    const key = `${l.source}\u0000${l.target}`;
    const list = between.get(key) ?? [];
    list.push(l);
    between.set(key, list);
  }
  for (const list of between.values()) list.sort((a, b) => a.counter - b.counter);
  const hosts = new Map(environment.nodes.map((n) => [n.name, new Set(n.vnfs)]));
  return {
    time: 0,
    environment,
    nodes: environment.nodes.map((n) => ({ node: n.name, index: n.index, freeCpu: n.cpu, freeMem: n.mem, allocatedCpu: 0, allocatedMem: 0, vnfInstances: 0 })),
    links: environment.links.map((l) => ({ link: l.name, index: l.index, freeBandwidth: l.bandwidth, bookedBandwidth: 0 })),
    vnfInstances: [],
    sfcInstances: [],
    shareSfcInstances: options.shareSfcInstances ?? false,
    computeLinkBandwidthLimit: options.computeLinkBandwidthLimit ?? false,
    linksBetween: (a, b) => between.get(`${a}\u0000${b}`) ?? [],
    linkLatency: (l, size) => (1000 * size) / l.bandwidth + l.propagation,
    canHost: (node, vnf) => hosts.get(node)?.has(vnf) ?? false,
  };
}
