import { describe, expect, it } from 'vitest';
import { Rng, type RandomStream } from './rng';

const N = 100_000;

function draws(stream: RandomStream, n: number, f: (s: RandomStream) => number = (s) => s.next()): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(f(stream));
  return out;
}

function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** Upper quantile of chi-square with `df` degrees of freedom at p = 1e-4 (Wilson-Hilferty). */
function chiSquareCritical(df: number): number {
  const z = 3.719;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Chi-square statistic of observed counts against expected counts, merging bins with expectation < 5. */
function chiSquare(observed: readonly number[], expected: readonly number[]): { stat: number; df: number } {
  const bo: number[] = [];
  const be: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < observed.length; i++) {
    o += observed[i];
    e += expected[i];
    if (e >= 5) {
      bo.push(o);
      be.push(e);
      o = 0;
      e = 0;
    }
  }
  if (bo.length === 0) throw new Error('chiSquare: no bin has an expectation >= 5');
  bo[bo.length - 1] += o;
  be[be.length - 1] += e;
  let stat = 0;
  for (let i = 0; i < bo.length; i++) stat += (bo[i] - be[i]) ** 2 / be[i];
  return { stat, df: bo.length - 1 };
}

function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

describe('Rng determinism and independence', () => {
  it('gives the same sequence for the same seed and name, and restarts on each stream() call', () => {
    const a = draws(new Rng(42).stream('arrivals'), 1000);
    const b = draws(new Rng(42).stream('arrivals'), 1000);
    expect(a).toEqual(b);
    const rng = new Rng(42);
    const first = draws(rng.stream('arrivals'), 10);
    expect(draws(rng.stream('arrivals'), 10)).toEqual(first);
  });

  it('treats seed 5 and "5" alike (corrects Q-30) and keeps the seed as given', () => {
    expect(draws(new Rng(5).stream('x'), 100)).toEqual(draws(new Rng('5').stream('x'), 100));
    expect(new Rng(5).seed).toBe(5);
    expect(new Rng('5').seed).toBe('5');
    expect(draws(new Rng(5).stream('x'), 10)).not.toEqual(draws(new Rng(6).stream('x'), 10));
  });

  it('gives different, uncorrelated sequences for different names', () => {
    const rng = new Rng(1);
    const x = draws(rng.stream('a'), N);
    const y = draws(rng.stream('b'), N);
    expect(x.slice(0, 10)).not.toEqual(y.slice(0, 10));
    let cov = 0;
    for (let i = 0; i < N; i++) cov += (x[i] - 0.5) * (y[i] - 0.5);
    const corr = cov / N / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(N));
  });

  it('derive() gives a child with its own streams, deterministic and path-like', () => {
    const rng = new Rng(7);
    const child = rng.derive('round/1');
    expect(child.seed).toBe('7/round/1');
    expect(draws(child.stream('x'), 10)).not.toEqual(draws(rng.stream('x'), 10));
    expect(draws(child.stream('x'), 10)).not.toEqual(draws(rng.derive('round/2').stream('x'), 10));
    expect(draws(child.stream('x'), 10)).toEqual(draws(new Rng(7).derive('round/1').stream('x'), 10));
    expect(draws(child.stream('x'), 10)).toEqual(draws(rng.stream('round/1/x'), 10));
  });

  it('pins the first outputs so a change of generator or seeding is noticed', () => {
    const s = new Rng(1).stream('x');
    expect(draws(s, 3).map((v) => v.toFixed(12))).toMatchInlineSnapshot(`
      [
        "0.740846847789",
        "0.430333667447",
        "0.143711056248",
      ]
    `);
  });

  it('rejects non-finite numeric seeds', () => {
    expect(() => new Rng(Number.NaN)).toThrow(RangeError);
    expect(() => new Rng(Infinity)).toThrow(RangeError);
  });
});

