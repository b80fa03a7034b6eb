/**
 * Everything `nss run` prepares before the simulation starts: the scenario and its settings (with the
 * command-line overrides), the plugins, the environment (generated or loaded), and the packet-flow and
 * user-mobility files. Every input problem surfaces here, before any result is written.
 */
import { dirname, isAbsolute, join } from 'node:path';
import {
  type EdgeEnvironment,
  FlowTable,
  MobilityPlan,
  type SettingsOverrides,
  type SimulationSettings,
  checkPlugin,
  generateEnvironment,
  resolveQuirks,
} from '@nss/core';
import type { CliContext } from './context.js';
import { loadEnvironmentFile } from './environment-file.js';
import { type ResolvedHeuristics, resolveHeuristics } from './heuristics.js';
import { type LoadedScenario, loadScenario, scenarioFiles } from './scenario.js';

/** The options of `nss run` that shape its inputs. */
export interface RunInputOptions {
  readonly specs?: string;
  readonly params?: string;
  readonly seed?: number | string;
  readonly rounds?: number;
  readonly flow?: string;
  readonly mobility?: string;
  readonly load?: string;
  readonly placement?: string;
  /** A scaling heuristic, or `none` for no scaling. */
  readonly scaling?: string;
  readonly quirks?: 'reference' | 'corrected';
}

/** What a run needs, all validated. */
export interface RunInputs {
  readonly scenario: LoadedScenario;
  readonly settings: SimulationSettings;
  readonly plugins: ResolvedHeuristics;
  readonly environment: EdgeEnvironment;
  readonly flows: FlowTable | null;
  readonly mobility: MobilityPlan | null;
}

/** The settings overrides the options give (`--scaling none` disables scaling). */
export function overridesOf(options: RunInputOptions): SettingsOverrides {
  const overrides: SettingsOverrides = {};
  if (options.seed !== undefined) overrides.seed = options.seed;
  if (options.rounds !== undefined) overrides.rounds = options.rounds;
  if (options.flow !== undefined) overrides.flowFile = options.flow;
  if (options.mobility !== undefined) overrides.mobilityFile = options.mobility;
  if (options.placement !== undefined) overrides.placement = options.placement;
  if (options.scaling !== undefined) overrides.scaling = options.scaling === 'none' ? null : options.scaling;
  return overrides;
}

/**
 * Where an input file named by the settings is: a command-line path as given (relative to the working
 * directory), a path from the parameters file relative to that file's folder.
 */
function inputPath(fromCommandLine: string | undefined, fromSettings: string | null, paramsFile: string): string | null {
  if (fromCommandLine !== undefined) return fromCommandLine;
  if (fromSettings === null) return null;
  return isAbsolute(fromSettings) ? fromSettings : join(dirname(paramsFile), fromSettings);
}

/** `--quirks` replaces the profile of `simulation.quirks`; the file's individual flags still apply. */
function withQuirksProfile(scenario: LoadedScenario, profile: RunInputOptions['quirks']): SimulationSettings {
  const { settings } = scenario;
  if (profile === undefined) return settings;
  const configured: Readonly<Record<string, unknown>> = scenario.params.simulation.quirks ?? {};
  return { ...settings, quirks: resolveQuirks({ ...configured, profile }).quirks };
}

/** Reads, validates and resolves every input of a run. Throws NssError subclasses (exit code 2) for bad input. */
export async function prepareRun(context: CliContext, options: RunInputOptions): Promise<RunInputs> {
  const files = scenarioFiles(options.specs, options.params, options.load !== undefined);
  const overrides = overridesOf(options);
  const scenario = loadScenario(context.output, files, overrides);
  const settings = withQuirksProfile(scenario, options.quirks);
  const plugins = await resolveHeuristics(context.registry, settings, files.params, overrides, process.cwd());
  const environment =
    options.load === undefined
      ? generateEnvironment(scenario.specs, settings.seed, settings, { file: files.specs })
      : loadEnvironmentFile(options.load);
  // Rules that need the scenario (e.g. SFC names in a scaling's parameters), before anything is written.
  const check = { environment };
  checkPlugin(plugins.placement.plugin, plugins.placement.parameters ?? {}, check);
  for (const s of plugins.scaling) checkPlugin(s.plugin, s.parameters ?? {}, check);
  if (plugins.dispatch !== null) checkPlugin(plugins.dispatch.plugin, plugins.dispatch.parameters ?? {}, check);
  const users = new Set(environment.users.map((u) => u.name));
  const flowPath = inputPath(options.flow, settings.packetFlowFile, files.params);
  const flows = flowPath === null ? null : FlowTable.read(flowPath, users, new Set(environment.sfcs.map((s) => s.name)));
  const mobilityPath = inputPath(options.mobility, settings.userMobilityFile, files.params);
  const nodes = new Set(environment.nodes.map((n) => n.name));
  const mobility = mobilityPath === null ? null : MobilityPlan.read(mobilityPath, settings.totalTime, users, nodes);
  if (options.mobility !== undefined && !settings.executeUserMobility) {
    context.output.err(
      `nss: warning: ${options.mobility}: the user moves are checked but not replayed, ` +
        'because simulation.execute_user_mobility is off',
    );
  }
  return { scenario, settings, plugins, environment, flows, mobility };
}
