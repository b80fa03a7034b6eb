import type { RandomStream } from '../engine/rng.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { PluginError } from '../errors.js';
import type { DispatchPolicy } from './dispatch.js';
import type { ScalingStrategy } from './monitor-view.js';
import { compileParameters } from './parameters-validation.js';
import type { ParametersSchema } from './parameters-schema.js';
import type { PlacementStrategy } from './placement.js';

/** The three kinds of plugin the core hosts. */
export type PluginKind = 'placement' | 'scaling' | 'dispatch';

/** Every plugin kind, in the order `nss plugins` lists them. */
export const PLUGIN_KINDS: readonly PluginKind[] = Object.freeze(['placement', 'scaling', 'dispatch']);

/** What the host hands a placement plugin's `create` besides its parameters. */
export interface PlacementContext {
  /** A random stream reserved for this placement (seeded per round; drawing from it never changes traffic). */
  readonly rng: RandomStream;
  /** Whether SFC-instance sharing is enabled (`share_sfc_instance`). */
  readonly shareSfcInstances: boolean;
  /** Whether links without free bandwidth must be avoided (`compute_link_bw_limit`). */
  readonly computeLinkBandwidthLimit: boolean;
}

/** What the host hands a scaling plugin's `create` besides its parameters. */
export interface ScalingContext {
  /** A random stream reserved for this scaling strategy. */
  readonly rng: RandomStream;
}

/**
 * What the host hands a dispatch plugin's `create` besides its parameters. (Named so as not to clash
 * with {@link DispatchContext}, the per-packet argument of {@link DispatchPolicy.select}.)
 */
export interface DispatchPluginContext {
  /** A random stream reserved for this dispatch policy. */
  readonly rng: RandomStream;
}

/** What the host hands a plugin's {@link PluginDefinition.check} hook: the scenario, when known. */
export interface PluginCheckContext {
  /** The environment the run will use; null when it is not built (e.g. a check of the files alone). */
  readonly environment: EdgeEnvironment | null;
}

/**
 * What a plugin author writes: a plain object with a name, a parameters schema and a factory. The host
 * validates the parameters against `parameters` (defaults applied, stringified numbers coerced) before
 * calling `create`, and owns the lifecycle of what `create` returns.
 *
 * @typeParam Params - the validated parameters `create` receives (inferred from `create`'s signature).
 * @typeParam Strategy - what `create` returns.
 * @typeParam Context - what the host passes besides the parameters.
 */
export interface PluginDefinition<Params, Strategy, Context> {
  /** Name used in configuration files and logs, e.g. `greedy`. Case-sensitive. */
  readonly name: string;
  /** Other accepted names, e.g. the reference's class name `GreedyPlacement`. Case-sensitive. */
  readonly aliases?: readonly string[];
  /** One sentence for `nss plugins`. */
  readonly description: string;
  /**
   * JSON Schema of the parameters object. Omitted = the plugin takes no parameters (any given is an
   * error). Parameters not listed are rejected unless the schema sets `additionalProperties`.
   */
  readonly parameters?: ParametersSchema;
  /** Builds the strategy from validated parameters. Called once per instantiation (e.g. per round). */
  create(params: Params, context: Context): Strategy;
  /**
   * Optional checks of the validated parameters that a JSON Schema cannot express (inverted thresholds,
   * names that must exist in the scenario, e.g. SFC names). Throw a `PluginError` naming the plugin, the
   * parameter, the value and the rule. The host calls it before the run (`runSimulation`, `nss validate`)
   * without creating the strategy; it must have no side effect.
   */
  check?(params: Params, context: PluginCheckContext): void;
}

/**
 * A registered-ready plugin: the definition, frozen, with its `kind` and a normalised alias list.
 * `Params` defaults to `unknown` so that plugins with different parameters share one type.
 */
export interface Plugin<Kind extends PluginKind, Params, Strategy, Context>
  extends PluginDefinition<Params, Strategy, Context> {
  /** Which contract the strategy implements. */
  readonly kind: Kind;
  /** Other accepted names (possibly empty). */
  readonly aliases: readonly string[];
}

/** A plugin producing a {@link PlacementStrategy}. */
export type PlacementPlugin<Params = unknown> = Plugin<'placement', Params, PlacementStrategy, PlacementContext>;

/** A plugin producing a {@link ScalingStrategy}. */
export type ScalingPlugin<Params = unknown> = Plugin<'scaling', Params, ScalingStrategy, ScalingContext>;

/** A plugin producing a {@link DispatchPolicy}. */
export type DispatchPlugin<Params = unknown> = Plugin<'dispatch', Params, DispatchPolicy, DispatchPluginContext>;

