import { PluginError, Rng, instantiate } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { PREDICTIVE_DEFAULTS, minimumObservations, resolvePredictiveParameters } from './parameters.js';
import { predictiveScaling } from './predictive-scaling.js';

const ctx = { rng: new Rng(1).stream('scaling/0') };

describe('predictive plugin definition and parameters', () => {
  it('has its name and aliases', () => {
    expect([predictiveScaling.kind, predictiveScaling.name, predictiveScaling.aliases]).toEqual([
      'scaling',
      'predictive',
      ['PredictiveScaling', '@nss/scaling-predictive'],
    ]);
  });

  it('applies defaults and coerces numeric strings', () => {
    expect(instantiate(predictiveScaling, {}, ctx).monitorInterval).toBe(PREDICTIVE_DEFAULTS.monitor_interval);
    const s = instantiate(predictiveScaling, { monitor_interval: '500', model: 'seasonal-naive', season_length: '30' }, ctx);
    expect(s.monitorInterval).toBe(500);
    expect(s.windowSize).toBe(500);
  });

  it.each([
    [{ target_utilization: 0 }, 'target_utilization'],
    [{ target_utilization: 1.5 }, 'target_utilization'],
    [{ hysteresis: 1 }, 'hysteresis'],
    [{ lags: 2.5 }, 'lags'],
    [{ model: 'arima' }, 'model'],
    [{ sla_miss_target: 0 }, 'sla_miss_target'],
    [{ refit_every: 0 }, 'refit_every'],
    [{ unknown_knob: 1 }, 'unknown_knob'],
  ])('rejects %j naming the plugin and the parameter', (raw, parameter) => {
    expect(() => instantiate(predictiveScaling, raw, ctx)).toThrowError(PluginError);
    try {
      instantiate(predictiveScaling, raw, ctx);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('"predictive"');
      expect(message).toContain(parameter);
    }
  });

  it('rejects what the schema cannot express: seasonal-naive without a season, a history too short', () => {
    expect(() => resolvePredictiveParameters({ model: 'seasonal-naive' })).toThrowError(
      'scaling plugin "predictive": parameter "season_length" (0) must be > 0 with model "seasonal-naive"',
    );
    const p = { ...PREDICTIVE_DEFAULTS, season_length: 60 };
    const needed = minimumObservations(p) + 1;
    // lags 4, window 8, season 60, horizon 1: 60 + 1 + 8 + 10 · (4 + 2 + 1) = 139 observations before training.
    expect(needed).toBe(140);
    expect(() => resolvePredictiveParameters({ season_length: 60, history_length: needed - 1 })).toThrowError(
      `parameter "history_length" (${needed - 1}) must be ≥ ${needed} for model "ridge"`,
    );
    expect(() => resolvePredictiveParameters({ season_length: 60, history_length: needed })).not.toThrow();
    expect(() => resolvePredictiveParameters({ season_length: 2, horizon: 3 })).toThrowError('must be 0 or ≥ horizon (3)');
    // The host's check hook runs the same rules before a run.
    expect(() => predictiveScaling.check?.({ model: 'seasonal-naive' }, { environment: null })).toThrowError(PluginError);
  });
});
