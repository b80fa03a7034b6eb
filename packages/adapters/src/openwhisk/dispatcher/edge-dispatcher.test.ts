import { Rng } from '@nss/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../client.js';
import { EdgeComputer } from '../edge-computer/edge-computer.js';
import { raspberryConfig } from '../edge-computer/computer-config.js';
import { OpenWhiskEmulator } from '../emulator.js';
import { OpenWhiskNotFoundError, OpenWhiskUnreachableError } from '../errors.js';
import { EdgeDispatchError } from './dispatch-errors.js';
import { EdgeDispatcher } from './edge-dispatcher.js';
import { OpenWhiskPlatform } from './openwhisk-platform.js';
import type { EdgePlatform, LambdaRequest, PlatformAnswer } from './platform.js';
import { LambdaFailedError, SimulatedPlatform } from './simulated-platform.js';

/** A platform that answers at once (or fails), counting its calls. */
class FakePlatform implements EdgePlatform {
  calls = 0;
  constructor(
    readonly name: string,
    private readonly fail?: string,
  ) {}
  async invoke(request: LambdaRequest): Promise<PlatformAnswer> {
    this.calls++;
    if (this.fail !== undefined) throw new Error(this.fail);
    return { output: request.input ?? '', responder: this.name };
  }
}

describe('EdgeDispatcher with the @nss/dispatch policies', () => {
  it('random with weights 0.106/0.109 splits about 50.7/49.3 (within 4 binomial standard deviations)', async () => {
    const a = new FakePlatform('rpi1');
    const b = new FakePlatform('rpi2');
    const dispatcher = new EdgeDispatcher({ policy: { type: 'random' }, updater: { type: 'none' }, random: new Rng(2024).stream('split') });
    dispatcher.addPlatform(a, ['clambda0'], 0.106);
    dispatcher.addPlatform(b, ['clambda0'], 0.109);
    const n = 20_000;
    for (let i = 0; i < n; i++) await dispatcher.invoke({ lambda: 'clambda0' });
    const p = 1 / 0.106 / (1 / 0.106 + 1 / 0.109); // 0.50699
    const sd = Math.sqrt((p * (1 - p)) / n);
    expect(a.calls + b.calls).toBe(n);
    expect(Math.abs(a.calls / n - p)).toBeLessThan(4 * sd);
    expect(p).toBeCloseTo(0.507, 3);
  });

  it('is reproducible for a seed', async () => {
    const picks = async (seed: number): Promise<string[]> => {
      const d = new EdgeDispatcher({ updater: { type: 'none' }, seed });
      d.addPlatform(new FakePlatform('a'), ['f'], 0.1);
      d.addPlatform(new FakePlatform('b'), ['f'], 0.2);
      const out: string[] = [];
      for (let i = 0; i < 50; i++) out.push((await d.invoke({ lambda: 'f' })).destination);
      return out;
    };
    expect(await picks(5)).toEqual(await picks(5));
    expect(await picks(5)).not.toEqual(await picks(6));
  });

  it('least-impedance always picks the least weight', async () => {
    const d = new EdgeDispatcher({ policy: { type: 'least-impedance' }, updater: { type: 'none' } });
    d.addPlatform(new FakePlatform('slow'), ['f'], 0.3);
    d.addPlatform(new FakePlatform('fast'), ['f'], 0.1);
    d.addPlatform(new FakePlatform('mid'), ['f'], 0.2);
    for (let i = 0; i < 20; i++) expect((await d.invoke({ lambda: 'f' })).destination).toBe('fast');
  });

  it('round-robin alternates between equal weights; proportional-fairness with alpha 0, beta 1 spreads requests', async () => {
    let now = 0;
    const rr = new EdgeDispatcher({ policy: { type: 'round-robin' }, updater: { type: 'none' }, clock: () => now });
    rr.addPlatform(new FakePlatform('a'), ['f'], 0.1);
    rr.addPlatform(new FakePlatform('b'), ['f'], 0.1);
    const picks: string[] = [];
    for (let i = 0; i < 6; i++) {
      now += 0.01;
      picks.push((await rr.invoke({ lambda: 'f' })).destination);
    }
    expect(picks.filter((p) => p === 'a')).toHaveLength(3);
    for (let i = 1; i < picks.length; i++) expect(picks[i]).not.toBe(picks[i - 1]);
    const pf = new EdgeDispatcher({ policy: { type: 'proportional-fairness', alpha: 0, beta: 1 }, updater: { type: 'none' }, clock: () => now });
    const a = new FakePlatform('a');
    const b = new FakePlatform('b');
    pf.addPlatform(a, ['f'], 0.1);
    pf.addPlatform(b, ['f'], 0.3);
    for (let i = 0; i < 40; i++) {
      now += 0.01;
      await pf.invoke({ lambda: 'f' });
    }
    expect(Math.abs(a.calls - b.calls)).toBeLessThanOrEqual(4);
  });

  it('feeds measured latencies to the weight updater (asyncPF: weight = last latency)', async () => {
    let now = 0;
    const slow: EdgePlatform = { name: 'slow', invoke: async () => ((now += 0.25), { output: '', responder: 'slow' }) };
    const d = new EdgeDispatcher({ policy: { type: 'least-impedance' }, updater: { type: 'asyncPF' }, clock: () => now });
    d.addPlatform(slow, ['f'], 0.01);
    d.addPlatform(new FakePlatform('other'), ['f'], 0.1);
    expect((await d.invoke({ lambda: 'f' })).destination).toBe('slow');
    expect(d.table.weight('f', 'slow')).toBeCloseTo(0.25, 12);
    expect((await d.invoke({ lambda: 'f' })).destination).toBe('other');
  });

  it('fails over: removes a failing destination, retries the next, reports the failed attempt', async () => {
    const removed: string[] = [];
    const broken = new FakePlatform('broken', 'connection refused');
    const ok = new FakePlatform('ok');
    const d = new EdgeDispatcher({ policy: { type: 'least-impedance' }, updater: { type: 'none' }, onRemove: (dest) => removed.push(dest) });
    d.addPlatform(broken, ['f', 'g'], 0.1);
    d.addPlatform(ok, ['f'], 0.2);
    const result = await d.invoke({ lambda: 'f', input: 'x' });
    expect(result.destination).toBe('ok');
    expect(result.answer.output).toBe('x');
    expect(result.failed.map((f) => f.destination)).toEqual(['broken']);
    expect(removed).toEqual(['broken']);
    expect(d.destinations('f').map((e) => e.destination)).toEqual(['ok']);
    expect(d.destinations('g')).toEqual([]); // removed from every lambda, as the seed does
    await d.invoke({ lambda: 'f' });
    expect(broken.calls).toBe(1);
  });

  it('reports the last error when no destination is left', async () => {
    const d = new EdgeDispatcher({ updater: { type: 'none' } });
    d.addPlatform(new FakePlatform('a', 'first failure'), ['f']);
    d.addPlatform(new FakePlatform('b', 'second failure'), ['f']);
    const error = await d.invoke({ lambda: 'f' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EdgeDispatchError);
    expect((error as EdgeDispatchError).attempts).toHaveLength(2);
    expect((error as Error).message).toMatch(/after 2 failed attempt\(s\); last error from [ab]: (first|second) failure/);
    const none = await d.invoke({ lambda: 'unknown' }).catch((e: unknown) => e);
    expect((none as Error).message).toMatch(/no destination for lambda "unknown"/);
  });

  it('rejects an unknown policy with the valid ones listed', () => {
    expect(() => new EdgeDispatcher({ policy: { type: 'fastest' as never } })).toThrow(/random, least-impedance, round-robin, proportional-fairness/);
  });
});

describe('EdgeDispatcher over real platforms', () => {
  const up = new OpenWhiskEmulator({ actions: [{ name: 'copy', main: (p) => ({ payload: String(p.input) }), initMs: 5 }] });
  const down = new OpenWhiskEmulator({ actions: [{ name: 'copy', main: (p) => ({ payload: String(p.input) }) }] });
  beforeAll(async () => {
    await up.start();
    await down.start();
  });
  afterAll(async () => {
    await up.stop();
    await down.stop();
  });

  it('discovers OpenWhisk actions as /ns/name lambdas and fails over from a stopped host', async () => {
    const healthy = new OpenWhiskPlatform(new OpenWhiskClient({ apiHost: up.apiHost, auth: up.auth }));
    const dead = new OpenWhiskPlatform(new OpenWhiskClient({ apiHost: down.apiHost, auth: down.auth }));
    const d = new EdgeDispatcher({ policy: { type: 'least-impedance' }, updater: { type: 'none' } });
    expect(await d.discover(dead, 0.05)).toEqual(['/guest/copy']);
    expect(await d.discover(healthy, 0.5)).toEqual(['/guest/copy']);
    const downHost = down.apiHost;
    await down.stop();
    const result = await d.invoke({ lambda: '/guest/copy', input: '{"input":"hello"}' });
    expect(result.destination).toBe(up.apiHost);
    expect(result.answer.output).toBe('hello');
    expect(result.answer.coldStart).toBe(true);
    expect(result.failed[0].destination).toBe(downHost);
    // The keep-alive socket from discover() was closed by the stop (UND_ERR_SOCKET), or a new connection is refused.
    expect(result.failed[0].error).toBeInstanceOf(OpenWhiskUnreachableError);
    const warm = await d.invoke({ lambda: '/guest/copy', input: 'plain text' });
    expect(warm.answer).toMatchObject({ output: 'plain text', coldStart: false });
  });

  it('treats a missing action and a result without a string payload as failures', async () => {
    const wsk = new OpenWhiskPlatform(new OpenWhiskClient({ apiHost: up.apiHost, auth: up.auth }));
    await expect(wsk.invoke({ lambda: 'absent' })).rejects.toBeInstanceOf(OpenWhiskNotFoundError);
    up.addAction({ name: 'nopayload', main: () => ({ value: 1 }) });
    await expect(wsk.invoke({ lambda: 'nopayload' })).rejects.toThrow(/payload field missing/);
  });

  it('runs a simulated computer in real time: clambda0 on 100 bytes copies its input with ptime round(1.04 ms)', async () => {
    const rpi = new SimulatedPlatform(new EdgeComputer(raspberryConfig(), { name: 'rpi' }));
    try {
      const d = new EdgeDispatcher({ updater: { type: 'none' } });
      d.addPlatform(rpi, await rpi.lambdas());
      const result = await d.invoke({ lambda: 'clambda0', input: 'x'.repeat(100) });
      expect(result.answer).toMatchObject({ output: 'x'.repeat(100), responder: 'rpi', ptimeMs: 1 });
      await expect(rpi.invoke({ lambda: 'nope' })).rejects.toBeInstanceOf(LambdaFailedError);
    } finally {
      rpi.close();
    }
  });
});
