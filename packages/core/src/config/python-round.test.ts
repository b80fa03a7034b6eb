import { describe, expect, it } from 'vitest';
import { pythonRound } from './python-round.js';

describe('pythonRound', () => {
  it("matches Python's round(x, 2): exact binary ties go to even, other values to the nearest", () => {
    const cases: Array<[number, number]> = [
      [0.125, 0.12], [0.375, 0.38], [0.625, 0.62], [0.875, 0.88],
      [2.675, 2.67], [1.005, 1], [0.115, 0.12], [0.865, 0.86], [0.994, 0.99], [0.996, 1],
      [-0.125, -0.12], [0.4, 0.4], [12.3456, 12.35],
    ];
    for (const [x, expected] of cases) expect(pythonRound(x, 2), String(x)).toBe(expected);
  });

  it('rounds to integers half to even', () => {
    expect([0.5, 1.5, 2.5, -2.5, 2.4999].map((x) => pythonRound(x))).toEqual([0, 2, 2, -2, 2]);
  });
});
