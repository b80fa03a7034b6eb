import type { JsonSchema } from '../config/index.js';

const integer = (minimum: number): JsonSchema => ({ type: 'integer', minimum });
const nonNegative: JsonSchema = { type: 'number', minimum: 0 };
const positive: JsonSchema = { type: 'number', exclusiveMinimum: 0 };
const anyNumber: JsonSchema = { type: 'number' };
const name: JsonSchema = { type: 'string', minLength: 1 };
const names: JsonSchema = { type: 'array', items: name };
const queue: JsonSchema = integer(-1);

/** An object schema with every listed property required and no other property allowed. */
function record(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

const nodeSchema = record({
  index: integer(0),
  name,
  group: { type: ['string', 'number'] },
  type: { enum: ['RAN', 'CORE', 'DEFAULT'] },
  cpu: positive,
  mem: nonNegative,
  energyMax: nonNegative,
  energyIdle: nonNegative,
  diskDelay: nonNegative,
  location: { type: 'string' },
  vnfs: names,
});

const linkSchema = record({
  index: integer(0),
  name,
  source: name,
  target: name,
  counter: integer(0),
  bandwidth: positive,
  lossRate: nonNegative,
  propagation: nonNegative,
  energyConsumption: nonNegative,
  maxPacketQueue: queue,
  loopback: { type: 'boolean' },
});

const vnfSchema = record({
  index: integer(0),
  name,
  cpu: positive,
  mem: nonNegative,
  maxShare: integer(1),
  minBandwidth: nonNegative,
  packetMemDemand: nonNegative,
  remoteDataAccessCost: nonNegative,
  remoteDataAccessProb: nonNegative,
  packetCpuDemand: nonNegative,
  packetNetworkDemand: nonNegative,
  startupIpt: nonNegative,
  shutdownIpt: nonNegative,
  timeout: nonNegative,
  maxPacketQueue: queue,
  resourceIntensive: { type: 'string' },
});

const sfcSchema = record({
  index: integer(0),
  name,
  vnfs: names,
  maxLatency: nonNegative,
  timeout: nonNegative,
  prioritiesOrder: { type: 'array', items: { enum: ['latency', 'capacity', 'energy'] } },
  slice: name,
});

const sliceSchema = record({ index: integer(0), name, sfcs: names });

const userSchema = record({
  index: integer(0),
  name,
  node: name,
  sfcs: names,
  latency: anyNumber,
  bandwidth: anyNumber,
  lossRate: anyNumber,
  priority: nonNegative,
  sfcIngressEgress: {
    type: 'object',
    additionalProperties: record({ ingressNode: name, egressNode: name, packetSize: nonNegative }),
  },
});

const dataSourceSchema = record({
  index: integer(0),
  name,
  packetSize: nonNegative,
  packetInterval: nonNegative,
  packetsBurstSize: nonNegative,
  packetsBurstInterval: nonNegative,
});

const requestSchema = record({
  index: integer(0),
  name,
  user: name,
  sfc: name,
  dataSource: name,
  priority: nonNegative,
  arrivalTime: nonNegative,
  ingressNode: name,
  egressNode: name,
  duration: nonNegative,
});

const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/**
 * JSON Schema (draft-07) of the saved environment (`format: "nss-environment"`, version 1), the format
 * written by {@link saveEnvironment} and read by {@link loadEnvironment}: the {@link EdgeEnvironment}
 * as plain JSON, camelCase keys, every list ordered by `index`. Cross-references (link endpoints,
 * requests' user/SFC/data source, dense indices, unique names) are checked by the loader beyond this
 * schema.
 */
export const ENVIRONMENT_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: '@nss saved environment',
  description: 'Nodes, links, VNF and SFC types, slices, users, data sources and SFC requests of one run.',
  ...record({
    format: { const: 'nss-environment' },
    version: { const: 1 },
    seed: { type: ['number', 'string', 'null'] },
    nodes: list(nodeSchema),
    links: list(linkSchema),
    vnfs: list(vnfSchema),
    sfcs: list(sfcSchema),
    slices: list(sliceSchema),
    users: list(userSchema),
    dataSources: list(dataSourceSchema),
    sfcRequests: list(requestSchema),
  }),
};

/**
 * Property order of each saved entity kind (the order of the schema's `properties`): the key order
 * {@link saveEnvironment} writes.
 * @internal
 */
export const KEY_ORDER = {
  environment: keysOf(ENVIRONMENT_SCHEMA),
  nodes: keysOf(nodeSchema),
  links: keysOf(linkSchema),
  vnfs: keysOf(vnfSchema),
  sfcs: keysOf(sfcSchema),
  slices: keysOf(sliceSchema),
  users: keysOf(userSchema),
  dataSources: keysOf(dataSourceSchema),
  sfcRequests: keysOf(requestSchema),
  ingressEgress: ['ingressNode', 'egressNode', 'packetSize'],
} as const;

function keysOf(schema: JsonSchema): readonly string[] {
  return Object.keys(schema.properties ?? {});
}
