import type { DataSource } from '../model/data-source.js';
import type { Link } from '../model/link.js';
import type { Node, NodeType } from '../model/node.js';
import type { Sfc, SfcPriority } from '../model/sfc.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { IngressEgress, User } from '../model/user.js';
import type { Vnf } from '../model/vnf.js';
import { ConfigError, NssError } from '../errors.js';
import type { EdgeEnvironment } from './edge-environment.js';
import { crossReferenceIssues, type Collection, type PathStyle } from './cross-references.js';
import { parseJsonInput } from './json-input.js';
import { FieldReader, isObject } from './field-reader.js';

/** Top-level keys of the reference's saved-entities JSON (model-spec §10.6), in the order checked. */
const REFERENCE_KEYS = ['nodes', 'links', 'vnfs', 'sfcs', 'users', 'data_sources', 'sfc_requests'] as const;

const COLLECTION_KEYS: Record<Collection, string> = {
  nodes: 'nodes',
  links: 'links',
  vnfs: 'vnfs',
  sfcs: 'sfcs',
  slices: 'slices',
  users: 'users',
  dataSources: 'data_sources',
  sfcRequests: 'sfc_requests',
};

/** JSON paths spelt as in the reference's file: snake_case, `node_type` for a node's type. */
const REFERENCE_PATHS: PathStyle = {
  collection: (c) => COLLECTION_KEYS[c],
  field: (c, f) => (c === 'nodes' && f === 'type' ? 'node_type' : f.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)),
};

const PRIORITY_BY_CODE: readonly SfcPriority[] = ['latency', 'capacity', 'energy'];

/**
 * A criterion name as the reference may save it: `latency`, `LATENCY`, `SfcPriority.latency`,
 * `SfcPriority.LATENCY`, or the enumeration value 1/2/3. `undefined` when not recognised.
 */
function priorityName(value: unknown): SfcPriority | undefined {
  if (typeof value === 'number') return PRIORITY_BY_CODE[value - 1];
  if (typeof value !== 'string') return undefined;
  const bare = value.trim().replace(/^SfcPriority\./i, '').toLowerCase();
  return PRIORITY_BY_CODE.find((p) => p === bare);
}

/** A node type as the reference may save it: `RAN`, `ran`, `NodeType.RAN`. */
function nodeType(value: unknown): NodeType | undefined {
  if (typeof value !== 'string') return undefined;
  const bare = value.trim().replace(/^NodeType\./i, '').toUpperCase();
  return bare === 'RAN' || bare === 'CORE' || bare === 'DEFAULT' ? bare : undefined;
}

/**
 * Imports the reference simulator's saved-entities JSON (its `--save` output, model-spec §10.6) as an
 * {@link EdgeEnvironment}: snake_case fields mapped to the model; links get `maxPacketQueue` -1 when
 * the file has none (the reference does not save it), `loopback` when source = target, and keep their
 * `counter`; `node_type` becomes `type`; `priorities_order` accepts `latency`, `LATENCY`,
 * `SfcPriority.latency` or 1/2/3; requests keep their `arrival_time`; `seed` is `null`; one slice
 * `sl_{i}` per SFC type (the reference has no slices). Indices follow the order of each list.
 *
 * @param input - JSON text or a parsed value.
 * @param file - label of the input in error messages (its path). Default `<reference-entities>`.
 * @throws InputFileError when the text is not JSON.
 * @throws NssError when the value is not a 5GNSS saved-entities file (e.g. an nss-environment file).
 * @throws ConfigError listing every missing or mistyped field and every broken cross-reference.
 */
