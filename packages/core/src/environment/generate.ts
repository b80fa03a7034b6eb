import { DEFAULT_SPECS_LABEL, type SpecsFile } from '../config/index.js';
import { Rng } from '../engine/rng.js';
import type { EdgeEnvironment } from './edge-environment.js';
import { arrivalInstants, type GenerationTiming } from './arrivals.js';
import { generateLinks } from './generate-links.js';
import { generateNodes } from './generate-nodes.js';
import { generateRequests } from './generate-requests.js';
import { assignSlices, generateSfcs } from './generate-sfcs.js';
import { generateDataSources, generateUsers } from './generate-users.js';
import { generateVnfs } from './generate-vnfs.js';
import type { GenerationContext } from './generate-util.js';

/** Switches of {@link generateEnvironment} that reproduce reference behaviour or label errors. */
export interface GenerateOptions {
  /**
   * Attach every user to one RAN node picked once, as the reference does. Default `false`: each
   * user picks its RAN node uniformly among the RAN nodes.
   */
  readonly usersOnOneRanNode?: boolean;
  /** Label of the specs file in error messages (its path as the user gave it). Default `<specs>`. */
  readonly file?: string;
}

/**
 * The names of the random streams {@link generateEnvironment} draws from, one per entity kind, all from
 * `new Rng(seed)`. Because each kind has its own stream, changing one part of the specs (e.g. the
 * number of users) leaves the entities drawn from the other streams unchanged.
 */
export const GENERATION_STREAMS = Object.freeze({
  vnfs: 'env/vnfs',
  nodes: 'env/nodes',
  sfcs: 'env/sfcs',
  links: 'env/links',
  users: 'env/users',
  dataSources: 'env/data-sources',
  requests: 'env/requests',
  arrivals: 'env/arrivals',
} as const);

/**
 * Generates the environment of a run from a validated specs file and a seed (model-spec §2, §3.1):
 * VNF types, nodes (with the coverage post-pass), SFC types, slices, links (loopbacks, then a full mesh
 * of parallel directed links), users, data sources and SFC requests with their arrival instants.
 *
 * Deterministic: the same specs, seed, timing and options give an identical environment
 * ({@link saveEnvironment} output is byte-identical). Every number is copied from the specs except the
 * 70 % idle-power rule. Differences from the reference, all documented: users attach to a uniformly
 * picked RAN node each [Q-4] (see {@link GenerateOptions.usersOnOneRanNode}); linear arrivals must
 * produce one instant per request; spec problems the reference crashes on throw a
 * {@link ConfigError} with the JSON path.
 *
 * @param specs - a validated specs file (model-spec §1.3), defaults applied.
 * @param seed - seed of the generation streams ({@link GENERATION_STREAMS}).
 * @param timing - `total_time` and `time_window` of the simulation parameters (the resolved settings
 *   object fits); needed for the arrival bound when `sfc_requests.max_arrival_time` is absent, and
 *   always for linear arrivals.
 * @param options - see {@link GenerateOptions}.
 * @throws ConfigError or NssError when the specs cannot produce an environment.
 */
export function generateEnvironment(
  specs: SpecsFile,
  seed: number | string,
  timing?: GenerationTiming,
  options: GenerateOptions = {},
): EdgeEnvironment {
  const ctx: GenerationContext = { file: options.file ?? DEFAULT_SPECS_LABEL };
  const rng = new Rng(seed);
  const vnfs = generateVnfs(specs, rng.stream(GENERATION_STREAMS.vnfs), ctx);
  const vnfNames = vnfs.map((v) => v.name);
  const nodes = generateNodes(specs, vnfNames, rng.stream(GENERATION_STREAMS.nodes), ctx);
  const rawSfcs = generateSfcs(specs, vnfNames, rng.stream(GENERATION_STREAMS.sfcs), ctx);
  const { sfcs, slices } = assignSlices(rawSfcs, specs.slices, ctx);
  const links = generateLinks(specs, nodes.length, rng.stream(GENERATION_STREAMS.links), ctx);
  const users = generateUsers(
    specs,
    nodes,
    sfcs.map((s) => s.name),
    rng.stream(GENERATION_STREAMS.users),
    ctx,
    options.usersOnOneRanNode ?? false,
  );
  const dataSources = generateDataSources(specs, rng.stream(GENERATION_STREAMS.dataSources), ctx);
  const requestCount = users.reduce((n, u) => n + u.sfcs.length, 0);
  const arrivals = arrivalInstants(
    specs.sfc_requests,
    requestCount,
    timing,
    rng.stream(GENERATION_STREAMS.arrivals),
    ctx.file,
  );
  const sfcRequests = generateRequests(specs, users, dataSources, arrivals, rng.stream(GENERATION_STREAMS.requests), ctx);
  return {
    format: 'nss-environment',
    version: 1,
    seed,
    nodes,
    links,
    vnfs,
    sfcs,
    slices,
    users,
    dataSources,
    sfcRequests,
  };
}
