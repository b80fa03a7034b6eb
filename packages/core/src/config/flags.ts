/**
 * Normalisation of the reference's loosely typed values: on/off flags and the similarity order.
 */
import type { Flag, SimilarityOrderValue } from './parameters-types.js';

/** The normalised similarity order of a placement batch (model-spec §3.4). */
export type SimilarityOrder = 'asc' | 'desc' | 'none';

/**
 * A flag as a boolean: `1`, `true` and `"1"` are on; `0`, `false` and `"0"` are off; `undefined` gives
 * `defaultValue`. (The reference treats some flags as on only for exactly `1`; \@nss accepts all three
 * spellings for every flag, which is documented as a deliberate difference.)
 */
export function flagValue(value: Flag | undefined, defaultValue: boolean): boolean {
  if (value === undefined) return defaultValue;
  return value === true || value === 1 || value === '1';
}

/**
 * `order_sfc_request_by_similarity` normalised as the reference reads it: `"asc"`/`"desc"`/`"none"` as
 * such, any other truthy value (`true`, `1`) is `"asc"`, a falsy value (`false`, `0`, `""`, `null`) or
 * absence is `"none"`.
 */
export function similarityOrder(value: SimilarityOrderValue | undefined): SimilarityOrder {
  if (value === 'asc' || value === 'desc' || value === 'none') return value;
  return value ? 'asc' : 'none';
}
