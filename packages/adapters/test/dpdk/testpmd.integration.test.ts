// Integration tests against a real dpdk-testpmd (null vdevs, no hugepages). testpmd busy-polls one
// core while forwarding, so everything runs in this one file, sequentially, with short runs; every
// process started here is stopped by PID in afterAll.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findExecutable,
  StatsCsvWriter,
  StatsSampler,
  TelemetryError,
  TelemetryReader,
  Testpmd,
  TestpmdAttachError,
  TestpmdExitedError,
  TestpmdNotInstalledError,
  type SamplerReading,
} from '@nss/adapters/dpdk';

const started: number[] = [];
const prefix = (name: string): string => `nss-test-${process.pid}-${name}`;
const dir = mkdtempSync(join(tmpdir(), 'nss-testpmd-'));

beforeAll(() => {
  if (findExecutable('dpdk-testpmd') === undefined) {
    throw new Error('dpdk-testpmd is not installed: `apt-get install dpdk-dev` (these tests need a real testpmd).');
  }
});

afterAll(() => {
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  // DPDK leaves a runtime folder per file prefix under /var/run/dpdk: remove ours.
  const runtime = '/var/run/dpdk';
  let entries: string[] = [];
  try {
    entries = readdirSync(runtime);
  } catch {
    // no runtime folder
  }
  for (const entry of entries) if (entry.startsWith(prefix(''))) rmSync(join(runtime, entry), { recursive: true, force: true });
});

const startPmd = async (name: string): Promise<Testpmd> => {
  const pmd = await Testpmd.start({ filePrefix: prefix(name) });
  if (pmd.pid !== undefined) started.push(pmd.pid);
  return pmd;
};

