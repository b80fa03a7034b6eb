import { describe, expect, it, vi } from 'vitest';
import {
  buildForecastFeatures,
  checkLeakage,
  DataTable,
  findLookaheadFeatures,
  DEFAULT_FEATURE_SPEC,
  forecastFeatureRow,
  generateTrafficTable,
  MlDataError,
  UPSTREAM_WARNING,
  type ForecastFeatureSpec,
} from '@nss/ml';

const spec = (over: Partial<ForecastFeatureSpec>): ForecastFeatureSpec => ({ ...DEFAULT_FEATURE_SPEC, ...over });

/** y = 1, 4, 9, 16 … (t+1)², timestamps from Monday 00:00 UTC, x = 10·t. */
function series(n: number): DataTable {
  const ts = Float64Array.from({ length: n }, (_, t) => 1_704_067_200 + 3600 * t);
  const y = Float64Array.from({ length: n }, (_, t) => (t + 1) ** 2);
  const x = Float64Array.from({ length: n }, (_, t) => 10 * t);
  return new DataTable(['timestamp', 'y', 'x'], [ts, y, x]);
}

describe('honest forecast features', () => {
  it('lags, rolling mean/std of the W values before t, cyclical calendar, other columns lagged by h', () => {
    const fs = buildForecastFeatures(series(10), spec({ target: 'y', lags: 2, window: 3, horizon: 1, exogenous: ['x'] }));
    expect(fs.featureNames).toEqual(['y_lag_1', 'y_lag_2', 'y_roll_mean_3', 'y_roll_std_3', 'hour_sin', 'hour_cos', 'dow_sin', 'dow_cos', 'x_lag_1']);
    expect(fs.firstIndex).toBe(3); // max(L, W) + h − 1
    expect(fs.rowCount).toBe(7);
    const d = fs.featureNames.length;
    const row = Array.from(fs.x.subarray(0, d)); // target t = 3 (y = 16); history y[0..2] = 1, 4, 9
    expect(fs.y[0]).toBe(16);
    expect(row[0]).toBe(9);
    expect(row[1]).toBe(4);
    expect(row[2]).toBeCloseTo(14 / 3, 12);
    const m = 14 / 3;
    expect(row[3]).toBeCloseTo(Math.sqrt(((1 - m) ** 2 + (4 - m) ** 2 + (9 - m) ** 2) / 2), 12);
    expect(row[4]).toBeCloseTo(Math.sin((2 * Math.PI * 3) / 24), 12); // 03:00
    expect(row[5]).toBeCloseTo(Math.cos((2 * Math.PI * 3) / 24), 12);
    expect(row[6]).toBeCloseTo(Math.sin((2 * Math.PI * (3 / 24)) / 7), 12); // Monday = day 0
    expect(row[8]).toBe(20); // x at t − 1 = 2
  });

  it('no feature of row t depends on y[t] or on anything after t − h (perturbation)', () => {
    const h = 3;
    const base = series(40);
    const s = spec({ target: 'y', lags: 4, window: 5, horizon: h, exogenous: ['x'] });
    const a = buildForecastFeatures(base, s);
    const d = a.featureNames.length;
    const t = 20;
    const r = t - a.firstIndex;
    for (let k = t - h + 1; k < 40; k++) {
      const y = Float64Array.from(base.numeric('y'));
      const x = Float64Array.from(base.numeric('x'));
      y[k] += 1000;
      x[k] += 1000;
      const b = buildForecastFeatures(new DataTable(base.columns, [base.numeric('timestamp'), y, x]), s);
      expect(Array.from(b.x.subarray(r * d, r * d + d))).toEqual(Array.from(a.x.subarray(r * d, r * d + d)));
    }
  });

  it('forecastFeatureRow from history equals the row built from the table', () => {
    const tbl = series(30);
    const s = spec({ target: 'y', lags: 3, window: 4, horizon: 2, exogenous: ['x'] });
    const fs = buildForecastFeatures(tbl, s);
    const d = fs.featureNames.length;
    const t = 25;
    const hist = { y: tbl.numeric('y').subarray(0, t - 2 + 1), x: tbl.numeric('x').subarray(0, t - 2 + 1) };
    const row = forecastFeatureRow(s, hist, tbl.numeric('timestamp')[t]);
    const r = t - fs.firstIndex;
    Array.from(fs.x.subarray(r * d, r * d + d)).forEach((v, j) => expect(row[j]).toBeCloseTo(v, 9));
  });

  it('too few rows, NaN in a feature, an unknown column: clear errors', () => {
    expect(() => buildForecastFeatures(series(5), spec({ target: 'y', lags: 3, window: 5 }))).toThrow(/5 rows, but lags 3, window 5 and horizon 1 need at least 6/);
    const t = series(12);
    const y = Float64Array.from(t.numeric('y'));
    y[4] = NaN;
    const bad = new DataTable(t.columns, [t.numeric('timestamp'), y, t.numeric('x')]);
    expect(() => buildForecastFeatures(bad, spec({ target: 'y', lags: 2, window: 2 }))).toThrow(MlDataError);
    expect(() => buildForecastFeatures(bad, spec({ target: 'y', lags: 2, window: 2 }))).toThrow(/is NaN .*CSV line/);
    expect(() => buildForecastFeatures(t, spec({ target: 'nope' }))).toThrow(/no column "nope"/);
  });
});

