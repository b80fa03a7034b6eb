/**
 * A simulated edge computer as an edge platform, in real time: its virtual clock (seconds) follows
 * the wall clock from the moment the platform is created, so an invocation answers after the
 * simulated processing time. For experiments in virtual time use {@link EdgeComputer} directly.
 */
import { EdgeComputer, type LambdaAnswer } from '../edge-computer/edge-computer.js';
import { requestSize, type EdgePlatform, type LambdaRequest, type PlatformAnswer } from './platform.js';

/** Error of a simulated computer that answered with a retcode other than `OK`. */
export class LambdaFailedError extends Error {
  /** The computer's retcode. */
  readonly retcode: string;

  constructor(responder: string, retcode: string) {
    super(`${responder}: ${retcode}`);
    this.name = 'LambdaFailedError';
    this.retcode = retcode;
  }
}

/**
 * Runs an {@link EdgeComputer} in real time.
 *
 * @example
 * ```ts
 * const rpi = new SimulatedPlatform(new EdgeComputer(raspberryConfig(), { name: 'rpi' }));
 * const answer = await rpi.invoke({ lambda: 'clambda0', input: 'x'.repeat(100) }); // after ~1.04 ms
 * rpi.close();
 * ```
 */
export class SimulatedPlatform implements EdgePlatform {
  /** The computer's name. */
  readonly name: string;
  private readonly origin: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** @param clock - wall clock in ms (default `performance.now`). */
  constructor(
    readonly computer: EdgeComputer,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.name = computer.name;
    this.origin = clock() - computer.scheduler.now * 1000;
  }

  /** Submits the request at the current (real) time; resolves when the simulated computer completes it. */
  invoke(request: LambdaRequest): Promise<PlatformAnswer> {
    if (this.closed) return Promise.reject(new Error(`simulated computer ${this.name} is closed`));
    this.catchUp();
    return new Promise<PlatformAnswer>((resolve, reject) => {
      this.computer.submit(request, (answer: LambdaAnswer) => {
        if (answer.retcode !== 'OK') reject(new LambdaFailedError(this.name, answer.retcode));
        else resolve({ output: answer.output, responder: answer.responder, ptimeMs: answer.ptime, load1: answer.load1 });
      });
      this.arm();
    });
  }

  /** The computer's dry-run estimate (s) for the request now. Rejects for an unknown lambda. */
  async estimate(request: LambdaRequest): Promise<number> {
    this.catchUp();
    const estimate = this.computer.estimate(request.lambda, requestSize(request));
    if (estimate === undefined) throw new LambdaFailedError(this.name, `unknown lambda: ${request.lambda}`);
    return estimate;
  }

  /** The lambdas of the computer's containers. */
  async lambdas(): Promise<string[]> {
    return this.computer.lambdas();
  }

  /** Stops the timer; pending invocations never answer. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private virtualNow(): number {
    return Math.max(this.computer.scheduler.now, (this.clock() - this.origin) / 1000);
  }

  /** Runs the events due by now. */
  private catchUp(): void {
    this.computer.scheduler.run({ until: this.virtualNow(), inclusive: true });
  }

  /** Sets a timer for the next event. */
  private arm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.computer.scheduler.peekTime();
    if (this.closed || !Number.isFinite(next)) return;
    const delayMs = Math.max(0, (next - this.virtualNow()) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A timer may fire slightly early: run at least up to the event it was set for.
      this.computer.scheduler.run({ until: Math.max(next, this.virtualNow()), inclusive: true });
      this.arm();
    }, delayMs);
  }
}
