/**
 * JSON Schema of the simulation-parameter file (model-spec §1.4). This object is the single source of
 * truth: the validator compiles it and `scripts/write-schemas.mjs` writes it to
 * `schemas/parameters.schema.json` for editors. Keep imports limited to this folder's schema-building
 * modules (see json-schema.ts).
 */
import { QUIRK_DESCRIPTIONS, QUIRK_NAMES } from './quirks.js';
import { MIGRATION_DEFAULTS, PLACEMENT_DEFAULTS, SIMULATION_DEFAULTS } from './default-values.js';
import {
  FLAG_VALUES,
  SCHEMA_DIALECT,
  atLeast,
  described,
  flag,
  freeForm,
  greaterThan,
  integerAtLeast,
  knownKeys,
  schemaReference,
  type JsonSchema,
} from './json-schema.js';

const D = SIMULATION_DEFAULTS;

const simulation = knownKeys(
  'Simulation',
  'Run length, seed, placement period, logging and packet generation.',
  {
    total_time: described('Total time', 'The simulation stops at this time (ms); events at exactly total_time are not executed.', greaterThan(0)),
    num_rounds: described('Rounds', 'Number of rounds (each with its own derived seed).', integerAtLeast(1)),
    random_seed: {
      title: 'Random seed',
      description: 'Seed of every random stream; required unless given on the command line (--seed).',
      anyOf: [integerAtLeast(0), { type: 'string', minLength: 1 }],
    },
    time_window: described(
      'Time window',
      'Placement period (ms): requests arriving in a window are placed at its end. 0 = one placement of all requests at the start. Must be less than total_time.',
      atLeast(0),
    ),
    compute_loopback_time: flag('Compute loopback time', 'Off: hops between co-located VNFs cost nothing and produce no link events.'),
    share_sfc_instance: flag('Share SFC instances', 'On: SFC-instance sharing is enabled for placements that support it.'),
    packet_generation: flag('Packet generation', 'Off: no packets at all (placement-only study).', D.packet_generation),
    sfc_instance_monitor_interval: described('SFC-instance monitor interval', 'Period (ms) of the SFC-instance monitor.', {
      ...greaterThan(0),
      default: D.sfc_instance_monitor_interval,
    }),
    sfc_instance_monitor_window_size: described('SFC-instance monitor window', 'Look-back window (ms) of the SFC-instance monitor.', {
      ...greaterThan(0),
      default: D.sfc_instance_monitor_window_size,
    }),
    max_sla_violation_sfc_instance_shared: described(
      'Max SLA violations of a shared SFC instance',
      'SLA violations after which a shared SFC instance stops accepting new requests.',
      { ...atLeast(0), default: D.max_sla_violation_sfc_instance_shared },
    ),
    order_sfc_request_by_similarity: {
      title: 'Order requests by similarity',
      description:
        'Order of each placement batch by SFC similarity: "asc" (most similar first), "desc" (reverse) or "none". true and 1 mean "asc"; false, 0, "" and null mean "none".',
      enum: ['asc', 'desc', 'none', true, false, 1, 0, '', null],
      default: D.order_sfc_request_by_similarity,
    },
    log_link_events: flag('Log link events', 'Write link events.', D.log_link_events),
    log_vnf_instance_events: flag(
      'Log VNF-instance events',
      'Write VNF-instance events (the reference also gates SLA-violation events with this flag, quirk Q-19).',
      D.log_vnf_instance_events,
    ),
    log_link_entity: flag('Log link entities', 'Write Entities/links.csv.', D.log_link_entity),
    execute_user_mobility: flag('User mobility', 'Replay user moves from the user-mobility file.', D.execute_user_mobility),
    time_limit_to_packet_generation: described(
      'Packet generation time limit',
      'No new burst or packet after this time (ms). Default: total_time.',
      atLeast(0),
    ),
    packet_flow_file: described(
      'Packet flow file (@nss)',
      'CSV of packets to inject instead of random flows (reference: environment variable PATH_PACKET_FLOW_FILE).',
      { type: 'string', minLength: 1 },
    ),
    user_mobility_file: described(
      'User mobility file (@nss)',
      'CSV of user moves, used when execute_user_mobility is on (reference: --user_mobility_file).',
      { type: 'string', minLength: 1 },
    ),
    compute_link_bw_limit: flag(
      'Link bandwidth limit (@nss)',
      'Placement refuses links without available bandwidth (reference: environment variable COMPUTE_LINK_BW_LIMIT).',
      D.compute_link_bw_limit,
    ),
    log_total_resources: flag(
      'Log total resources (@nss)',
      'Log total CPU usage (reference: environment variable NSS_LOG_TOTAL_RESOURCES).',
      D.log_total_resources,
    ),
    quirks: {
      title: 'Quirks (@nss)',
      description:
        'Behaviour switches: "profile": "reference" reproduces every result-affecting quirk of the reference simulator; each named flag (1/true) reproduces one. Default: all corrected. See docs/model.md.',
      type: 'object',
      properties: {
        profile: {
          title: 'Quirk profile',
          enum: ['corrected', 'reference'],
          description: 'Starting point: corrected (default) or reference.',
        },
        ...Object.fromEntries(
          QUIRK_NAMES.map((name) => [name, { title: name, enum: [...FLAG_VALUES], description: QUIRK_DESCRIPTIONS[name] }]),
        ),
      },
      // A misspelt flag would silently change nothing: unknown names are errors here.
      propertyNames: { enum: ['profile', ...QUIRK_NAMES] },
      default: {},
    },
  },
  ['total_time', 'num_rounds', 'time_window', 'compute_loopback_time', 'share_sfc_instance'],
);