describe('RandomStream uniform draws', () => {
  it('next() is in [0, 1) with mean 1/2, variance 1/12 and 53-bit resolution', () => {
    const xs = draws(new Rng('u').stream('next'), N);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    // With only 32 bits every value would be a multiple of 2^-32.
    expect(xs.some((x) => !Number.isInteger(x * 2 ** 32))).toBe(true);
  });

  it('uniform(min, max) stays in range and has the right mean', () => {
    const xs = draws(new Rng(3).stream('u'), N, (s) => s.uniform(-2, 6));
    expect(xs.every((x) => x >= -2 && x < 6)).toBe(true);
    expect(Math.abs(meanVar(xs).mean - 2)).toBeLessThan(5 * Math.sqrt(64 / 12 / N));
    expect(new Rng(3).stream('u').uniform(4, 4)).toBe(4);
    expect(() => new Rng(3).stream('u').uniform(2, 1)).toThrow(RangeError);
  });

  it('integer(min, max) covers the inclusive range uniformly (chi-square)', () => {
    const s = new Rng(11).stream('int');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) counts[s.integer(1, 10) - 1]++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N); // every draw was an integer in [1, 10]
    const { stat, df } = chiSquare(counts, new Array<number>(10).fill(N / 10));
    expect(df).toBe(9);
    expect(stat).toBeLessThan(chiSquareCritical(9));
  });

  it('integer() is unbiased for a range that does not divide 2^32 (rejection, not plain modulo)', () => {
    // Range 3 * 2^30: plain `u32 % range` would land in the first third half of the time.
    const s = new Rng(14).stream('int');
    let low = 0;
    for (let i = 0; i < N; i++) if (s.integer(0, 3 * 2 ** 30 - 1) < 2 ** 30) low++;
    expect(Math.abs(low / N - 1 / 3)).toBeLessThan(5 * Math.sqrt((1 / 3) * (2 / 3) / N));
  });

  it('integer() handles negative, single-value and wide (> 2^32) ranges', () => {
    const s = new Rng(12).stream('int');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(s.integer(-3, 3));
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(s.integer(5, 5)).toBe(5);
    const wide = draws(s, 10_000, (r) => r.integer(0, 2 ** 40));
    expect(wide.every((x) => Number.isInteger(x) && x >= 0 && x <= 2 ** 40)).toBe(true);
    expect(Math.abs(meanVar(wide).mean / 2 ** 40 - 0.5)).toBeLessThan(0.02);
    expect(() => s.integer(3, 2)).toThrow(RangeError);
    expect(() => s.integer(0.5, 2)).toThrow(RangeError);
  });

  it('bernoulli(p) has frequency p; p = 0 and p = 1 are certain', () => {
    const s = new Rng(13).stream('b');
    let hits = 0;
    for (let i = 0; i < N; i++) if (s.bernoulli(0.3)) hits++;
    expect(Math.abs(hits / N - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / N));
    let wrong = 0;
    for (let i = 0; i < 1000; i++) if (s.bernoulli(0) || !s.bernoulli(1)) wrong++;
    expect(wrong).toBe(0);
    expect(() => s.bernoulli(1.5)).toThrow(RangeError);
  });
});

describe('RandomStream collections', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('choice() picks every element about equally often and throws on an empty array', () => {
    const s = new Rng(21).stream('c');
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < N; i++) counts[s.choice(items)]++;
    const { stat } = chiSquare(counts, new Array<number>(20).fill(N / 20));
    expect(stat).toBeLessThan(chiSquareCritical(19));
    expect(() => s.choice([])).toThrow(RangeError);
  });

  it('sample() returns k distinct elements, each element equally likely', () => {
    const s = new Rng(22).stream('s');
    const counts = new Array<number>(20).fill(0);
    const reps = 20_000;
    let bad = 0;
    for (let r = 0; r < reps; r++) {
      const picked = s.sample(items, 5);
      if (picked.length !== 5 || new Set(picked).size !== 5) bad++;
      for (const x of picked) counts[x]++;
    }
    expect(bad).toBe(0);
    const { stat } = chiSquare(counts, new Array<number>(20).fill((reps * 5) / 20));
    expect(stat).toBeLessThan(chiSquareCritical(19));
    expect(s.sample(items, 0)).toEqual([]);
    expect([...s.sample(items, 20)].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => i)); // input untouched
    expect(() => s.sample(items, 21)).toThrow(RangeError);
    expect(() => s.sample(items, -1)).toThrow(RangeError);
  });

  it('shuffle() permutes in place and puts each element first about equally often', () => {
    const s = new Rng(23).stream('sh');
    const counts = new Array<number>(10).fill(0);
    let bad = 0;
    for (let r = 0; r < 50_000; r++) {
      const a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      if (s.shuffle(a) !== a || new Set(a).size !== 10) bad++;
      counts[a[0]]++;
    }
    expect(bad).toBe(0);
    const { stat } = chiSquare(counts, new Array<number>(10).fill(5_000));
    expect(stat).toBeLessThan(chiSquareCritical(9));
  });
});

