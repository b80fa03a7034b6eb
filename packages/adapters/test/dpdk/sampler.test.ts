import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FULL_CSV_HEADER,
  StatsCsvWriter,
  StatsSampler,
  statsDelta,
  TELCO_CSV_HEADER,
  TestpmdExitedError,
  type PortStats,
  type SamplerReading,
  type StatsSource,
} from '@nss/adapters/dpdk';

const port = (p: number, rx: number, tx: number, extra: Partial<PortStats> = {}): PortStats => ({
  port: p, rxPackets: rx, rxMissed: 0, rxBytes: rx * 64, rxErrors: 0, rxNoMbuf: 0, txPackets: tx, txErrors: 0, txBytes: tx * 64, rxPps: 0, rxBps: 0, txPps: 0, txBps: 0, ...extra,
});

/** Replays a script of readings; after the script, throws what `then` says. */
class ScriptedSource implements StatsSource {
  calls = 0;
  constructor(private readonly script: PortStats[][], private readonly then: () => Error) {}
  readStats(): Promise<PortStats[]> {
    const next = this.script[this.calls++];
    return next === undefined ? Promise.reject(this.then()) : Promise.resolve(next);
  }
}

/** A clock advancing 1000 ms per reading, starting at 1_700_000_000_000. */
const steppedClock = (): (() => number) => {
  let t = 1_700_000_000_000 - 1000;
  return () => (t += 1000);
};

const script = [
  [port(0, 0, 0), port(1, 0, 0)],
  [port(0, 1000, 900, { rxMissed: 5 }), port(1, 2000, 1000)],
  [port(0, 4000, 3900, { rxMissed: 7, txErrors: 1 }), port(1, 2500, 1600)],
];

describe('statsDelta', () => {
  it('differences counters and divides by the interval', () => {
    const d = statsDelta({ timestamp: 0, ports: [port(0, 100, 50)] }, { timestamp: 2000, ports: [port(0, 300, 150, { rxNoMbuf: 3 })] });
    expect(d.intervalSeconds).toBe(2);
    expect(d.reset).toBe(false);
    expect(d.ports[0]).toEqual({ port: 0, rxPackets: 200, txPackets: 100, rxBytes: 12800, txBytes: 6400, drops: 3, rxPps: 100, txPps: 50, rxBps: 51200, txBps: 25600 });
  });

  it('flags a counter going backwards (stats cleared) and restarts from the later sample', () => {
    const d = statsDelta({ timestamp: 0, ports: [port(0, 100, 50)] }, { timestamp: 1000, ports: [port(0, 30, 20)] });
    expect(d.reset).toBe(true);
    expect(d.ports[0]).toMatchObject({ rxPackets: 30, txPackets: 20 });
  });

  it('leaves out ports missing from either sample', () => {
    expect(statsDelta({ timestamp: 0, ports: [port(0, 1, 1)] }, { timestamp: 1, ports: [port(1, 2, 2)] }).ports).toEqual([]);
  });
});

describe('StatsSampler', () => {
  it('yields samples and deltas, and ends cleanly with the collected rows flushed when the source exits', async () => {
    const source = new ScriptedSource(script, () => new TestpmdExitedError(null, 'SIGKILL', ''));
    const sampler = new StatsSampler(source, { intervalMs: 1, now: steppedClock() });
    const dir = mkdtempSync(join(tmpdir(), 'nss-dpdk-'));
    const telco = new StatsCsvWriter(join(dir, 'telco.csv'), { label: 'normal_day' }).follow(sampler);
    const full = new StatsCsvWriter(join(dir, 'full.csv'), { schema: 'full' }).follow(sampler);
    const events: SamplerReading[] = [];
    sampler.on('sample', (r) => events.push(r));
    const ended = new Promise<[string, Error | undefined]>((resolve) => sampler.on('end', (reason, error) => resolve([reason, error])));
    sampler.start();
    const readings: SamplerReading[] = [];
    for await (const r of sampler) readings.push(r);
    const [reason, error] = await ended;
    expect(reason).toBe('source-exited');
    expect(error).toBeInstanceOf(TestpmdExitedError);
    expect(readings).toEqual(events);
    expect(readings).toHaveLength(3);
    expect(readings[0]?.delta).toBeUndefined();
    expect(readings[2]?.delta?.ports[0]).toMatchObject({ rxPackets: 3000, txPackets: 3000, drops: 3 });
    await telco.close();
    await full.close();
    const rows = readFileSync(telco.path, 'utf8').trimEnd().split('\n');
    // two intervals -> two rows; sums over both ports; drops = missed + errors in the interval; no latency measured
    expect(rows).toEqual([TELCO_CSV_HEADER, '1700000001,3000,1900,5,,normal_day', '1700000002,3500,3600,3,,normal_day']);
    const fullRows = readFileSync(full.path, 'utf8').trimEnd().split('\n');
    expect(fullRows[0]).toBe(FULL_CSV_HEADER);
    expect(fullRows).toHaveLength(1 + 3 * 2);
    const width = FULL_CSV_HEADER.split(',').length;
    for (const row of fullRows) expect(row.split(',')).toHaveLength(width);
    const cols = FULL_CSV_HEADER.split(',');
    const last = fullRows[6]?.split(',') ?? [];
    expect(last[cols.indexOf('port')]).toBe('1');
    expect(last[cols.indexOf('d_rx_packets')]).toBe('500');
    expect(last[cols.indexOf('rx_pps')]).toBe('500');
    expect(last[cols.indexOf('rx_bps')]).toBe(String(500 * 64 * 8));
  });

  it('ends with reason error on any other failure and reports it', async () => {
    const source = new ScriptedSource(script.slice(0, 1), () => new Error('boom'));
    const sampler = new StatsSampler(source, { intervalMs: 1 });
    const errors: Error[] = [];
    sampler.on('error', (e) => errors.push(e));
    sampler.start();
    expect(await sampler.ended()).toBe('error');
    expect(errors.map((e) => e.message)).toEqual(['boom']);
    expect(sampler.samples).toBe(1);
  });

  it('stop() ends it with reason stopped and takes no further reading', async () => {
    const source = new ScriptedSource(Array.from({ length: 100 }, () => script[0] as PortStats[]), () => new Error('unused'));
    const sampler = new StatsSampler(source, { intervalMs: 1 });
    sampler.start();
    for await (const r of sampler) if (r.sample && sampler.samples >= 2) break;
    await sampler.stop();
    const calls = source.calls;
    expect(await sampler.ended()).toBe('stopped');
    await new Promise((r) => setTimeout(r, 20));
    expect(source.calls).toBe(calls);
  });

  it('stops by itself after maxSamples', async () => {
    const sampler = new StatsSampler(new ScriptedSource(script, () => new Error('unused')), { intervalMs: 1, maxSamples: 2 });
    sampler.start();
    const got: SamplerReading[] = [];
    for await (const r of sampler) got.push(r);
    expect(got).toHaveLength(2);
    expect(await sampler.ended()).toBe('stopped');
  });

  it('rejects a non-positive interval', () => {
    expect(() => new StatsSampler(new ScriptedSource([], () => new Error('x')), { intervalMs: 0 })).toThrowError(/intervalMs must be > 0/);
  });
});