/** Any plugin the registry can hold. */
export type AnyPlugin = PlacementPlugin | ScalingPlugin | DispatchPlugin;

/** The plugin type of a kind: `PluginOfKind<'scaling'>` is {@link ScalingPlugin}. */
export type PluginOfKind<Kind extends PluginKind> = Extract<AnyPlugin, { readonly kind: Kind }>;

/** The creation context of a kind: `ContextOfKind<'placement'>` is {@link PlacementContext}. */
export type ContextOfKind<Kind extends PluginKind> = Kind extends 'placement'
  ? PlacementContext
  : Kind extends 'scaling'
    ? ScalingContext
    : DispatchPluginContext;

/** The strategy type of a kind: `StrategyOfKind<'dispatch'>` is {@link DispatchPolicy}. */
export type StrategyOfKind<Kind extends PluginKind> = Kind extends 'placement'
  ? PlacementStrategy
  : Kind extends 'scaling'
    ? ScalingStrategy
    : DispatchPolicy;

function definePlugin<Kind extends PluginKind, Params, Strategy, Context>(
  kind: Kind,
  definition: PluginDefinition<Params, Strategy, Context>,
): Plugin<Kind, Params, Strategy, Context> {
  const where = `${kind} plugin`;
  if (definition === null || typeof definition !== 'object') {
    throw new PluginError(`a ${where} definition must be an object with name, description and create`);
  }
  const { name, aliases, description, parameters, create, check } = definition;
  if (typeof name !== 'string' || name.trim() === '' || name !== name.trim()) {
    throw new PluginError(`a ${where} needs a non-empty name without surrounding spaces; got ${JSON.stringify(name)}`);
  }
  if (typeof create !== 'function') {
    throw new PluginError(`${where} "${name}" must define create(params, context)`);
  }
  if (typeof description !== 'string') {
    throw new PluginError(`${where} "${name}" must have a description (one sentence for \`nss plugins\`)`);
  }
  if (check !== undefined && typeof check !== 'function') {
    throw new PluginError(`${where} "${name}": check must be a function (params, context) => void`);
  }
  if (aliases !== undefined && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || a === ''))) {
    throw new PluginError(`${where} "${name}": aliases must be a list of non-empty names`);
  }
  const uniqueAliases = [...new Set(aliases ?? [])].filter((a) => a !== name);
  const plugin: Plugin<Kind, Params, Strategy, Context> = {
    kind,
    name,
    aliases: Object.freeze(uniqueAliases),
    description,
    ...(parameters === undefined ? {} : { parameters }),
    create: (params: Params, context: Context) => create.call(definition, params, context),
    ...(check === undefined ? {} : { check: (params: Params, context: PluginCheckContext) => check.call(definition, params, context) }),
  };
  // Compile now so that a broken schema fails when the plugin is defined, not in the middle of a run.
  compileParameters(plugin);
  return Object.freeze(plugin);
}

/**
 * Declares a placement plugin.
 *
 * @example
 * ```ts
 * export default definePlacement({
 *   name: 'first-fit',
 *   description: 'Places every VNF on the first node that can host it.',
 *   parameters: { type: 'object', properties: { share: { type: 'boolean', default: true } } },
 *   create: (params: { share: boolean }) => ({ name: 'first-fit', place: (requests, view) => ({ decisions: [] }) }),
 * });
 * ```
 */
export function definePlacement<Params = Record<string, never>>(
  definition: PluginDefinition<Params, PlacementStrategy, PlacementContext>,
): PlacementPlugin<Params> {
  return definePlugin('placement', definition);
}

/** Declares a scaling plugin (see {@link definePlacement} for the shape). */
export function defineScaling<Params = Record<string, never>>(
  definition: PluginDefinition<Params, ScalingStrategy, ScalingContext>,
): ScalingPlugin<Params> {
  return definePlugin('scaling', definition);
}

/** Declares a dispatch plugin (see {@link definePlacement} for the shape). */
export function defineDispatch<Params = Record<string, never>>(
  definition: PluginDefinition<Params, DispatchPolicy, DispatchPluginContext>,
): DispatchPlugin<Params> {
  return definePlugin('dispatch', definition);
}

/** Whether `value` is a plugin made by {@link definePlacement}, {@link defineScaling} or {@link defineDispatch} (or looks like one). */
export function isPlugin(value: unknown): value is AnyPlugin {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; name?: unknown; create?: unknown };
  return (
    typeof v.name === 'string' &&
    typeof v.create === 'function' &&
    (v.kind === 'placement' || v.kind === 'scaling' || v.kind === 'dispatch')
  );
}
