import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  evaluateForecaster,
  formatForecastEvaluation,
  generateTrafficTable,
  trafficNoiseFloor,
  trainForecaster,
  trainMultiHorizonForecasters,
} from '@nss/ml';

const dir = mkdtempSync(join(tmpdir(), 'nss-ml-forecast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const floor = trafficNoiseFloor('sinusoidal');

describe('forecasting the seed sinusoid (1 week train, 2 weeks held out)', () => {
  // Independent seeds: the test file is a different week-pair with its own noise, as upstream.
  const train = generateTrafficTable({ days: 7, seed: 101 });
  const test = generateTrafficTable({ days: 14, seed: 202 });

  // The one full-size test: a week of training (604,500 rows) and 1.2 M predictions. About 20 s of CPU;
  // the timeout leaves room for the shared 2-core machine being busy with other builds.
  it('the honest tree ensemble beats persistence clearly and lands just above the noise floor, with no leakage flagged', { timeout: 180_000 }, () => {
    const model = trainForecaster(train, { features: { lags: 6, window: 300, exogenous: ['tx_packets', 'latency'] }, gbm: { trees: 30, learningRate: 0.25 } });
    const plot = join(dir, 'plot.svg');
    const ev = evaluateForecaster(model, test, { noiseFloor: floor, plotFile: plot, plotPoints: 500 });
    const persistence = ev.baselines[0];
    // theory: persistence MAE ≈ 3 333 (difference of two uniform noises), floor 2 500
    expect(persistence.mae).toBeGreaterThan(3250);
    expect(persistence.mae).toBeLessThan(3420);
    expect(ev.model.mae).toBeLessThan(0.85 * persistence.mae);
    expect(ev.model.mae).toBeGreaterThanOrEqual(floor.mae * 0.99);
    expect(ev.model.mae).toBeLessThan(floor.mae * 1.06);
    expect(ev.model.rmse).toBeGreaterThanOrEqual(floor.rmse * 0.99);
    expect(ev.model.rmse).toBeLessThan(floor.rmse * 1.06);
    expect(ev.leakageSuspected).toBe(false);
    expect(ev.lookaheadFeatures).toEqual([]);
    expect(ev.model.n).toBe(14 * 86400 - 300);
    const svg = readFileSync(plot, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('last 500 points');
    expect(formatForecastEvaluation(ev)).toContain('| noise floor | 2,500.0 | 2,886.8 |');
  });

  it('the upstream-compatible mode lands below the noise floor and the evaluation says it leaks', () => {
    const small = train.slice(0, 2 * 86400);
    const model = trainForecaster(small, {
      algorithm: 'ridge',
      features: { lags: 60, window: 60, mode: 'upstream', exogenous: ['tx_packets', 'packet_drops', 'latency'] },
      warn: () => {},
    });
    const ev = evaluateForecaster(model, test.slice(0, 2 * 86400), { noiseFloor: floor, warn: () => {} });
    expect(ev.model.mae).toBeLessThan(floor.mae);
    expect(ev.belowNoiseFloor).toBe(true);
    expect(ev.leakage.leaky).toBe(true);
    expect(ev.lookaheadFeatures).toContain('rx_packets_roll_mean_60');
    expect(ev.leakageSuspected).toBe(true);
    expect(ev.notes.join('\n')).toMatch(/below the noise floor/);
  });

  it('multi-step horizons: error grows with the horizon but stays below persistence at that horizon', () => {
    const small = train.slice(0, 2 * 86400);
    const held = test.slice(0, 86400);
    const models = trainMultiHorizonForecasters(small, [1, 600], { algorithm: 'ridge', features: { lags: 5, window: 300 } });
    const e1 = evaluateForecaster(models.get(1)!, held);
    const e600 = evaluateForecaster(models.get(600)!, held);
    expect(models.get(600)!.featureNames[0]).toBe('rx_packets_lag_600');
    expect(e600.model.mae).toBeGreaterThan(e1.model.mae);
    expect(e600.model.mae).toBeLessThan(e600.baselines[0].mae);
  });
});
