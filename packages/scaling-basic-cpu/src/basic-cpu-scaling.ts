import {
  type MonitorView,
  type ParameterSchema,
  type ParametersSchema,
  PluginError,
  type ScalingAction,
  type ScalingStrategy,
  defineScaling,
} from '@nss/core';

/** The plugin's name (used in parameter files, logs and error messages). */
const NAME = 'basic-cpu';

/** Resolved parameters of the basic CPU scaling (the reference's code names, model-spec §8.2). */
export interface BasicCpuParameters {
  /** Scale up when an instance's CPU load is above this (> 0). Default 1 (README: "load > 100 %"). */
  readonly cpu_load_max: number;
  /** Scale down when an instance's CPU load is below this (≥ 0, < cpu_load_max). Default 0.7. */
  readonly cpu_load_min: number;
  /** A scale-up multiplies the CPU by 1 + this (> 0). Default 0.1. */
  readonly resource_increment: number;
  /** A scale-down multiplies the CPU by 1 − this (> 0 and < 1), never below the VNF type's cpu. Default 0.1. */
  readonly resource_decrement: number;
  /** ms between two monitor cycles (> 0); also the window the load is averaged over. Default 100. */
  readonly monitor_interval: number;
  /** ms an instance must wait after a scale-up attempt before the next one (≥ 0). Default 0. */
  readonly waiting_time_between_scalings_ups: number;
}

/**
 * The parameters as validated by the schema: every canonical name (defaults applied when neither it
 * nor its synonym was given) and the README's synonyms when given.
 */
export interface BasicCpuRawParameters {
  readonly cpu_load_max?: number;
  readonly cpu_load_min?: number;
  readonly resource_increment?: number;
  readonly resource_decrement?: number;
  readonly monitor_interval?: number;
  readonly waiting_time_between_scalings_ups?: number;
  readonly cpu_usage_max?: number;
  readonly cpu_usage_min?: number;
  readonly cpu_increment?: number;
  readonly cpu_decrement?: number;
}

/** Default values of the parameters (the README's semantics: above 100 % ⇒ +10 %, below 70 % ⇒ −10 %). */
export const BASIC_CPU_DEFAULTS: BasicCpuParameters = Object.freeze({
  cpu_load_max: 1,
  cpu_load_min: 0.7,
  resource_increment: 0.1,
  resource_decrement: 0.1,
  monitor_interval: 100,
  waiting_time_between_scalings_ups: 0,
});

/** The README's names (model-spec §8.8), each with the code name it stands for. */
export const BASIC_CPU_SYNONYMS: Readonly<Record<string, keyof BasicCpuParameters>> = Object.freeze({
  cpu_usage_max: 'cpu_load_max',
  cpu_usage_min: 'cpu_load_min',
  cpu_increment: 'resource_increment',
  cpu_decrement: 'resource_decrement',
});

const LOAD_UNIT =
  'CPU load = Σ W/C of the packets in service (instructions of work over the allocated CPU), averaged over the last monitor interval';

const RANGES: Readonly<Record<keyof BasicCpuParameters, ParameterSchema>> = {
  cpu_load_max: { type: 'number', exclusiveMinimum: 0 },
  cpu_load_min: { type: 'number', minimum: 0 },
  resource_increment: { type: 'number', exclusiveMinimum: 0 },
  resource_decrement: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
  monitor_interval: { type: 'number', exclusiveMinimum: 0 },
  waiting_time_between_scalings_ups: { type: 'number', minimum: 0 },
};

const DESCRIPTIONS: Readonly<Record<keyof BasicCpuParameters, string>> = {
  cpu_load_max: `Scale an instance's CPU up when its load is above this (${LOAD_UNIT}). Default 1. README name: cpu_usage_max.`,
  cpu_load_min: 'Scale an instance\'s CPU down when its load is below this; must be < cpu_load_max. Default 0.7. README name: cpu_usage_min.',
  resource_increment: 'A scale-up sets the CPU to cpu · (1 + this). Default 0.1. README name: cpu_increment.',
  resource_decrement:
    'A scale-down sets the CPU to max(VNF type cpu, cpu · (1 − this)). Default 0.1. README name: cpu_decrement.',
  monitor_interval: 'ms between monitor cycles (and the window the load is averaged over). Default 100.',
  waiting_time_between_scalings_ups:
    'ms an instance waits after a scale-up attempt before it may be scaled up again (per instance). Default 0.',
};

function buildSchema(): ParametersSchema {
  const properties: Record<string, ParameterSchema> = {};
  const conditionalDefaults: ParameterSchema[] = [];
  const synonymOf = new Map(Object.entries(BASIC_CPU_SYNONYMS).map(([readme, code]) => [code, readme]));
  for (const name of Object.keys(RANGES) as (keyof BasicCpuParameters)[]) {
    const synonym = synonymOf.get(name);
    if (synonym === undefined) {
      properties[name] = { ...RANGES[name], default: BASIC_CPU_DEFAULTS[name], description: DESCRIPTIONS[name] };
      continue;
    }
    // With a synonym, the default applies only when neither name is given, so that `create` can tell
    // "cpu_usage_max: 2" (use 2) from "cpu_load_max: 1, cpu_usage_max: 2" (a conflict).
    properties[name] = { ...RANGES[name], description: DESCRIPTIONS[name] };
    properties[synonym] = { ...RANGES[name], description: `README name of ${name} (same meaning, same default).` };
    conditionalDefaults.push({
      if: { anyOf: [{ required: [name] }, { required: [synonym] }] },
      else: { properties: { [name]: { default: BASIC_CPU_DEFAULTS[name] } } },
    });
  }
  return { type: 'object', properties, allOf: conditionalDefaults };
}

