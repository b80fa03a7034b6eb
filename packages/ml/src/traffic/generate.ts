import { CsvWriter } from '../csv/writer.js';
import { MlDataError } from '../errors.js';
import { SeededRandom } from '../rng.js';
import { DataTable } from '../table.js';

/** The seed's traffic schema, in column order. */
export const TRAFFIC_COLUMNS = ['timestamp', 'rx_packets', 'tx_packets', 'packet_drops', 'latency', 'label'] as const;

/** Daily profile of the synthetic traffic (seed-systems §2.1). */
export type TrafficProfile = 'sinusoidal' | 'step';

/**
 * How failure seconds (`packet_drops = 1`) are placed: `random` as upstream (1–10 random seconds a day,
 * independent of everything else, so not predictable), or `precursor`, where latency climbs during the
 * 120 s before each failure (a learnable signal for failure prediction).
 */
export type FailurePattern = 'random' | 'precursor';

/** Options of the traffic generator. */
export interface TrafficOptions {
  /** Number of days of per-second rows (86 400 rows a day). Default 7. */
  readonly days?: number;
  /** Daily profile. Default `sinusoidal`. */
  readonly profile?: TrafficProfile;
  /** Seed of the generator; the same seed gives identical rows and bytes. Default 1. */
  readonly seed?: number;
  /** Unix time (s) of the first row; times are read as UTC. Default 1 704 067 200 (Mon 2024-01-01 00:00 UTC). */
  readonly start?: number;
  /** Failure placement. Default `random` (as upstream). */
  readonly failures?: FailurePattern;
  /** Number of rows a day (86 400 = one a second); smaller values compress the day for quick tests. Default 86 400. */
  readonly secondsPerDay?: number;
}

/** Default first timestamp: Monday 2024-01-01 00:00:00 UTC. */
export const DEFAULT_TRAFFIC_START = 1_704_067_200;

/** Seconds before a failure over which latency climbs in the `precursor` pattern. */
export const PRECURSOR_SECONDS = 120;

/**
 * The best error any one-step forecaster of `rx_packets` can reach on this profile (it predicts the
 * noise-free profile exactly): MAE and RMSE of the i.i.d. noise. For `sinusoidal` the noise is uniform
 * on ±5 000 (MAE 2 500, RMSE 5 000/√3 ≈ 2 886.75); for `step`, uniform integers in [150 000, 350 000]
 * by day (07–22 h) and [5 000, 60 000] by night.
 */
export function trafficNoiseFloor(profile: TrafficProfile): { mae: number; rmse: number } {
  if (profile === 'sinusoidal') return { mae: 2500, rmse: 5000 / Math.sqrt(3) };
  const day = { mae: 200000 / 4, var: 200000 ** 2 / 12 };
  const night = { mae: 55000 / 4, var: 55000 ** 2 / 12 };
  return { mae: (15 * day.mae + 9 * night.mae) / 24, rmse: Math.sqrt((15 * day.var + 9 * night.var) / 24) };
}

/** One generated row. */
interface TrafficRow {
  timestamp: number;
  rx: number;
  tx: number;
  drops: number;
  latency: number;
  label: string;
}

/**
 * Generates per-second rows in the seed's schema, day by day, calling `emit` for each row. Shared by
 * {@link generateTrafficTable} and {@link writeTrafficCsv} so both give the same values.
 */
