import { describe, expect, it } from 'vitest';
import {
  DataTable,
  evaluateFailureClassifier,
  failureLabels,
  generateTrafficTable,
  MlDataError,
  parseCsvTable,
  trainFailureClassifier,
} from '@nss/ml';

describe('failure label', () => {
  it('is 1 when a drop occurs within the next h rows (t+1 … t+h), brute force', () => {
    const drops = Float64Array.from([0, 0, 1, 0, 0, 0, 5, 0, 0, 0]);
    expect(Array.from(failureLabels(drops, 2))).toEqual([1, 1, 0, 0, 1, 1, 0, 0]);
    for (const h of [1, 3, 4]) {
      const got = failureLabels(drops, h);
      for (let t = 0; t < got.length; t++) {
        let any = 0;
        for (let j = t + 1; j <= t + h; j++) if (drops[j] > 0) any = 1;
        expect(got[t]).toBe(any);
      }
    }
  });
});

describe('failure classifier', () => {
  it('refuses a single-class label with a message saying what to change', () => {
    const noDrops = parseCsvTable(
      'timestamp,rx_packets,tx_packets,packet_drops,latency,label\n' +
        Array.from({ length: 200 }, (_, i) => `${i},${1000 + i},${990 + i},0,0.5,normal`).join('\n'),
    );
    expect(() => trainFailureClassifier(noDrops, { horizon: 10 })).toThrow(MlDataError);
    expect(() => trainFailureClassifier(noDrops, { horizon: 10 })).toThrow(/single class \(no failure\) in all 190 labelled rows.*packet_drops > 0/);
  });

  // 4 compressed days (1 440 rows a day), precursor failures: latency climbs before each drop.
  const train = generateTrafficTable({ days: 4, seed: 21, secondsPerDay: 14400, failures: 'precursor' });
  const test = generateTrafficTable({ days: 4, seed: 22, secondsPerDay: 14400, failures: 'precursor' });

  it.each(['gbm', 'logistic'] as const)('%s learns the precursor: ROC-AUC well above chance, recall high with balanced classes', (algorithm) => {
    const model = trainFailureClassifier(train, { horizon: 20, algorithm, gbm: { trees: 60 } });
    expect(model.info.classes).toEqual(['normal', 'failure']);
    const ev = evaluateFailureClassifier(model, test);
    expect(ev.positives / ev.rows).toBeLessThan(0.05); // imbalanced
    expect(ev.rocAuc).toBeGreaterThan(0.8);
    expect(ev.recall).toBeGreaterThan(0.6);
    expect(ev.f1).toBeGreaterThan(0);
  });

  it('balancing the classes raises recall of the rare class', () => {
    const balanced = evaluateFailureClassifier(trainFailureClassifier(train, { horizon: 20, algorithm: 'logistic' }), test);
    const plain = evaluateFailureClassifier(trainFailureClassifier(train, { horizon: 20, algorithm: 'logistic', balanceClasses: false }), test);
    expect(balanced.recall).toBeGreaterThan(plain.recall);
  });

  it('on the upstream random drops nothing is predictable: ROC-AUC near 0.5', () => {
    const a = generateTrafficTable({ days: 4, seed: 31, secondsPerDay: 14400 });
    const b = generateTrafficTable({ days: 4, seed: 32, secondsPerDay: 14400 });
    const ev = evaluateFailureClassifier(trainFailureClassifier(a, { horizon: 20, algorithm: 'logistic' }), b);
    expect(Math.abs(ev.rocAuc - 0.5)).toBeLessThan(0.15);
  });

  it('rejects non-finite metrics naming the row', () => {
    const t = generateTrafficTable({ days: 1, seed: 3, secondsPerDay: 1440 });
    const lat = Float64Array.from(t.numeric('latency'));
    lat[7] = Infinity;
    const bad = new DataTable(t.columns, t.columns.map((c) => (c === 'latency' ? lat : c === 'label' ? t.text(c) : t.numeric(c))));
    expect(() => trainFailureClassifier(bad, { horizon: 60 })).toThrow(/"latency" is Infinity at data row 8 \(CSV line 9\)/);
  });
});
