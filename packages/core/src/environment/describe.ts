import type { NodeType } from '../model/node.js';
import type { EdgeEnvironment } from './edge-environment.js';

/** A cell of an {@link EnvironmentTable}: text or a number (the caller formats it). */
export type TableCell = string | number;

/** A titled table of plain data, e.g. for the CLI's `nss generate` output. */
export interface EnvironmentTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** Counts and tables summarising an environment; see {@link describeEnvironment}. */
export interface EnvironmentDescription {
  /** Seed it was generated with (`null` when imported). */
  readonly seed: number | string | null;
  /** Number of entities of each kind; `links` counts every directed link, loopbacks included. */
  readonly counts: {
    readonly nodes: number;
    readonly links: number;
    readonly loopbacks: number;
    readonly vnfs: number;
    readonly sfcs: number;
    readonly slices: number;
    readonly users: number;
    readonly dataSources: number;
    readonly sfcRequests: number;
  };
  /** Nodes per type. */
  readonly nodesByType: Readonly<Record<NodeType, number>>;
  /** First and last arrival time of the SFC requests (ms), `null` without requests. */
  readonly arrivalSpan: { readonly first: number; readonly last: number } | null;
  /**
   * Tables, in order: Nodes, Links (loopbacks and inter-node links, aggregated), VNF types, SFC types,
   * Users per node, SFC requests per SFC type.
   */
  readonly tables: readonly EnvironmentTable[];
}

/** Smallest and largest of a list of numbers (no spread: safe for long lists), `null` when empty. */
function extent(values: readonly number[]): { first: number; last: number } | null {
  if (values.length === 0) return null;
  let first = values[0];
  let last = values[0];
  for (const v of values) {
    if (v < first) first = v;
    if (v > last) last = v;
  }
  return { first, last };
}

/** `min` or `min–max` of a list of numbers (`-` when empty). */
function range(values: readonly number[]): string {
  const e = extent(values);
  if (e === null) return '-';
  return e.first === e.last ? String(e.first) : `${e.first}–${e.last}`;
}

/**
 * Compact description of an environment for display: counts, nodes by type, the arrival span, and
 * plain tables (nodes, links aggregated by kind, VNF types, SFC chains, users per node, requests per
 * SFC type). Returns data only; formatting is the caller's job.
 */
export function describeEnvironment(env: EdgeEnvironment): EnvironmentDescription {
  const loopbacks = env.links.filter((l) => l.loopback);
  const meshLinks = env.links.filter((l) => !l.loopback);
  const nodesByType: Record<NodeType, number> = { RAN: 0, CORE: 0, DEFAULT: 0 };
  for (const n of env.nodes) nodesByType[n.type]++;
  const arrivalSpan = extent(env.sfcRequests.map((r) => r.arrivalTime));

  const pairCounts = new Map<string, number>();
  for (const l of meshLinks) pairCounts.set(`${l.source}>${l.target}`, (pairCounts.get(`${l.source}>${l.target}`) ?? 0) + 1);
  const linkRow = (kind: string, links: typeof env.links, perPair: string): TableCell[] => [
    kind,
    links.length,
    perPair,
    range(links.map((l) => l.bandwidth)),
    range(links.map((l) => l.propagation)),
    range(links.map((l) => l.energyConsumption)),
    range(links.map((l) => l.maxPacketQueue)),
  ];

  const usersPerNode = new Map<string, { users: number; requests: number }>();
  for (const u of env.users) {
    const row = usersPerNode.get(u.node) ?? { users: 0, requests: 0 };
    row.users++;
    row.requests += u.sfcs.length;
    usersPerNode.set(u.node, row);
  }
  const arrivalsPerSfc = new Map<string, number[]>(env.sfcs.map((s) => [s.name, []]));
  for (const r of env.sfcRequests) arrivalsPerSfc.get(r.sfc)?.push(r.arrivalTime);
  const requestsPerSfc = [...arrivalsPerSfc].map(([sfc, own]): TableCell[] => {
    const e = extent(own);
    return [sfc, own.length, e?.first ?? '-', e?.last ?? '-'];
  });

  const tables: EnvironmentTable[] = [
    {
      title: 'Nodes',
      columns: ['name', 'type', 'cpu', 'mem', 'energy max', 'energy idle', 'disk delay', 'location', 'VNF types'],
      rows: env.nodes.map((n) => [n.name, n.type, n.cpu, n.mem, n.energyMax, n.energyIdle, n.diskDelay, n.location, n.vnfs.join(' ')]),
    },
    {
      title: 'Links',
      columns: ['kind', 'count', 'per ordered pair', 'bandwidth', 'propagation', 'energy', 'max queue'],
      rows: [
        linkRow('loopback', loopbacks, loopbacks.length === 0 ? '-' : '1 per node'),
        linkRow('inter-node', meshLinks, range([...pairCounts.values()])),
      ],
    },
    {
      title: 'VNF types',
      columns: ['name', 'cpu', 'mem', 'max share', 'max queue', 'startup ipt', 'timeout', 'hosts'],
      rows: env.vnfs.map((v) => [
        v.name,
        v.cpu,
        v.mem,
        v.maxShare,
        v.maxPacketQueue,
        v.startupIpt,
        v.timeout,
        env.nodes.filter((n) => n.vnfs.includes(v.name)).length,
      ]),
    },
    {
      title: 'SFC types',
      columns: ['name', 'slice', 'chain', 'max latency', 'timeout', 'priorities'],
      rows: env.sfcs.map((s) => [s.name, s.slice, s.vnfs.join(' → '), s.maxLatency, s.timeout, s.prioritiesOrder.join(' > ')]),
    },
    {
      title: 'Users per node',
      columns: ['node', 'users', 'requests'],
      rows: [...usersPerNode.entries()]
        .sort((a, b) => nodeOrder(env, a[0]) - nodeOrder(env, b[0]))
        .map(([node, r]) => [node, r.users, r.requests]),
    },
    { title: 'SFC requests per SFC type', columns: ['sfc', 'requests', 'first arrival', 'last arrival'], rows: requestsPerSfc },
  ];
  return {
    seed: env.seed,
    counts: {
      nodes: env.nodes.length,
      links: env.links.length,
      loopbacks: loopbacks.length,
      vnfs: env.vnfs.length,
      sfcs: env.sfcs.length,
      slices: env.slices.length,
      users: env.users.length,
      dataSources: env.dataSources.length,
      sfcRequests: env.sfcRequests.length,
    },
    nodesByType,
    arrivalSpan,
    tables,
  };
}

function nodeOrder(env: EdgeEnvironment, name: string): number {
  const i = env.nodes.findIndex((n) => n.name === name);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}
