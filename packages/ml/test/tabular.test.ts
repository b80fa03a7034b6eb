import { describe, expect, it } from 'vitest';
import {
  chronologicalSplit,
  DataTable,
  evaluateClassifier,
  evaluateClustering,
  evaluateRegressor,
  MlDataError,
  randomSplit,
  SeededRandom,
  trainClassifier,
  trainClustering,
  trainRegressor,
} from '@nss/ml';

/** Three Gaussian-ish blobs in 2-D around (0,0), (10,0), (0,10), plus a linear target. */
function blobs(n: number, seed: number): DataTable {
  const rng = new SeededRandom(seed);
  const centres = [[0, 0], [10, 0], [0, 10]];
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const t = new Float64Array(n);
  const label: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    x1[i] = centres[k][0] + rng.uniform(-1, 1) + rng.uniform(-1, 1);
    x2[i] = centres[k][1] + rng.uniform(-1, 1) + rng.uniform(-1, 1);
    t[i] = 3 * x1[i] - 2 * x2[i] + rng.uniform(-0.5, 0.5);
    label.push(['M', 'R', 'X'][k]);
  }
  return new DataTable(['x1', 'x2', 'target', 'label'], [x1, x2, t, label]);
}

describe('generic classifier, regressor and clustering', () => {
  const data = blobs(900, 7);
  const { train, test } = randomSplit(data, 0.3, 42);

  it('chronological split keeps time order: the first 80 % train, the rest test', () => {
    const t = new DataTable(['timestamp'], [Float64Array.from({ length: 10 }, (_, i) => 100 + i)]);
    const { train: a, test: b } = chronologicalSplit(t, 0.8);
    expect(Array.from(a.numeric('timestamp'))).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(Array.from(b.numeric('timestamp'))).toEqual([108, 109]);
    expect(() => chronologicalSplit(t, 1)).toThrow(MlDataError);
  });

  it('seeded random split keeps every row once', () => {
    expect(train.rowCount + test.rowCount).toBe(900);
    expect(test.rowCount).toBe(270);
    const all = [...train.numeric('x1'), ...test.numeric('x1')].sort((a, b) => a - b);
    expect(all).toEqual([...data.numeric('x1')].sort((a, b) => a - b));
    expect(randomSplit(data, 0.3, 42).test.numeric('x1')).toEqual(test.numeric('x1'));
  });

  it('classifier: separable blobs are classified with a diagonal confusion matrix', () => {
    const model = trainClassifier(train, 'label', { features: ['x1', 'x2'], gbm: { trees: 30 } });
    const ev = evaluateClassifier(model, test);
    expect(ev.classes).toEqual(['M', 'R', 'X']);
    expect(ev.accuracy).toBe(1);
    expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(270);
  });

  it('classifier: the seed’s single decision tree (1 tree, depth 3) also works; single class refused', () => {
    const tree = trainClassifier(train, 'label', { features: ['x1', 'x2'], gbm: { trees: 1, maxDepth: 3, learningRate: 1 } });
    expect(evaluateClassifier(tree, test).accuracy).toBeGreaterThan(0.95);
    const one = new DataTable(['a', 'y'], [Float64Array.from([1, 2, 3]), ['x', 'x', 'x']]);
    expect(() => trainClassifier(one, 'y')).toThrow(/single class \("x"\)/);
  });

  it('regressor: linear target recovered (ridge near exact, trees close)', () => {
    const ridge = evaluateRegressor(trainRegressor(train, 'target', { features: ['x1', 'x2'], algorithm: 'ridge' }), test);
    expect(ridge.mae).toBeLessThan(0.3); // noise is U(±0.5): MAE 0.25
    expect(ridge.r2).toBeGreaterThan(0.999);
    const gbm = evaluateRegressor(trainRegressor(train, 'target', { features: ['x1', 'x2'], gbm: { trees: 200 } }), test);
    expect(gbm.r2).toBeGreaterThan(0.97);
  });

  it('k-means++: finds the three blobs, deterministic for a seed, high silhouette; k > rows refused', () => {
    const model = trainClustering(train, 3, { features: ['x1', 'x2'], seed: 42 });
    const ev = evaluateClustering(model, test);
    const counts = ['M', 'R', 'X'].map((l) => test.text('label').filter((v) => v === l).length);
    expect(ev.clusterSizes.sort((a, b) => a - b)).toEqual(counts.sort((a, b) => a - b));
    expect(ev.silhouette).toBeGreaterThan(0.8);
    expect(trainClustering(train, 3, { features: ['x1', 'x2'], seed: 42 }).predict([[0, 0], [10, 0]])).toEqual(model.predict([[0, 0], [10, 0]]));
    // each centroid is within 0.5 of a true centre
    const c = model.estimator.algorithm === 'kmeans' ? model.estimator.state.centroids : [];
    for (const [a, b] of [[0, 0], [10, 0], [0, 10]]) expect(Math.min(...c.map((p) => Math.hypot(p[0] - a, p[1] - b)))).toBeLessThan(0.5);
    // inertia is the sum of squared distances: with k = rows it is 0
    const tiny = new DataTable(['a'], [Float64Array.from([1, 5, 9])]);
    expect(evaluateClustering(trainClustering(tiny, 3), tiny).inertia).toBe(0);
    expect(() => trainClustering(tiny, 4)).toThrow(MlDataError);
  });
});
