/**
 * The standard plugins: the one place that knows them by name. A new plugin package is added to the
 * CLI's dependencies and to {@link STANDARD_PLUGINS}.
 */
import { type AnyPlugin, PluginRegistry } from '@nss/core';
import { dispatchPlugins } from '@nss/dispatch';
import { naivePlacement, randomPlacement } from '@nss/placement-basic';
import { dijkstraPlacement } from '@nss/placement-dijkstra';
import { greedyPlacement } from '@nss/placement-greedy';
import { lpPlacement } from '@nss/placement-lp';
import { smartPlacement } from '@nss/placement-smart';
import { basicCpuScaling } from '@nss/scaling-basic-cpu';
import { elasticScaling } from '@nss/scaling-elastic';
import { predictiveScaling } from '@nss/scaling-predictive';
import { smartVerticalDown, smartVerticalUp, tcpVerticalUp } from '@nss/scaling-smart-vertical';

/** The plugins every `nss` command knows by name (and by their aliases), in the order `nss plugins` lists them. */
export const STANDARD_PLUGINS: readonly AnyPlugin[] = Object.freeze([
  greedyPlacement as AnyPlugin,
  smartPlacement as AnyPlugin,
  dijkstraPlacement as AnyPlugin,
  lpPlacement as AnyPlugin,
  randomPlacement as AnyPlugin,
  naivePlacement as AnyPlugin,
  basicCpuScaling as AnyPlugin,
  smartVerticalUp as AnyPlugin,
  tcpVerticalUp as AnyPlugin,
  smartVerticalDown as AnyPlugin,
  elasticScaling as AnyPlugin,
  predictiveScaling as AnyPlugin,
  ...(dispatchPlugins as readonly AnyPlugin[]),
]);

/**
 * A new registry holding the {@link STANDARD_PLUGINS}. Register more with `registry.register(plugin)`;
 * names not registered are still resolved as module paths or npm packages (see `PluginRegistry.resolve`).
 */
export function createStandardRegistry(): PluginRegistry {
  return new PluginRegistry(STANDARD_PLUGINS);
}
