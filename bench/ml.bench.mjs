#!/usr/bin/env node
// @nss/ml benchmarks (issue 6): feature building and tree-ensemble training on a week of per-second
// traffic (604,800 rows × 15 features), in-process prediction throughput, and (optionally) the npm
// random forest for comparison.
//   node bench/run.mjs ml                                  # needs packages/ml/dist (pnpm --filter @nss/ml build)
//   NSS_ML_COMPARE_DIR=/tmp/mlcmp node bench/run.mjs ml    # also time ml-random-forest / ml-cart installed there
//                                                          # (cd /tmp/mlcmp && npm i ml-random-forest@2 ml-cart@2)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ml = await import(join(root, 'packages/ml/dist/index.js'));

const results = {};
const rows = [];
const log = (r) => console.log(`  ${r[0]}: ${r[1]}  ${r[2]}`);
const now = () => performance.now();
// CPU time of this process (ms): on the shared 2-core machine wall time also counts other people's jobs.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

// ---------------------------------------------------------------- 1. data, features, training
const spec = { lags: 6, window: 300, exogenous: ['tx_packets', 'packet_drops', 'latency'] };
let t0 = now();
const train = ml.generateTrafficTable({ days: 7, seed: 101 });
const genMs = now() - t0;
t0 = now();
const featCpu0 = cpu();
const fs = ml.buildForecastFeatures(train, ml.resolveFeatureSpec(spec));
const featMs = now() - t0;
const featCpuMs = cpu() - featCpu0;
const d = fs.featureNames.length;
rows.push(['generate 7 days (604,800 rows, in memory)', secs(genMs), `load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on this machine`]);
log(rows[rows.length - 1]);
rows.push([`build features (${fs.rowCount} rows × ${d})`, secs(featMs), fs.featureNames.join(' ')]);
log(rows[rows.length - 1]);

const gbmOptions = { trees: 100, maxDepth: 6, learningRate: 0.1, minSamplesLeaf: 20 };
t0 = now();
let c0 = cpu();
const state = ml.trainGradientBoosting(fs.x, fs.y, d, gbmOptions);
const gbmMs = now() - t0;
const gbmCpuMs = cpu() - c0;
rows.push(['train histogram GBM (100 trees, depth 6)', secs(gbmMs), `CPU ${secs(gbmCpuMs)}; features + training ${secs(featMs + gbmMs)} wall`]);
log(rows[rows.length - 1]);
t0 = now();
ml.trainGradientBoosting(fs.x, fs.y, d, { ...gbmOptions, subsample: 0.5 });
const gbmSubMs = now() - t0;
rows.push(['train histogram GBM, subsample 0.5', secs(gbmSubMs), '']);
log(rows[rows.length - 1]);
t0 = now();
const ridge = ml.trainRidge(fs.x, fs.y, d);
const ridgeMs = now() - t0;
rows.push(['train ridge (closed form)', secs(ridgeMs), '']);
log(rows[rows.length - 1]);
results.training = { rows: fs.rowCount, features: d, generateMs: genMs, featuresMs: featMs, featuresCpuMs: featCpuMs, gbmMs, gbmCpuMs, gbmSubsampleHalfMs: gbmSubMs, ridgeMs, gbmOptions };

// ---------------------------------------------------------------- 2. evaluation (2 held-out weeks)
const model = new ml.Model('forecaster', fs.featureNames, { algorithm: 'gbm', state }, { featureSpec: ml.resolveFeatureSpec(spec) });
const ridgeModel = new ml.Model('forecaster', fs.featureNames, { algorithm: 'ridge', state: ridge }, { featureSpec: ml.resolveFeatureSpec(spec) });
const test = ml.generateTrafficTable({ days: 14, seed: 202 });
const floor = ml.trafficNoiseFloor('sinusoidal');
t0 = now();
const ev = ml.evaluateForecaster(model, test, { noiseFloor: floor });
const evalMs = now() - t0;
const evRidge = ml.evaluateForecaster(ridgeModel, test, { noiseFloor: floor });
const pick = (s) => ({ name: s.name, mae: s.mae, rmse: s.rmse, mape: s.mape, r2: s.r2, n: s.n });
results.evaluation = {
  gbm: pick(ev.model),
  ridge: pick(evRidge.model),
  baselines: ev.baselines.map(pick),
  noiseFloor: floor,
  leakageSuspected: ev.leakageSuspected || evRidge.leakageSuspected,
  evaluateMs: evalMs,
};
rows.push([`evaluate on 2 held-out weeks (${ev.model.n} rows)`, secs(evalMs), `GBM MAE ${ev.model.mae.toFixed(0)}, ridge ${evRidge.model.mae.toFixed(0)}, persistence ${ev.baselines[0].mae.toFixed(0)}, floor 2500`]);
log(rows[rows.length - 1]);