describe('Testpmd against a real dpdk-testpmd', () => {
  it('reports a missing executable with the install hint', async () => {
    const error = await Testpmd.start({ executable: 'dpdk-testpmd-does-not-exist' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestpmdNotInstalledError);
    expect((error as Error).message).toContain('apt-get install dpdk-dev');
  });

  it('forwards with io, counters grow, deltas add up, telemetry agrees, stop freezes the counters', async () => {
    const pmd = await startPmd('io');
    try {
      const idle = await pmd.readStats();
      expect(idle.map((p) => p.port)).toEqual([0, 1]);
      expect(idle.every((p) => p.rxPackets === 0 && p.txPackets === 0)).toBe(true);
      await pmd.setForwardingMode('io');
      await pmd.startForwarding();

      const sampler = new StatsSampler(pmd, { intervalMs: 200, maxSamples: 4 });
      sampler.start();
      const readings: SamplerReading[] = [];
      for await (const r of sampler) readings.push(r);
      expect(readings).toHaveLength(4);
      const first = readings[0]?.sample.ports ?? [];
      const last = readings[3]?.sample.ports ?? [];
      for (const p of [0, 1]) {
        expect(last[p]?.rxPackets).toBeGreaterThan(first[p]?.rxPackets ?? Infinity);
        expect(last[p]?.txPackets).toBeGreaterThan(first[p]?.txPackets ?? Infinity);
        // the deltas of consecutive readings add up to the difference between the first and last
        const sumRx = readings.slice(1).reduce((s, r) => s + (r.delta?.ports[p]?.rxPackets ?? NaN), 0);
        expect(sumRx).toBe((last[p]?.rxPackets ?? 0) - (first[p]?.rxPackets ?? 0));
        for (const r of readings.slice(1)) {
          const d = r.delta?.ports[p];
          expect(d?.rxPackets).toBeGreaterThanOrEqual(0);
          expect(d?.rxPps).toBeCloseTo((d?.rxPackets ?? 0) / (r.delta?.intervalSeconds ?? 1), 6);
        }
      }
      // io forwarding sends out of one port what the other received: never more
      for (const r of readings) {
        const [p0, p1] = r.sample.ports;
        expect(p1?.txPackets).toBeLessThanOrEqual(p0?.rxPackets ?? -1);
        expect(p0?.txPackets).toBeLessThanOrEqual(p1?.rxPackets ?? -1);
      }

      const telemetry = await TelemetryReader.open({ filePrefix: pmd.filePrefix });
      try {
        expect(telemetry.ports).toEqual([0, 1]);
        const before = await pmd.readStats();
        const viaTelemetry = await telemetry.readStats();
        for (const p of [0, 1]) expect(viaTelemetry[p]?.rxPackets).toBeGreaterThanOrEqual(before[p]?.rxPackets ?? Infinity);
        await expect(telemetry.query('/ethdev/stats,9')).resolves.toBeNull();
      } finally {
        telemetry.close();
      }

      const report = await pmd.stopForwarding();
      expect(report).toContain('Forward statistics for port 0');
      const a = await pmd.readStats();
      const b = await pmd.readStats();
      expect(b.map((p) => p.rxPackets)).toEqual(a.map((p) => p.rxPackets));
    } finally {
      await pmd.close();
    }
    expect(pmd.exited).toBe(true);
  });

  it('when testpmd is killed mid-run the sampler ends and the CSV files hold every row collected', async () => {
    const pmd = await startPmd('kill');
    await pmd.setForwardingMode('io');
    await pmd.startForwarding();
    const sampler = new StatsSampler(pmd, { intervalMs: 150 });
    const telco = new StatsCsvWriter(join(dir, 'telco.csv')).follow(sampler);
    const full = new StatsCsvWriter(join(dir, 'full.csv'), { schema: 'full' }).follow(sampler);
    sampler.on('sample', () => {
      if (sampler.samples === 3) pmd.kill('SIGKILL');
    });
    sampler.start();
    expect(await sampler.ended()).toBe('source-exited');
    expect(pmd.exited).toBe(true);
    await telco.close();
    await full.close();
    const n = sampler.samples;
    expect(n).toBe(3);
    const telcoRows = readFileSync(telco.path, 'utf8').trimEnd().split('\n');
    expect(telcoRows).toHaveLength(1 + (n - 1));
    for (const row of telcoRows.slice(1)) {
      const [ts, rx, tx, drops, latency, label] = row.split(',');
      expect(Number(ts)).toBeCloseTo(Date.now() / 1000, -2);
      expect(Number(rx)).toBeGreaterThan(0);
      expect(Number(tx)).toBeGreaterThan(0);
      expect(drops).toBe('0');
      expect(latency).toBe('');
      expect(label).toBe('normal');
    }
    expect(readFileSync(full.path, 'utf8').trimEnd().split('\n')).toHaveLength(1 + n * 2);
    await expect(pmd.readStats()).rejects.toThrowError(/killed by SIGKILL/);
  });

  it('attaches to a testpmd that reads its commands from a FIFO', async () => {
    const fifo = join(dir, 'cmd.fifo');
    const out = join(dir, 'out.log');
    await expect(Testpmd.attach({ commandFifo: fifo, outputFile: out })).rejects.toThrowError(TestpmdAttachError);
    await new Promise<void>((resolve, reject) => spawn('mkfifo', [fifo]).on('exit', (c) => (c === 0 ? resolve() : reject(new Error('mkfifo failed')))));
    await expect(Testpmd.attach({ commandFifo: fifo, outputFile: out })).rejects.toThrowError(/No process is reading/);
    // The shell holds the FIFO open for writing (fd 3) so testpmd does not see end-of-file between clients.
    const shell: ChildProcess = spawn(
      'sh',
      ['-c', `exec 3<>"${fifo}"; exec stdbuf -oL dpdk-testpmd --no-huge -m 256 --no-pci --vdev=net_null0 --vdev=net_null1 -l 0-1 --file-prefix=${prefix('fifo')} -- --total-num-mbufs=16384 -i <"${fifo}" >"${out}" 2>&1`],
      { stdio: 'ignore' },
    );
    if (shell.pid !== undefined) started.push(shell.pid);
    try {
      // wait for its first prompt in the output file
      for (let i = 0; i < 300 && !readFileSafe(out).includes('testpmd> '); i++) await new Promise((r) => setTimeout(r, 100));
      const pmd = await Testpmd.attach({ commandFifo: fifo, outputFile: out, pid: shell.pid });
      const stats = await pmd.readStats();
      expect(stats.map((p) => p.port)).toEqual([0, 1]);
      await pmd.close();
      // detaching leaves testpmd running: a second client gets answers too
      const again = await Testpmd.attach({ commandFifo: fifo, outputFile: out, pid: shell.pid });
      expect((await again.readStats()).length).toBe(2);
      await again.close();
    } finally {
      if (shell.exitCode === null) shell.kill('SIGKILL');
    }
  });

  it('telemetry without a running application is a TelemetryError naming the prefix', async () => {
    const error = await TelemetryReader.open({ filePrefix: prefix('nobody') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelemetryError);
    expect((error as Error).message).toContain(prefix('nobody'));
  });

  it('a testpmd that fails at start-up reports its EAL error', async () => {
    const error = await Testpmd.start({ filePrefix: prefix('bad'), eal: ['--no-huge', '-m', '256', '--no-pci', '--vdev=net_nosuchdriver0', '-l', '0-1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TestpmdExitedError);
    expect((error as Error).message).toMatch(/exited with code|killed/);
  });
});

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