function fmt(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Resolves the README synonyms and checks the rules JSON Schema cannot express: a name and its synonym
 * given with different values, and `cpu_load_min` ≥ `cpu_load_max`. Throws `PluginError` (from `@nss/core`) with a
 * message naming the plugin, the parameter, the value and the rule.
 */
export function resolveBasicCpuParameters(raw: BasicCpuRawParameters): BasicCpuParameters {
  const values: Record<string, unknown> = { ...BASIC_CPU_DEFAULTS };
  const given = raw as Record<string, unknown>;
  for (const name of Object.keys(BASIC_CPU_DEFAULTS)) {
    if (given[name] !== undefined) values[name] = given[name];
  }
  for (const [readme, code] of Object.entries(BASIC_CPU_SYNONYMS)) {
    const alias = given[readme];
    if (alias === undefined) continue;
    const canonical = given[code];
    if (canonical !== undefined && canonical !== alias) {
      throw new PluginError(
        `scaling plugin "${NAME}": parameter "${readme}" (${fmt(alias)}) is a synonym of "${code}" (${fmt(canonical)}) ` +
          'and the two values differ; give one of them, or the same value',
      );
    }
    values[code] = alias;
  }
  const p = values as unknown as BasicCpuParameters;
  for (const [name, value] of Object.entries(p)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new PluginError(`scaling plugin "${NAME}": parameter "${name}" (${fmt(value)}) must be a finite number`);
    }
  }
  if (!(p.cpu_load_min < p.cpu_load_max)) {
    const minName = given.cpu_usage_min !== undefined ? 'cpu_usage_min' : 'cpu_load_min';
    const maxName = given.cpu_usage_max !== undefined ? 'cpu_usage_max' : 'cpu_load_max';
    throw new PluginError(
      `scaling plugin "${NAME}": parameter "${minName}" (${p.cpu_load_min}) must be less than "${maxName}" (${p.cpu_load_max})`,
    );
  }
  return Object.freeze(p);
}

/** What the strategy remembers between cycles: the time of each instance's last scale-up attempt. */
export interface BasicCpuState {
  readonly lastScaleUp: Map<string, number>;
}

/**
 * One monitor cycle (model-spec §8.2): for each live VNF instance not shutting down, with ℓ its mean
 * CPU load over the window, ℓ > cpu_load_max ⇒ CPU to cpu · (1 + resource_increment) (unless the
 * instance's last scale-up attempt was less than waiting_time_between_scalings_ups ago); ℓ < cpu_load_min
 * and cpu > cpuMin ⇒ CPU to max(cpuMin, cpu · (1 − resource_decrement)); else nothing. Memory is never
 * scaled. Records scale-up attempts in `state` (accepted or not: the core decides).
 */
export function decideBasicCpu(view: MonitorView, p: BasicCpuParameters, state: BasicCpuState): ScalingAction[] {
  const actions: ScalingAction[] = [];
  for (const v of view.vnfInstances) {
    if (v.state === 'shutting-down') continue;
    const load = v.meanCpuLoad;
    if (load > p.cpu_load_max) {
      const last = state.lastScaleUp.get(v.name);
      if (last !== undefined && view.time - last < p.waiting_time_between_scalings_ups) continue;
      state.lastScaleUp.set(v.name, view.time);
      actions.push({
        kind: 'vertical',
        instance: v.name,
        cpu: v.cpu * (1 + p.resource_increment),
        reason: `${NAME}: CPU load ${round3(load)} > ${p.cpu_load_max}`,
      });
    } else if (load < p.cpu_load_min && v.cpu > v.cpuMin) {
      actions.push({
        kind: 'vertical',
        instance: v.name,
        cpu: Math.max(v.cpuMin, v.cpu * (1 - p.resource_decrement)),
        reason: `${NAME}: CPU load ${round3(load)} < ${p.cpu_load_min}`,
      });
    }
  }
  return actions;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The reference's BasicCPUScaling (model-spec §8.2) as a scaling plugin: every `monitor_interval` ms,
 * more CPU (×(1 + resource_increment)) for instances whose CPU load is above `cpu_load_max`, less
 * (×(1 − resource_decrement), down to the VNF type's cpu) for those below `cpu_load_min`.
 *
 * The load is the view's `meanCpuLoad`: the time average over the last interval of Σ W/C of the packets
 * in service, the unit of the reference's instantaneous `cpu_load` (a time average is not fooled by the
 * sampling instant). The post-scale-up wait is per instance instead of blocking the whole loop ([Q-23]).
 * The core validates the actions and logs `SCALING_UP_CPU`, `SCALING_DOWN_CPU` or `*_FAIL`.
 *
 * Names: `basic-cpu`, aliases `BasicCPUScaling`, `@nss/scaling-basic-cpu`.
 */
export const basicCpuScaling = defineScaling<BasicCpuRawParameters>({
  name: NAME,
  aliases: ['BasicCPUScaling', '@nss/scaling-basic-cpu'],
  description:
    'Rule-based vertical CPU scaling (the reference\'s BasicCPUScaling): +resource_increment above cpu_load_max, −resource_decrement below cpu_load_min.',
  parameters: buildSchema(),
  check(raw) {
    resolveBasicCpuParameters(raw);
  },
  create(raw): ScalingStrategy {
    const p = resolveBasicCpuParameters(raw);
    const state: BasicCpuState = { lastScaleUp: new Map() };
    return {
      name: NAME,
      monitorInterval: p.monitor_interval,
      windowSize: p.monitor_interval,
      monitor: (view) => decideBasicCpu(view, p, state),
    };
  },
});
