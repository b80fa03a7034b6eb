#!/usr/bin/env node
// Predictive scaling against BasicCPU on the daily scenario (scenarios/daily): a compressed "day" of
// traffic (60 s, rate swinging ×9 between trough and peak) repeated for 4 days, several seeds. Prints a
// table (SLA violation rate, delay p95, CPU·time allocated, actions, failures; mean over the seeds and
// per seed) and writes bench/results/predictive.json.
//
//   node bench/run.mjs predictive [--seeds 1,2,3] [--only name,name]
//
// Needs the built packages: core, ml, placement-greedy, scaling-basic-cpu, scaling-predictive.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { greedyPlacement } = await import(join(root, 'packages/placement-greedy/dist/index.js'));
const { basicCpuScaling } = await import(join(root, 'packages/scaling-basic-cpu/dist/index.js'));
const { predictiveScaling, runDailyScenario } = await import(join(root, 'packages/scaling-predictive/dist/index.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const seeds = arg('seeds', '1,2,3').split(',').map(Number);
const only = arg('only', '');

const specs = JSON.parse(readFileSync(join(root, 'scenarios/daily/daily-specs.json'), 'utf8'));
const params = JSON.parse(readFileSync(join(root, 'scenarios/daily/daily-params.json'), 'utf8'));

const SEASON = 60; // intervals of 1 s in a 60 s day
/** The configurations compared (name → scaling). */
const basic = (monitor_interval, cpu_load_max, cpu_load_min) => ({
  name: `basic-cpu ${monitor_interval} ms, ${cpu_load_max} / ${cpu_load_min}`,
  scaling: { plugin: basicCpuScaling, parameters: { monitor_interval, cpu_load_max, cpu_load_min } },
});
const predictive = (name, parameters) => ({ name: `predictive ${name}`, scaling: { plugin: predictiveScaling, parameters } });
const CONFIGS = [
  { name: 'none', scaling: null },
  { name: 'basic-cpu defaults (100 ms, 1 / 0.7)', scaling: { plugin: basicCpuScaling, parameters: {} } },
  basic(100, 0.0025, 0.0012),
  basic(100, 0.003, 0.0015),
  basic(100, 0.0035, 0.0015),
  basic(1000, 0.002, 0.001),
  basic(1000, 0.003, 0.0015),
  predictive('ridge (defaults)', {}),
  predictive('ridge + season', { season_length: SEASON }),
  predictive('seasonal-naive', { model: 'seasonal-naive', season_length: SEASON }),
  predictive('persistence', { model: 'persistence' }),
  predictive('gbm + season', { model: 'gbm', season_length: SEASON }),
  predictive('ridge, no delay rule', { sla_miss_target: 1 }),
  predictive('ridge, util 0.7, hr 0.1, no delay rule', { target_utilization: 0.7, headroom: 0.1, sla_miss_target: 1 }),
  predictive('ridge, util 0.8, miss 0.003', { target_utilization: 0.8, sla_miss_target: 0.003 }),
  predictive('ridge, util 0.75, miss 0.002', { target_utilization: 0.75, sla_miss_target: 0.002 }),
  predictive('ridge, util 0.8, miss 0.001', { target_utilization: 0.8, sla_miss_target: 0.001 }),
  predictive('ridge, util 0.9, hr 0, miss 0.02', { target_utilization: 0.9, headroom: 0, sla_miss_target: 0.02 }),
];

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const results = [];
for (const config of CONFIGS) {
  if (only !== '' && !only.split(',').some((o) => config.name.includes(o))) continue;
  const perSeed = [];
  const t0 = performance.now();
  for (const seed of seeds) {
    perSeed.push({ seed, ...(await runDailyScenario({ specs, params, seed, placement: greedyPlacement, scaling: config.scaling })) });
  }
  const wallMs = performance.now() - t0;
  const m = (k) => mean(perSeed.map((r) => r[k]));
  results.push({
    name: config.name,
    parameters: config.scaling?.parameters ?? null,
    slaViolationRate: m('slaViolationRate'),
    delayP95: m('delayP95'),
    cpuSeconds: m('cpuSeconds'),
    actions: m('actions'),
    failures: m('failures'),
    wallMs,
    perSeed,
  });
}

const pad = (s, n) => String(s).padEnd(n);
const lines = [
  `daily scenario, seeds ${seeds.join(', ')} (mean over seeds)`,
  `| ${pad('configuration', 44)} | SLA violations | delay p95 (ms) | CPU·time (10⁶ instr) | actions | failures |`,
  `| ${'-'.repeat(44)} | --- | --- | --- | --- | --- |`,
  ...results.map(
    (r) =>
      `| ${pad(r.name, 44)} | ${(100 * r.slaViolationRate).toFixed(3)} % | ${r.delayP95.toFixed(1)} | ${(r.cpuSeconds / 1e6).toFixed(3)} | ${r.actions.toFixed(0)} | ${r.failures.toFixed(0)} |`,
  ),
];
console.log(lines.join('\n'));
for (const r of results) {
  console.log(`  ${r.name}: ${r.perSeed.map((s) => `seed ${s.seed}: ${(100 * s.slaViolationRate).toFixed(3)} % / ${(s.cpuSeconds / 1e6).toFixed(3)}`).join('; ')} (${(r.wallMs / 1000).toFixed(1)} s)`);
}
if (only === '') {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/predictive.json'), `${JSON.stringify({ seeds, results }, null, 2)}\n`);
}
