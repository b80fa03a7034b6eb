import { describe, expect, it } from 'vitest';
import { EdgeDispatchError } from './dispatch-errors.js';
import type { EdgePlatform, LambdaRequest, PlatformAnswer } from './platform.js';
import { PredictionDispatcher } from './prediction-dispatcher.js';
import { RttEstimator, UtilEstimator } from './ptime-estimators.js';
import { SlidingLinearFit } from './sliding-fit.js';
import { SimulatedPlatform } from './simulated-platform.js';
import { EdgeComputer } from '../edge-computer/edge-computer.js';
import { intelServerConfig, raspberryConfig } from '../edge-computer/computer-config.js';

/** A platform on a shared virtual clock whose RTT is a + b·size and which reports a fixed ptime. */
function linearPlatform(name: string, clock: { t: number }, a: number, b: number, ptimeMs = 10): EdgePlatform & { calls: number[] } {
  const calls: number[] = [];
  return {
    name,
    calls,
    async invoke(request: LambdaRequest): Promise<PlatformAnswer> {
      const size = (request.input ?? '').length;
      calls.push(size);
      clock.t += a + b * size + ptimeMs / 1000;
      return { output: '', responder: name, ptimeMs };
    },
  };
}

describe('SlidingLinearFit', () => {
  it('fits a line exactly through collinear points and predicts 0 when empty', () => {
    const fit = new SlidingLinearFit({ windowSize: 3 });
    expect(fit.predict(5)).toBe(0);
    fit.add(1, 3);
    expect(fit.predict(100)).toBe(3); // one sample: its value
    fit.add(2, 5);
    fit.add(3, 7);
    expect(fit.predict(10)).toBeCloseTo(21, 12); // y = 1 + 2x
    fit.add(4, 0); // window 3: (2,5),(3,7),(4,0): slope -2.5, mean (3, 4)
    expect(fit.predict(3)).toBeCloseTo(4, 12);
    expect(fit.predict(5)).toBeCloseTo(-1, 12);
  });

  it('purges samples older than the stale period', () => {
    const fit = new SlidingLinearFit({ stalePeriod: 10 });
    fit.add(1, 1, 0);
    fit.add(2, 2, 5);
    fit.purge(12);
    expect(fit.size).toBe(1);
    fit.purge(16);
    expect(fit.size).toBe(0);
    expect(fit.predict(1)).toBe(0);
  });
});

