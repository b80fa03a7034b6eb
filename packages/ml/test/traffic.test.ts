import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTrafficTable, readCsvTable, TRAFFIC_COLUMNS, trafficNoiseFloor, writeTrafficCsv } from '@nss/ml';

const dir = mkdtempSync(join(tmpdir(), 'nss-ml-traffic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('traffic generator', () => {
  it('gives byte-identical files for the same seed and different ones for another seed', () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    expect(writeTrafficCsv(a, { days: 1, seed: 7 })).toBe(86400);
    writeTrafficCsv(b, { days: 1, seed: 7 });
    writeTrafficCsv(c, { days: 1, seed: 8 });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(a).equals(readFileSync(c))).toBe(false);
    expect(readFileSync(a, 'utf8').split('\n')[0]).toBe(TRAFFIC_COLUMNS.join(','));
  });

  it('writes the same values as the in-memory table', () => {
    const file = join(dir, 't.csv');
    writeTrafficCsv(file, { days: 2, seed: 3, profile: 'step', secondsPerDay: 1440 });
    const fromFile = readCsvTable(file, { requiredColumns: [...TRAFFIC_COLUMNS], monotonicColumn: 'timestamp' });
    const mem = generateTrafficTable({ days: 2, seed: 3, profile: 'step', secondsPerDay: 1440 });
    for (const c of ['timestamp', 'rx_packets', 'tx_packets', 'packet_drops', 'latency']) expect(fromFile.numeric(c)).toEqual(mem.numeric(c));
    expect(fromFile.text('label')).toEqual(mem.text('label'));
  });

  it('follows the seed sinusoid: trough 20 000 at 02:00, peak 300 000 at 14:00, noise within ±5 000, 1–10 drops a day', () => {
    const t = generateTrafficTable({ days: 3, seed: 5 });
    const rx = t.numeric('rx_packets');
    const tx = t.numeric('tx_packets');
    const drops = t.numeric('packet_drops');
    for (let d = 0; d < 3; d++) {
      expect(Math.abs(rx[d * 86400 + 2 * 3600] - 20000)).toBeLessThanOrEqual(5000);
      expect(Math.abs(rx[d * 86400 + 14 * 3600] - 300000)).toBeLessThanOrEqual(5000);
      let k = 0;
      for (let i = d * 86400; i < (d + 1) * 86400; i++) k += drops[i];
      expect(k).toBeGreaterThanOrEqual(1);
      expect(k).toBeLessThanOrEqual(10);
    }
    for (let i = 0; i < rx.length; i += 997) {
      expect(tx[i] / rx[i]).toBeGreaterThanOrEqual(0.949);
      expect(tx[i] / rx[i]).toBeLessThanOrEqual(1.05);
    }
    const label = t.text('label');
    expect(label[6 * 3600 + 3599]).toBe('normal_night');
    expect(label[7 * 3600]).toBe('normal_day');
    expect(label[22 * 3600]).toBe('normal_night');
  });

  it('noise floor: MAE 2 500 and RMSE 5 000/√3 for the sinusoid, as predicting the noise-free curve scores', () => {
    const f = trafficNoiseFloor('sinusoidal');
    expect(f.mae).toBe(2500);
    expect(f.rmse).toBeCloseTo(2886.75, 2);
    const t = generateTrafficTable({ days: 1, seed: 9 });
    const ts = t.numeric('timestamp');
    const rx = t.numeric('rx_packets');
    let abs = 0;
    for (let i = 0; i < rx.length; i++) {
      const s = ts[i] % 86400;
      abs += Math.abs(rx[i] - (20000 + ((Math.sin((2 * Math.PI * (s - 8 * 3600)) / 86400) + 1) / 2) * 280000));
    }
    // int() truncation shifts the mean by ~0.5; the sample MAE of 86 400 uniform draws is within ±15 of 2 500.
    expect(abs / rx.length).toBeGreaterThan(2480);
    expect(abs / rx.length).toBeLessThan(2520);
  });

  it('rejects a non-positive day count', () => {
    expect(() => generateTrafficTable({ days: 0 })).toThrow(/days must be a positive integer/);
  });
});
