/**
 * `nss generate`: generates the environment of a scenario (or imports the reference's saved entities),
 * prints what it holds, and optionally saves it in the nss-environment format.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  ConfigError,
  type EdgeEnvironment,
  type GenerationTiming,
  type SpecsFile,
  generateEnvironment,
  importReferenceEntities,
  readJsonFile,
  saveEnvironment,
  validateSpecs,
} from '@nss/core';
import type { CliContext } from '../context.js';
import { ExitCode, OutputError, UsageError, printWarnings } from '../errors.js';
import { formatEnvironment } from '../environment-report.js';
import { parseSeed } from '../option-parsers.js';
import { loadScenario } from '../scenario.js';

/** Options of `nss generate`. */
export interface GenerateOptions {
  readonly specs?: string;
  readonly params?: string;
  readonly seed?: number | string;
  readonly save?: string;
  readonly importReference?: string;
  readonly usersOnOneRanNode?: boolean;
}

/** Specs, seed and timing of a generation, from the specs alone or from a whole scenario. */
interface GenerationInput {
  readonly specs: SpecsFile;
  readonly seed: number | string;
  readonly timing: GenerationTiming | undefined;
}

function generationInput(context: CliContext, specsFile: string, options: GenerateOptions): GenerationInput {
  const overrides = options.seed === undefined ? {} : { seed: options.seed };
  if (options.params !== undefined) {
    const files = { specs: specsFile, params: options.params, embedded: false };
    const { specs, settings } = loadScenario(context.output, files, overrides);
    return { specs, seed: settings.seed, timing: settings };
  }
  const result = validateSpecs(readJsonFile(specsFile), specsFile);
  if (!result.ok || result.value === undefined) throw new ConfigError(result.issues);
  printWarnings(context.output, result.issues);
  const specs = result.value;
  if (options.seed === undefined) {
    throw new UsageError('a seed is needed to generate: give --seed N, or --params with simulation.random_seed');
  }
  return { specs, seed: options.seed, timing: undefined };
}

/** Builds the environment the options describe. */
function environmentOf(context: CliContext, options: GenerateOptions): EdgeEnvironment {
  if (options.importReference !== undefined) {
    if (options.specs !== undefined || options.params !== undefined || options.seed !== undefined) {
      throw new UsageError('--import-reference reads a saved environment: it takes no --specs, --params or --seed');
    }
    return importReferenceEntities(readJsonFile(options.importReference), options.importReference);
  }
  if (options.specs === undefined) throw new UsageError('give --specs <file> (or --import-reference <file>)');
  const input = generationInput(context, options.specs, options);
  return generateEnvironment(input.specs, input.seed, input.timing, {
    usersOnOneRanNode: options.usersOnOneRanNode === true,
    file: options.specs,
  });
}

/** Generates (or imports), prints and optionally saves an environment; returns the exit code. */
export function generate(context: CliContext, options: GenerateOptions): number {
  const env = environmentOf(context, options);
  context.output.out(formatEnvironment(env));
  if (options.save !== undefined) {
    try {
      writeFileSync(options.save, saveEnvironment(env));
    } catch (cause) {
      throw new OutputError(options.save, cause);
    }
    context.output.out(`\nSaved the environment to ${options.save}`);
  }
  return ExitCode.OK;
}

/** Adds the `generate` command to `program`. */
export function generateCommand(program: Command, context: CliContext): Command {
  return program
    .command('generate')
    .description('generate the environment of a scenario (nodes, links, VNFs, SFCs, users, requests) and describe it')
    .option('--specs <file>', 'entity specification (JSON)')
    .option('--params <file>', 'simulation parameters (JSON): seed and timing of the arrivals')
    .option('--seed <n>', 'seed of the generation (overrides simulation.random_seed)', parseSeed)
    .option('--save <file>', 'write the environment as nss-environment JSON (load it with `nss run --load`)')
    .option('--import-reference <file>', "import the reference simulator's saved entities (its --save output) instead")
    .option('--users-on-one-ran-node', 'attach every user to one RAN node, as the reference does [Q-4]')
    .addHelpText(
      'after',
      '\nWithout --params, the arrival times need sfc_requests.max_arrival_time in the specs.\n' +
        'Examples:\n' +
        '  nss generate --specs specs.json --seed 3 --save env.json\n' +
        '  nss generate --specs specs.json --params params.json\n' +
        '  nss generate --import-reference entities.json --save env.json',
    )
    .action((options: GenerateOptions) => {
      context.exitCode = generate(context, options);
    });
}
