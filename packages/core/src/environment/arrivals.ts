import type { RandomStream } from '../engine/rng.js';
import { ConfigError, NssError } from '../errors.js';

/** The simulation parameters arrival instants depend on (simulation-parameter file, ms). */
export interface GenerationTiming {
  /** `simulation.total_time` (ms). */
  readonly totalTime: number;
  /** `simulation.time_window` (ms): the placement-round window. */
  readonly timeWindow: number;
}

/** The `sfc_requests` fields arrival instants depend on. */
export interface ArrivalSpec {
  readonly arrival: string;
  readonly increase_requests_per_window?: number;
  readonly max_arrival_time?: number;
}

/**
 * The largest arrival bound A (model-spec §3.1): `sfc_requests.max_arrival_time`, else
 * `total_time − time_window`. Throws an {@link NssError} when neither is available.
 */
export function maxArrivalTime(spec: ArrivalSpec, timing: GenerationTiming | undefined): number {
  if (spec.max_arrival_time !== undefined) return spec.max_arrival_time;
  if (timing === undefined) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      'cannot compute the SFC-request arrival times: set sfc_requests.max_arrival_time or give the simulation ' +
        'parameters (total_time and time_window)',
    );
  }
  return timing.totalTime - timing.timeWindow;
}

/**
 * Poisson arrivals (model-spec §3.1): cumulative sums of standard exponentials (the first instant is 0),
 * scaled so that the last lands on A, truncated to integers and clamped to A − 1. The result has
 * `count` non-decreasing integers, the first 0 and (for count > 1) the last A − 1.
 */
export function poissonArrivals(count: number, maxArrival: number, stream: RandomStream): number[] {
  if (count === 0) return [];
  const t = new Array<number>(count);
  t[0] = 0;
  for (let i = 1; i < count; i++) t[i] = t[i - 1] + stream.exponential(1);
  const last = t[count - 1];
  const f = count > 1 && last > 0 ? maxArrival / last : 1;
  return t.map((ti) => Math.min(Math.trunc(ti * f), maxArrival - 1));
}

/**
 * Linear arrivals (model-spec §3.1): W = ⌊A / time_window⌋ windows; the start (w−1)·time_window of
 * window w = 1 … W is emitted w·`increase` times, W·(W+1)/2·`increase` instants in total. Correcting
 * that total must equal the number of SFC requests (the reference compares it with the number
 * of users); otherwise a {@link ConfigError} states both numbers.
 */
export function linearArrivals(
  count: number,
  maxArrival: number,
  timeWindow: number,
  increase: number,
  file: string,
): number[] {
  const windows = Math.floor(maxArrival / timeWindow);
  const total = (increase * windows * (windows + 1)) / 2;
  if (total !== count) {
    throw new ConfigError([
      {
        file,
        path: '/sfc_requests/increase_requests_per_window',
        expected:
          `linear arrivals producing exactly one instant per SFC request (${count} requests; ` +
          `${windows} windows of ${timeWindow} ms give increase·W·(W+1)/2 = ${increase}·${windows}·${windows + 1}/2)`,
        found: `${total} arrival instants for ${count} SFC requests`,
        severity: 'error',
      },
    ]);
  }
  const instants: number[] = [];
  for (let w = 1; w <= windows; w++) {
    const start = (w - 1) * timeWindow;
    for (let r = 0; r < w * increase; r++) instants.push(start);
  }
  return instants;
}

/**
 * Arrival instants for `count` requests, in request order (model-spec §3.1), from
 * `sfc_requests.arrival` (`poisson` or `linear`). Problems (unknown model, missing bound, a non-positive
 * bound, linear without a time window or increase, a count mismatch) throw an {@link NssError}.
 */
export function arrivalInstants(
  spec: ArrivalSpec,
  count: number,
  timing: GenerationTiming | undefined,
  stream: RandomStream,
  file: string,
): number[] {
  if (spec.arrival !== 'poisson' && spec.arrival !== 'linear') {
    throw new ConfigError([
      { file, path: '/sfc_requests/arrival', expected: '"poisson" or "linear"', found: JSON.stringify(spec.arrival), severity: 'error' },
    ]);
  }
  if (count === 0) return [];
  const a = maxArrivalTime(spec, timing);
  if (!Number.isInteger(a) || a < 1) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `the SFC-request arrival bound must be a positive integer (ms), found ${a}` +
        (spec.max_arrival_time === undefined ? ' (total_time − time_window)' : ' (sfc_requests.max_arrival_time)') +
        ': raise total_time or set sfc_requests.max_arrival_time',
    );
  }
  if (spec.arrival === 'poisson') return poissonArrivals(count, a, stream);
  if (timing === undefined || !(timing.timeWindow > 0)) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      'linear SFC-request arrivals need a positive simulation time_window: give the simulation parameters ' +
        '(time_window > 0) or use "poisson" arrivals',
    );
  }
  const increase = spec.increase_requests_per_window;
  if (increase === undefined) {
    throw new ConfigError([
      {
        file,
        path: '/sfc_requests/increase_requests_per_window',
        expected: 'an integer (required by linear arrivals)',
        found: 'missing',
        severity: 'error',
      },
    ]);
  }
  return linearArrivals(count, a, timing.timeWindow, increase, file);
}