describe('RandomStream distributions', () => {
  it('exponential(mean) has mean m and variance m^2; mean 0 gives 0', () => {
    const m = 3;
    const s = new Rng(31).stream('exp');
    const xs = draws(s, N, (r) => r.exponential(m));
    expect(xs.every((x) => x >= 0)).toBe(true);
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - m)).toBeLessThan(5 * (m / Math.sqrt(N)));
    expect(Math.abs(variance - m * m)).toBeLessThan(5 * m * m * Math.sqrt(8 / N));
    expect(s.exponential(0)).toBe(0);
    expect(() => s.exponential(-1)).toThrow(RangeError);
  });

  it('normal(mean, sd) has the right mean and sd, and about 68.3% within one sd', () => {
    const s = new Rng(32).stream('norm');
    const xs = draws(s, N, (r) => r.normal(10, 2));
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - 10)).toBeLessThan(5 * (2 / Math.sqrt(N)));
    expect(Math.abs(variance - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / N));
    const within = xs.filter((x) => Math.abs(x - 10) < 2).length / N;
    expect(Math.abs(within - 0.682689)).toBeLessThan(5 * Math.sqrt((0.68 * 0.32) / N));
    expect(() => s.normal(0, -1)).toThrow(RangeError);
  });

  it.each([0.5, 4, 9.99, 10, 50, 1000])('poisson(%d) matches the Poisson pmf, mean and variance', (m) => {
    const s = new Rng(33).stream(`poisson/${m}`);
    const xs = draws(s, N, (r) => r.poisson(m));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - m)).toBeLessThan(5 * Math.sqrt(m / N));
    expect(Math.abs(variance - m)).toBeLessThan(5 * Math.sqrt((m + 2 * m * m) / N));
    // Goodness of fit over [0, m + 10 sd], tail lumped into the last bin.
    const top = Math.ceil(m + 10 * Math.sqrt(m) + 10);
    const observed = new Array<number>(top + 1).fill(0);
    for (const x of xs) observed[Math.min(x, top)]++;
    const expected = observed.map((_, k) => N * Math.exp(-m + k * Math.log(m) - logFactorial(k)));
    expected[top] += N - expected.reduce((a, b) => a + b, 0);
    const { stat, df } = chiSquare(observed, expected);
    expect(stat).toBeLessThan(chiSquareCritical(df));
  });

  it('poisson(0) is 0 and invalid means throw', () => {
    const s = new Rng(34).stream('p');
    expect(s.poisson(0)).toBe(0);
    expect(() => s.poisson(-1)).toThrow(RangeError);
    expect(() => s.poisson(Number.NaN)).toThrow(RangeError);
  });

  it('poisson() is right for a huge mean (PTRS with the Stirling log-factorial)', () => {
    const m = 1e7;
    const xs = draws(new Rng(35).stream('p'), 20_000, (r) => r.poisson(m));
    const { mean, variance } = meanVar(xs);
    expect(Math.abs(mean - m)).toBeLessThan(5 * Math.sqrt(m / 20_000));
    expect(Math.abs(variance / m - 1)).toBeLessThan(5 * Math.sqrt(2 / 20_000));
  });
});
