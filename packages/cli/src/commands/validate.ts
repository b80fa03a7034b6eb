/**
 * `nss validate --specs F --params F`: every problem of both files at once (schema, semantic and
 * cross-file checks, unknown heuristics and their parameters), warnings too. Exit 0 when valid, 2 when not.
 */
import type { Command } from 'commander';
import { InputFileError, type ParametersFile, type SpecsFile, readJsonFile, validateScenario } from '@nss/core';
import type { CliContext } from '../context.js';
import { ExitCode, formatIssueErrors, printWarnings } from '../errors.js';
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
  printWarnings(context.output, issues);
  // `ok` with no error implies both documents are present (with defaults applied).
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
