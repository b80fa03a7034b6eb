import { type ParameterSchema, type ParametersSchema, PluginError } from '@nss/core';

/** `acceptable_sla_violation_rate`: `default` plus optional per-SFC-name rates, each in [0, 1]. */
export type AcceptableRates = Readonly<Record<string, number>> & { readonly default: number };

/** Parameters shared by the three scalers (the reference's code names, model-spec §8.3 / §8.8). */
export interface CommonParameters {
  /** ms between monitor calls (> 0). */
  readonly monitor_interval: number;
  /** ms summarised by each monitor view (≥ monitor_interval). */
  readonly monitor_window_size: number;
  /** Weight of the free-CPU share in the node score H(n) (≥ 0). */
  readonly cpu_node_available_importance: number;
  /** Weight of the free-memory share in H(n) (≥ 0). */
  readonly mem_node_available_importance: number;
  /** Weight of the mean CPU load in the instance load metric Λ (≥ 0). */
  readonly cpu_vnf_load_importance: number;
  /** Weight of the mean memory load in Λ (≥ 0). */
  readonly mem_vnf_load_importance: number;
  /** ms during which an SFC instance that was just scaled is left alone (≥ 0). */
  readonly waiting_time_between_scaling_ups: number;
}

/** Parameters of `smart-vertical-up` (and, with `threshold`, of `tcp-vertical-up`). */
export interface SmartVerticalUpParameters extends CommonParameters {
  /** Fraction of the current allocation added by one scale-up (> 0). */
  readonly resource_increment: number;
  /** 0 ⇒ consolidation (least free node first); anything else ⇒ balance (most free node first). */
  readonly prioritize_nodes_with_more_resource_available: number;
  /** Only instances whose load metric Λ exceeds this are scaled (≥ 0). */
  readonly load_vnf_instance_limit: number;
  /** SLA-violation rate at or above which an SFC instance is scaled up. */
  readonly acceptable_sla_violation_rate: AcceptableRates;
}

/** Parameters of `tcp-vertical-up`. */
export interface TcpVerticalUpParameters extends SmartVerticalUpParameters {
  /** Fraction of the node's CPU above which the increment is linear (below it, the allocation doubles). */
  readonly threshold: number;
}

/** Parameters of `smart-vertical-down`. */
export interface SmartVerticalDownParameters extends CommonParameters {
  /** Fraction of the current allocation removed by one scale-down, in (0, 1]. */
  readonly resource_decrement: number;
  /** Accepted for compatibility with the reference's parameter files; unused (model-spec §8.5). */
  readonly prioritize_nodes_with_more_resource_available: number;
  /** Accepted for compatibility with the reference's parameter files; unused (model-spec §8.5). */
  readonly load_vnf_instance_limit: number;
  /** Weight of the load metric in RIT. */
  readonly load_metric_importance: number;
  /** Weight of the normalised per-packet CPU demand in RIT. */
  readonly process_contribution_importance: number;
  /** Weight of (1 − H(node)) in RIT. */
  readonly resource_available_importance: number;
}

/** Defaults (documented in the README). */
export const DEFAULTS = Object.freeze({
  resource_increment: 0.2,
  resource_decrement: 0.1,
  monitor_interval: 100,
  monitor_window_size: 100,
  cpu_node_available_importance: 1,
  mem_node_available_importance: 1,
  prioritize_nodes_with_more_resource_available: 1,
  cpu_vnf_load_importance: 1,
  mem_vnf_load_importance: 1,
  load_vnf_instance_limit: 0,
  acceptable_sla_violation_rate: Object.freeze({ default: 0.05 }),
  waiting_time_between_scaling_ups: 0,
  threshold: 0.5,
  load_metric_importance: 1,
  process_contribution_importance: 1,
  resource_available_importance: 1,
});

const weight = (description: string, def: number): ParameterSchema => ({ type: 'number', minimum: 0, default: def, description });

const rate: ParameterSchema = { type: 'number', minimum: 0, maximum: 1 };

