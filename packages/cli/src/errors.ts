/**
 * Exit codes and how the CLI reports problems: user errors as `nss: <message>` without a stack trace,
 * configuration problems one per line, unexpected errors with their stack.
 */
import { ConfigError, type ConfigIssue, NssError, formatIssue } from '@nss/core';
import type { Output } from './output.js';
import { plural } from './text.js';

/** Process exit codes of `nss`. */
export const ExitCode = Object.freeze({
  /** Success (for `validate`: the files are valid). */
  OK: 0,
  /** An unexpected failure (a bug, an I/O error the CLI did not anticipate). */
  FAILURE: 1,
  /** Invalid input: configuration, input files, unknown plugin or plugin parameters, command-line usage. */
  INVALID_INPUT: 2,
  /** The run was interrupted with Ctrl-C (SIGINT); partial results were written. */
  INTERRUPTED: 130,
});

/** An error in how the command line was used, e.g. `--specs` without `--params` (exit code 2). */
export class UsageError extends NssError {
  constructor(message: string) {
    super('NSS_USAGE', message, { exitCode: ExitCode.INVALID_INPUT });
  }
}

/** A results file or folder that cannot be written (exit code 1: not an input problem, but no stack trace). */
export class OutputError extends NssError {
  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('NSS_OUTPUT', `cannot write ${path}: ${reason}`, { cause, exitCode: ExitCode.FAILURE });
  }
}

/**
 * A configuration issue as the CLI reports it. `message`, when present, replaces the
 * `expected …, found …` wording (e.g. `unknown placement "X"; available: greedy`).
 */
export interface CliIssue extends ConfigIssue {
  readonly message?: string;
}

/** One line per issue: `file: /json/path: expected X, found Y` (or `file: /json/path: <message>`). */
export function formatCliIssue(issue: CliIssue): string {
  if (issue.message === undefined) return formatIssue(issue);
  const where = issue.path === '' ? '' : `${issue.path}: `;
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}: ${where}${tag}${issue.message}`;
}

/** The error lines of a list of issues: a count, then one indented line per error. */
export function formatIssueErrors(issues: readonly CliIssue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const lines = errors.map((i) => `  - ${formatCliIssue(i)}`);
  return [`invalid configuration: ${plural(errors.length, 'problem')} found`, ...lines].join('\n');
}

/** Prints the warnings among `issues` to stderr, one `nss: file: path: warning: …` line each. */
export function printWarnings(out: Output, issues: readonly CliIssue[]): void {
  for (const issue of issues) if (issue.severity === 'warning') out.err(`nss: ${formatCliIssue(issue)}`);
}

/**
 * Prints an error the way `nss` reports it and returns the exit code: a user error ({@link NssError})
 * as `nss: <message>` (a {@link ConfigError} with every problem on its own line, warnings after), with
 * its {@link NssError.exitCode}; anything else with its stack and exit code 1. `debug` adds the stack
 * of user errors too.
 */
export function reportError(out: Output, error: unknown, debug = false): number {
  if (error instanceof NssError) {
    if (error instanceof ConfigError) {
      out.err(`nss: ${formatIssueErrors(error.issues)}`);
      printWarnings(out, error.issues);
    } else {
      out.err(`nss: ${error.message}`);
    }
    if (debug && error.stack !== undefined) out.err(error.stack);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  out.err(`nss: unexpected error (please report it): ${detail}`);
  return ExitCode.FAILURE;
}
