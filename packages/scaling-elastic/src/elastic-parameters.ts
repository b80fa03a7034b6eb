import { type ParameterSchema, type ParametersSchema, PluginError } from '@nss/core';

/** The plugin's name (used in parameter files, logs and error messages). */
export const ELASTIC_NAME = 'elastic';

/** What one elasticity agent watches: each VNF instance, or each slice (its instances together). */
export type ElasticScope = 'vnf-instance' | 'slice';

/**
 * The metric of the points, in percent:
 * - `utilization`: share of the monitor interval during which the instance had a busy processing slot
 *   (NECOS's PERCENT_CPU_UTILIZATION), 0–100;
 * - `cpu-load`: 100 × the mean CPU load Σ W/C of the packets in service (the BasicCPUScaling unit),
 *   unbounded.
 */
export type ElasticMetric = 'utilization' | 'cpu-load';

/** Resolved parameters of the elastic scaling. */
export interface ElasticParameters {
  /** One agent per VNF instance or per slice. Default `vnf-instance`. */
  readonly scope: ElasticScope;
  /** Metric of the points. Default `utilization`. */
  readonly metric: ElasticMetric;
  /** Scale up when the points are above this (percent, > 0; ≤ 100 for `utilization`). Default 80. */
  readonly threshold: number;
  /** Scale in when the points are below this (percent, ≥ 0, < threshold). Default 20. */
  readonly lower_threshold: number;
  /** Number of consecutive points that must satisfy the condition (integer ≥ 1). Default 3. */
  readonly points: number;
  /** ms: when set, every point of the last `time_window` ms must satisfy it instead (≥ monitor_interval). */
  readonly time_window: number | null;
  /** ms between two points (> 0). Default 100. */
  readonly monitor_interval: number;
  /** ms during which a target is left alone after an action (≥ 0). Default 1000. */
  readonly cooldown: number;
  /** A vertical scale-up sets the CPU to cpu · (1 + this) (> 0). Default 0.5. */
  readonly cpu_increment: number;
  /** A vertical scale-down sets the CPU to max(VNF type cpu, cpu · (1 − this)) (> 0 and < 1). Default 0.25. */
  readonly cpu_decrement: number;
  /** Most instances of one VNF type serving one SFC instance after scale-out (integer ≥ 1). Default 4. */
  readonly max_instances: number;
}

/** The parameters as the schema validated them (defaults applied; `time_window` may be absent). */
export type ElasticRawParameters = Omit<ElasticParameters, 'time_window'> & { readonly time_window?: number };

/** Default values. */
export const ELASTIC_DEFAULTS: Omit<ElasticParameters, 'time_window'> = Object.freeze({
  scope: 'vnf-instance',
  metric: 'utilization',
  threshold: 80,
  lower_threshold: 20,
  points: 3,
  monitor_interval: 100,
  cooldown: 1000,
  cpu_increment: 0.5,
  cpu_decrement: 0.25,
  max_instances: 4,
});

const PROPERTIES: Readonly<Record<keyof ElasticParameters, ParameterSchema>> = {
  scope: {
    enum: ['vnf-instance', 'slice'],
    default: ELASTIC_DEFAULTS.scope,
    description: 'One agent per VNF instance, or per slice (the mean over its instances). Default vnf-instance.',
  },
  metric: {
    enum: ['utilization', 'cpu-load'],
    default: ELASTIC_DEFAULTS.metric,
    description: 'Metric of the points, in percent: utilization (busy share of the interval, 0–100) or cpu-load (100 × mean Σ W/C). Default utilization.',
  },
  threshold: {
    type: 'number',
    exclusiveMinimum: 0,
    default: ELASTIC_DEFAULTS.threshold,
    description: 'Scale up when the points are above this (percent; at most 100 for utilization). Default 80.',
  },
  lower_threshold: {
    type: 'number',
    minimum: 0,
    default: ELASTIC_DEFAULTS.lower_threshold,
    description: 'Scale in when the points are below this (percent; < threshold). Default 20.',
  },
  points: {
    type: 'integer',
    minimum: 1,
    default: ELASTIC_DEFAULTS.points,
    description: 'Consecutive points that must satisfy the condition (NECOS trigger.points). Default 3.',
  },
  time_window: {
    type: 'number',
    exclusiveMinimum: 0,
    description: 'ms: every point of this window must satisfy the condition (NECOS trigger.time-window), instead of points; ≥ monitor_interval.',
  },
  monitor_interval: {
    type: 'number',
    exclusiveMinimum: 0,
    default: ELASTIC_DEFAULTS.monitor_interval,
    description: 'ms between two points. Default 100.',
  },
  cooldown: {
    type: 'number',
    minimum: 0,
    default: ELASTIC_DEFAULTS.cooldown,
    description: 'ms a target is left alone after an action (NECOS reactivate-elasticity). Default 1000.',
  },
  cpu_increment: {
    type: 'number',
    exclusiveMinimum: 0,
    default: ELASTIC_DEFAULTS.cpu_increment,
    description: 'Vertical scale-up: CPU to cpu · (1 + this). Default 0.5.',
  },
  cpu_decrement: {
    type: 'number',
    exclusiveMinimum: 0,
    exclusiveMaximum: 1,
    default: ELASTIC_DEFAULTS.cpu_decrement,
    description: 'Vertical scale-down: CPU to max(VNF type cpu, cpu · (1 − this)). Default 0.25.',
  },
  max_instances: {
    type: 'integer',
    minimum: 1,
    default: ELASTIC_DEFAULTS.max_instances,
    description: 'Most instances of one VNF type serving one SFC instance after scale-out. Default 4.',
  },
};

/** JSON Schema of the parameters. */
export const ELASTIC_PARAMETERS_SCHEMA: ParametersSchema = { type: 'object', properties: PROPERTIES };

function fail(parameter: string, value: unknown, rule: string): never {
  throw new PluginError(`scaling plugin "${ELASTIC_NAME}": parameter "${parameter}" (${String(value)}) ${rule}`);
}

/**
 * Checks the rules the schema cannot express and returns the parameters: `lower_threshold` <
 * `threshold`, `threshold` ≤ 100 for the `utilization` metric, `time_window` ≥ `monitor_interval`.
 * Throws `PluginError` naming the plugin, the parameter, the value and the rule.
 */
export function resolveElasticParameters(raw: ElasticRawParameters): ElasticParameters {
  const p: ElasticParameters = { ...ELASTIC_DEFAULTS, ...raw, time_window: raw.time_window ?? null };
  if (p.metric === 'utilization' && p.threshold > 100) {
    fail('threshold', p.threshold, 'must be at most 100 with metric "utilization" (a share of time in percent): it could never be exceeded');
  }
  if (!(p.lower_threshold < p.threshold)) {
    fail('lower_threshold', p.lower_threshold, `must be less than "threshold" (${p.threshold})`);
  }
  if (p.time_window !== null && p.time_window < p.monitor_interval) {
    fail('time_window', p.time_window, `must be at least "monitor_interval" (${p.monitor_interval}): a window shorter than the interval holds no whole point`);
  }
  return Object.freeze(p);
}
