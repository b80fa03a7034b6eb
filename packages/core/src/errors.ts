/**
 * Errors a user can cause. Every one carries a stable `code`, says what was wrong, where, and how to
 * fix it. The CLI prints `message` without a stack trace and exits with {@link NssError.exitCode}.
 */

/** Base class of every error a user of \@nss can cause (bad input, unknown plugin, infeasible plan). */
export class NssError extends Error {
  /** A stable machine-readable code, e.g. `NSS_CONFIG_INVALID`. */
  readonly code: string;
  /** Process exit code the CLI uses for this error: 2 for invalid input, 1 otherwise. */
  readonly exitCode: number;

  constructor(code: string, message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options?.exitCode ?? 2;
  }
}

/** One problem found in an input file: which file, where in it, what was expected and what was found. */
export interface ConfigIssue {
  /** The file the problem is in (path as given by the user), or a label such as `<specs>` for in-memory input. */
  file: string;
  /** JSON path of the offending value, e.g. `/node/cpu/0` (JSON Pointer), `""` for the whole document. */
  path: string;
  /** What was expected, in words. */
  expected: string;
  /** What was found, in words (usually the offending value). */
  found: string;
  /** `error` makes the input invalid; `warning` is reported but accepted. */
  severity: 'error' | 'warning';
}

/** Formats one issue as a single line: `file: /json/path: expected X, found Y`. */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.path === '' ? '(document)' : issue.path;
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  return `${issue.file}: ${where}: ${tag}expected ${issue.expected}, found ${issue.found}`;
}

/** Invalid configuration: carries **every** problem found, not only the first. */
export class ConfigError extends NssError {
  /** All problems found (errors and warnings). */
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const lines = errors.map((i) => `  - ${formatIssue(i)}`);
    super(
      'NSS_CONFIG_INVALID',
      `invalid configuration: ${errors.length} problem${errors.length === 1 ? '' : 's'} found\n${lines.join('\n')}`,
    );
    this.issues = issues;
  }
}

/** An input file that cannot be read or parsed (missing file, bad JSON, bad CSV row). */
export class InputFileError extends NssError {
  /** The offending file. */
  readonly file: string;
  /** 1-based line of the problem, when known. */
  readonly line: number | undefined;
  /** 1-based column (or field index) of the problem, when known. */
  readonly column: number | undefined;

  constructor(file: string, problem: string, where?: { line?: number; column?: number; cause?: unknown }) {
    const loc =
      where?.line === undefined ? '' : `:${where.line}${where.column === undefined ? '' : `:${where.column}`}`;
    super('NSS_INPUT_FILE', `${file}${loc}: ${problem}`, { cause: where?.cause });
    this.file = file;
    this.line = where?.line;
    this.column = where?.column;
  }
}

/** A plugin that cannot be found, or whose parameters are invalid. */
export class PluginError extends NssError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('NSS_PLUGIN', message, options);
  }
}
