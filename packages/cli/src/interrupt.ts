/**
 * Ctrl-C during a run: the first SIGINT aborts the run (it stops at the next slice of simulated time
 * and writes what was recorded, marked interrupted); a second one exits at once with code 130.
 */
import { ExitCode } from './errors.js';

/** Options of {@link InterruptHandler}. */
export interface InterruptOptions {
  /** Called on the first SIGINT, after the run has been told to stop (e.g. to print a notice). */
  readonly onInterrupt?: () => void;
  /** Ends the process on the second SIGINT (default `process.exit`). */
  readonly exit?: (code: number) => void;
}

/** Turns SIGINT into an AbortSignal for the duration of a run. */
export class InterruptHandler {
  private readonly controller = new AbortController();
  private readonly listener = (): void => this.interrupt();

  constructor(private readonly options: InterruptOptions = {}) {}

  /** Aborted on the first SIGINT; pass it to `runSimulation`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts listening to SIGINT (replacing Node's default, which kills the process). */
  install(): this {
    process.on('SIGINT', this.listener);
    return this;
  }

  /** Stops listening to SIGINT. */
  dispose(): void {
    process.off('SIGINT', this.listener);
  }

  /** What a SIGINT does: abort the run the first time, exit with 130 the second. */
  interrupt(): void {
    if (this.controller.signal.aborted) {
      (this.options.exit ?? ((code: number) => process.exit(code)))(ExitCode.INTERRUPTED);
      return;
    }
    this.controller.abort();
    this.options.onInterrupt?.();
  }
}
