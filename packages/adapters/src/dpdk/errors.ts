import { NssError } from '@nss/core';

/**
 * Base class of every error the DPDK adapter throws. `code` says which fault it is; the message says
 * what happened and what to check.
 */
export class DpdkError extends NssError {
  /** Builds the error; the message says what happened and what to check. */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause, exitCode: 1 });
  }
}

/** The `dpdk-testpmd` (or `dpdk-telemetry.py`) executable was not found on the PATH. */
export class TestpmdNotInstalledError extends DpdkError {
  /** The executable that could not be started. */
  readonly executable: string;

  /** Builds the error; the message says what happened and what to check. */
  constructor(executable: string, options?: { cause?: unknown }) {
    super(
      'NSS_DPDK_NOT_INSTALLED',
      `${executable} was not found. Install DPDK (Debian/Ubuntu: \`apt-get install dpdk-dev\`) ` +
        `or pass the full path of the executable in the options.`,
      options,
    );
    this.executable = executable;
  }
}

/** testpmd exited (or was killed) while the controller was using it. */
export class TestpmdExitedError extends DpdkError {
  /** testpmd's own exit code, when it exited on its own (`exitCode` is the CLI's). */
  readonly processExitCode: number | null;
  /** Signal name, when it was killed. */
  readonly signal: string | null;

  /** Builds the error; the message says what happened and what to check. */
  constructor(exitCode: number | null, signal: string | null, detail: string) {
    const how = signal !== null ? `was killed by ${signal}` : exitCode !== null ? `exited with code ${exitCode}` : 'is gone';
    super(
      'NSS_DPDK_TESTPMD_EXITED',
      `dpdk-testpmd ${how}. ${detail}`.trim() +
        ' Check its stderr (EAL errors such as a file prefix already in use, too little memory for ' +
        '--total-num-mbufs, or no such --vdev driver).',
    );
    this.processExitCode = exitCode;
    this.signal = signal;
  }
}

/** A testpmd command got no prompt back within its timeout. */
export class TestpmdTimeoutError extends DpdkError {
  /** Builds the error; the message says what happened and what to check. */
  constructor(command: string, timeoutMs: number) {
    super(
      'NSS_DPDK_TIMEOUT',
      `dpdk-testpmd did not answer \`${command}\` within ${timeoutMs} ms. Check that it runs in ` +
        `interactive mode (-i) and that its output is line-buffered (the controller starts it under ` +
        '`stdbuf -oL`; when attaching, start it that way too).',
    );
  }
}

/** A statistics block was cut off or malformed (e.g. the process died while printing it). */
export class StatsParseError extends DpdkError {
  /** The offending text, terminal codes removed. */
  readonly text: string;

  /** Builds the error; the message says what happened and what to check. */
  constructor(message: string, text: string) {
    super('NSS_DPDK_STATS_TRUNCATED', message);
    this.text = text;
  }
}

/** The telemetry socket could not be reached or answered something unexpected. */
export class TelemetryError extends DpdkError {
  /** Builds the error; the message says what happened and what to check. */
  constructor(message: string, options?: { cause?: unknown }) {
    super('NSS_DPDK_TELEMETRY', message, options);
  }
}

/** Attaching to a running testpmd failed (FIFO missing, nobody reading it, no output file). */
export class TestpmdAttachError extends DpdkError {
  /** Builds the error; the message says what happened and what to check. */
  constructor(message: string, options?: { cause?: unknown }) {
    super('NSS_DPDK_ATTACH', message, options);
  }
}
