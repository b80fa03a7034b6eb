/**
 * The seed's `edgerouter` as a library (§3.1): a forwarding table of destinations per lambda (from
 * `@nss/dispatch`: policies `random`, `least-impedance`, `round-robin`, `proportional-fairness`; weight
 * updaters `trivial`, `async`, `asyncPF`, `none`), platforms as destinations, and failover: a
 * destination that fails is removed from the table and the request retried on the next choice until
 * none is left (then the last error is reported).
 */
import { Rng } from '@nss/core';
import {
  ForwardingTable,
  createWeightUpdater,
  type ForwardingEntry,
  type ForwardingPolicyConf,
  type UniformSource,
  type WeightUpdater,
  type WeightUpdaterConf,
} from '@nss/dispatch';
import { EdgeDispatchError, type FailedAttempt } from './dispatch-errors.js';
import type { EdgePlatform, LambdaRequest, PlatformAnswer } from './platform.js';

/** Options of {@link EdgeDispatcher}. */
export interface EdgeDispatcherOptions {
  /** The table's policy (`--table-conf`). Default `{ type: 'random' }`. */
  policy?: ForwardingPolicyConf;
  /** The weight updater (`--optimizer-conf`). Default `{ type: 'trivial', period: 10, stat: 'mean' }` (seconds). */
  updater?: WeightUpdaterConf;
  /** Uniform draws for the `random` policy. Default: the stream `edge-dispatcher` of `new Rng(seed)`. */
  random?: UniformSource;
  /** Seed of the default random stream. Default 1. */
  seed?: number | string;
  /** Clock in seconds. Default `performance.now() / 1000`. */
  clock?: () => number;
  /** Called when a failed destination is removed (the seed tells its controller `RemoveComputer`). */
  onRemove?: (destination: string, error: unknown) => void;
}

/** The answer of {@link EdgeDispatcher.invoke}. */
export interface DispatchResult {
  /** The platform's answer. */
  answer: PlatformAnswer;
  /** The destination that served it. */
  destination: string;
  /** Measured response time (s) of the successful attempt. */
  latency: number;
  /** Attempts that failed before (their destinations were removed). */
  failed: FailedAttempt[];
}

/**
 * Dispatches lambda invocations over several platforms.
 *
 * @example
 * ```ts
 * const dispatcher = new EdgeDispatcher({ policy: { type: 'random' }, updater: { type: 'none' }, seed: 7 });
 * dispatcher.addPlatform(rpi1, ['clambda0'], 0.106);
 * dispatcher.addPlatform(rpi2, ['clambda0'], 0.109);
 * const { destination, latency } = await dispatcher.invoke({ lambda: 'clambda0', input: 'x'.repeat(10_000) });
 * ```
 */
export class EdgeDispatcher {
  /** The forwarding table (inspect weights with `table.entries(lambda)`). */
  readonly table: ForwardingTable;
  /** The weight updater bound to the table. */
  readonly updater: WeightUpdater;
  private readonly platforms = new Map<string, EdgePlatform>();
  private readonly random: UniformSource;
  private readonly clock: () => number;
  private readonly onRemove: ((destination: string, error: unknown) => void) | undefined;

  /** @throws DispatchError (from `@nss/dispatch`) for an unknown policy or updater, or a bad option. */
  constructor(options: EdgeDispatcherOptions = {}) {
    this.table = new ForwardingTable(options.policy ?? { type: 'random' });
    this.updater = createWeightUpdater(this.table, options.updater ?? { type: 'trivial', period: 10, stat: 'mean' });
    this.random = options.random ?? new Rng(options.seed ?? 1).stream('edge-dispatcher');
    this.clock = options.clock ?? (() => performance.now() / 1000);
    this.onRemove = options.onRemove;
  }

  /**
   * Adds a platform as a destination of `lambdas` with `weight` (an estimated delay in seconds, > 0;
   * default 1.0, what the seed's controller announces). Replaces a platform of the same name.
   */
  addPlatform(platform: EdgePlatform, lambdas: readonly string[], weight = 1): void {
    this.platforms.set(platform.name, platform);
    const now = this.clock();
    for (const lambda of lambdas) this.table.change(lambda, platform.name, weight, { final: true, now });
  }

  /** Adds a platform for every lambda it lists (`platform.lambdas()`, e.g. OpenWhisk's actions); returns them. */
  async discover(platform: EdgePlatform, weight = 1): Promise<string[]> {
    if (platform.lambdas === undefined) throw new TypeError(`platform ${platform.name} cannot list its lambdas; use addPlatform(platform, lambdas)`);
    const lambdas = await platform.lambdas();
    this.addPlatform(platform, lambdas, weight);
    return lambdas;
  }

  /** Removes a platform from every lambda; returns whether it was known. */
  removePlatform(name: string): boolean {
    this.table.removeDestination(name, this.clock());
    return this.platforms.delete(name);
  }

  /** The destinations of `lambda` with their weights. */
  destinations(lambda: string): ForwardingEntry[] {
    return this.table.entries(lambda);
  }

  /**
   * Sends the request to the destination the policy chooses; on failure removes that destination
   * (from every lambda) and retries with the next choice.
   * @throws EdgeDispatchError when no destination is (or is left) for the lambda.
   */
  async invoke(request: LambdaRequest): Promise<DispatchResult> {
    const failed: FailedAttempt[] = [];
    for (;;) {
      const start = this.clock();
      this.updater.tick(start);
      if (this.table.entries(request.lambda).length === 0) throw new EdgeDispatchError(request.lambda, failed);
      const destination = this.table.choose(request.lambda, start, this.random);
      const platform = this.platforms.get(destination);
      try {
        if (platform === undefined) throw new Error(`destination ${destination} has no platform (added to the table directly?)`);
        const answer = await platform.invoke(request);
        const end = this.clock();
        const latency = Math.max(0, end - start);
        this.table.processSuccess(request.lambda, destination, latency, end);
        this.updater.observe(request.lambda, destination, latency, end);
        return { answer, destination, latency, failed };
      } catch (error) {
        failed.push({ destination, error });
        this.table.removeDestination(destination, this.clock());
        this.platforms.delete(destination);
        this.onRemove?.(destination, error);
      }
    }
  }
}
