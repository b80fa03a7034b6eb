import { performance } from 'node:perf_hooks';
import type { PredictDataAnswer } from './payloads.js';

/** Options of {@link runLoadTest} (the seed's `rest_test_data.py`, seed-systems §1.4). */
export interface LoadTestOptions {
  /** Base URL of the model server, e.g. `http://127.0.0.1:5000`. */
  readonly url: string;
  /** 0 classifier, 1 regressor, 2 clustering. */
  readonly typ: 0 | 1 | 2;
  /** The block of rows that is doubled `doublings` times (the seed: 63 rows of the test split). */
  readonly rows: readonly (readonly number[])[];
  /** n: the payload is `rows.length · 2^n` rows. */
  readonly doublings: number;
  /** r: requests sent. */
  readonly requests: number;
  /** Requests in flight at once (default: all of them, as the seed's thread pool fired them). */
  readonly concurrency?: number;
  /** Per-request timeout in ms (default 60 s). */
  readonly timeoutMs?: number;
}

/** Summary statistics of a list of times (ms). */
export interface TimeStats {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** What {@link runLoadTest} measured. */
export interface LoadTestReport {
  /** Rows per request (`rows.length · 2^doublings`). */
  readonly rowsPerRequest: number;
  readonly requests: number;
  readonly concurrency: number;
  /** Requests that did not answer 200 (the seed's "Prediction lost"), with the first reasons. */
  readonly failed: number;
  readonly failures: readonly string[];
  /** Client wall-clock response times of the successful requests, in request order (ms). */
  readonly responseMs: readonly number[];
  /** Server-side prediction times of the successful requests, in request order (ms). */
  readonly predictionMs: readonly number[];
  readonly response: TimeStats;
  readonly prediction: TimeStats;
  /** Successful requests per second over the whole test. */
  readonly throughput: number;
  readonly elapsedMs: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Count, mean, p50, p90, p99 and max of `values` (NaN when empty). */
export function timeStats(values: readonly number[]): TimeStats {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return {
    count: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}

/**
 * Sends `requests` POSTs of `rows.length · 2^doublings` rows to `/api/ml_predict_data`, `concurrency`
 * at a time, and measures the client's response time and the server's prediction time of each.
 * Failed requests are counted, not thrown.
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestReport> {
  if (options.rows.length === 0) throw new RangeError('runLoadTest: rows is empty: give at least one row to send');
  if (!Number.isInteger(options.doublings) || options.doublings < 0 || options.doublings > 20) {
    throw new RangeError(`runLoadTest: doublings must be an integer in [0, 20], got ${options.doublings}`);
  }
  if (!Number.isInteger(options.requests) || options.requests < 1) {
    throw new RangeError(`runLoadTest: requests must be a positive integer, got ${options.requests}`);
  }
  let payloadRows = options.rows.map((row) => [...row]);
  for (let i = 0; i < options.doublings; i++) payloadRows = payloadRows.concat(payloadRows);
  const body = JSON.stringify({ rows: payloadRows });
  const endpoint = new URL(`/api/ml_predict_data?N=${payloadRows.length}&typ=${options.typ}`, options.url).toString();
  const concurrency = Math.max(1, Math.min(options.concurrency ?? options.requests, options.requests));
  const timeoutMs = options.timeoutMs ?? 60_000;

  const response: (number | undefined)[] = new Array(options.requests);
  const prediction: (number | undefined)[] = new Array(options.requests);
  const failures: string[] = [];
  let failed = 0;
  let next = 0;

  const one = async (index: number): Promise<void> => {
    const started = performance.now();
    try {
      const answer = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await answer.text();
      const elapsed = performance.now() - started;
      if (answer.status !== 200) {
        failed++;
        if (failures.length < 5) failures.push(`HTTP ${answer.status}: ${text.slice(0, 200)}`);
        return;
      }
      const parsed = JSON.parse(text) as PredictDataAnswer;
      response[index] = elapsed;
      prediction[index] = parsed.prediction_time_ms;
    } catch (error) {
      failed++;
      if (failures.length < 5) failures.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  };
  const worker = async (): Promise<void> => {
    while (next < options.requests) await one(next++);
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  const responseMs = response.filter((v): v is number => v !== undefined);
  const predictionMs = prediction.filter((v): v is number => v !== undefined);
  return {
    rowsPerRequest: payloadRows.length,
    requests: options.requests,
    concurrency,
    failed,
    failures,
    responseMs,
    predictionMs,
    response: timeStats(responseMs),
    prediction: timeStats(predictionMs),
    throughput: responseMs.length / (elapsedMs / 1000),
    elapsedMs,
  };
}
