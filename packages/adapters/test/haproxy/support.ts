/**
 * Test support: node:http backends on 127.0.0.1, free ports, an haproxy started from a rendered config
 * in a temp dir and stopped by PID, and a small HTTP client (one connection per request, so HAProxy
 * balances every request).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer, request } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type HaproxyConfig,
  type HaproxyProcess,
  HaproxyRuntime,
  checkHaproxyConfig,
  findHaproxy,
  renderHaproxyConfig,
  startHaproxy,
} from '../../src/haproxy/index.js';

/** The haproxy binary, or a failure with the install hint (never a skip). */
export function requireHaproxy(): string {
  return findHaproxy(); // throws HaproxyError not-installed: "... apt-get install haproxy ..."
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const s = createTcpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A node:http backend answering its name; `?ms=N` delays the answer by N ms. */
export interface Backend {
  readonly name: string;
  readonly port: number;
  /** Requests answered (health checks excluded). */
  served: number;
  /** Requests being served now. */
  inFlight: number;
  close(): Promise<void>;
}

/** Starts a backend on a free loopback port. Health checks (`GET /health`) are not counted. */
export async function startBackend(name: string): Promise<Backend> {
  const backend: Backend = { name, port: 0, served: 0, inFlight: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    if (req.url === '/health') {
      res.end('ok');
      return;
    }
    backend.inFlight++;
    const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => {
      backend.inFlight--;
      backend.served++;
      res.setHeader('connection', 'close');
      res.end(name);
    }, ms);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  Object.assign(backend, {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
  return backend;
}

/** GET through haproxy; resolves with status and body. */
export function get(port: number, path = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `n` GETs one after the other; counts answers by body. */
export async function sequential(port: number, n: number, path = '/'): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = await get(port, path);
    const key = r.status === 200 ? r.body : `status ${r.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** An haproxy running a rendered configuration in a temp dir. */
export interface Pool {
  readonly dir: string;
  readonly configFile: string;
  readonly socket: string;
  readonly port: number;
  readonly runtime: HaproxyRuntime;
  process: HaproxyProcess;
  /** Stops haproxy (by PID) and starts it again on the same configuration. */
  restart(): Promise<void>;
  /** Stops haproxy and removes the temp dir. */
  close(): Promise<void>;
}

/** Renders `make(socket, port)`, checks it with `haproxy -c`, starts haproxy, waits for its runtime API. */
export async function startPool(make: (socket: string, port: number, dir: string) => HaproxyConfig): Promise<Pool> {
  requireHaproxy();
  const dir = mkdtempSync(join(tmpdir(), 'nss-haproxy-test-'));
  const socket = join(dir, 'admin.sock');
  const port = await freePort();
  const configFile = join(dir, 'haproxy.cfg');
  writeFileSync(configFile, renderHaproxyConfig(make(socket, port, dir)));
  await checkHaproxyConfig({ file: configFile });
  const endpoint = { socket };
  const pool: Pool = {
    dir,
    configFile,
    socket,
    port,
    runtime: new HaproxyRuntime(endpoint, { reconnectTimeoutMs: 10_000 }),
    process: await startHaproxy({ configFile, runtime: endpoint }),
    async restart() {
      await pool.process.stop();
      pool.process = await startHaproxy({ configFile, runtime: endpoint });
    },
    async close() {
      await pool.process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return pool;
}

/** Polls until `ok()` holds (or fails after `timeoutMs`, naming `what`). */
export async function until(what: string, ok: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fast health check for tests: every 200 ms, one success or failure flips the state. */
export const HEALTH = { path: '/health', intervalMs: 200, rise: 1, fall: 1 } as const;