const placement = knownKeys(
  'Placement',
  'The placement heuristic and SFC-request re-placement.',
  {
    heuristic: described(
      'Heuristic',
      'Placement heuristic: a registered name or alias (GreedyPlacement, RandomPlacement, SmartPlacement …), a package name or a module path.',
      { type: 'string', minLength: 1 },
    ),
    parameters: freeForm('Parameters', 'Parameters of the heuristic, passed unchanged; the plugin validates them.'),
    enable_replacement: flag('Re-placement', 'Re-place requests whose users moved and whose latency crossed the migration threshold.', PLACEMENT_DEFAULTS.enable_replacement),
    max_replacement_retries: described('Max re-placement attempts', 'Attempts per request before giving up.', {
      ...integerAtLeast(0),
      default: PLACEMENT_DEFAULTS.max_replacement_retries,
    }),
    replacement_backoff_slot_size: described('Back-off slot', 'Exponential back-off slot (ms) between re-placement attempts.', {
      ...greaterThan(0),
      default: PLACEMENT_DEFAULTS.replacement_backoff_slot_size,
    }),
  },
  ['heuristic'],
);

const scaling = (title: string, description: string): JsonSchema =>
  knownKeys(
    title,
    description,
    {
      heuristic: described(
        'Heuristic',
        'Scaling heuristic: a registered name or alias (BasicCPUScaling, SmartVerticalScalingUp …), a package name or a module path.',
        { type: 'string', minLength: 1 },
      ),
      parameters: freeForm('Parameters', 'Parameters of the heuristic, passed unchanged; the plugin validates them.'),
    },
    ['heuristic'],
  );

const migration = knownKeys(
  'Migration thresholds',
  'When the SFC-instance monitor marks a request for re-placement.',
  {
    migration_threshold_percentage: described('Threshold', 'Fraction of the SFC max_latency above which a request is a candidate.', {
      ...greaterThan(0),
      default: MIGRATION_DEFAULTS.migration_threshold_percentage,
    }),
    migration_threshold_packet_window: described('Packet window', 'Number of most recent packets averaged.', {
      ...integerAtLeast(1),
      default: MIGRATION_DEFAULTS.migration_threshold_packet_window,
    }),
  },
  [],
);

/** The JSON Schema (draft-07) of the simulation-parameter file. */
export const parametersSchema: JsonSchema = {
  $schema: SCHEMA_DIALECT,
  ...knownKeys(
    '@nss simulation parameters',
    'Simulation parameters of an @nss run: run length, seed, placement, scaling, dispatch and migration.',
    {
      $schema: schemaReference('parameters.schema.json'),
      simulation,
      placement,
      scaling: scaling('Scaling', 'The scaling heuristic. Absent: no scaling.'),
      scaling_down: scaling(
        'Scaling down',
        'A second, independent scaling process (usually SmartVerticalScalingDown). Valid without a scaling object.',
      ),
      dispatch: knownKeys(
        'Dispatch',
        'The dispatch policy that chooses which VNF instance serves a packet when several instances of one VNF type serve an SFC instance (after horizontal scaling). Absent: round robin.',
        {
          heuristic: described(
            'Policy',
            'Dispatch policy: a registered name or alias (round-robin, least-loaded, random …), a package name or a module path.',
            { type: 'string', minLength: 1 },
          ),
          parameters: freeForm('Parameters', 'Parameters of the policy, passed unchanged; the plugin validates them.'),
        },
        ['heuristic'],
      ),
      migration,
    },
    ['simulation', 'placement'],
  ),
};
