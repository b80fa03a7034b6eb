import { DispatchError } from '../errors.js';
import type { ForwardingTable } from '../table/forwarding-table.js';
import { AsyncPfUpdater } from './async-pf-updater.js';
import { AsyncUpdater } from './async-updater.js';
import { NoneUpdater } from './none-updater.js';
import { type LatencyStatistic, TrivialUpdater } from './trivial-updater.js';
import type { WeightUpdater, WeightUpdaterType } from './weight-updater.js';

/** An `--optimizer-conf` (the seed's default: `{ type: 'trivial', period: 10, stat: 'mean' }`). */
export interface WeightUpdaterConf {
  readonly type: WeightUpdaterType;
  /** `trivial`: period length. */
  readonly period?: number;
  /** `trivial`: statistic. */
  readonly stat?: LatencyStatistic;
  /** `trivial`: start of the first period. */
  readonly start?: number;
  /** `async`: weight of the old value. */
  readonly alpha?: number;
  /** `async`: age beyond which the old weight is ignored. */
  readonly stalePeriod?: number;
}

/** The updater types, in the seed's spelling. */
export const WEIGHT_UPDATER_TYPES: readonly WeightUpdaterType[] = Object.freeze(['trivial', 'async', 'asyncPF', 'none']);

const OPTIONS: Readonly<Record<WeightUpdaterType, readonly string[]>> = {
  trivial: ['period', 'stat', 'start'],
  async: ['alpha', 'stalePeriod'],
  asyncPF: [],
  none: [],
};

/** A weight updater bound to `table`, from its conf. Unknown types and options are errors that list the valid ones. */
export function createWeightUpdater(table: ForwardingTable, conf: WeightUpdaterConf): WeightUpdater {
  const type = conf?.type;
  if (!WEIGHT_UPDATER_TYPES.includes(type)) {
    throw new DispatchError(`unknown weight updater type ${JSON.stringify(type)}; use one of ${WEIGHT_UPDATER_TYPES.join(', ')}`);
  }
  const given: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(conf)) {
    if (key === 'type') continue;
    if (!OPTIONS[type].includes(key)) {
      const allowed = OPTIONS[type].length === 0 ? 'it takes none' : `it takes ${OPTIONS[type].join(', ')}`;
      throw new DispatchError(`weight updater "${type}": unknown option "${key}"; ${allowed}`);
    }
    if (value !== undefined) given[key] = value;
  }
  switch (type) {
    case 'trivial':
      return new TrivialUpdater(table, given);
    case 'async':
      return new AsyncUpdater(table, given);
    case 'asyncPF':
      return new AsyncPfUpdater(table);
    case 'none':
      return new NoneUpdater();
  }
}
