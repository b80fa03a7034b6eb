/**
 * JSON Schema of the specs file (model-spec §1.3). This object is the single source of truth: the
 * validator compiles it and `scripts/write-schemas.mjs` writes it to `schemas/specs.schema.json` for
 * editors. Keep imports limited to this folder's schema-building modules (see json-schema.ts).
 */
import { SPECS_DEFAULTS } from './default-values.js';
import { IGNORED_SPECS_KEYS } from './ignored-keys.js';
import {
  SCHEMA_DIALECT,
  atLeast,
  candidates,
  described,
  greaterThan,
  integerAtLeast,
  knownKeys,
  probability,
  schemaReference,
  type JsonSchema,
} from './json-schema.js';

const count = (title: string, description: string, minimum: number): JsonSchema =>
  described(title, description, integerAtLeast(minimum));

const entitiesNumber = knownKeys(
  'Entity counts',
  'How many entities of each kind to generate.',
  {
    nodes: count('Nodes', 'Number of nodes (n_0 … n_{N−1}); n_0 is forced RAN and the last node CORE, so at least 2.', 2),
    vnfs: count('VNF types', 'Number of VNF types (v_0 …).', 0),
    sfcs: count('SFC types', 'Number of SFC types (s_0 …).', 0),
    users: count('Users', 'Number of users (u_0 …).', 0),
    data_sources: count('Data sources', 'Number of data sources (traffic profiles, src_0 …); at least 1.', 1),
  },
  ['nodes', 'vnfs', 'sfcs', 'users', 'data_sources'],
);

const vnf = knownKeys(
  'VNF types',
  'Attributes of the VNF types; each VNF type draws one value per list.',
  {
    cpu: candidates('CPU', 'CPU allocated to a new instance (instructions/s); also the scale-down minimum.', greaterThan(0)),
    mem: candidates('Memory', 'Memory allocated to a new instance; also the scale-down minimum.', greaterThan(0)),
    max_share: candidates(
      'Max share',
      'Max SFC instances mapped onto one VNF instance, and packets it processes in parallel.',
      integerAtLeast(1),
    ),
    min_bandwidth: candidates('Min bandwidth', 'Bandwidth booked on the outgoing link per active SFC instance.', atLeast(0)),
    packet_mem_demand: candidates('Packet memory demand', 'Memory per instruction of a packet.', atLeast(0)),
    remote_data_access_cost: candidates('Remote data access cost', 'ms added when a remote data access happens.', atLeast(0)),
    remote_data_access_prob: candidates(
      'Remote data access probability',
      'Parameter of the remote-access draw (the reference uses 1 − e^(−p), quirk Q-12).',
      probability(),
    ),
    packet_cpu_demand: candidates('Packet CPU demand', 'Instructions per unit of packet size.', atLeast(0)),
    packet_network_demand: candidates('Packet network demand', 'Output size per unit of packet size.', atLeast(0)),
    startup_ipt: candidates('Startup instructions', 'Instructions to boot an instance.', atLeast(0)),
    shutdown_ipt: candidates('Shutdown instructions', 'Instructions to shut an instance down.', atLeast(0)),
    timeout: candidates('Timeout', 'ms an instance survives with no SFC instance mapped.', atLeast(0)),
    max_packet_queue: candidates('Max packet queue', 'Max packets admitted but not yet started; -1 = unlimited.', integerAtLeast(-1)),
    resource_intensive: candidates(
      'Resource intensive',
      'Informational only ("CPU", "Memory", "Network").',
      { type: 'string' },
      { default: [...SPECS_DEFAULTS.vnf.resource_intensive] },
    ),
  },
  [
    'cpu', 'mem', 'max_share', 'min_bandwidth', 'packet_mem_demand', 'remote_data_access_cost',
    'remote_data_access_prob', 'packet_cpu_demand', 'packet_network_demand', 'startup_ipt', 'shutdown_ipt',
    'timeout', 'max_packet_queue',
  ],
);

