/**
 * Resolving the heuristics a scenario names (placement, scaling, scaling_down, dispatch) through the plugin
 * registry, and checking their parameters against each plugin's schema. Every problem becomes an
 * issue located in the parameters file (or on the command line, for `--placement` / `--scaling`).
 */
import {
  ConfigError,
  type ConfiguredPlugin,
  type DispatchPlugin,
  type PlacementPlugin,
  PluginError,
  type PluginOfKind,
  type PluginRegistry,
  type ScalingPlugin,
  type SettingsOverrides,
  type SimulationSettings,
  checkParameters,
  checkPlugin,
  formatProblem,
  parameterIssues,
} from '@nss/core';
import type { CliIssue } from './errors.js';

/** A heuristic named by a scenario: which kind, as configured, and where it was configured. */
export interface HeuristicSlot<Kind extends 'placement' | 'scaling' | 'dispatch' = 'placement' | 'scaling' | 'dispatch'> {
  readonly kind: Kind;
  /** The configured name: a registered name or alias, a package name or a module path. */
  readonly name: string;
  /** The configured parameters (validated against the plugin's schema). */
  readonly parameters: unknown;
  /** Label of the file the heuristic is configured in (its path), or `command line`. */
  readonly file: string;
  /** JSON Pointer of the section (e.g. `/placement`), or the option (e.g. `--placement`) on the command line. */
  readonly section: string;
}

/** Label of issues about command-line options. */
const COMMAND_LINE = 'command line';

/** Outcome of resolving one slot: the plugin (when found) and the problems found. */
interface SlotResult<P> {
  readonly configured: ConfiguredPlugin<P> | undefined;
  readonly issues: CliIssue[];
}

function isOption(section: string): boolean {
  return section.startsWith('--');
}

async function resolveSlot<Kind extends 'placement' | 'scaling' | 'dispatch'>(
  registry: PluginRegistry,
  slot: HeuristicSlot<Kind>,
  cwd: string,
): Promise<SlotResult<PluginOfKind<Kind>>> {
  let plugin: PluginOfKind<Kind>;
  try {
    plugin = await registry.resolve(slot.kind, slot.name, { cwd });
  } catch (error) {
    if (!(error instanceof PluginError)) throw error;
    const path = isOption(slot.section) ? slot.section : `${slot.section}/heuristic`;
    const issue: CliIssue = {
      file: slot.file,
      path,
      expected: `a registered ${slot.kind}, a package name or a module path`,
      found: JSON.stringify(slot.name),
      severity: 'error',
      message: error.message,
    };
    return { configured: undefined, issues: [issue] };
  }
  const check = checkParameters(plugin, slot.parameters);
  const base = isOption(slot.section) ? slot.section : `${slot.section}/parameters`;
  if (check.ok) {
    // The plugin's own rules (e.g. inverted thresholds); those needing the scenario are checked by the run.
    try {
      checkPlugin(plugin, slot.parameters, { environment: null });
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      const issue: CliIssue = {
        file: slot.file,
        path: base,
        expected: `parameters that ${slot.kind} plugin "${plugin.name}" accepts`,
        found: JSON.stringify(slot.parameters ?? {}),
        severity: 'error',
        message: error.message,
      };
      return { configured: undefined, issues: [issue] };
    }
    return { configured: { plugin, parameters: slot.parameters }, issues: [] };
  }
  // Each problem names the plugin too: `scaling plugin "basic-cpu": parameter "x": expected …, found …`.
  const issues = parameterIssues(check.problems, slot.file, base).map((issue, i) => ({
    ...issue,
    message: `${slot.kind} plugin "${plugin.name}": ${formatProblem(check.problems[i])}`,
  }));
  return { configured: undefined, issues };
}

/** The problems of the heuristics named by `slots`: unknown plugins and invalid parameters. */
export async function heuristicIssues(
  registry: PluginRegistry,
  slots: readonly HeuristicSlot[],
  cwd: string,
): Promise<CliIssue[]> {
  const results = await Promise.all(slots.map((slot) => resolveSlot(registry, slot, cwd)));
  return results.flatMap((r) => r.issues);
}