describe('PredictionDispatcher (rtt)', () => {
  it('probes unused destinations first, then picks the one whose fitted line predicts the lowest RTT', async () => {
    const clock = { t: 0 };
    // A: fast for small inputs, B: fast for large ones; lines cross at (0.05 - 0.01) / (1e-6 - 1e-7) ≈ 44,444 bytes.
    const a = linearPlatform('A', clock, 0.01, 1e-6);
    const b = linearPlatform('B', clock, 0.05, 1e-7);
    const d = new PredictionDispatcher({ clock: () => clock.t });
    d.addPlatform(a, ['f']);
    d.addPlatform(b, ['f']);
    const small = { lambda: 'f', input: 'x'.repeat(1_000) };
    const large = { lambda: 'f', input: 'x'.repeat(100_000) };
    expect((await d.invoke(small)).destination).toBe('A'); // both empty: tie, first added
    expect((await d.invoke(large)).destination).toBe('B'); // B still empty: predicts 0
    expect((await d.invoke(large)).destination).toBe('A'); // A: one sample (0.011) < B: 0.06
    // A's line is now exact: 0.01 + 1e-6·size; B: 0.06 at any size (one size seen).
    const predicted = d.predictions('f', 100_000);
    expect(predicted[0].predicted).toBeCloseTo(0.11, 9);
    expect(predicted[1].predicted).toBeCloseTo(0.06, 9);
    expect((await d.invoke(large)).destination).toBe('B');
    expect((await d.invoke(small)).destination).toBe('A');
    expect((await d.invoke({ lambda: 'f', input: 'x'.repeat(30_000) })).destination).toBe('A'); // 0.04 < 0.06
    expect((await d.invoke({ lambda: 'f', input: 'x'.repeat(60_000) })).destination).toBe('B'); // 0.07 > 0.06
  });

  it('measures RTT as response time minus the reported ptime', async () => {
    const clock = { t: 0 };
    const d = new PredictionDispatcher({ clock: () => clock.t });
    d.addPlatform(linearPlatform('A', clock, 0.02, 0, 300), ['f']);
    const result = await d.invoke({ lambda: 'f' });
    expect(result.latency).toBeCloseTo(0.32, 12);
    expect(d.predictions('f', 0)[0].predicted).toBeCloseTo(0.02, 12);
  });

  it('fails over to the next best destination and forgets the failed one', async () => {
    const clock = { t: 0 };
    const broken: EdgePlatform = { name: 'X', invoke: () => Promise.reject(new Error('down')) };
    const d = new PredictionDispatcher({ clock: () => clock.t });
    d.addPlatform(broken, ['f']);
    d.addPlatform(linearPlatform('A', clock, 0.01, 0), ['f']);
    const result = await d.invoke({ lambda: 'f' });
    expect(result.destination).toBe('A');
    expect(result.failed.map((f) => f.destination)).toEqual(['X']);
    expect(d.predictions('f', 0).map((p) => p.destination)).toEqual(['A']);
    d.removePlatform('A');
    await expect(d.invoke({ lambda: 'f' })).rejects.toBeInstanceOf(EdgeDispatchError);
  });

  it('probe: asks every computer for a dry-run estimate and picks the smallest', async () => {
    // Frozen wall clock: virtual time moves only as the computers' events run.
    const rpi = new SimulatedPlatform(new EdgeComputer(raspberryConfig({ numCpuWorkers: 1 }), { name: 'rpi' }), () => 0);
    const xeon = new SimulatedPlatform(new EdgeComputer(intelServerConfig(), { name: 'xeon' }), () => 0);
    try {
      const d = new PredictionDispatcher({ estimator: { type: 'probe' } });
      d.addPlatform(xeon, ['clambda0']);
      d.addPlatform(rpi, ['clambda0']);
      // Idle: 4e6 ops at 1e11 ops/s (rpi) beats 4e6 at 4e9 (xeon).
      expect((await d.invoke({ lambda: 'clambda0' })).destination).toBe('rpi');
      // rpi's single worker now has 30 queued tasks of ~0.1 s each: its estimate (~3 s) exceeds xeon's 1 ms.
      for (let i = 0; i < 30; i++) rpi.computer.submit({ lambda: 'clambda0', size: 10_000 }, () => {});
      expect(await rpi.estimate({ lambda: 'clambda0' })).toBeGreaterThan(2.9);
      expect((await d.invoke({ lambda: 'clambda0' })).destination).toBe('xeon');
    } finally {
      rpi.close();
      xeon.close();
    }
  });

  it('rejects an unknown estimator type', () => {
    expect(() => new PredictionDispatcher({ estimator: { type: 'oracle' } as never })).toThrow(/rtt or util/);
  });
});

describe('estimators', () => {
  it('rtt: stale samples are purged, so an idle destination predicts 0 again', () => {
    const rtt = new RttEstimator({ stalePeriod: 10 });
    rtt.add({ lambda: 'f', destination: 'A', size: 100, responseTime: 0.5, ptime: 0.1, now: 0 });
    expect(rtt.predict('f', 'A', 100, 5)).toBeCloseTo(0.4, 12);
    expect(rtt.predict('f', 'A', 100, 10.5)).toBe(0);
  });

  it('util: adds the ptime fitted against load1 at the last reported load, 0 when the load is stale', () => {
    const util = new UtilEstimator({ utilLoadTimeout: 10, rttStalePeriod: 100 });
    // ptime = 0.1 + 0.01·load: samples at load 0 (no load known yet) and load 50.
    util.add({ lambda: 'f', destination: 'A', size: 10, responseTime: 0.12, ptime: 0.1, load1: 50, now: 1 });
    util.add({ lambda: 'f', destination: 'A', size: 10, responseTime: 0.62, ptime: 0.6, load1: 50, now: 2 });
    expect(util.currentLoad('A', 3)).toBe(50);
    expect(util.predict('f', 'A', 10, 3)).toBeCloseTo(0.02 + 0.6, 12);
    expect(util.predict('f', 'A', 10, 20)).toBeCloseTo(0.02 + 0.1, 12); // load1 older than 10 s → 0
    expect(util.predict('f', 'A', 11, 3)).toBeCloseTo(0.02, 12); // unknown size: ptime 0
  });
});
