import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostSample } from './host-sample.js';
import { renderLinePlotSvg, type PlotSeries } from './svg-plot.js';

/** Paths of the three files {@link writeMonitorPlots} writes. */
export interface MonitorPlotFiles {
  /** `<test>-load_pct.svg`: "Load Percentage". */
  load: string;
  /** `<test>-used_ram_pct.svg`: "Used RAM Percentage". */
  ram: string;
  /** `<test>-br_txrx_mbps.svg`: "RX/TX Bitrate". */
  bitrate: string;
}

/** Samples per host: a bare array is one host named `host_0`. */
export type MonitorRuns = readonly HostSample[] | Readonly<Record<string, readonly HostSample[]>>;

/** Options of {@link writeMonitorPlots}. */
export interface MonitorPlotOptions {
  /** Step plots (as the seed's `devel` branch draws them). Default false. */
  step?: boolean;
}

/**
 * Writes the seed monitor's three plots as SVG: load %, used RAM % and RX/TX Mbit/s against seconds
 * since the first sample (of all hosts), one series per host (and per interface for the bitrate, as
 * `host iface RX` / `host iface TX`).
 */
export async function writeMonitorPlots(runs: MonitorRuns, dir: string, testName: string, options: MonitorPlotOptions = {}): Promise<MonitorPlotFiles> {
  const hosts: [string, readonly HostSample[]][] = Array.isArray(runs) ? [['host_0', runs as readonly HostSample[]]] : Object.entries(runs as Record<string, readonly HostSample[]>);
  const t0 = Math.min(...hosts.flatMap(([, s]) => s.map((x) => x.timestamp)), Infinity);
  const x = (s: HostSample): number => (s.timestamp - t0) / 1000;
  const load: PlotSeries[] = hosts.map(([name, s]) => ({ name, points: s.map((v) => [x(v), v.cpuPercent] as const) }));
  const ram: PlotSeries[] = hosts.map(([name, s]) => ({ name, points: s.map((v) => [x(v), v.ramPercent] as const) }));
  const bitrate: PlotSeries[] = [];
  for (const [host, samples] of hosts) {
    const names = [...new Set(samples.flatMap((v) => v.interfaces.map((i) => i.name)))];
    for (const iface of names) {
      for (const dir of ['RX', 'TX'] as const) {
        const points = samples.map((v) => {
          const i = v.interfaces.find((k) => k.name === iface);
          return [x(v), i === undefined ? 0 : dir === 'RX' ? i.rxMbps : i.txMbps] as const;
        });
        bitrate.push({ name: `${host} ${iface} ${dir}`, points });
      }
    }
  }
  await mkdir(dir, { recursive: true });
  const files: MonitorPlotFiles = {
    load: join(dir, `${testName}-load_pct.svg`),
    ram: join(dir, `${testName}-used_ram_pct.svg`),
    bitrate: join(dir, `${testName}-br_txrx_mbps.svg`),
  };
  const step = options.step ?? false;
  await writeFile(files.load, renderLinePlotSvg({ title: 'Load Percentage', xLabel: 'Time(s)', yLabel: 'Load (%)', series: load, step, yRange: [0, 100] }));
  await writeFile(files.ram, renderLinePlotSvg({ title: 'Used RAM Percentage', xLabel: 'Time(s)', yLabel: 'Used RAM (%)', series: ram, step, yRange: [0, 100] }));
  await writeFile(files.bitrate, renderLinePlotSvg({ title: 'RX/TX Bitrate', xLabel: 'Time(s)', yLabel: 'Bitrate (Mbps)', series: bitrate, step }));
  return files;
}
