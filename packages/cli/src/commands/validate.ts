/**
 * `nss validate --specs F --params F`: every problem of both files at once (schema, semantic and
 * cross-file checks, unknown heuristics and their parameters), warnings too. Exit 0 when valid, 2 when not.
 */
import type { Command } from 'commander';
import {
  InputFileError,
  NssError,
  type ParametersFile,
  PluginError,
  type SpecsFile,
  checkPlugin,
  generateEnvironment,
  readJsonFile,
  resolveSettings,
  validateScenario,
} from '@nss/core';
import type { CliContext } from '../context.js';
import { type CliIssue, ExitCode, formatIssueErrors, printWarnings } from '../errors.js';
import { heuristicIssues, slotsOfDocument } from '../heuristics.js';
import { plural } from '../text.js';

/** Options of `nss validate`. */
export interface ValidateOptions {
  readonly specs: string;
  readonly params: string;
}

/** Reads both files; a file that cannot be read or parsed is reported, and the other is still read. */
function readBoth(context: CliContext, paths: readonly string[]): unknown[] | null {
  const values: unknown[] = [];
  let failed = false;
  for (const path of paths) {
    try {
      values.push(readJsonFile(path));
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      context.output.err(`nss: ${error.message}`);
      failed = true;
    }
  }
  return failed ? null : values;
}

/** The OK line: what the scenario describes, in counts. */
function describeValid(specs: SpecsFile, params: ParametersFile, warnings: number): string {
  const e = specs.entities_number;
  const sim = params.simulation;
  const scaling = [params.scaling?.heuristic, params.scaling_down?.heuristic].filter((h) => h !== undefined);
  return (
    `OK: ${plural(e.nodes, 'node')}, ${plural(e.vnfs, 'VNF type')}, ${plural(e.sfcs, 'SFC type')}, ` +
    `${plural(e.users, 'user')}, ${plural(e.data_sources, 'data source')}; ` +
    `${sim.total_time} ms × ${plural(sim.num_rounds, 'round')}; placement ${params.placement.heuristic}, ` +
    `scaling ${scaling.length === 0 ? 'none' : scaling.join(' + ')}` +
    (params.dispatch === undefined ? '' : `; dispatch ${params.dispatch.heuristic}`) +
    (warnings > 0 ? `; ${plural(warnings, 'warning')}` : '')
  );
}

/**
 * The plugins' rules that need the scenario (e.g. SFC names in a scaling's parameters): the environment
 * is generated as `nss run` would, and each configured plugin's `check` hook runs against it.
 */
async function scenarioRuleIssues(context: CliContext, specs: SpecsFile, params: ParametersFile, file: string): Promise<CliIssue[]> {
  let settings;
  try {
    settings = resolveSettings(specs, params);
  } catch (error) {
    if (error instanceof NssError) return []; // reported by the run (e.g. a seed given on the command line only)
    throw error;
  }
  const environment = generateEnvironment(specs, settings.seed, settings);
  const issues: CliIssue[] = [];
  for (const slot of slotsOfDocument(params, file)) {
    const plugin = await context.registry.resolve(slot.kind, slot.name, { cwd: process.cwd() });
    try {
      checkPlugin(plugin, slot.parameters ?? {}, { environment });
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      issues.push({
        file,
        path: `${slot.section}/parameters`,
        expected: `parameters that fit the scenario`,
        found: JSON.stringify(slot.parameters ?? {}),
        severity: 'error',
        message: error.message,
      });
    }
  }
  return issues;
}

/** Validates the two files and returns the exit code (problems go to stderr, the OK line to stdout). */
export async function validate(context: CliContext, options: ValidateOptions): Promise<number> {
  const read = readBoth(context, [options.specs, options.params]);
  if (read === null) return ExitCode.INVALID_INPUT;
  const [specsRaw, paramsRaw] = read;
  const result = validateScenario(specsRaw, paramsRaw, { specs: options.specs, params: options.params });
  const slots = slotsOfDocument(paramsRaw, options.params);
  const issues = [...result.issues, ...(await heuristicIssues(context.registry, slots, process.cwd()))];
  if (issues.some((i) => i.severity === 'error')) {
    context.output.err(`nss: ${formatIssueErrors(issues)}`);
    printWarnings(context.output, issues);
    return ExitCode.INVALID_INPUT;
  }
  // `ok` with no error implies both documents are present (with defaults applied).
  const scenarioIssues = await scenarioRuleIssues(context, result.specs as SpecsFile, result.params as ParametersFile, options.params);
  if (scenarioIssues.length > 0) {
    context.output.err(`nss: ${formatIssueErrors(scenarioIssues)}`);
    printWarnings(context.output, issues);
    return ExitCode.INVALID_INPUT;
  }
  printWarnings(context.output, issues);
  context.output.out(describeValid(result.specs as SpecsFile, result.params as ParametersFile, issues.length));
  return ExitCode.OK;
}

/** Adds the `validate` command to `program`. */
export function validateCommand(program: Command, context: CliContext): Command {
  return program
    .command('validate')
    .description('check a specs file and a simulation-parameter file; report every problem at once')
    .requiredOption('--specs <file>', 'entity specification (JSON)')
    .requiredOption('--params <file>', 'simulation parameters (JSON)')
    .addHelpText(
      'after',
      '\nExit code 0 when both files are valid (warnings allowed), 2 otherwise. Each problem is printed as\n' +
        '  file: /json/path: expected …, found …',
    )
    .action(async (options: ValidateOptions) => {
      context.exitCode = await validate(context, options);
    });
}
