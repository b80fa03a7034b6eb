import type { ConfigIssue } from '../errors.js';
import { escape } from './ajv-issues.js';
import type { EdgeEnvironment } from './edge-environment.js';

/** The collections of an environment, as named in {@link EdgeEnvironment}. @internal */
export type Collection = 'nodes' | 'links' | 'vnfs' | 'sfcs' | 'slices' | 'users' | 'dataSources' | 'sfcRequests';

/**
 * How JSON paths are spelt for the file the environment came from: our camelCase format, or the
 * reference's snake_case saved-entities file.
 * @internal
 */
export interface PathStyle {
  collection(c: Collection): string;
  field(c: Collection, field: string): string;
}

/** Paths of the saved nss-environment format (the keys of {@link EdgeEnvironment}). @internal */
export const NSS_PATHS: PathStyle = { collection: (c) => c, field: (_c, f) => f };

/**
 * Cross-reference checks of a structurally valid environment: dense indices (`index` equals the
 * position), unique names per kind, every referenced name exists (link endpoints, hosted and chained
 * VNF types, slices, users' nodes and SFC types, requests' user/SFC/data source/ingress/egress),
 * loopback flags agree with the endpoints, chains and user SFC lists have no duplicate, every SFC type
 * is in exactly the slice it names. Returns every problem found.
 * @internal
 */
export function crossReferenceIssues(env: EdgeEnvironment, file: string, style: PathStyle = NSS_PATHS): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const at = (c: Collection, i: number, ...rest: (string | number)[]): string => {
    const fields = rest.map((r, k) => (k === 0 && typeof r === 'string' ? style.field(c, r) : String(r)));
    return `/${[style.collection(c), String(i), ...fields].map(escape).join('/')}`;
  };
  const add = (path: string, expected: string, found: string): void => {
    issues.push({ file, path, expected, found, severity: 'error' });
  };

  const indexNames = <T extends { readonly index: number; readonly name: string }>(
    c: Collection,
    items: readonly T[],
  ): Set<string> => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      if (item.index !== i) add(at(c, i, 'index'), `${i} (indices are dense and equal the position)`, String(item.index));
      const j = first.get(item.name);
      if (j === undefined) first.set(item.name, i);
      else add(at(c, i, 'name'), `a name not used by another entry (already used at index ${j})`, JSON.stringify(item.name));
    });
    return new Set(first.keys());
  };
  const nodes = indexNames('nodes', env.nodes);
  indexNames('links', env.links);
  const vnfs = indexNames('vnfs', env.vnfs);
  const sfcs = indexNames('sfcs', env.sfcs);
  const slices = indexNames('slices', env.slices);
  const users = indexNames('users', env.users);
  const sources = indexNames('dataSources', env.dataSources);
  indexNames('sfcRequests', env.sfcRequests);

  const ref = (known: Set<string>, kind: string, path: string, value: string): void => {
    if (!known.has(value)) add(path, `the name of a ${kind} of this environment`, JSON.stringify(value));
  };
  const distinctRefs = (known: Set<string>, kind: string, c: Collection, i: number, field: string, values: readonly string[]): void => {
    const seen = new Set<string>();
    values.forEach((v, j) => {
      const path = at(c, i, field, j);
      if (seen.has(v)) add(path, `distinct ${kind} names`, `${JSON.stringify(v)} repeated`);
      else ref(known, kind, path, v);
      seen.add(v);
    });
  };

  env.nodes.forEach((n, i) => distinctRefs(vnfs, 'VNF type', 'nodes', i, 'vnfs', n.vnfs));
  env.links.forEach((l, i) => {
    ref(nodes, 'node', at('links', i, 'source'), l.source);
    ref(nodes, 'node', at('links', i, 'target'), l.target);
    if (l.loopback !== (l.source === l.target)) {
      add(at('links', i, 'loopback'), `${l.source === l.target} (a loopback is exactly a link whose source is its target)`, String(l.loopback));
    }
  });
  const sliceOfSfc = new Map<string, string>();
  env.slices.forEach((s, i) =>
    s.sfcs.forEach((sfc, j) => {
      const path = at('slices', i, 'sfcs', j);
      if (!sfcs.has(sfc)) ref(sfcs, 'SFC type', path, sfc);
      else if (sliceOfSfc.has(sfc)) add(path, 'each SFC type in exactly one slice', `${sfc} already in slice ${sliceOfSfc.get(sfc)}`);
      else sliceOfSfc.set(sfc, s.name);
    }),
  );
  env.sfcs.forEach((s, i) => {
    distinctRefs(vnfs, 'VNF type', 'sfcs', i, 'vnfs', s.vnfs);
    if (!slices.has(s.slice)) ref(slices, 'slice', at('sfcs', i, 'slice'), s.slice);
    else if (sliceOfSfc.get(s.name) !== s.slice) {
      add(at('sfcs', i, 'slice'), `the slice whose sfcs list contains ${s.name} (${sliceOfSfc.get(s.name) ?? 'none'})`, JSON.stringify(s.slice));
    }
  });
  env.users.forEach((u, i) => {
    ref(nodes, 'node', at('users', i, 'node'), u.node);
    distinctRefs(sfcs, 'SFC type', 'users', i, 'sfcs', u.sfcs);
    const requested = new Set(u.sfcs);
    for (const [sfc, io] of Object.entries(u.sfcIngressEgress)) {
      if (!requested.has(sfc)) add(at('users', i, 'sfcIngressEgress', sfc), `an SFC type listed in the user's sfcs`, JSON.stringify(sfc));
      ref(nodes, 'node', at('users', i, 'sfcIngressEgress', sfc, style.field('users', 'ingressNode')), io.ingressNode);
      ref(nodes, 'node', at('users', i, 'sfcIngressEgress', sfc, style.field('users', 'egressNode')), io.egressNode);
    }
    for (const sfc of requested) {
      if (!(sfc in u.sfcIngressEgress)) add(at('users', i, 'sfcIngressEgress', sfc), 'ingress, egress and packet size of every requested SFC type', 'missing');
    }
  });
  env.sfcRequests.forEach((r, i) => {
    ref(users, 'user', at('sfcRequests', i, 'user'), r.user);
    ref(sfcs, 'SFC type', at('sfcRequests', i, 'sfc'), r.sfc);
    ref(sources, 'data source', at('sfcRequests', i, 'dataSource'), r.dataSource);
    ref(nodes, 'node', at('sfcRequests', i, 'ingressNode'), r.ingressNode);
    ref(nodes, 'node', at('sfcRequests', i, 'egressNode'), r.egressNode);
  });
  return issues;
}
