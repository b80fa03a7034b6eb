import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DataTable,
  generateTrafficTable,
  loadModel,
  MlDataError,
  Model,
  MODEL_FORMAT_VERSION,
  ModelFileError,
  saveModel,
  SeededRandom,
  trainClassifier,
  trainClustering,
  trainFailureClassifier,
  trainForecaster,
  trainRegressor,
} from '@nss/ml';

const dir = mkdtempSync(join(tmpdir(), 'nss-ml-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function blobs(n: number, seed: number): DataTable {
  const rng = new SeededRandom(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const cls: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    a[i] = k * 4 + rng.uniform(-1, 1);
    b[i] = (k === 1 ? 5 : 0) + rng.uniform(-1, 1);
    c[i] = a[i] * 2 + b[i] + rng.uniform(-0.1, 0.1);
    cls.push(['rock', 'mine', 'other'][k]);
  }
  return new DataTable(['a', 'b', 'c', 'class'], [a, b, c, cls]);
}

const traffic = generateTrafficTable({ days: 2, seed: 2, secondsPerDay: 2880, failures: 'precursor' });
const data = blobs(300, 1);
const models: [string, Model][] = [
  ['forecaster gbm', trainForecaster(traffic, { features: { lags: 5, window: 30, exogenous: ['latency'] }, gbm: { trees: 10 } })],
  ['forecaster ridge', trainForecaster(traffic, { algorithm: 'ridge', features: { lags: 5, window: 30 } })],
  ['failure gbm', trainFailureClassifier(traffic, { horizon: 20, gbm: { trees: 10 } })],
  ['failure logistic', trainFailureClassifier(traffic, { horizon: 20, algorithm: 'logistic' })],
  ['classifier', trainClassifier(data, 'class', { features: ['a', 'b'], gbm: { trees: 10 } })],
  ['regressor', trainRegressor(data, 'c', { features: ['a', 'b'], gbm: { trees: 10 } })],
  ['kmeans', trainClustering(data, 3, { features: ['a', 'b'] })],
];

describe('model files', () => {
  it.each(models)('%s: save → load gives identical predictions, kind and feature names', (name, model) => {
    const file = join(dir, `${name.replace(' ', '-')}.json`);
    saveModel(model, file);
    const back = loadModel(file, model.kind);
    expect(back.kind).toBe(model.kind);
    expect(back.featureNames).toEqual(model.featureNames);
    const rng = new SeededRandom(4);
    const rows = Array.from({ length: 50 }, () => model.featureNames.map(() => rng.uniform(-2, 8) * (model.kind === 'failure-classifier' || model.kind === 'forecaster' ? 20000 : 1)));
    expect(back.predict(rows)).toEqual(model.predict(rows));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('classifier predictions are class indices into info.classes', () => {
    const m = models[4][1];
    expect(m.info.classes).toEqual(['mine', 'other', 'rock']);
    expect(m.predict([[0, 0], [4, 5], [8, 0]])).toEqual([2, 0, 1]);
  });

  it('refuses another version, another kind, corrupt JSON, a missing file, a mismatched state', () => {
    const file = join(dir, 'forecaster-gbm.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const write = (name: string, content: string): string => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const expectError = (fn: () => unknown, pattern: RegExp): void => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(ModelFileError);
        expect((e as ModelFileError).message).toMatch(pattern);
        return;
      }
      throw new Error('no error');
    };
    const v2 = write('v2.json', JSON.stringify({ ...doc, version: MODEL_FORMAT_VERSION + 1 }));
    expectError(() => loadModel(v2), /v2\.json: model file version 2 is not supported/);
    expectError(() => loadModel(file, 'kmeans'), /forecaster-gbm\.json: this is a forecaster model, a kmeans model is needed/);
    expectError(() => loadModel(write('bad.json', '{"format": "nss-ml-mo')), /bad\.json: corrupt model file: not valid JSON/);
    expectError(() => loadModel(join(dir, 'missing.json')), /missing\.json: cannot read the model file \(ENOENT\)/);
    expectError(() => loadModel(write('other.json', '{"hello": 1}')), /not a model file/);
    const wrongWidth = { ...doc, featureNames: doc.featureNames.slice(1) };
    expectError(() => loadModel(write('w.json', JSON.stringify(wrongWidth))), /does not match the \d+ features/);
  });

  it('predict rejects rows of the wrong width or with non-finite values, naming row and feature', () => {
    const m = models[6][1];
    expect(() => m.predict([[1, 2, 3]])).toThrow(MlDataError);
    expect(() => m.predict([[1, 2], [1]])).toThrow(/row 1 has 1 values, the model expects 2 \(a, b\)/);
    expect(() => m.predict([[1, NaN]])).toThrow(/row 0, feature 1 \("b"\) is NaN/);
  });
});
