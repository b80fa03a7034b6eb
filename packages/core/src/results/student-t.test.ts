import { describe, expect, it } from 'vitest';
import { lnGamma, normalQuantile, studentTQuantile } from './student-t.js';

describe('normalQuantile', () => {
  it('matches known values of the standard normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('lnGamma', () => {
  it('matches ln of factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });
});

describe('studentTQuantile', () => {
  // Reference values: R qt() / SciPy t.ppf.
  const cases: Array<[number, number, number]> = [
    [0.975, 1, 12.706204736174696],
    [0.975, 2, 4.302652729749462],
    [0.975, 3, 3.182446305284263],
    [0.975, 4, 2.776445105197793],
    [0.975, 10, 2.228138851986274],
    [0.975, 29, 2.045229642132703],
    [0.975, 30, 2.042272456301238],
    [0.975, 100, 1.983971518523552],
    [0.975, 1000, 1.962339080826627],
    [0.995, 5, 4.032142983557536],
    [0.95, 7, 1.894578605090006],
    [0.9999999, 3, 222.5715909863],
    [0.975, 2.5, 3.574654842003682],
  ];
  it.each(cases)('t(%f, df=%f) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 8);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 8);
  });

  it('matches the values of the brief to 4 decimals', () => {
    expect(studentTQuantile(0.975, 1).toFixed(4)).toBe('12.7062');
    expect(studentTQuantile(0.975, 10).toFixed(4)).toBe('2.2281');
    expect(studentTQuantile(0.975, 100).toFixed(4)).toBe('1.9840');
  });

  it('tends to the normal quantile and is continuous at the Cornish–Fisher switch', () => {
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 14);
    expect(studentTQuantile(0.975, 1e9)).toBeCloseTo(1.959963986, 8);
    const below = studentTQuantile(0.975, 1e5 - 1e-6);
    const above = studentTQuantile(0.975, 1e5 + 1e-6);
    expect(Math.abs(below - above)).toBeLessThan(1e-9);
  });

  it('is the inverse of its CDF: quantiles increase with p and decrease with df', () => {
    let prev = -Infinity;
    for (const p of [0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999]) {
      const q = studentTQuantile(p, 6);
      expect(q).toBeGreaterThan(prev);
      prev = q;
    }
    expect(studentTQuantile(0.975, 5)).toBeGreaterThan(studentTQuantile(0.975, 6));
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('rejects invalid arguments', () => {
    expect(() => studentTQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(RangeError);
  });
});
