import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HostMonitor, type HostMonitorOptions } from './host-monitor.js';
import { writeMonitorPlots, type MonitorPlotFiles } from './monitor-plots.js';

/** Options of {@link startMonitorApi}. */
export interface MonitorApiOptions {
  /** Address to listen on. Default `127.0.0.1`: loopback only, unless you say otherwise. */
  host?: string;
  /** Port. Default 5001 (the seed's); 0 picks a free one. */
  port?: number;
  /** Folder for `<testname>-host.csv` and the plots. Default the current directory. */
  outputDir?: string;
  /** Defaults for every monitor started through the API (interval, interfaces, /proc root). */
  monitor?: Omit<HostMonitorOptions, 'csvPath'>;
}

/** A running monitor API. */
export interface MonitorApi {
  /** Base URL, e.g. `http://127.0.0.1:5001/api`. */
  readonly url: string;
  /** The port actually bound. */
  readonly port: number;
  /** Stops every monitor (flushing CSVs) and closes the server. */
  close(): Promise<void>;
}

interface Running {
  id: number;
  testname: string;
  monitor: HostMonitor;
  csv: string;
}

const TESTNAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Serves the seed monitor's REST API over node:http, for the local host:
 *
 * - `GET /api/start_mon?testname=<name>[&interval_ms=<ms>][&iface=eth0,eth1]` starts a monitor writing
 *   `<outputDir>/<name>-host.csv`; answers `{ id, testname, csv }` (the seed answered a PID; the id plays
 *   that role). 400 for a missing or unsafe name, 409 when that name is already running.
 * - `GET /api/stop_mon?id=<id>` (also `pid=`) stops it, flushes the CSV and writes the three plots;
 *   answers `{ message: "Process correctly stopped", samples, csv, plots }`, or 404 `No such PID`.
 * - `GET /api/monitors` lists the running ones.
 */
export async function startMonitorApi(options: MonitorApiOptions = {}): Promise<MonitorApi> {
  const host = options.host ?? '127.0.0.1';
  const outputDir = options.outputDir ?? process.cwd();
  const running = new Map<number, Running>();
  let nextId = 1;

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const stop = async (r: Running): Promise<{ samples: number; plots: MonitorPlotFiles }> => {
    running.delete(r.id);
    await r.monitor.stop();
    const plots = await writeMonitorPlots(r.monitor.samples, outputDir, r.testname);
    return { samples: r.monitor.samples.length, plots };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET') return send(res, 405, { error: `Only GET is served; got ${String(req.method)}.` });
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/start_mon': {
        const testname = q.get('testname') ?? '';
        if (!TESTNAME.test(testname)) return send(res, 400, { error: 'testname is required: 1-100 characters among letters, digits, ".", "_" and "-".' });
        if ([...running.values()].some((r) => r.testname === testname)) return send(res, 409, { error: `A monitor named "${testname}" is already running; stop it first.` });
        const interval = q.get('interval_ms');
        const intervalMs = interval === null ? options.monitor?.intervalMs : Number(interval);
        if (intervalMs !== undefined && !(intervalMs > 0)) return send(res, 400, { error: `interval_ms must be a positive number of milliseconds, got "${String(interval)}".` });
        const iface = q.get('iface');
        const csv = join(outputDir, `${testname}-host.csv`);
        const monitor = new HostMonitor({
          ...options.monitor,
          ...(intervalMs === undefined ? {} : { intervalMs }),
          ...(iface === null ? {} : { interfaces: iface.split(',').filter((s) => s !== '') }),
          csvPath: csv,
        });
        const id = nextId++;
        const entry: Running = { id, testname, monitor, csv };
        monitor.on('error', () => void stop(entry).catch(() => undefined));
        monitor.start();
        running.set(id, entry);
        return send(res, 200, { id, testname, csv });
      }
      case '/api/stop_mon': {
        const id = Number(q.get('id') ?? q.get('pid'));
        const entry = running.get(id);
        if (entry === undefined) return send(res, 404, { error: 'No such PID', id: q.get('id') ?? q.get('pid') });
        const { samples, plots } = await stop(entry);
        return send(res, 200, { message: 'Process correctly stopped', id, samples, csv: entry.csv, plots });
      }
      case '/api/monitors':
        return send(res, 200, [...running.values()].map((r) => ({ id: r.id, testname: r.testname, samples: r.monitor.samples.length, csv: r.csv })));
      default:
        return send(res, 404, { error: `No route ${url.pathname}; routes: /api/start_mon, /api/stop_mon, /api/monitors.` });
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: (error as Error).message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new Error(`Monitor API cannot listen on ${host}:${String(options.port ?? 5001)} (${error.code}): pick another port (0 = any free one).`, { cause: error })
          : error,
      ),
    );
    server.listen(options.port ?? 5001, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    port,
    async close() {
      await Promise.all([...running.values()].map((r) => stop(r)));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
