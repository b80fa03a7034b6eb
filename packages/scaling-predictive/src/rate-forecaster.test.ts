import { describe, expect, it } from 'vitest';
import { PREDICTIVE_DEFAULTS, type PredictiveParameters } from './parameters.js';
import { RateForecaster } from './rate-forecaster.js';

const params = (over: Partial<PredictiveParameters>): PredictiveParameters => ({ ...PREDICTIVE_DEFAULTS, ...over });

function fed(p: PredictiveParameters, values: readonly number[]): RateForecaster {
  const f = new RateForecaster(p);
  for (const v of values) f.observe(v);
  return f;
}

describe('RateForecaster', () => {
  it('forecasts nothing before the first observation', () => {
    expect(new RateForecaster(params({})).forecast()).toEqual([]);
  });

  it('baselines: persistence, trailing mean, seasonal naive (hand-computed)', () => {
    const y = [10, 20, 30, 40, 50, 60, 70];
    expect(fed(params({ model: 'persistence', horizon: 2 }), y).forecast()).toEqual([70, 70]);
    expect(fed(params({ model: 'trailing-mean', window: 4 }), y).forecast()).toEqual([55]); // (40+50+60+70)/4
    // Season 3: the next two intervals repeat the values 3 intervals before them (50, then 60).
    expect(fed(params({ model: 'seasonal-naive', season_length: 3, horizon: 2 }), y).forecast()).toEqual([50, 60]);
    // Less than a season observed: persistence.
    expect(fed(params({ model: 'seasonal-naive', season_length: 10 }), y).forecast()).toEqual([70]);
  });

  it('keeps at most history_length observations', () => {
    const f = fed(params({ model: 'trailing-mean', history_length: 3, window: 5 }), [100, 1, 2, 3]);
    expect(f.size).toBe(3);
    expect(f.forecast()).toEqual([2]); // mean of 1, 2, 3: the 100 was dropped
  });

  it('ridge learns a sinusoid exactly (a linear recurrence of its lags), for several horizons', () => {
    // y[t] = 100 + 50 sin(2π t / 20) satisfies y[t] = 2 cos(2π/20) y[t−1] − y[t−2] + const.
    const y = (t: number): number => 100 + 50 * Math.sin((2 * Math.PI * t) / 20);
    const p = params({ model: 'ridge', lags: 4, window: 4, horizon: 3, history_length: 400 });
    const series = Array.from({ length: 200 }, (_, t) => y(t));
    const f = fed(p, series);
    const forecasts = f.forecast();
    expect(f.trained).toBe(true);
    forecasts.forEach((v, i) => expect(Math.abs(v - y(200 + i))).toBeLessThan(0.5));
    // A persistence forecast would be off by several units at these points.
    expect(Math.abs(series[199] - y(202))).toBeGreaterThan(5);
  });

  it('ridge with a season uses the value one season earlier and beats persistence on a periodic ramp', () => {
    // A saw-tooth of period 12 (0, 10, …, 110, 0, …): its drop cannot be foreseen from the lags alone.
    const saw = (t: number): number => (t % 12) * 10;
    const p = params({ model: 'ridge', season_length: 12, lags: 2, window: 2, history_length: 500 });
    const f = fed(p, Array.from({ length: 300 }, (_, t) => saw(t))); // next target: t = 300 → 0
    expect(f.forecast()[0]).toBeCloseTo(saw(300), 3);
    const none = fed(params({ model: 'persistence' }), Array.from({ length: 300 }, (_, t) => saw(t)));
    expect(none.forecast()[0]).toBe(110);
  });

  it('falls back to persistence until enough history is observed, and never forecasts below 0', () => {
    const p = params({ model: 'ridge' });
    const f = fed(p, [5, 9, 7]);
    expect(f.trained).toBe(false);
    expect(f.forecast()).toEqual([7]);
    // A steep decline: a linear model extrapolates below zero; the forecast is clamped at 0.
    const down = fed(params({ model: 'ridge', lags: 2, window: 2, history_length: 200 }), Array.from({ length: 150 }, (_, t) => 1495 - 10 * t)); // last 5, next −5
    expect(down.forecast()[0]).toBe(0);
  });
});