const COMMON: Record<string, ParameterSchema> = {
  monitor_interval: {
    type: 'number',
    exclusiveMinimum: 0,
    default: DEFAULTS.monitor_interval,
    description: 'ms between two monitor calls.',
  },
  monitor_window_size: {
    type: 'number',
    exclusiveMinimum: 0,
    default: DEFAULTS.monitor_window_size,
    description: 'ms of history summarised by each monitor view; must be >= monitor_interval.',
  },
  cpu_node_available_importance: weight('Weight of the free-CPU share in the node score H(n).', DEFAULTS.cpu_node_available_importance),
  mem_node_available_importance: weight('Weight of the free-memory share in the node score H(n).', DEFAULTS.mem_node_available_importance),
  cpu_vnf_load_importance: weight('Weight of the mean CPU load in the instance load metric.', DEFAULTS.cpu_vnf_load_importance),
  mem_vnf_load_importance: weight('Weight of the mean memory load in the instance load metric.', DEFAULTS.mem_vnf_load_importance),
  waiting_time_between_scaling_ups: {
    type: 'number',
    minimum: 0,
    default: DEFAULTS.waiting_time_between_scaling_ups,
    description: 'ms during which an SFC instance that was scaled is not scaled again (the others are).',
  },
  prioritize_nodes_with_more_resource_available: {
    type: 'number',
    default: DEFAULTS.prioritize_nodes_with_more_resource_available,
    description: '0: consolidation (least free node first); anything else: balance (most free node first).',
  },
  load_vnf_instance_limit: {
    type: 'number',
    minimum: 0,
    default: DEFAULTS.load_vnf_instance_limit,
    description: 'Only instances whose load metric exceeds this limit are scaled up.',
  },
};

const UP: Record<string, ParameterSchema> = {
  ...COMMON,
  resource_increment: {
    type: 'number',
    exclusiveMinimum: 0,
    default: DEFAULTS.resource_increment,
    description: 'Fraction of the current CPU and memory added by one scale-up.',
  },
  acceptable_sla_violation_rate: {
    type: 'object',
    properties: { default: { ...rate, default: DEFAULTS.acceptable_sla_violation_rate.default } },
    additionalProperties: rate,
    default: { default: DEFAULTS.acceptable_sla_violation_rate.default },
    description: 'SLA-violation rate (in [0, 1]) from which an SFC instance is scaled up: "default" plus optional per-SFC-name rates.',
  },
};

/** Parameters schema of `smart-vertical-up`. */
export const SMART_UP_SCHEMA: ParametersSchema = { type: 'object', properties: UP };

/** Parameters schema of `tcp-vertical-up`. */
export const TCP_UP_SCHEMA: ParametersSchema = {
  type: 'object',
  properties: {
    ...UP,
    threshold: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      default: DEFAULTS.threshold,
      description: 'Fraction of the node CPU above which the increment is linear (resource_increment); below it the allocation doubles.',
    },
  },
};

/** Parameters schema of `smart-vertical-down`. */
export const SMART_DOWN_SCHEMA: ParametersSchema = {
  type: 'object',
  properties: {
    ...COMMON,
    prioritize_nodes_with_more_resource_available: {
      ...COMMON.prioritize_nodes_with_more_resource_available,
      description: 'Accepted for compatibility with reference parameter files; unused by the down-scaler.',
    },
    load_vnf_instance_limit: {
      ...COMMON.load_vnf_instance_limit,
      description: 'Accepted for compatibility with reference parameter files; unused by the down-scaler.',
    },
    resource_decrement: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 1,
      default: DEFAULTS.resource_decrement,
      description: 'Fraction of the current CPU and memory removed by one scale-down (never below the VNF minimum).',
    },
    load_metric_importance: weight('Weight of the load metric in RIT.', DEFAULTS.load_metric_importance),
    process_contribution_importance: weight(
      'Weight of the per-packet CPU demand (normalised by the largest of the chain) in RIT.',
      DEFAULTS.process_contribution_importance,
    ),
    resource_available_importance: weight('Weight of (1 - H(node)) in RIT.', DEFAULTS.resource_available_importance),
  },
};

// ------------------------------------------------------------------ create-time checks

/** Throws a PluginError naming the plugin, the parameter, the value and the rule. */
function fail(plugin: string, parameter: string, value: unknown, rule: string): never {
  throw new PluginError(`scaling plugin "${plugin}": parameter "${parameter}" = ${JSON.stringify(value)} is invalid: ${rule}`);
}

/** A number from a number or a numeric string (the reference passes strings). */
function asNumber(plugin: string, parameter: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) fail(plugin, parameter, value, 'it must be a finite number');
  return n;
}

function checkRange(plugin: string, parameter: string, value: unknown, min: number, max: number, open: 'min' | 'none' = 'none'): number {
  const n = asNumber(plugin, parameter, value);
  if (open === 'min' ? !(n > min) : !(n >= min)) fail(plugin, parameter, value, `it must be ${open === 'min' ? '>' : '>='} ${min}`);
  if (!(n <= max)) fail(plugin, parameter, value, `it must be <= ${max}`);
  return n;
}

