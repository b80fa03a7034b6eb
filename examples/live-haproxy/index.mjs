// A real HAProxy in front of node backends, scaled out live by the simulator's basic-cpu strategy.
// Run: node index.mjs [--duration 30] [--service 50] [--peak 1.6] [--max-servers 4] [--seed 1]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  HaproxyActuator,
  HaproxyMonitorReader,
  HaproxyRuntime,
  LiveScalingLoop,
  checkHaproxyConfig,
  renderHaproxyConfig,
  startHaproxy,
} from '@nss/adapters/haproxy';
import { HostMonitor } from '@nss/adapters/host';
import { Rng, instantiate } from '@nss/core';
import { basicCpuScaling } from '@nss/scaling-basic-cpu';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' }, // s of load
    service: { type: 'string', default: '50' }, // ms per request: one server serves 1000/service req/s
    peak: { type: 'string', default: '1.6' }, // peak load, in servers' worth of requests
    'max-servers': { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
  },
});
const durationMs = Number(values.duration) * 1000;
const serviceMs = Number(values.service);
const capacity = 1000 / serviceMs; // req/s one server can serve
const peak = Number(values.peak);
const maxServers = Number(values['max-servers']);
const HEALTH = { path: '/health', intervalMs: 500, rise: 1, fall: 2 };

/** A backend with one worker: requests wait in its FIFO and are served one at a time, `serviceMs` each. */
async function startWorker(name) {
  const waiting = [];
  let busy = false;
  const serveNext = () => {
    if (busy || waiting.length === 0) return;
    busy = true;
    const res = waiting.shift();
    setTimeout(() => {
      busy = false;
      res.end(name);
      serveNext();
    }, serviceMs);
  };
  const server = createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    res.setHeader('connection', 'close');
    waiting.push(res);
    serveNext();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    name,
    port: server.address().port,
    close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

const dir = mkdtempSync(join(tmpdir(), 'nss-live-haproxy-'));
const workers = [await startWorker('web1')];
const socket = join(dir, 'admin.sock');
const port = await freePort();
const configFile = join(dir, 'haproxy.cfg');
writeFileSync(
  configFile,
  renderHaproxyConfig({
    statsSocket: { path: socket },
    frontends: [{ name: 'www', port, backend: 'app' }],
    backends: [
      { name: 'app', healthCheck: HEALTH, servers: [{ name: 'web1', address: '127.0.0.1', port: workers[0].port, weight: 10 }] },
    ],
  }),
);
await checkHaproxyConfig({ file: configFile });
const haproxy = await startHaproxy({ configFile, runtime: { socket } });
console.log(`haproxy pid ${haproxy.pid} on http://127.0.0.1:${port}, config ${configFile}`);
console.log(`one server serves ${capacity.toFixed(1)} req/s; load: ${(0.5 * capacity).toFixed(1)} req/s, then ${(peak * capacity).toFixed(1)} req/s, then ${(0.5 * capacity).toFixed(1)} req/s`);

const runtime = new HaproxyRuntime({ socket });
const reader = new HaproxyMonitorReader({ runtime, backends: [{ name: 'app', maxServers }], sampleIntervalMs: 100 }).start();
const actuator = new HaproxyActuator({
  runtime,
  vertical: 'horizontal', // a CPU scale-up of a live server becomes one more server
  check: HEALTH,
  provision: async () => {
    const w = await startWorker(`web${workers.length + 1}`);
    workers.push(w);
    return { address: '127.0.0.1', port: w.port };
  },
});
const rng = new Rng(Number(values.seed));
const strategy = instantiate(
  basicCpuScaling,
  { cpu_load_max: 1, cpu_load_min: 0.3, monitor_interval: 1000, waiting_time_between_scalings_ups: 2000 },
  { rng: rng.stream('scaling') },
);
const host = new HostMonitor({ intervalMs: 1000, interfaces: ['lo'] }).start();

const t0 = Date.now();
const seconds = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
let scaleOuts = 0;
let peakServers = 1;
const loop = new LiveScalingLoop({
  reader,
  strategy,
  actuator,
  onCycle: ({ view, results }) => {
    const live = view.vnfInstances.filter((v) => v.state !== 'shutting-down');
    peakServers = Math.max(peakServers, live.length);
    const loads = live.map((v) => `${v.name.split('/')[1]}=${v.meanCpuLoad.toFixed(2)}`).join(' ');
    const queued = live.reduce((q, v) => q + v.queue, 0);
    const cpu = host.samples.at(-1)?.cpuPercent;
    console.log(`t=${seconds()} s  servers ${live.length}  load ${loads}  queued ${queued}  host cpu ${cpu === undefined ? '-' : cpu.toFixed(0)} %`);
    for (const r of results) {
      if (r.status === 'applied' && r.action.kind === 'add-instance') scaleOuts++;
      console.log(`t=${seconds()} s  ${r.action.kind} ${r.status}: ${r.detail}`);
    }
  },
});
loop.start();

// Open-loop Poisson arrivals (seeded): half a server's worth, then `peak` servers' worth, then half again.
const arrivals = rng.stream('arrivals');
const rate = (t) => (t < durationMs / 4 || t > (3 * durationMs) / 4 ? 0.5 : peak) * capacity;
const pending = [];
let ok = 0;
let failed = 0;
for (let t = arrivals.exponential(1000 / rate(0)); t < durationMs; t += arrivals.exponential(1000 / rate(t))) {
  const wait = t0 + t - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(
    new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port, agent: false, headers: { connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) ok++;
          else failed++;
          resolve();
        });
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end();
    }),
  );
}
await Promise.all(pending);
await loop.stop();
await reader.stop();
await host.stop();
await haproxy.stop();
for (const w of workers) await w.close();
rmSync(dir, { recursive: true, force: true });
console.log(`summary: requests ${ok + failed} ok ${ok} failed ${failed}, scale-outs ${scaleOuts}, servers at peak ${peakServers}`);
