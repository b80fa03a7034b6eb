/**
 * How `nss ml` reports the errors of @nss/ml: an {@link MlError} (bad CSV, model file, data) becomes an
 * {@link NssError} with the same code, message and exit code, so the CLI prints `nss: <message>`
 * without a stack trace.
 */
import { MlError } from '@nss/ml';
import { NssError } from '@nss/core';

/** An @nss/ml error as the CLI reports it. */
export class MlCommandError extends NssError {
  constructor(error: MlError) {
    super(error.code, error.message, { cause: error, exitCode: error.exitCode });
  }
}

/** Runs `action`, turning @nss/ml errors into {@link MlCommandError}s. */
export async function reportingMlErrors<T>(action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof MlError) throw new MlCommandError(error);
    throw error;
  }
}
