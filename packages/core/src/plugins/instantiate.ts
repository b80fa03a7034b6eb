import { PluginError } from '../errors.js';
import type { AnyPlugin, Plugin, PluginCheckContext, PluginKind } from './define-plugin.js';
import { validatePluginParameters } from './parameters-validation.js';

/**
 * Validates `rawParams` against the plugin's parameters schema (defaults applied, the reference's
 * stringified numbers such as `"0.1"` coerced, unknown names rejected) and calls the plugin's `create`.
 *
 * Throws {@link PluginParametersError} (a {@link PluginError}, exit code 2) listing every invalid,
 * missing or unknown parameter, and {@link PluginError} when `create` throws or returns nothing.
 *
 * @example
 * ```ts
 * const strategy = instantiate(greedy, { prioritize: '1' }, { rng, shareSfcInstances: true, computeLinkBandwidthLimit: false });
 * ```
 */
export function instantiate<Kind extends PluginKind, Params, Strategy, Context>(
  plugin: Plugin<Kind, Params, Strategy, Context>,
  rawParams: unknown,
  context: Context,
): Strategy {
  const params = validatePluginParameters(plugin, rawParams) as Params;
  let strategy: Strategy;
  try {
    strategy = plugin.create(params, context);
  } catch (cause) {
    if (cause instanceof PluginError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PluginError(`${plugin.kind} plugin "${plugin.name}" failed to start: ${detail}`, { cause });
  }
  if (strategy === null || (typeof strategy !== 'object' && typeof strategy !== 'function')) {
    throw new PluginError(`${plugin.kind} plugin "${plugin.name}": create() returned ${String(strategy)}, not a strategy`);
  }
  return strategy;
}

/**
 * Checks a plugin's configuration before a run without creating it: validates `rawParams` against its
 * schema, then calls its `check` hook (see `PluginDefinition.check`) (when it has one) with the scenario.
 * Throws {@link PluginParametersError} or the hook's {@link PluginError} (exit code 2); an error of
 * another type from the hook is wrapped in a PluginError naming the plugin.
 */
export function checkPlugin(plugin: AnyPlugin, rawParams: unknown, context: PluginCheckContext): void {
  const params = validatePluginParameters(plugin, rawParams);
  const check = plugin.check as ((params: unknown, context: PluginCheckContext) => void) | undefined;
  if (check === undefined) return;
  try {
    check(params, context);
  } catch (cause) {
    if (cause instanceof PluginError) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PluginError(`${plugin.kind} plugin "${plugin.name}": invalid configuration: ${detail}`, { cause });
  }
}
