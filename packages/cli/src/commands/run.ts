/**
 * `nss run`: runs a scenario (the files given, or the embedded default one), writes the reference's
 * result files and `summary.json` under `--out`, and prints the summary table. A progress bar on a
 * terminal; Ctrl-C stops the run and keeps the partial results (exit code 130).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { EventBus, Events, formatSummaryTable, runSimulation } from '@nss/core';
import type { CliContext } from '../context.js';
import { ExitCode, OutputError } from '../errors.js';
import { InterruptHandler } from '../interrupt.js';
import { parsePositiveInteger, parseSeed } from '../option-parsers.js';
import { ProgressBar } from '../progress-bar.js';
import { type RunInputOptions, prepareRun } from '../run-inputs.js';

/** Options of `nss run`. */
export interface RunOptions extends RunInputOptions {
  /** Results folder (default `./Results`). */
  readonly out: string;
  readonly quiet?: boolean;
}

/** Runs the simulation the options describe; returns the exit code. */
export async function run(context: CliContext, options: RunOptions): Promise<number> {
  const { output } = context;
  const inputs = await prepareRun(context, options);
  const outDir = resolve(options.out);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (cause) {
    throw new OutputError(outDir, cause);
  }
  const bus = new EventBus();
  const progress = ProgressBar.wanted(output.errStream)
    ? new ProgressBar(output.errStream, { rounds: inputs.settings.numRounds })
    : null;
  if (progress !== null) bus.on(Events.SIMULATION_PROGRESS, (p) => progress.update(p));
  const interrupt = new InterruptHandler({
    onInterrupt: () => {
      progress?.clear();
      output.err('nss: interrupted: stopping the run and writing the results so far (Ctrl-C again to quit at once)');
    },
  }).install();
  let result;
  try {
    result = await runSimulation({
      environment: inputs.environment,
      settings: inputs.settings,
      plugins: { placement: inputs.plugins.placement, scaling: inputs.plugins.scaling, dispatch: inputs.plugins.dispatch },
      outDir,
      flows: inputs.flows,
      mobility: inputs.mobility,
      bus,
      signal: interrupt.signal,
    });
  } finally {
    interrupt.dispose();
    progress?.clear();
  }
  if (options.quiet !== true) {
    output.out(formatSummaryTable(result.summary));
    output.out(`Results written to ${outDir}`);
  }
  if (result.interrupted) {
    output.err(`nss: the run was interrupted; partial results (summary.json marked "interrupted": true) are in ${outDir}`);
    return ExitCode.INTERRUPTED;
  }
  return ExitCode.OK;
}

/** Adds the `run` command to `program`. */
export function runCommand(program: Command, context: CliContext): Command {
  return program
    .command('run')
    .description('run a simulation and write its results (without --specs/--params: the embedded default scenario)')
    .option('--specs <file>', 'entity specification (JSON)')
    .option('--params <file>', 'simulation parameters (JSON)')
    .option('--out <dir>', 'results folder', './Results')
    .option('--seed <n>', 'seed of the run (overrides simulation.random_seed)', parseSeed)
    .option('--rounds <n>', 'number of rounds (overrides simulation.num_rounds)', parsePositiveInteger)
    .option('--flow <file>', 'packet-flow CSV replacing random traffic (overrides simulation.packet_flow_file)')
    .option('--user-mobility-file, --mobility <file>', 'user-mobility CSV (overrides simulation.user_mobility_file)')
    .option(
      '--load <file>',
      "run on a saved environment (nss generate --save, or the reference's saved entities) instead of generating one",
    )
    .option('--placement <name>', 'placement heuristic: a name or alias (see nss plugins), a package or a module path')
    .option('--scaling <name>', 'scaling heuristic, or "none" to disable scaling')
    .addOption(
      new Option('--quirks <profile>', 'reference-quirk profile (individual flags of the file still apply)').choices([
        'reference',
        'corrected',
      ]),
    )
    .option('--quiet', 'print nothing on success (no summary table)')
    .addHelpText(
      'after',
      '\nFiles named in the parameters file (packet_flow_file, user_mobility_file) are relative to its folder.\n' +
        'Exit codes: 0 success, 1 failure, 2 invalid input, 130 interrupted (Ctrl-C).\n' +
        'Examples:\n' +
        '  nss run\n' +
        '  nss run --specs specs.json --params params.json --out results --seed 3 --rounds 5\n' +
        '  nss run --specs specs.json --params params.json --placement greedy --scaling none\n' +
        '  nss run --params params.json --load env.json',
    )
    .action(async (options: RunOptions) => {
      context.exitCode = await run(context, options);
    });
}