const location = knownKeys(
  'Location',
  'A location of the catalogue; only key and node_prob matter to the model.',
  {
    name: described('Name', 'Human-readable name (not used by the model).', { type: 'string' }),
    key: described('Key', 'The location key stored on nodes placed here.', { type: ['string', 'integer'] }),
    latitude: described('Latitude', 'Not used by the model.', { type: 'number' }),
    longitude: described('Longitude', 'Not used by the model.', { type: 'number' }),
    node_prob: described(
      'Node probability',
      'Probability that a node is placed here (rounded to 2 decimals); the probabilities must sum to at least 1.',
      probability(),
    ),
  },
  ['key', 'node_prob'],
);

const node = knownKeys(
  'Nodes',
  'Attributes of the nodes; each node draws one value per list.',
  {
    cpu: candidates('CPU', 'Node CPU capacity (instructions/s).', greaterThan(0)),
    mem: candidates('Memory', 'Node memory capacity.', greaterThan(0)),
    vnf_num: candidates('VNF types per node', 'How many distinct VNF types a node can host (at most entities_number.vnfs).', integerAtLeast(0)),
    group: candidates('Group', 'Free-form label, not used by the model.', { type: ['string', 'number'] }),
    energy_max: candidates('Max power', 'Power at 100 % allocated CPU (W).', atLeast(0)),
    energy_idle: candidates(
      'Idle power',
      'Idle power (W). Per node only candidates below its energy_max are used; if none is (or the list is empty) idle = 0.7 · energy_max.',
      atLeast(0),
      { allowEmpty: true, default: [...SPECS_DEFAULTS.node.energy_idle] },
    ),
    disk_delay: candidates('Disk delay', 'ms added to a packet when an instance memory load exceeds 1.', atLeast(0)),
    ran_node_prob: described('RAN probability', 'Probability that a node is RAN (n_0 always is).', probability()),
    core_node_prob: described(
      'CORE probability',
      'Probability that a node is CORE (the last node always is); ran_node_prob + core_node_prob ≤ 1.',
      probability(),
    ),
    location: {
      title: 'Locations',
      description: 'Location catalogue; each node draws a location with probability node_prob.',
      type: 'array',
      minItems: 1,
      items: location,
    },
  },
  ['cpu', 'mem', 'vnf_num', 'group', 'energy_max', 'disk_delay', 'ran_node_prob', 'core_node_prob', 'location'],
);

const sfcIgnored: Record<string, JsonSchema> = {};
for (const ignored of IGNORED_SPECS_KEYS) {
  if (ignored.parent === '/sfc') sfcIgnored[ignored.key] = {
    title: `${ignored.key} (ignored)`,
    description: `Ignored by the model: ${ignored.reason}.`,
  };
}

const sfc = knownKeys(
  'SFC types',
  'Attributes of the SFC types (s_0 …); each SFC type draws one value per list.',
  {
    vnf_num: candidates('Chain length', 'Number of distinct VNF types in the chain (at most entities_number.vnfs).', integerAtLeast(1)),
    max_latency: candidates('Max latency', 'SLA: max end-to-end delay of a packet (ms).', greaterThan(0)),
    timeout: candidates('Timeout', 'ms an SFC instance stays alive without new packets.', atLeast(0)),
    priorities_order: candidates(
      'Priorities order',
      'Placement criterion order: 1 = latency, capacity, energy; 2 = capacity, latency, energy; 3 = energy, latency, capacity. Absent: a random order per SFC type.',
      { type: 'integer', enum: [1, 2, 3] },
    ),
    ...sfcIgnored,
  },
  ['vnf_num', 'max_latency', 'timeout'],
);

const link = knownKeys(
  'Links',
  'Attributes of the links (full mesh, directed, with parallel links); each link draws one value per list.',
  {
    bandwidth: candidates('Bandwidth', 'Link bandwidth (size units/s).', greaterThan(0)),
    loss_rate: candidates('Loss rate', 'Stored, never used (deprecated).', probability()),
    propagation: candidates('Propagation', 'Propagation delay (ms).', atLeast(0)),
    energy_consumption: candidates('Energy consumption', 'Power figure used by energy-aware placement.', atLeast(0)),
    num_links_between_nodes: candidates('Parallel links', 'Parallel links per node pair (drawn per pair).', integerAtLeast(1)),
    loopback_bandwidth: candidates('Loopback bandwidth', "Bandwidth of each node's loopback link.", greaterThan(0)),
    max_packet_queue: candidates('Max packet queue', 'Link queue limit; -1 = unlimited.', integerAtLeast(-1), {
      default: [...SPECS_DEFAULTS.link.max_packet_queue],
    }),
  },
  ['bandwidth', 'loss_rate', 'propagation', 'energy_consumption', 'num_links_between_nodes', 'loopback_bandwidth'],
);