describe('upstream-compatible features and the leakage check', () => {
  const traffic = generateTrafficTable({ days: 1, seed: 4 });

  it('reproduces the seed: window includes y[t] (min_periods 1, std 0 for one value), raw hour/day, same-second columns; warns', () => {
    const warn = vi.fn();
    const fs = buildForecastFeatures(series(6), spec({ target: 'y', lags: 2, window: 3, mode: 'upstream', exogenous: ['x'] }), { warn });
    expect(warn).toHaveBeenCalledWith(UPSTREAM_WARNING);
    expect(fs.featureNames).toEqual(['y_lag_1', 'y_lag_2', 'y_roll_mean_3', 'y_roll_std_3', 'hour', 'day_of_week', 'x']);
    const d = fs.featureNames.length;
    expect(Array.from(fs.x.subarray(0, d))).toEqual([0, 0, 1, 0, 0, 0, 0]); // row 0: lags zero-filled, window = {y0}
    const r4 = Array.from(fs.x.subarray(4 * d, 5 * d)); // y[2..4] = 9, 16, 25 includes the target 25
    expect(r4[2]).toBeCloseTo(50 / 3, 12);
    expect(r4[4]).toBe(4);
    expect(r4[6]).toBe(40);
  });

  it('flags upstream features with lags = window (y_t = W·mean − Σ lags) and passes honest ones', () => {
    const leaky = buildForecastFeatures(traffic, spec({ lags: 30, window: 30, mode: 'upstream', exogenous: ['tx_packets', 'latency'] }), { warn: () => {} });
    const l = checkLeakage(leaky);
    expect(l.leaky).toBe(true);
    expect(l.message).toMatch(/^LEAKAGE/);
    const honest = checkLeakage(buildForecastFeatures(traffic, spec({ lags: 30, window: 30, exogenous: ['tx_packets', 'latency'] })));
    expect(honest.leaky).toBe(false);
    // the honest residual is the noise: about 2 887 / std(rx) ≈ 0.03
    expect(honest.relativeResidual).toBeGreaterThan(0.02);
  });

  it('finds the look-ahead features of the upstream mode and none in honest features, whatever the horizon', () => {
    const exogenous = ['tx_packets', 'latency'];
    expect(findLookaheadFeatures(traffic, spec({ lags: 5, window: 10, mode: 'upstream', exogenous }))).toEqual([
      'rx_packets_roll_mean_10',
      'rx_packets_roll_std_10',
      'tx_packets',
      'latency',
    ]);
    for (const horizon of [1, 7]) expect(findLookaheadFeatures(traffic, spec({ lags: 5, window: 10, horizon, exogenous }))).toEqual([]);
  });
});
