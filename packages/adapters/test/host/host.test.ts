import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cpuPercent,
  HOST_CSV_HEADER,
  HostMonitor,
  HostMonitorError,
  mbps,
  niceTicks,
  parseCpuTimes,
  parseNetDev,
  parseRamPercent,
  renderLinePlotSvg,
  startMonitorApi,
  writeMonitorPlots,
  type HostSample,
} from '@nss/adapters/host';

const stat = (user: number, idle: number): string => `cpu  ${user} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 ${user} 0 0 ${idle} 0 0 0 0 0 0\nintr 1\n`;
const meminfo = (totalKb: number, availableKb: number): string => `MemTotal:       ${totalKb} kB\nMemFree:        1 kB\nMemAvailable:   ${availableKb} kB\n`;
const netdev = (rows: Record<string, [number, number]>): string =>
  'Inter-|   Receive                                                |  Transmit\n' +
  ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n' +
  Object.entries(rows).map(([n, [rx, tx]]) => `  ${n}: ${rx} 10 0 0 0 0 0 0 ${tx} 20 0 0 0 0 0 0`).join('\n') + '\n';

/** A fake /proc folder the test rewrites between readings. */
const fakeProc = (): { root: string; set: (user: number, idle: number, avail: number, eth0: [number, number]) => void } => {
  const root = mkdtempSync(join(tmpdir(), 'nss-proc-'));
  mkdirSync(join(root, 'net'));
  return {
    root,
    set(user, idle, avail, eth0) {
      writeFileSync(join(root, 'stat'), stat(user, idle));
      writeFileSync(join(root, 'meminfo'), meminfo(8_000_000, avail));
      writeFileSync(join(root, 'net/dev'), netdev({ lo: [999, 999], eth0 }));
    },
  };
};

describe('/proc parsers', () => {
  it('CPU % is 100 − idle share of the elapsed ticks', () => {
    const a = parseCpuTimes(stat(100, 900));
    const b = parseCpuTimes(stat(175, 925)); // 100 ticks elapsed, 25 idle
    expect(cpuPercent(a, b)).toBeCloseTo(75, 10);
    expect(cpuPercent(b, b)).toBe(0);
    expect(() => parseCpuTimes('intr 1\n')).toThrowError(/No aggregate "cpu" line/);
  });

  it('RAM % is (total − available) / total', () => {
    expect(parseRamPercent(meminfo(8_000_000, 2_000_000))).toBeCloseTo(75, 10);
    expect(() => parseRamPercent('Foo: 1 kB\n')).toThrowError(/MemTotal/);
  });

  it('net/dev gives rx (1st) and tx (9th) byte counters per interface; Mbps is decimal', () => {
    const m = parseNetDev(netdev({ lo: [1, 2], eth0: [123456, 654321] }));
    expect(m.get('eth0')).toEqual({ rxBytes: 123456, txBytes: 654321 });
    expect([...m.keys()]).toEqual(['lo', 'eth0']);
    expect(mbps(1_250_000, 1)).toBe(10); // 1.25 MB in 1 s = 10 Mbit/s
    expect(mbps(1, 0)).toBe(0);
  });

  it('reads the real /proc', () => {
    expect(parseCpuTimes(readFileSync('/proc/stat', 'utf8')).total).toBeGreaterThan(0);
    const ram = parseRamPercent(readFileSync('/proc/meminfo', 'utf8'));
    expect(ram).toBeGreaterThan(0);
    expect(ram).toBeLessThan(100);
    expect(parseNetDev(readFileSync('/proc/net/dev', 'utf8')).has('lo')).toBe(true);
  });
});