function generate(options: TrafficOptions, emit: (row: TrafficRow) => void): void {
  const days = options.days ?? 7;
  const profile = options.profile ?? 'sinusoidal';
  const perDay = options.secondsPerDay ?? 86400;
  if (!Number.isInteger(days) || days < 1) throw new MlDataError(`traffic: days must be a positive integer, got ${days}`);
  if (!Number.isInteger(perDay) || perDay < 24) throw new MlDataError(`traffic: secondsPerDay must be an integer ≥ 24, got ${perDay}`);
  if (profile !== 'sinusoidal' && profile !== 'step') throw new MlDataError(`traffic: profile must be sinusoidal or step, got ${String(profile)}`);
  const rng = new SeededRandom(options.seed ?? 1);
  const start = options.start ?? DEFAULT_TRAFFIC_START;
  const precursor = options.failures === 'precursor';
  const step = 86400 / perDay;
  const row: TrafficRow = { timestamp: 0, rx: 0, tx: 0, drops: 0, latency: 0, label: '' };
  for (let d = 0; d < days; d++) {
    const k = rng.int(1, 10);
    const failures = new Set<number>();
    while (failures.size < Math.min(k, perDay)) failures.add(rng.int(0, perDay - 1));
    const sorted = [...failures].sort((a, b) => a - b);
    let next = 0;
    for (let i = 0; i < perDay; i++) {
      const timestamp = start + d * 86400 + Math.floor(i * step);
      const s = (((timestamp % 86400) + 86400) % 86400);
      const hour = Math.floor(s / 3600);
      const day = hour >= 7 && hour < 22;
      let rx: number;
      let tx: number;
      let latency: number;
      if (profile === 'sinusoidal') {
        const base = 20000 + ((Math.sin((2 * Math.PI * (s - 8 * 3600)) / 86400) + 1) / 2) * (300000 - 20000);
        rx = Math.max(0, Math.trunc(base + rng.uniform(-5000, 5000)));
        tx = Math.trunc(rx * rng.uniform(0.95, 1.05));
        latency = 0.1 + (1.5 * rx) / 300000 + rng.uniform(-0.1, 0.1);
      } else if (day) {
        rx = rng.int(150000, 350000);
        tx = rng.int(150000, 350000);
        latency = rng.uniform(0.15, 2.2);
      } else {
        rx = rng.int(5000, 60000);
        tx = rng.int(5000, 60000);
        latency = rng.uniform(0.05, 0.4);
      }
      while (next < sorted.length && sorted[next] < i) next++;
      if (precursor && next < sorted.length) {
        const ahead = (sorted[next] - i) * step;
        if (ahead > 0 && ahead <= PRECURSOR_SECONDS) latency += 0.8 * (1 - ahead / PRECURSOR_SECONDS);
      }
      row.timestamp = timestamp;
      row.rx = rx;
      row.tx = tx;
      row.drops = failures.has(i) ? 1 : 0;
      row.latency = Math.round(latency * 1e6) / 1e6;
      row.label = day ? 'normal_day' : 'normal_night';
      emit(row);
    }
  }
}

/** Generates traffic into an in-memory {@link DataTable} with the seed's columns. */
export function generateTrafficTable(options: TrafficOptions = {}): DataTable {
  const n = (options.days ?? 7) * (options.secondsPerDay ?? 86400);
  const ts = new Float64Array(n);
  const rx = new Float64Array(n);
  const tx = new Float64Array(n);
  const drops = new Float64Array(n);
  const lat = new Float64Array(n);
  const label: string[] = new Array(n);
  let i = 0;
  generate(options, (r) => {
    ts[i] = r.timestamp;
    rx[i] = r.rx;
    tx[i] = r.tx;
    drops[i] = r.drops;
    lat[i] = r.latency;
    label[i] = r.label;
    i++;
  });
  return new DataTable([...TRAFFIC_COLUMNS], [ts, rx, tx, drops, lat, label]);
}

/**
 * Generates traffic and streams it to a CSV file (header `timestamp,rx_packets,tx_packets,packet_drops,latency,label`).
 * The same options give byte-identical files. The file appears atomically when complete.
 * @returns The number of rows written.
 */
export function writeTrafficCsv(path: string, options: TrafficOptions = {}): number {
  const w = new CsvWriter(path, TRAFFIC_COLUMNS);
  let n = 0;
  try {
    generate(options, (r) => {
      w.writeLine(`${r.timestamp},${r.rx},${r.tx},${r.drops},${r.latency},${r.label}`);
      n++;
    });
  } catch (e) {
    w.abort();
    throw e;
  }
  w.close();
  return n;
}