const user = knownKeys(
  'Users',
  'Attributes of the users; each user draws one value per list.',
  {
    sfc_request_num: candidates(
      'SFC requests per user',
      'Number of distinct SFC types a user requests, one request each (at most entities_number.sfcs).',
      integerAtLeast(0),
    ),
    latency: candidates('Latency', 'Stored, never used by the model.', atLeast(0)),
    bandwidth: candidates('Bandwidth', 'Stored, never used by the model.', atLeast(0)),
    loss_rate: candidates('Loss rate', 'Stored, never used by the model.', probability()),
    priority: candidates('Priority', "Upper bound of the priority of the user's requests.", integerAtLeast(0)),
  },
  ['sfc_request_num', 'latency', 'bandwidth', 'loss_rate', 'priority'],
);

const dataSource = knownKeys(
  'Data sources',
  'Traffic profiles of random flows; each data source draws one value per list.',
  {
    packet_size: candidates('Packet size', 'Mean packet size (Poisson).', atLeast(0)),
    packet_interval: candidates('Packet interval', 'Mean gap (ms) after each packet of a burst.', atLeast(0)),
    packets_burst_size: candidates('Burst size', 'Mean packets per burst.', atLeast(0)),
    packets_burst_interval: candidates('Burst interval', 'Mean gap (ms) before each burst.', atLeast(0)),
  },
  ['packet_size', 'packet_interval', 'packets_burst_size', 'packets_burst_interval'],
);

const sfcRequests: JsonSchema = {
  ...knownKeys(
    'SFC requests',
    'How SFC requests arrive over time.',
    {
      arrival: described('Arrival model', 'poisson: exponential gaps scaled to max_arrival_time; linear: window w receives w · increase_requests_per_window arrivals.', {
        type: 'string',
        enum: ['poisson', 'linear'],
      }),
      duration: candidates('Duration', 'How long (ms) after placement a request keeps generating packets.', atLeast(0)),
      increase_requests_per_window: described(
        'Increase per window',
        'Linear arrivals only (required there): window w receives w times this many arrivals.',
        integerAtLeast(1),
      ),
      max_arrival_time: described(
        'Max arrival time',
        'Upper bound of arrival times (ms). Default: simulation.total_time − simulation.time_window.',
        integerAtLeast(1),
      ),
    },
    ['arrival', 'duration'],
  ),
  if: { properties: { arrival: { const: 'linear' } }, required: ['arrival'] },
  then: { required: ['increase_requests_per_window'] },
};

const slice = knownKeys(
  'Slice',
  'A network slice grouping SFC types.',
  {
    name: described('Name', 'Slice name (unique).', { type: 'string', minLength: 1 }),
    sfcs: {
      title: 'SFC types',
      description: 'SFC type names (s_0 … s_{sfcs−1}); each SFC type belongs to at most one slice.',
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
    },
  },
  ['name', 'sfcs'],
);

/** The JSON Schema (draft-07) of the specs file. */
export const specsSchema: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  ...knownKeys(
    '@nss specs file',
    'Entity specification of a 5G network-slice scenario. Almost every attribute is a list of candidate values from which each generated entity draws one uniformly.',
    {
      $schema: schemaReference('specs.schema.json'),
      entities_number: entitiesNumber,
      vnf,
      node,
      sfc,
      link,
      user,
      data_source: dataSource,
      sfc_requests: sfcRequests,
      slices: {
        title: 'Slices (@nss extension)',
        description: 'Explicit network slices. SFC types not listed are left to the default grouping (one slice per SFC type).',
        type: 'array',
        items: slice,
      },
    },
    ['entities_number', 'vnf', 'node', 'sfc', 'link', 'user', 'data_source', 'sfc_requests'],
  ),
};
