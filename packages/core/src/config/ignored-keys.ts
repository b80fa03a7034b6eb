/**
 * Keys that appear in the reference's README or example files but that the model never reads. They are
 * accepted (declared in the schemas so that editors do not flag them) and the validator reports each one
 * as a warning saying it is ignored.
 */

/** One known-but-ignored key: the JSON Pointer of the object holding it, the key, and why it is ignored. */
export interface IgnoredKey {
  /** JSON Pointer of the object that holds the key, e.g. `/sfc`. */
  readonly parent: string;
  readonly key: string;
  /** Why the model ignores it, as a phrase (shown in the warning and in the schema description). */
  readonly reason: string;
}

const SFC_TRAFFIC = 'a README-only field; the traffic shape comes from data_source';

/** Known-ignored keys of the specs file (model-spec §1.3). */
export const IGNORED_SPECS_KEYS: readonly IgnoredKey[] = [
  { parent: '/sfc', key: 'priority', reason: 'a README-only field' },
  { parent: '/sfc', key: 'mean_packet_creation', reason: SFC_TRAFFIC },
  { parent: '/sfc', key: 'packets_burst_interval', reason: SFC_TRAFFIC },
  { parent: '/sfc', key: 'packets_burst_size', reason: SFC_TRAFFIC },
];

/** Known-ignored keys of the simulation-parameter file (none so far). */
export const IGNORED_PARAMETERS_KEYS: readonly IgnoredKey[] = [];
