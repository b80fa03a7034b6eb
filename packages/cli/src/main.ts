/**
 * The `nss` program: its commands, and `main`, which parses a command line, runs the command and
 * returns the exit code (errors reported on stderr, never thrown).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { PluginRegistry } from '@nss/core';
import { generateCommand } from './commands/generate.js';
import { mlCommand } from './commands/ml/index.js';
import { pluginsCommand } from './commands/plugins.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import type { CliContext } from './context.js';
import { ExitCode, reportError } from './errors.js';
import { type Output, processOutput } from './output.js';
import { createStandardRegistry } from './standard-plugins.js';

/** Options of {@link main}, for embedders and tests. */
export interface MainOptions {
  /** Where to write (default: the process's stdout and stderr). */
  readonly output?: Output;
  /** The plugins known by name (default: {@link createStandardRegistry}). */
  readonly registry?: PluginRegistry;
}

/** The CLI's version, from its package.json. */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Builds the commander program for one invocation. */
function program(context: CliContext): Command {
  const { output } = context;
  const strip = (text: string): string => text.replace(/\n$/, '');
  const nss = new Command('nss')
    .description('Discrete-event simulator of 5G network slices: validate scenarios, generate environments, run simulations')
    .version(version(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces for every error')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.out(strip(text)),
      writeErr: (text) => output.err(strip(text)),
      outputError: (text, write) => write(`nss: ${text.replace(/^error: /, '')}`),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 failure (results not writable, or a bug),\n' +
        '2 invalid input (configuration, files, plugins, usage), 130 interrupted (Ctrl-C).\n' +
        'Run `nss <command> --help` for the options of a command.',
    );
  validateCommand(nss, context);
  generateCommand(nss, context);
  runCommand(nss, context);
  pluginsCommand(nss, context);
  mlCommand(nss, context);
  return nss;
}

/**
 * Runs `nss` on a command line (`argv` as `process.argv`: node, script, then the arguments) and
 * returns the exit code: 0 success, 1 failure, 2 invalid input, 130 interrupted.
 *
 * @example
 * ```ts
 * const code = await main(['node', 'nss', 'validate', '--specs', 's.json', '--params', 'p.json']);
 * ```
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const context: CliContext = {
    output: options.output ?? processOutput(),
    registry: options.registry ?? createStandardRegistry(),
    exitCode: ExitCode.OK,
  };
  const nss = program(context);
  try {
    await nss.parseAsync([...argv], { from: 'node' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.OK : ExitCode.INVALID_INPUT;
    return reportError(context.output, error, nss.opts<{ debug?: boolean }>().debug === true);
  }
}
