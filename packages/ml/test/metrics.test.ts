import { describe, expect, it } from 'vitest';
import { accuracy, binaryMetrics, confusionMatrix, inertia, regressionMetrics, rocAuc, silhouette } from '@nss/ml';

describe('metrics against hand-computed values', () => {
  it('MAE, RMSE, MAPE, R²', () => {
    // actual 1,2,3,4 (mean 2.5, SS_tot 5); predicted 2,2,2,6 → errors 1,0,−1,2
    const m = regressionMetrics([1, 2, 3, 4], [2, 2, 2, 6]);
    expect(m.mae).toBeCloseTo(1, 12); // (1+0+1+2)/4
    expect(m.rmse).toBeCloseTo(Math.sqrt(6 / 4), 12); // (1+0+1+4)/4
    expect(m.mape).toBeCloseTo((100 * (1 + 0 + 1 / 3 + 0.5)) / 4, 10);
    expect(m.r2).toBeCloseTo(1 - 6 / 5, 12);
    expect(regressionMetrics([0, 2], [1, 3]).mape).toBeCloseTo(50, 12); // the zero actual is skipped
  });

  it('accuracy, confusion matrix, precision, recall, F1', () => {
    const a = [1, 1, 1, 0, 0, 0, 0, 1];
    const p = [1, 0, 1, 1, 0, 0, 0, 1];
    expect(accuracy(a, p)).toBe(6 / 8);
    expect(confusionMatrix(a, p, 2)).toEqual([
      [3, 1],
      [1, 3],
    ]);
    const b = binaryMetrics(a, p); // tp 3, fp 1, fn 1
    expect([b.tp, b.fp, b.tn, b.fn]).toEqual([3, 1, 3, 1]);
    expect(b.precision).toBe(0.75);
    expect(b.recall).toBe(0.75);
    expect(b.f1).toBe(0.75);
    expect(binaryMetrics([1, 0], [0, 0]).f1).toBe(0);
  });

  it('ROC-AUC counts ordered pairs, ties one half', () => {
    // positives scores 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4)(0.9>0.1)(0.4=0.4 → ½)(0.4>0.1) = 3.5/4
    expect(rocAuc([1, 1, 0, 0], [0.9, 0.4, 0.4, 0.1])).toBeCloseTo(3.5 / 4, 12);
    expect(rocAuc([1, 0], [0.2, 0.8])).toBe(0);
    expect(rocAuc([1, 1], [0.2, 0.8])).toBeNaN();
  });

  it('inertia and silhouette', () => {
    // 1-D points 0, 2 in cluster 0 (centre 1), 10 in cluster 1 (centre 10)
    expect(inertia([0, 2, 10], 1, [0, 0, 1], [[1], [10]])).toBe(2);
    // point 0: a = 2, b = 10 → 0.8; point 2: a = 2, b = 8 → 0.75; point 10 alone → 0
    expect(silhouette([0, 2, 10], 1, [0, 0, 1])).toBeCloseTo((0.8 + 0.75 + 0) / 3, 12);
  });
});
