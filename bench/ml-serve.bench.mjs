#!/usr/bin/env node
// Model-server benchmark (issue 6): requests/s and latency percentiles of `nss ml serve`'s endpoints,
// in-process server, loopback HTTP client (Node's fetch), one run per configuration.
//   node bench/ml-serve.bench.mjs          (pnpm bench ml runs it with ml.bench.mjs)
// Writes bench/results/ml-serve.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ml = await import(join(root, 'packages/ml/dist/index.js'));
const { createMlServer, generateTrafficTable, loadModel, parseCsvTable, runLoadTest, saveModel, timeStats, trainClassifier, trainFailureClassifier } = ml;

const dir = mkdtempSync(join(tmpdir(), 'nss-bench-serve-'));
const results = {};
const rows = [];

// Models: the seed's failure classifier (100 trees, depth 4, on one compressed day of generated traffic)
// and a 60-feature classifier standing in for the seed's sonar decision tree (here a 50-tree ensemble).
const traffic = generateTrafficTable({ days: 1, secondsPerDay: 21_600, seed: 3 });
saveModel(trainFailureClassifier(traffic, {}), join(dir, 'failure.json'));
const width = 60;
const lines = [[...Array.from({ length: width }, (_, j) => `f${j}`), 'label'].join(',')];
for (let i = 0; i < 2_000; i++) {
  const label = i % 2;
  lines.push([...Array.from({ length: width }, (_, j) => ((Math.sin(i * 0.37 + j) + label * (j % 3 === 0 ? 0.5 : 0)) * 100).toFixed(3)), label ? 'M' : 'R'].join(','));
}
const table = parseCsvTable(lines.join('\n'));
saveModel(trainClassifier(table, 'label', { gbm: { trees: 50, maxDepth: 4 } }), join(dir, 'classifier.json'));
const sampleRows = table.slice(0, 63).rows(table.columns.filter((c) => c !== 'label'));

const server = await createMlServer({
  models: { failure: join(dir, 'failure.json'), classifier: join(dir, 'classifier.json') },
  loadModel: (path) => loadModel(path),
  watch: false,
});
const url = await server.listen();

/** Sends `total` single-sample /predict requests, `concurrency` in flight. */
async function predictLoad(total, concurrency) {
  const body = JSON.stringify({ rx_packets: 150000, tx_packets: 149800, packet_drops: 5, latency: 0.12 });
  const times = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const t0 = performance.now();
      const r = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`/predict answered ${r.status}`);
      times.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { requestsPerSecond: total / seconds, latency: timeStats(times) };
}

await predictLoad(500, 8); // warm-up (JIT, sockets)
for (const concurrency of [1, 8, 32]) {
  const r = await predictLoad(4_000, concurrency);
  results[`predict_c${concurrency}`] = r;
  rows.push([`POST /predict, ${concurrency} in flight`, r.requestsPerSecond.toFixed(0), r.latency.p50.toFixed(2), r.latency.p99.toFixed(2), '—']);
}

for (const doublings of [0, 4, 8]) {
  const r = await runLoadTest({ url, typ: 0, rows: sampleRows, doublings, requests: 64, concurrency: 8 });
  if (r.failed > 0) throw new Error(`load test lost ${r.failed} requests: ${r.failures[0]}`);
  results[`predict_data_rows${r.rowsPerRequest}`] = { requestsPerSecond: r.throughput, response: r.response, prediction: r.prediction };
  rows.push([
    `POST /api/ml_predict_data, ${r.rowsPerRequest} rows × 60 features, 8 in flight`,
    r.throughput.toFixed(0),
    r.response.p50.toFixed(2),
    r.response.p99.toFixed(2),
    r.prediction.p50.toFixed(2),
  ]);
}

await server.close();
rmSync(dir, { recursive: true, force: true });

console.log('| endpoint and load | requests/s | p50 ms | p99 ms | server prediction p50 ms |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/ml-serve.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`);
