#!/usr/bin/env node
// Every scaling strategy against no scaling on the overload scenario (scenarios/overload: 4 nodes, 6
// users whose bursts ask ~1.25× what a VNF instance of the minimum size serves). Several rounds each
// (distinct derived seeds); per configuration: SLA violation rate, delay p95, CPU allocated over time
// (time-weighted mean and max), scaling actions (up, down) and failures, node energy. Prints a markdown
// table (mean over rounds, ± the 95 % CI half-width of the violation rate) and writes
// bench/results/scaling.json.
//
//   node bench/run.mjs scaling [--rounds=5] [--seed=7]
//
// Needs the built packages: core, placement-greedy, scaling-basic-cpu, scaling-smart-vertical,
// scaling-elastic.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(join(root, 'packages', pkg, 'dist/index.js'));
const core = await load('core');
const { greedyPlacement } = await load('placement-greedy');
const { basicCpuScaling } = await load('scaling-basic-cpu');
const { smartVerticalUp, smartVerticalDown, tcpVerticalUp } = await load('scaling-smart-vertical');
const { elasticScaling } = await load('scaling-elastic');

/** `--name=value` (the form bench/run.mjs forwards) or `--name value` when run directly. */
const arg = (name, fallback) => {
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq !== undefined) return eq.slice(name.length + 3);
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rounds = Number(arg('rounds', '5'));
const seed = Number(arg('seed', '7'));

const dir = join(root, 'scenarios/overload');
const specs = JSON.parse(readFileSync(join(dir, 'overload-specs.json'), 'utf8'));
const params = JSON.parse(readFileSync(join(dir, 'overload-params.json'), 'utf8'));

/** The parameter files of the scenario folder, one per strategy (the CLI runs the same files). */
const scalingOf = (file) => {
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return [p.scaling, p.scaling_down].filter((s) => s !== undefined);
};
const PLUGINS = {
  BasicCPUScaling: basicCpuScaling,
  SmartVerticalScalingUp: smartVerticalUp,
  SmartVerticalScalingDown: smartVerticalDown,
  TCPInspiredVerticalScalingUp: tcpVerticalUp,
  ElasticScaling: elasticScaling,
};
export const CONFIGS = [
  ['none', 'overload-params.json'],
  ['basic-cpu', 'overload-basic-cpu.json'],
  ['smart-vertical-up', 'overload-smart-vertical-up.json'],
  ['tcp-vertical-up', 'overload-tcp-vertical-up.json'],
  ['smart-vertical-up + smart-vertical-down', 'overload-smart-vertical-up-down.json'],
  ['elastic', 'overload-elastic.json'],
].map(([name, file]) => ({
  name,
  file,
  scaling: scalingOf(file).map((s) => ({ plugin: PLUGINS[s.heuristic], parameters: s.parameters ?? {} })),
}));

const valid = core.assertValidScenario(specs, { ...params, simulation: { ...params.simulation, num_rounds: rounds, random_seed: seed } });
const settings = core.resolveSettings(valid.specs, valid.params);
const environment = core.generateEnvironment(valid.specs, settings.seed, settings);

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** 95 % CI half-width of the mean (Student t). */
const half = (xs) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  const s = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  return (core.studentTQuantile?.(0.975, xs.length - 1) ?? 2.776) * (s / Math.sqrt(xs.length));
};

const results = [];
for (const config of CONFIGS) {
  const bus = new core.EventBus();
  // CPU allocated to live instances over time, per round: a step function, integrated exactly.
  const cpu = [];
  let current = null;
  const step = (time, value) => {
    current.area += current.value * (time - current.since);
    current.since = time;
    current.value = value;
    current.max = Math.max(current.max, value);
  };
  bus.on(core.Events.ROUND_STARTED, () => {
    current = { area: 0, since: 0, value: 0, max: 0 };
    cpu.push(current);
  });
  bus.on(core.Events.CPU_USAGE, (e) => step(e.time, e.value));
  const t0 = performance.now();
  const run = await core.runSimulation({
    environment,
    settings,
    plugins: { placement: { plugin: greedyPlacement }, scaling: config.scaling },
    bus,
  });
  const wallMs = performance.now() - t0;
  const per = run.rounds.map((r, i) => {
    const c = cpu[i];
    const end = r.simulatedTimeMs;
    return {
      violationRate: r.sla.violationRate,
      delayP95: r.delayMs.p95,
      cpuMean: (c.area + c.value * (end - c.since)) / end,
      cpuMax: c.max,
      up: r.scaling.up,
      down: r.scaling.down,
      failed: r.scaling.failed,
      energyWh: r.energy.nodesWh + r.energy.linksWh,
      delivered: r.packets.delivered,
      created: r.packets.created,
    };
  });
  const m = (k) => mean(per.map((r) => r[k]));
  results.push({
    name: config.name,
    file: `scenarios/overload/${config.file}`,
    rounds: per.length,
    violationRate: m('violationRate'),
    violationRateHalfWidth: half(per.map((r) => r.violationRate)),
    delayP95: m('delayP95'),
    cpuMean: m('cpuMean'),
    cpuMax: Math.max(...per.map((r) => r.cpuMax)),
    up: m('up'),
    down: m('down'),
    failed: m('failed'),
    energyWh: m('energyWh'),
    wallMsPerRound: wallMs / per.length,
    perRound: per,
  });
}

const f = (x, d = 1) => x.toFixed(d);
const lines = [
  `Overload scenario, ${rounds} rounds (seed ${seed}), mean over rounds; capacity ${environment.nodes.map((n) => n.cpu).reduce((a, b) => a + b, 0)} CPU in ${environment.nodes.length} nodes`,
  '',
  '| Strategy | SLA violation rate | Delay p95 (ms) | CPU allocated mean | CPU allocated max | Scale-ups | Scale-downs | Failed | Energy (Wh) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${f(100 * r.violationRate)} % ± ${f(100 * r.violationRateHalfWidth)} | ${f(r.delayP95)} | ${Math.round(r.cpuMean)} | ${Math.round(r.cpuMax)} | ${f(r.up)} | ${f(r.down)} | ${f(r.failed)} | ${f(r.energyWh, 3)} |`,
  ),
];
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/scaling.json'), `${JSON.stringify({ rounds, seed, results }, null, 2)}\n`);