export function importReferenceEntities(input: unknown, file = '<reference-entities>'): EdgeEnvironment {
  const value = parseJsonInput(input, file);
  if (isObject(value) && value.format === 'nss-environment') {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `${file}: this is an nss-environment file (saved by @nss), not a 5GNSS saved-entities file: read it with loadEnvironment`,
    );
  }
  if (!isObject(value)) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `${file}: not a 5GNSS saved-entities file: expected a JSON object with keys ${REFERENCE_KEYS.join(', ')}`,
    );
  }
  const missing = REFERENCE_KEYS.filter((k) => !(k in value));
  if (missing.length > 0) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `${file}: not a 5GNSS saved-entities file: missing key${missing.length === 1 ? '' : 's'} ` +
        missing.map((k) => `'${k}'`).join(', '),
    );
  }
  const r = new FieldReader(file);
  const vnfs = r.list(value, '', 'vnfs', (o, p, i): Vnf => ({
    index: i,
    name: r.string(o, p, 'name'),
    cpu: r.number(o, p, 'cpu'),
    mem: r.number(o, p, 'mem'),
    maxShare: r.number(o, p, 'max_share'),
    minBandwidth: r.number(o, p, 'min_bandwidth'),
    packetMemDemand: r.number(o, p, 'packet_mem_demand'),
    remoteDataAccessCost: r.number(o, p, 'remote_data_access_cost'),
    remoteDataAccessProb: r.number(o, p, 'remote_data_access_prob'),
    packetCpuDemand: r.number(o, p, 'packet_cpu_demand'),
    packetNetworkDemand: r.number(o, p, 'packet_network_demand'),
    startupIpt: r.number(o, p, 'startup_ipt'),
    shutdownIpt: r.number(o, p, 'shutdown_ipt'),
    timeout: r.number(o, p, 'timeout'),
    maxPacketQueue: r.number(o, p, 'max_packet_queue', -1),
    resourceIntensive: r.string(o, p, 'resource_intensive', 'CPU'),
  }));
  const nodes = r.list(value, '', 'nodes', (o, p, i): Node => ({
    index: i,
    name: r.string(o, p, 'name'),
    group: r.label(o, p, 'group'),
    type: r.convert(o, p, 'node_type', nodeType, '"RAN", "CORE" or "DEFAULT"', 'DEFAULT'),
    cpu: r.number(o, p, 'cpu'),
    mem: r.number(o, p, 'mem'),
    energyMax: r.number(o, p, 'energy_max'),
    energyIdle: r.number(o, p, 'energy_idle'),
    diskDelay: r.number(o, p, 'disk_delay'),
    location: String(r.label(o, p, 'location')),
    vnfs: r.strings(o, p, 'vnfs'),
  }));
  const links = r.list(value, '', 'links', (o, p, i): Link => {
    const source = r.string(o, p, 'source');
    const target = r.string(o, p, 'target');
    return {
      index: i,
      name: r.string(o, p, 'name'),
      source,
      target,
      counter: r.number(o, p, 'counter'),
      bandwidth: r.number(o, p, 'bandwidth'),
      lossRate: r.number(o, p, 'loss_rate'),
      propagation: r.number(o, p, 'propagation'),
      energyConsumption: r.number(o, p, 'energy_consumption'),
      maxPacketQueue: r.number(o, p, 'max_packet_queue', -1),
      loopback: source === target,
    };
  });
  const sfcs = r.list(value, '', 'sfcs', (o, p, i): Sfc => ({
    index: i,
    name: r.string(o, p, 'name'),
    vnfs: r.strings(o, p, 'vnfs'),
    maxLatency: r.number(o, p, 'max_latency'),
    timeout: r.number(o, p, 'timeout'),
    prioritiesOrder: r.each(o, p, 'priorities_order', priorityName, '"latency", "capacity" or "energy" (any case, optionally prefixed "SfcPriority."), or 1, 2, 3'),
    slice: `sl_${i}`,
  }));
  const users = r.list(value, '', 'users', (o, p, i): User => ({
    index: i,
    name: r.string(o, p, 'name'),
    node: r.string(o, p, 'node'),
    sfcs: r.strings(o, p, 'sfcs'),
    latency: r.number(o, p, 'latency'),
    bandwidth: r.number(o, p, 'bandwidth'),
    lossRate: r.number(o, p, 'loss_rate'),
    priority: r.number(o, p, 'priority'),
    sfcIngressEgress: r.map(o, p, 'sfc_ingress_egress', (io, q): IngressEgress => ({
      ingressNode: r.string(io, q, 'ingress_node'),
      egressNode: r.string(io, q, 'egress_node'),
      packetSize: r.number(io, q, 'packet_size'),
    })),
  }));
  const dataSources = r.list(value, '', 'data_sources', (o, p, i): DataSource => ({
    index: i,
    name: r.string(o, p, 'name'),
    packetSize: r.number(o, p, 'packet_size'),
    packetInterval: r.number(o, p, 'packet_interval'),
    packetsBurstSize: r.number(o, p, 'packets_burst_size'),
    packetsBurstInterval: r.number(o, p, 'packets_burst_interval'),
  }));
  const sfcRequests = r.list(value, '', 'sfc_requests', (o, p, i): SfcRequest => ({
    index: i,
    name: r.string(o, p, 'name'),
    user: r.string(o, p, 'user'),
    sfc: r.string(o, p, 'sfc'),
    dataSource: r.string(o, p, 'data_source'),
    priority: r.number(o, p, 'priority'),
    arrivalTime: r.number(o, p, 'arrival_time'),
    ingressNode: r.string(o, p, 'ingress_node'),
    egressNode: r.string(o, p, 'egress_node'),
    duration: r.number(o, p, 'duration'),
  }));
  if (r.issues.length > 0) throw new ConfigError(r.issues);
  const env: EdgeEnvironment = {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links,
    vnfs,
    sfcs,
    slices: sfcs.map((s, i) => ({ index: i, name: s.slice, sfcs: [s.name] })),
    users,
    dataSources,
    sfcRequests,
  };
  // Slices are derived here, so a slice problem can only echo a duplicate SFC name reported at /sfcs.
  const derived = new RegExp(`^/(slices/|sfcs/\\d+/slice$)`);
  const issues = crossReferenceIssues(env, file, REFERENCE_PATHS).filter((i) => !derived.test(i.path));
  if (issues.length > 0) throw new ConfigError(issues);
  return env;
}
