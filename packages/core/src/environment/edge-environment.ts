import type { DataSource } from '../model/data-source.js';
import type { Link } from '../model/link.js';
import type { Node } from '../model/node.js';
import type { Sfc } from '../model/sfc.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { Slice } from '../model/slice.js';
import type { User } from '../model/user.js';
import type { Vnf } from '../model/vnf.js';

/**
 * Everything generated before a run (model-spec §2): the infrastructure, the service catalogue, the
 * users and their SFC requests. Plain data: it round-trips through JSON exactly
 * ({@link saveEnvironment} / {@link loadEnvironment}). Each list is ordered by `index`.
 */
export interface EdgeEnvironment {
  /** Format marker of the saved JSON. */
  readonly format: 'nss-environment';
  /** Format version of the saved JSON. */
  readonly version: 1;
  /** Seed it was generated with (`null` when imported). */
  readonly seed: number | string | null;
  readonly nodes: readonly Node[];
  readonly links: readonly Link[];
  readonly vnfs: readonly Vnf[];
  readonly sfcs: readonly Sfc[];
  readonly slices: readonly Slice[];
  readonly users: readonly User[];
  readonly dataSources: readonly DataSource[];
  /** Ordered by index (user-major, as the reference); arrival times are non-decreasing only for poisson. */
  readonly sfcRequests: readonly SfcRequest[];
}