// ---------------------------------------------------------------- 3. in-process prediction throughput
{
  const batch = [];
  for (let r = 0; r < 100_000; r++) batch.push(Array.from(fs.x.subarray(r * d, r * d + d)));
  model.predict(batch.slice(0, 1000)); // warm-up
  t0 = now();
  model.predict(batch);
  const batchMs = now() - t0;
  const single = [];
  for (let i = 0; i < 20_000; i++) {
    const s = now();
    model.predict([batch[i]]);
    single.push(now() - s);
  }
  single.sort((a, b) => a - b);
  const failure = ml.trainFailureClassifier(ml.generateTrafficTable({ days: 2, seed: 5, failures: 'precursor' }), { horizon: 60 });
  const payload = [[150000, 149800, 5, 0.12]];
  const fl = [];
  for (let i = 0; i < 20_000; i++) {
    const s = now();
    failure.predict(payload);
    fl.push(now() - s);
  }
  fl.sort((a, b) => a - b);
  const q = (a, p) => a[Math.min(a.length - 1, Math.floor(p * a.length))];
  results.prediction = {
    forecasterBatchRowsPerSecond: (100_000 / batchMs) * 1000,
    forecasterSingleRowP50Ms: q(single, 0.5),
    forecasterSingleRowP99Ms: q(single, 0.99),
    failureClassifierSingleRowP50Ms: q(fl, 0.5),
    failureClassifierSingleRowP99Ms: q(fl, 0.99),
  };
  rows.push(['forecaster predict, batch of 100,000 rows', `${Math.round((100_000 / batchMs) * 1000).toLocaleString('en-US')} rows/s`, '']);
  log(rows[rows.length - 1]);
  rows.push(['forecaster predict, one row', `p50 ${q(single, 0.5).toFixed(3)} ms`, `p99 ${q(single, 0.99).toFixed(3)} ms`]);
  log(rows[rows.length - 1]);
  rows.push(['failure classifier predict, one /predict payload', `p50 ${q(fl, 0.5).toFixed(3)} ms`, `p99 ${q(fl, 0.99).toFixed(3)} ms`]);
  log(rows[rows.length - 1]);
}

// ---------------------------------------------------------------- 4. server throughput
// Measured by bench/ml-serve.bench.mjs (`node bench/run.mjs ml` runs both): requests/s and latency
// percentiles of POST /predict and POST /api/ml_predict_data over loopback.

// ---------------------------------------------------------------- 5. npm random forest for comparison (optional)
const compareDir = process.env.NSS_ML_COMPARE_DIR;
if (compareDir !== undefined) {
  const require = createRequire(join(compareDir, 'package.json'));
  const { RandomForestRegression } = require('ml-random-forest');
  const { DecisionTreeRegression } = require('ml-cart');
  const cmp = [];
  for (const n of [500, 1000, 2000]) {
    const X = [];
    const Y = [];
    const stride = Math.floor(fs.rowCount / n);
    for (let i = 0; i < n; i++) {
      const r = i * stride;
      X.push(Array.from(fs.x.subarray(r * d, r * d + d)));
      Y.push(fs.y[r]);
    }
    let s = cpu();
    new DecisionTreeRegression({ minNumSamples: 10 }).train(X, Y);
    const cartMs = cpu() - s;
    s = cpu();
    new RandomForestRegression({ nEstimators: 10, maxFeatures: 1.0, replacement: true, seed: 42, noOOB: true, treeOptions: { minNumSamples: 10 } }).train(X, Y);
    const rfMs = cpu() - s;
    const xs = Float64Array.from(X.flat());
    s = cpu();
    ml.trainGradientBoosting(xs, Float64Array.from(Y), d, gbmOptions);
    const ours = cpu() - s;
    cmp.push({ rows: n, mlCartOneTreeMs: cartMs, mlRandomForest10TreesMs: rfMs, histogramGbm100TreesMs: ours });
    rows.push([`${n} rows: ml-cart 1 tree / ml-random-forest 10 trees / our GBM 100 trees`, `${secs(cartMs)} / ${secs(rfMs)} / ${secs(ours)}`, 'CPU time']);
    log(rows[rows.length - 1]);
  }
  const a = cmp[0];
  const b = cmp[cmp.length - 1];
  const exponent = Math.log(b.mlCartOneTreeMs / a.mlCartOneTreeMs) / Math.log(b.rows / a.rows);
  const perTreeFull = b.mlCartOneTreeMs * (fs.rowCount / b.rows) ** exponent;
  results.comparison = { sizes: cmp, mlCartGrowthExponent: exponent, mlCartOneTreeExtrapolatedFullWeekMs: perTreeFull };
  rows.push([`ml-cart growth ~ n^${exponent.toFixed(2)}: one tree on ${fs.rowCount} rows ≈`, `${(perTreeFull / 3600000).toFixed(0)} h`, '×100 trees for the seed forest']);
  log(rows[rows.length - 1]);
}

const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
console.log('\n@nss/ml benchmark');
for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2]}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/ml.json'), JSON.stringify(results, null, 2) + '\n');