describe('HostMonitor', () => {
  it('computes a sample from two readings and writes it to CSV', async () => {
    const proc = fakeProc();
    proc.set(100, 900, 4_000_000, [0, 0]);
    let t = 1_000_000;
    const csvPath = join(proc.root, 'out.csv');
    const monitor = new HostMonitor({ procRoot: proc.root, now: () => (t += 2000), csvPath, intervalMs: 60_000 });
    monitor.start(); // baseline at t = 1_002_000
    proc.set(160, 940, 2_000_000, [2_500_000, 500_000]); // 100 ticks, 40 idle; 2 s
    const s = monitor.takeSample();
    expect(s.timestamp).toBe(1_004_000);
    expect(s.cpuPercent).toBeCloseTo(60, 10);
    expect(s.ramPercent).toBeCloseTo(75, 10);
    expect(s.interfaces).toEqual([{ name: 'eth0', rxMbps: 10, txMbps: 2 }]); // lo left out by default
    await monitor.stop();
    expect(monitor.running).toBe(false);
    expect(readFileSync(csvPath, 'utf8')).toBe(`${HOST_CSV_HEADER}\n1004000,60.000,75.000,eth0,10.000,2.000\n`);
  });

  it('names the interface that does not exist', () => {
    const proc = fakeProc();
    proc.set(1, 1, 1, [0, 0]);
    const monitor = new HostMonitor({ procRoot: proc.root, interfaces: ['wlan9'] });
    expect(() => monitor.takeSample()).toThrowError(/Interface "wlan9" is not in .*known: lo, eth0/);
  });

  it('an unreadable /proc is a HostMonitorError', () => {
    expect(() => new HostMonitor({ procRoot: '/nonexistent-proc' }).start()).toThrowError(HostMonitorError);
  });

  it('samples the real host on its timer', async () => {
    const monitor = new HostMonitor({ intervalMs: 50 }).start();
    const samples: HostSample[] = [];
    await new Promise<void>((resolve) => monitor.on('sample', (s) => samples.push(s) >= 2 && resolve()));
    await monitor.stop();
    for (const s of samples) {
      expect(s.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(s.cpuPercent).toBeLessThanOrEqual(100);
      expect(s.ramPercent).toBeGreaterThan(0);
      expect(s.interfaces.some((i) => i.name === 'lo')).toBe(false);
    }
    expect(samples[1]?.timestamp).toBeGreaterThan(samples[0]?.timestamp ?? Infinity);
  });
});

describe('plots', () => {
  it('nice ticks are 1/2/5 steps covering the range', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 7)).toEqual([0, 2, 4, 6]);
  });

  it('maps points to the plot area: the min at the bottom-left, the max at the top-right', () => {
    const svg = renderLinePlotSvg({ title: 'T <1>', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', points: [[0, 0], [10, 100]] }], yRange: [0, 100] });
    // area: left 70, top 40, width 800-70-20 = 710, height 450-40-55 = 355
    expect(svg).toContain('points="70.00,395.00 780.00,40.00"');
    expect(svg).toContain('T &lt;1&gt;');
    const step = renderLinePlotSvg({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', points: [[0, 0], [10, 100]] }], yRange: [0, 100], step: true });
    expect(step).toContain('points="70.00,395.00 780.00,395.00 780.00,40.00"');
  });

  it('writes the three monitor plots with one series per host and RX/TX per interface', async () => {
    const mk = (t: number, cpu: number): HostSample => ({ timestamp: t, cpuPercent: cpu, ramPercent: 50, interfaces: [{ name: 'eth0', rxMbps: 1, txMbps: 2 }] });
    const dir = mkdtempSync(join(tmpdir(), 'nss-plots-'));
    const files = await writeMonitorPlots({ a: [mk(1000, 10), mk(2000, 20)], b: [mk(1500, 30)] }, dir, 'run');
    expect(files.load).toBe(join(dir, 'run-load_pct.svg'));
    const load = readFileSync(files.load, 'utf8');
    expect(load).toContain('Load Percentage');
    expect(load.match(/<polyline/g)).toHaveLength(2);
    const bitrate = readFileSync(files.bitrate, 'utf8');
    expect(bitrate.match(/data-series="[^"]+"/g)).toEqual(['data-series="a eth0 RX"', 'data-series="a eth0 TX"', 'data-series="b eth0 RX"', 'data-series="b eth0 TX"']);
    expect(readFileSync(files.ram, 'utf8')).toContain('Used RAM (%)');
  });
});

describe('monitor REST API', () => {
  it('starts and stops a monitor over HTTP on loopback, writing CSV and plots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nss-api-'));
    const api = await startMonitorApi({ port: 0, outputDir: dir, monitor: { intervalMs: 50 } });
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
      const get = async (path: string): Promise<[number, Record<string, unknown>]> => {
        const res = await fetch(`${api.url}${path}`);
        return [res.status, (await res.json()) as Record<string, unknown>];
      };
      expect((await get('/start_mon'))[0]).toBe(400);
      expect((await get('/start_mon?testname=../etc'))[0]).toBe(400);
      expect((await get('/start_mon?testname=t1&interval_ms=-5'))[0]).toBe(400);
      const [status, started] = await get('/start_mon?testname=t1');
      expect(status).toBe(200);
      expect((await get('/start_mon?testname=t1'))[0]).toBe(409);
      expect((await get('/stop_mon?id=999'))).toEqual([404, { error: 'No such PID', id: '999' }]);
      // wait for two samples
      for (let i = 0; i < 100; i++) {
        const [, list] = await get('/monitors');
        if (((list as unknown as { samples: number }[])[0]?.samples ?? 0) >= 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const [stopStatus, stopped] = await get(`/stop_mon?pid=${String(started['id'])}`);
      expect(stopStatus).toBe(200);
      expect(stopped['message']).toBe('Process correctly stopped');
      const n = stopped['samples'] as number;
      expect(n).toBeGreaterThanOrEqual(2);
      const csv = readFileSync(join(dir, 't1-host.csv'), 'utf8').trimEnd().split('\n');
      expect(csv[0]).toBe(HOST_CSV_HEADER);
      const timestamps = new Set(csv.slice(1).map((r) => r.split(',')[0]));
      expect(timestamps.size).toBe(n);
      for (const f of ['t1-load_pct.svg', 't1-used_ram_pct.svg', 't1-br_txrx_mbps.svg']) expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^<svg/);
      expect((await get('/nothing'))[0]).toBe(404);
    } finally {
      await api.close();
    }
  });
});
