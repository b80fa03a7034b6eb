/**
 * Where the CLI writes: stdout for results (tables, summaries), stderr for diagnostics and the
 * progress bar. Injectable so that `main` can be run in-process by tests.
 */

/** The output streams of a CLI invocation. */
export interface Output {
  /** Writes a line (a newline is appended) to standard output. */
  out(line: string): void;
  /** Writes a line (a newline is appended) to standard error. */
  err(line: string): void;
  /** The standard-error stream itself, for the progress bar (which redraws in place). */
  readonly errStream: ProgressStream;
}

/** The part of a writable TTY stream the progress bar uses. */
export interface ProgressStream {
  write(text: string): unknown;
  /** True when the stream is a terminal. */
  readonly isTTY?: boolean;
  /** Width of the terminal in characters, when it is one. */
  readonly columns?: number;
}

/** An {@link Output} writing to the process's stdout and stderr. */
export function processOutput(): Output {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
    errStream: process.stderr,
  };
}