function checkWeights(plugin: string, params: Record<string, unknown>, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = checkRange(plugin, name, params[name], 0, Infinity);
  if (names.every((n) => out[n] === 0)) {
    throw new PluginError(
      `scaling plugin "${plugin}": parameters ${names.map((n) => `"${n}"`).join(', ')} are all 0 (${names
        .map((n) => `${n} = ${String(params[n])}`)
        .join(', ')}); at least one of these weights must be > 0`,
    );
  }
  return out;
}

function checkCommon(plugin: string, p: Record<string, unknown>): CommonParameters {
  const monitor_interval = checkRange(plugin, 'monitor_interval', p.monitor_interval, 0, Infinity, 'min');
  const monitor_window_size = checkRange(plugin, 'monitor_window_size', p.monitor_window_size, 0, Infinity, 'min');
  if (monitor_window_size < monitor_interval) {
    fail(plugin, 'monitor_window_size', p.monitor_window_size, `it must be >= monitor_interval (${monitor_interval})`);
  }
  const node = checkWeights(plugin, p, ['cpu_node_available_importance', 'mem_node_available_importance']);
  const load = checkWeights(plugin, p, ['cpu_vnf_load_importance', 'mem_vnf_load_importance']);
  return {
    monitor_interval,
    monitor_window_size,
    cpu_node_available_importance: node.cpu_node_available_importance,
    mem_node_available_importance: node.mem_node_available_importance,
    cpu_vnf_load_importance: load.cpu_vnf_load_importance,
    mem_vnf_load_importance: load.mem_vnf_load_importance,
    waiting_time_between_scaling_ups: checkRange(plugin, 'waiting_time_between_scaling_ups', p.waiting_time_between_scaling_ups, 0, Infinity),
  };
}

function checkRates(plugin: string, value: unknown): AcceptableRates {
  const name = 'acceptable_sla_violation_rate';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(plugin, name, value, 'it must be an object with a "default" rate and optional per-SFC-name rates');
  }
  const raw = value as Record<string, unknown>;
  if (!('default' in raw)) fail(plugin, name, value, 'it must have a "default" rate');
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(raw)) out[key] = checkRange(plugin, `${name}.${key}`, v, 0, 1);
  return Object.freeze(out) as AcceptableRates;
}

/** Fills the defaults (for direct `create` calls) and checks every rule; the host's schema validation runs first. */
function withDefaults(params: unknown): Record<string, unknown> {
  const given = params !== null && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k] = v;
  return out;
}

/** Validated parameters of `smart-vertical-up`. Throws PluginError on a bad value. */
export function checkUpParameters(plugin: string, params: unknown): SmartVerticalUpParameters {
  const p = withDefaults(params);
  return Object.freeze({
    ...checkCommon(plugin, p),
    resource_increment: checkRange(plugin, 'resource_increment', p.resource_increment, 0, Infinity, 'min'),
    prioritize_nodes_with_more_resource_available: asNumber(
      plugin,
      'prioritize_nodes_with_more_resource_available',
      p.prioritize_nodes_with_more_resource_available,
    ),
    load_vnf_instance_limit: checkRange(plugin, 'load_vnf_instance_limit', p.load_vnf_instance_limit, 0, Infinity),
    acceptable_sla_violation_rate: checkRates(plugin, p.acceptable_sla_violation_rate),
  });
}

/** Validated parameters of `tcp-vertical-up`. */
export function checkTcpParameters(plugin: string, params: unknown): TcpVerticalUpParameters {
  const p = withDefaults(params);
  return Object.freeze({ ...checkUpParameters(plugin, p), threshold: checkRange(plugin, 'threshold', p.threshold, 0, 1) });
}

/** Validated parameters of `smart-vertical-down`. */
export function checkDownParameters(plugin: string, params: unknown): SmartVerticalDownParameters {
  const p = withDefaults(params);
  const rit = checkWeights(plugin, p, ['load_metric_importance', 'process_contribution_importance', 'resource_available_importance']);
  return Object.freeze({
    ...checkCommon(plugin, p),
    resource_decrement: checkRange(plugin, 'resource_decrement', p.resource_decrement, 0, 1, 'min'),
    prioritize_nodes_with_more_resource_available: asNumber(
      plugin,
      'prioritize_nodes_with_more_resource_available',
      p.prioritize_nodes_with_more_resource_available,
    ),
    load_vnf_instance_limit: checkRange(plugin, 'load_vnf_instance_limit', p.load_vnf_instance_limit, 0, Infinity),
    load_metric_importance: rit.load_metric_importance,
    process_contribution_importance: rit.process_contribution_importance,
    resource_available_importance: rit.resource_available_importance,
  });
}
