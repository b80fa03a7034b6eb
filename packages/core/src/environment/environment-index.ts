import type { DataSource } from '../model/data-source.js';
import type { Link } from '../model/link.js';
import type { Node } from '../model/node.js';
import type { Sfc } from '../model/sfc.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { Slice } from '../model/slice.js';
import type { User } from '../model/user.js';
import type { Vnf } from '../model/vnf.js';
import { NssError } from '../errors.js';
import type { EdgeEnvironment } from './edge-environment.js';

const NO_LINKS: readonly Link[] = Object.freeze([]);

/** Name → entity, and the entity at a dense index, for one entity kind. */
function byName<T extends { readonly name: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/**
 * Lookups over an {@link EdgeEnvironment}, built once: every entity by name and by index, the links
 * between two nodes (model-spec §2.5 step 3) in O(1), which nodes can host a VNF type, and the SFC
 * similarity table (model-spec §2.4). The environment must be valid (generated, loaded or imported).
 *
 * @example
 * ```ts
 * const index = new EnvironmentIndex(env);
 * index.linksBetween('n_0', 'n_3'); // [l_0_3_0, l_0_3_1, …] in counter order
 * index.similarity('s_0', 's_1');   // |A∩B| / min(|A|, |B|)
 * ```
 */
export class EnvironmentIndex {
  /** The indexed environment. */
  readonly environment: EdgeEnvironment;
  /** Nodes by name. */
  readonly nodesByName: ReadonlyMap<string, Node>;
  /** Links by name. */
  readonly linksByName: ReadonlyMap<string, Link>;
  /** VNF types by name. */
  readonly vnfsByName: ReadonlyMap<string, Vnf>;
  /** SFC types by name. */
  readonly sfcsByName: ReadonlyMap<string, Sfc>;
  /** Slices by name. */
  readonly slicesByName: ReadonlyMap<string, Slice>;
  /** Users by name. */
  readonly usersByName: ReadonlyMap<string, User>;
  /** Data sources by name. */
  readonly dataSourcesByName: ReadonlyMap<string, DataSource>;
  /** SFC requests by name. */
  readonly requestsByName: ReadonlyMap<string, SfcRequest>;
  /** RAN nodes in node order. */
  readonly ranNodes: readonly Node[];
  /** CORE nodes in node order. */
  readonly coreNodes: readonly Node[];

  private readonly nodeCount: number;
  /** Links per ordered pair (source index · N + target index), counter order; loopbacks on the diagonal. */
  private readonly pairLinks: (readonly Link[])[];
  /** `hostable[node · V + vnf]` = 1 when the node's VNF list contains the VNF type. */
  private readonly hostable: Uint8Array;
  private readonly hosts: (readonly Node[])[];
  /** `sim[a · S + b]` per model-spec §2.4 (1 on the diagonal for a non-empty chain). */
  private readonly sim: Float64Array;

  constructor(environment: EdgeEnvironment) {
    this.environment = environment;
    const env = environment;
    this.nodesByName = byName(env.nodes);
    this.linksByName = byName(env.links);
    this.vnfsByName = byName(env.vnfs);
    this.sfcsByName = byName(env.sfcs);
    this.slicesByName = byName(env.slices);
    this.usersByName = byName(env.users);
    this.dataSourcesByName = byName(env.dataSources);
    this.requestsByName = byName(env.sfcRequests);
    this.ranNodes = Object.freeze(env.nodes.filter((n) => n.type === 'RAN'));
    this.coreNodes = Object.freeze(env.nodes.filter((n) => n.type === 'CORE'));

    const n = env.nodes.length;
    this.nodeCount = n;
    const pairs: Link[][] = [];
    for (const link of env.links) {
      const s = this.node(link.source).index;
      const t = this.node(link.target).index;
      if (s === t && !link.loopback) continue; // a self link that is not the loopback is never returned
      (pairs[s * n + t] ??= []).push(link);
    }
    this.pairLinks = Array.from({ length: n * n }, (_, k) => {
      const list = pairs[k];
      return list === undefined ? NO_LINKS : Object.freeze(list.sort((a, b) => a.counter - b.counter || a.index - b.index));
    });

    const v = env.vnfs.length;
    this.hostable = new Uint8Array(n * v);
    const hosts: Node[][] = env.vnfs.map(() => []);
    for (const node of env.nodes) {
      for (const name of new Set(node.vnfs)) {
        const vnf = this.vnfsByName.get(name);
        if (vnf === undefined) continue;
        this.hostable[node.index * v + vnf.index] = 1;
        hosts[vnf.index].push(node);
      }
    }
    this.hosts = hosts.map((h) => Object.freeze(h));

    const s = env.sfcs.length;
    this.sim = new Float64Array(s * s);
    const sets = env.sfcs.map((sfc) => new Set(sfc.vnfs));
    for (let a = 0; a < s; a++) {
      for (let b = 0; b < s; b++) {
        const small = Math.min(sets[a].size, sets[b].size);
        let common = 0;
        for (const x of sets[a]) if (sets[b].has(x)) common++;
        this.sim[a * s + b] = small === 0 ? 0 : common / small;
      }
    }
  }

  /** The node with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  node(key: string | number): Node {
    return lookup('node', key, this.nodesByName, this.environment.nodes);
  }
  /** The link with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  link(key: string | number): Link {
    return lookup('link', key, this.linksByName, this.environment.links);
  }
  /** The VNF type with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  vnf(key: string | number): Vnf {
    return lookup('VNF type', key, this.vnfsByName, this.environment.vnfs);
  }
  /** The SFC type with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  sfc(key: string | number): Sfc {
    return lookup('SFC type', key, this.sfcsByName, this.environment.sfcs);
  }
  /** The slice with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  slice(key: string | number): Slice {
    return lookup('slice', key, this.slicesByName, this.environment.slices);
  }
  /** The user with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  user(key: string | number): User {
    return lookup('user', key, this.usersByName, this.environment.users);
  }
  /** The data source with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  dataSource(key: string | number): DataSource {
    return lookup('data source', key, this.dataSourcesByName, this.environment.dataSources);
  }
  /** The SFC request with this name or index. @throws NssError `NSS_UNKNOWN_ENTITY` if there is none. */
  request(key: string | number): SfcRequest {
    return lookup('SFC request', key, this.requestsByName, this.environment.sfcRequests);
  }

  /**
   * Directed links from node `a` to node `b` (model-spec §2.5 step 3): the loopback when a = b,
   * otherwise the parallel links in counter order. Precomputed: O(1), the same frozen array each call.
   * @throws NssError `NSS_UNKNOWN_ENTITY` for an unknown node name.
   */
  linksBetween(a: string, b: string): readonly Link[] {
    return this.pairLinks[this.node(a).index * this.nodeCount + this.node(b).index];
  }

  /** {@link linksBetween} by node indices (no name lookup; `[]` for indices out of range). */
  linksBetweenIndices(a: number, b: number): readonly Link[] {
    if (a < 0 || b < 0 || a >= this.nodeCount || b >= this.nodeCount) return NO_LINKS;
    return this.pairLinks[a * this.nodeCount + b];
  }

  /** The loopback link of a node, or `undefined` if it has none. */
  loopback(node: string): Link | undefined {
    return this.linksBetween(node, node)[0];
  }

  /**
   * Whether `node` can host VNF type `vnf` (the node's VNF list contains it; resources are not
   * considered). @throws NssError `NSS_UNKNOWN_ENTITY` for an unknown name.
   */
  canHost(node: string, vnf: string): boolean {
    return this.hostable[this.node(node).index * this.environment.vnfs.length + this.vnf(vnf).index] === 1;
  }

  /** Nodes able to host VNF type `vnf`, in node order. */
  hostsOf(vnf: string): readonly Node[] {
    return this.hosts[this.vnf(vnf).index];
  }

  /**
   * Similarity of two SFC types (model-spec §2.4): |A ∩ B| / min(|A|, |B|) over their VNF types; 1 for
   * an SFC type with itself, 0 when either chain is empty.
   */
  similarity(a: string, b: string): number {
    const s = this.environment.sfcs.length;
    return this.sim[this.sfc(a).index * s + this.sfc(b).index];
  }

  /** The slice an SFC type belongs to. */
  sliceOf(sfc: string): Slice {
    return this.slice(this.sfc(sfc).slice);
  }
}

function lookup<T>(kind: string, key: string | number, map: ReadonlyMap<string, T>, list: readonly T[]): T {
  const found = typeof key === 'number' ? list[key] : map.get(key);
  if (found === undefined) {
    throw new NssError('NSS_UNKNOWN_ENTITY', `unknown ${kind} ${JSON.stringify(key)} in the environment`, {
      exitCode: 1,
    });
  }
  return found;
}