/** The heuristic slots of a raw (possibly invalid) parameters document: those whose name is a string. */
export function slotsOfDocument(params: unknown, file: string): HeuristicSlot[] {
  const slots: HeuristicSlot[] = [];
  if (params === null || typeof params !== 'object') return slots;
  const sections = [
    ['placement', 'placement'],
    ['scaling', 'scaling'],
    ['scaling_down', 'scaling'],
    ['dispatch', 'dispatch'],
  ] as const;
  for (const [key, kind] of sections) {
    const section: unknown = (params as Record<string, unknown>)[key];
    if (section === null || typeof section !== 'object') continue;
    const { heuristic, parameters } = section as { heuristic?: unknown; parameters?: unknown };
    if (typeof heuristic !== 'string' || heuristic === '') continue;
    slots.push({ kind, name: heuristic, parameters, file, section: `/${key}` });
  }
  return slots;
}

/** The plugins of a run, resolved from the settings: placement, the scaling and scaling_down slots, dispatch. */
export interface ResolvedHeuristics {
  readonly placement: ConfiguredPlugin<PlacementPlugin>;
  readonly scaling: ConfiguredPlugin<ScalingPlugin>[];
  /** The dispatch policy of the `dispatch` section; null: round robin. */
  readonly dispatch: ConfiguredPlugin<DispatchPlugin> | null;
}

/**
 * Resolves the heuristics of resolved settings. Issues name the parameters file and the section, or
 * the command-line option for the names `overrides` replaced. Throws a ConfigError listing every problem.
 */
export async function resolveHeuristics(
  registry: PluginRegistry,
  settings: SimulationSettings,
  paramsFile: string,
  overrides: Pick<SettingsOverrides, 'placement' | 'scaling'>,
  cwd: string,
): Promise<ResolvedHeuristics> {
  const where = (option: string | null | undefined, flag: string, section: string) =>
    option === undefined || option === null ? { file: paramsFile, section } : { file: COMMAND_LINE, section: flag };
  const placementSlot: HeuristicSlot<'placement'> = {
    kind: 'placement',
    name: settings.placement.heuristic,
    parameters: settings.placement.parameters,
    ...where(overrides.placement, '--placement', '/placement'),
  };
  const scalingSlots: HeuristicSlot<'scaling'>[] = [];
  if (settings.scaling !== null) {
    scalingSlots.push({
      kind: 'scaling',
      name: settings.scaling.heuristic,
      parameters: settings.scaling.parameters,
      ...where(overrides.scaling, '--scaling', '/scaling'),
    });
  }
  if (settings.scalingDown !== null) {
    scalingSlots.push({
      kind: 'scaling',
      name: settings.scalingDown.heuristic,
      parameters: settings.scalingDown.parameters,
      file: paramsFile,
      section: '/scaling_down',
    });
  }
  const placement = await resolveSlot(registry, placementSlot, cwd);
  const scaling = await Promise.all(scalingSlots.map((slot) => resolveSlot(registry, slot, cwd)));
  const chosen = settings.dispatch ?? null;
  const dispatch =
    chosen === null
      ? null
      : await resolveSlot(registry, {
          kind: 'dispatch',
          name: chosen.heuristic,
          parameters: chosen.parameters,
          file: paramsFile,
          section: '/dispatch',
        }, cwd);
  const issues = [...placement.issues, ...scaling.flatMap((s) => s.issues), ...(dispatch?.issues ?? [])];
  if (issues.length > 0 || placement.configured === undefined) throw new ConfigError(issues);
  return {
    placement: placement.configured,
    scaling: scaling.map((s) => s.configured).filter((c): c is ConfiguredPlugin<ScalingPlugin> => c !== undefined),
    dispatch: dispatch?.configured ?? null,
  };
}
