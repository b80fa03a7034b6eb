import { describe, expect, it } from 'vitest';
import { binFeatures, binOf, predictRaw, scoresToProbabilities, SeededRandom, trainGradientBoosting } from '@nss/ml';

describe('feature binning', () => {
  it('maps values to ≤ 256 ordered bins consistent with the edges', () => {
    const rng = new SeededRandom(3);
    const n = 5000;
    const x = Float64Array.from({ length: n * 2 }, (_, i) => (i % 2 === 0 ? rng.next() : Math.floor(rng.next() * 5)));
    const b = binFeatures(x, n, 2);
    expect(b.edges[0].length).toBeLessThanOrEqual(255);
    expect(b.edges[1].length).toBe(4); // 5 distinct values → 4 midpoints
    for (let i = 0; i < n; i++) {
      const v = x[i * 2];
      const bin = b.bins[i * 2];
      expect(bin).toBe(binOf(v, b.edges[0]));
      if (bin > 0) expect(v).toBeGreaterThan(b.edges[0][bin - 1]);
      if (bin < b.edges[0].length) expect(v).toBeLessThanOrEqual(b.edges[0][bin]);
    }
  });
});

describe('histogram gradient boosting', () => {
  it('a depth-1 stump finds the best split found by brute force (histogram subtraction does not change it)', () => {
    const rng = new SeededRandom(11);
    const n = 300;
    const d = 3;
    const x = Float64Array.from({ length: n * d }, () => Math.floor(rng.next() * 50));
    const y = Float64Array.from({ length: n }, (_, i) => (x[i * d + 1] > 30 ? 5 : 0) + rng.next());
    const st = trainGradientBoosting(x, y, d, { trees: 1, maxDepth: 1, learningRate: 1, l2: 0, minSamplesLeaf: 1 });
    // brute force: best SSE reduction over every feature and threshold
    let best = { f: -1, thr: 0, sse: Infinity };
    for (let f = 0; f < d; f++) {
      for (let thr = 0; thr < 50; thr++) {
        let sl = 0, nl = 0, sr = 0, nr = 0, ql = 0, qr = 0;
        for (let i = 0; i < n; i++) {
          if (x[i * d + f] <= thr) (sl += y[i]), (ql += y[i] ** 2), nl++;
          else (sr += y[i]), (qr += y[i] ** 2), nr++;
        }
        if (nl === 0 || nr === 0) continue;
        const sse = ql - sl ** 2 / nl + qr - sr ** 2 / nr;
        if (sse < best.sse - 1e-9) best = { f, thr, sse };
      }
    }
    const tree = st.trees[0];
    expect(tree.feature[0]).toBe(best.f);
    expect(Math.floor(tree.threshold[0])).toBe(best.thr);
    // leaves predict the side means
    let sl = 0, nl = 0;
    for (let i = 0; i < n; i++) if (x[i * d + best.f] <= best.thr) (sl += y[i]), nl++;
    expect(predictRaw(st, [[0, 0, 0]])[0]).toBeCloseTo(sl / nl, 9);
  });

  it('deeper trees with subtraction fit a 2-D step function exactly and are deterministic', () => {
    const rng = new SeededRandom(5);
    const n = 4000;
    const x = Float64Array.from({ length: n * 2 }, () => rng.next());
    const f = (a: number, b: number): number => (a < 0.5 ? 1 : 3) + (b < 0.25 ? 10 : 0);
    const y = Float64Array.from({ length: n }, (_, i) => f(x[2 * i], x[2 * i + 1]));
    const o = { trees: 60, maxDepth: 3, learningRate: 0.3, l2: 0, minSamplesLeaf: 5 };
    const st = trainGradientBoosting(x, y, 2, o);
    expect(JSON.stringify(trainGradientBoosting(x, y, 2, o))).toBe(JSON.stringify(st));
    const probes = [[0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]];
    const p = predictRaw(st, probes);
    probes.forEach((q, i) => expect(p[i]).toBeCloseTo(f(q[0], q[1]), 1));
  });

  it('logistic and softmax losses separate classes', () => {
    const rng = new SeededRandom(9);
    const n = 3000;
    const x = Float64Array.from({ length: n }, () => rng.next() * 3);
    const y3 = Float64Array.from(x, (v) => Math.floor(v));
    const y2 = Float64Array.from(x, (v) => (v > 1.5 ? 1 : 0));
    const bin = trainGradientBoosting(x, y2, 1, { loss: 'logistic', trees: 30 });
    const pb = scoresToProbabilities(bin, predictRaw(bin, [[0.5], [2.5]]));
    expect(pb[0]).toBeLessThan(0.05);
    expect(pb[1]).toBeGreaterThan(0.95);
    const multi = trainGradientBoosting(x, y3, 1, { loss: 'softmax', classCount: 3, trees: 30 });
    const pm = scoresToProbabilities(multi, predictRaw(multi, [[0.5], [1.5], [2.5]]));
    for (let k = 0; k < 3; k++) expect(pm[k * 3 + k]).toBeGreaterThan(0.9);
  });
});
