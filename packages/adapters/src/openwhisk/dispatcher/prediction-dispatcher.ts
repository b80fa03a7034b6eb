/**
 * The seed's `edgedispatcher` (§3.2): for each request, the destination with the smallest predicted
 * response time for this lambda and this input size (`rtt` or `util` estimator); the measured RTT is
 * the response time minus the platform's reported ptime. A destination that fails is removed (from
 * every lambda and from the estimator) and the request goes to the next best one.
 */
import { EdgeDispatchError, type FailedAttempt } from './dispatch-errors.js';
import type { DispatchResult } from './edge-dispatcher.js';
import { requestSize, type EdgePlatform, type LambdaRequest } from './platform.js';
import { RttEstimator, UtilEstimator, type PtimeEstimator, type RttEstimatorOptions, type UtilEstimatorOptions } from './ptime-estimators.js';

/**
 * The `--ptime-estimator-conf`: `{ type: 'rtt', ... }`, `{ type: 'util', ... }`, or `{ type: 'probe' }`:
 * ask every candidate for a dry-run estimate ({@link EdgePlatform.estimate}) and pick the smallest (the
 * seed's centralised oracle; candidates that cannot estimate, or fail to, come last).
 */
export type PtimeEstimatorConf = ({ type: 'rtt' } & RttEstimatorOptions) | ({ type: 'util' } & UtilEstimatorOptions) | { type: 'probe' };

/** Options of {@link PredictionDispatcher}. */
export interface PredictionDispatcherOptions {
  /** The estimator. Default `{ type: 'rtt', windowSize: 50, stalePeriod: 10 }`. */
  estimator?: PtimeEstimatorConf | PtimeEstimator;
  /** Clock in seconds. Default `performance.now() / 1000`. */
  clock?: () => number;
  /** Called when a failed destination is removed. */
  onRemove?: (destination: string, error: unknown) => void;
}

/** A prediction-based dispatcher over several platforms. */
export class PredictionDispatcher {
  /** The estimator in use. */
  readonly estimator: PtimeEstimator;
  private readonly platforms = new Map<string, EdgePlatform>();
  private readonly lambdas = new Map<string, string[]>(); // lambda -> destinations, in the order added
  private readonly probe: boolean;
  private readonly clock: () => number;
  private readonly onRemove: ((destination: string, error: unknown) => void) | undefined;

  /** @throws RangeError for an unknown estimator type or a bad option. */
  constructor(options: PredictionDispatcherOptions = {}) {
    const conf = options.estimator ?? { type: 'rtt' };
    this.probe = !('predict' in conf) && conf.type === 'probe';
    if ('predict' in conf) this.estimator = conf;
    else if (conf.type === 'probe') this.estimator = new RttEstimator(); // learns, but the probes decide
    else if (conf.type === 'rtt') this.estimator = new RttEstimator(withoutType(conf));
    else if (conf.type === 'util') this.estimator = new UtilEstimator(withoutType(conf));
    else throw new RangeError(`unknown ptime estimator type ${JSON.stringify((conf as { type: unknown }).type)}; use rtt or util`);
    this.clock = options.clock ?? (() => performance.now() / 1000);
    this.onRemove = options.onRemove;
  }

  /** Adds `platform` as a destination of `lambdas`. */
  addPlatform(platform: EdgePlatform, lambdas: readonly string[]): void {
    this.platforms.set(platform.name, platform);
    for (const lambda of lambdas) {
      const list = this.lambdas.get(lambda) ?? [];
      if (!list.includes(platform.name)) list.push(platform.name);
      this.lambdas.set(lambda, list);
    }
  }

  /** Removes a platform from every lambda and from the estimator; returns whether it was known. */
  removePlatform(name: string): boolean {
    for (const [lambda, list] of this.lambdas) {
      const i = list.indexOf(name);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.lambdas.delete(lambda);
    }
    this.estimator.remove(name);
    return this.platforms.delete(name);
  }

  /** The destinations of `lambda` with their predicted response time (s) for `size` bytes now, in the order added. */
  predictions(lambda: string, size: number): { destination: string; predicted: number }[] {
    const now = this.clock();
    return (this.lambdas.get(lambda) ?? []).map((destination) => ({ destination, predicted: this.estimator.predict(lambda, destination, size, now) }));
  }

  /** Dry-run estimates of every destination of the request's lambda (Infinity for one that cannot tell). */
  private async probes(request: LambdaRequest): Promise<{ destination: string; predicted: number }[]> {
    const destinations = this.lambdas.get(request.lambda) ?? [];
    return Promise.all(
      destinations.map(async (destination) => {
        const platform = this.platforms.get(destination) as EdgePlatform;
        if (platform.estimate === undefined) return { destination, predicted: Infinity };
        const predicted = await platform.estimate(request).catch(() => Infinity);
        return { destination, predicted };
      }),
    );
  }

  /**
   * Sends the request to the destination with the least predicted response time (the first added on
   * ties), learns from the answer, and fails over on errors.
   * @throws EdgeDispatchError when no destination is (or is left) for the lambda.
   */
  async invoke(request: LambdaRequest): Promise<DispatchResult> {
    const size = requestSize(request);
    const failed: FailedAttempt[] = [];
    for (;;) {
      const candidates = this.probe ? await this.probes(request) : this.predictions(request.lambda, size);
      if (candidates.length === 0) throw new EdgeDispatchError(request.lambda, failed);
      let best = candidates[0];
      for (const c of candidates) if (c.predicted < best.predicted) best = c;
      const platform = this.platforms.get(best.destination) as EdgePlatform;
      const start = this.clock();
      try {
        const answer = await platform.invoke(request);
        const end = this.clock();
        const latency = Math.max(0, end - start);
        this.estimator.add({
          lambda: request.lambda,
          destination: best.destination,
          size,
          responseTime: latency,
          ptime: (answer.ptimeMs ?? 0) / 1000,
          ...(answer.load1 === undefined ? {} : { load1: answer.load1 }),
          now: end,
        });
        return { answer, destination: best.destination, latency, failed };
      } catch (error) {
        failed.push({ destination: best.destination, error });
        this.removePlatform(best.destination);
        this.onRemove?.(best.destination, error);
      }
    }
  }
}

function withoutType<T extends { type: string }>(conf: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = conf;
  return rest;
}
