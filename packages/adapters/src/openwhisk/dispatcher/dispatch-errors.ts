/** Errors of the edge dispatchers. */
import { NssError } from '@nss/core';

/** One failed attempt of a dispatch: where it went and why it failed. */
export interface FailedAttempt {
  /** The destination tried. */
  destination: string;
  /** What it failed with. */
  error: unknown;
}

/**
 * No destination could serve a request: every one tried failed (each was removed, as in the seed) or
 * none was configured for the lambda. The message carries the last error, as the seed's retcode does.
 */
export class EdgeDispatchError extends NssError {
  /** The lambda requested. */
  readonly lambda: string;
  /** Every failed attempt, in order. */
  readonly attempts: readonly FailedAttempt[];

  constructor(lambda: string, attempts: readonly FailedAttempt[]) {
    const last = attempts.at(-1);
    super(
      'NSS_EDGE_DISPATCH',
      last === undefined
        ? `no destination for lambda "${lambda}": add a platform that serves it (addPlatform / discover)`
        : `no destination left for lambda "${lambda}" after ${attempts.length} failed attempt(s); last error from ${last.destination}: ` +
            `${last.error instanceof Error ? last.error.message : String(last.error)}`,
      { cause: last?.error, exitCode: 1 },
    );
    this.lambda = lambda;
    this.attempts = attempts;
  }
}
