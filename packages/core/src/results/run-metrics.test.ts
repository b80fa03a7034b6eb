import { describe, expect, it } from 'vitest';
import { quantileSorted } from './percentile.js';
import { RunMetrics } from './run-metrics.js';

const info = { round: 2, seed: 42, interrupted: false, simulatedTimeMs: 1000, wallTimeMs: 12 };

/** Reference percentile: NumPy's default ('linear'), on a plain sorted JS array. */
function numpyPercentile(values: number[], p: number): number {
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < xs.length ? xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo]) : xs[lo];
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('quantileSorted', () => {
  it('interpolates linearly between closest ranks (NumPy default)', () => {
    const xs = [1, 2, 3, 4];
    expect(quantileSorted(xs, 0.5)).toBe(2.5);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(4);
    expect(quantileSorted([7], 0.99)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted(xs, 1.5)).toThrow(RangeError);
  });
});

describe('RunMetrics', () => {
  it('matches a sorted reference on random data, overall, per SFC and per slice', () => {
    // 3 SFC types; s_0 and s_2 in slice sl_0, s_1 in slice sl_1.
    const m = new RunMetrics(['s_0', 's_1', 's_2'], ['sl_0', 'sl_1']);
    const sliceOf = [0, 1, 0];
    const rand = rng(7);
    const bySfc: number[][] = [[], [], []];
    const n = 5000; // > initial capacity: exercises growth
    for (let i = 0; i < n; i++) {
      const sfc = Math.floor(rand() * 3);
      const delay = sfc === 1 ? 100 + rand() * 50 : rand() * 10; // s_1 is much slower
      m.packetCreated(sfc, sliceOf[sfc]);
      m.packetDelivered(sfc, sliceOf[sfc], delay, false);
      bySfc[sfc].push(delay);
    }
    const s = m.summarize(info);
    const all = bySfc.flat();
    const check = (got: { mean: number | null; p50: number | null; p95: number | null; p99: number | null; max: number | null }, xs: number[]): void => {
      expect(got.p50).toBe(numpyPercentile(xs, 0.5));
      expect(got.p95).toBe(numpyPercentile(xs, 0.95));
      expect(got.p99).toBe(numpyPercentile(xs, 0.99));
      expect(got.max).toBe(Math.max(...xs));
      expect(got.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
    };
    check(s.delayMs, all);
    check(s.perSfc.s_0.delayMs, bySfc[0]);
    check(s.perSfc.s_1.delayMs, bySfc[1]);
    check(s.perSfc.s_2.delayMs, bySfc[2]);
    check(s.perSlice.sl_0.delayMs, [...bySfc[0], ...bySfc[2]]);
    check(s.perSlice.sl_1.delayMs, bySfc[1]);
    expect(s.perSfc.s_1.packets.delivered).toBe(bySfc[1].length);
    expect(s.perSlice.sl_0.packets.created).toBe(bySfc[0].length + bySfc[2].length);
    expect(s.packets.delivered).toBe(n);
    expect(s.perSlice.sl_1.delayMs.p50!).toBeGreaterThan(100);
  });

  it('handles slices without SFC types and SFC types without packets', () => {
    const m = new RunMetrics(['s_0', 's_1', 's_2', 's_3'], ['sl_0', 'sl_1', 'sl_2']);
    // s_3 → sl_0, s_1 → sl_2, s_0 and s_2 never used, sl_1 empty.
    for (const [sfc, slice, d] of [[3, 0, 5], [1, 2, 1], [3, 0, 2], [1, 2, 9], [1, 2, 4]]) {
      m.packetCreated(sfc, slice);
      m.packetDelivered(sfc, slice, d, false);
    }
    const s = m.summarize(info);
    expect(s.perSlice.sl_0.delayMs).toMatchObject({ p50: 3.5, max: 5 });
    expect(s.perSlice.sl_1.delayMs.max).toBeNull();
    expect(s.perSlice.sl_2.delayMs).toMatchObject({ p50: 4, max: 9 });
    expect(s.perSfc.s_3.delayMs.p50).toBe(3.5);
    expect(s.perSfc.s_0.packets.created).toBe(0);
    expect(s.delayMs).toMatchObject({ p50: 4, max: 9, mean: 21 / 5 });
  });

  it('keeps the conservation identity: inFlight = created − delivered − dropped − orphaned', () => {
    const m = new RunMetrics(['s_0', 's_1'], ['sl_0', 'sl_1']);
    for (let i = 0; i < 10; i++) m.packetCreated(0, 0);
    for (let i = 0; i < 4; i++) m.packetCreated(1, 1);
    m.packetDelivered(0, 0, 1, false);
    m.packetDelivered(0, 0, 9, true);
    m.packetDropped(0, 0);
    m.packetOrphaned(1, 1);
    m.packetOrphaned(1, 1);
    const s = m.summarize(info);
    expect(s.packets).toEqual({ created: 14, delivered: 2, dropped: 1, orphaned: 2, inFlight: 9 });
    expect(s.perSfc.s_0.packets).toEqual({ created: 10, delivered: 2, dropped: 1, orphaned: 0, inFlight: 7 });
    expect(s.perSfc.s_1.packets).toEqual({ created: 4, delivered: 0, dropped: 0, orphaned: 2, inFlight: 2 });
    expect(s.perSlice.sl_1.packets.inFlight).toBe(2);
    expect(m.created).toBe(14);
  });

  it('counts SLA violations and rates them over ended packets only', () => {
    const m = new RunMetrics(['s_0'], ['sl_0']);
    for (let i = 0; i < 10; i++) m.packetCreated(0, 0);
    // 4 delivered, 1 of them late; 1 dropped; 5 in flight of which 3 already past their deadline.
    m.slaViolated(0, 0); // the late one, at its deadline
    m.packetDelivered(0, 0, 5, true);
    m.packetDelivered(0, 0, 1, false);
    m.packetDelivered(0, 0, 1, false);
    m.packetDelivered(0, 0, 1, false);
    m.slaViolated(0, 0);
    m.packetDropped(0, 0);
    for (let i = 0; i < 3; i++) m.slaViolated(0, 0);
    const s = m.summarize(info);
    expect(s.sla.violated).toBe(5);
    expect(s.sla.deliveredLate).toBe(1);
    expect(s.sla.violationRate).toBeCloseTo(2 / 5, 15); // (1 late + 1 drop) / 5 ended
    expect(s.perSfc.s_0.sla).toEqual(s.sla);
  });

  it('reports null delay statistics and a zero rate when nothing ended', () => {
    const m = new RunMetrics(['s_0', 's_1'], ['sl_0']);
    m.packetCreated(0, 0);
    const s = m.summarize(info);
    expect(s.delayMs).toEqual({ mean: null, p50: null, p95: null, p99: null, max: null });
    expect(s.sla.violationRate).toBe(0);
    expect(s.perSfc.s_1.packets.created).toBe(0); // every SFC type is listed
    expect(s.perSfc.s_1.delayMs.p99).toBeNull();
  });

  it('carries requests, energy, scaling and the caller-provided round info', () => {
    const m = new RunMetrics(['s_0'], ['sl_0']);
    m.requests(10, 7, 3);
    m.energy(1.25, 0.5);
    m.scalingUp();
    m.scalingUp();
    m.scalingDown();
    m.scalingFailed();
    const s = m.summarize(info);
    expect(s.requests).toEqual({ total: 10, placed: 7, rejected: 3 });
    expect(s.energy).toEqual({ nodesWh: 1.25, linksWh: 0.5 });
    expect(s.scaling).toEqual({ up: 2, down: 1, failed: 1 });
    expect([s.round, s.seed, s.interrupted, s.simulatedTimeMs, s.wallTimeMs]).toEqual([2, 42, false, 1000, 12]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('rejects bad indices and an SFC reported in two slices', () => {
    const m = new RunMetrics(['s_0', 's_1'], ['sl_0', 'sl_1'], [0, 1]);
    expect(() => m.packetCreated(2, 0)).toThrow(RangeError);
    expect(() => m.packetCreated(0, 5)).toThrow(RangeError);
    expect(() => m.packetCreated(0, 1)).toThrow(/belongs to sl_0/);
    m.packetCreated(1, 1);
    expect(m.created).toBe(1);
  });

  it('summarize() can be called repeatedly and keeps accumulating', () => {
    const m = new RunMetrics(['s_0'], ['sl_0']);
    m.packetCreated(0, 0);
    m.packetDelivered(0, 0, 3, false);
    expect(m.summarize(info).delayMs.max).toBe(3);
    m.packetCreated(0, 0);
    m.packetDelivered(0, 0, 1, false);
    const s = m.summarize(info);
    expect(s.delayMs).toEqual({ mean: 2, p50: 2, p95: 2.9, p99: 2.98, max: 3 });
  });
});
