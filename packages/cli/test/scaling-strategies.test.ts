/**
 * Every scaling strategy from the command line, under its name and the reference's class names, with
 * `scaling` and `scaling_down` sections: the shared scenarios (reference S and M) and the overload
 * scenario (scenarios/overload). On the overload scenario the directions the issue asks for: each
 * up-scaler violates the SLA less than no scaling; allocations never exceed the nodes' capacity; a
 * scale-up the node cannot satisfy is recorded as failed and the run goes on; scale-down never goes
 * below the VNF type's minimum. Bad parameters stop the run before it starts, naming the plugin, the
 * parameter, the value and the rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type MonitorView,
  type RoundSummary,
  type ScalingPlugin,
  assertValidScenario,
  defineScaling,
  generateEnvironment,
  instantiate,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { greedyPlacement } from '@nss/placement-greedy';
import { basicCpuScaling } from '@nss/scaling-basic-cpu';
import { elasticScaling } from '@nss/scaling-elastic';
import { smartVerticalDown, smartVerticalUp, tcpVerticalUp } from '@nss/scaling-smart-vertical';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, ROOT, STACK_LINE, assertBuilt, nss, readJson, tmp, writeJson } from './helpers.js';

beforeAll(assertBuilt);

const OVERLOAD = join(ROOT, 'scenarios', 'overload');
type Params = Record<string, unknown> & { simulation: Record<string, unknown>; placement: Record<string, unknown> };

/** Rows of a `;`-separated CSV file as records. */
function readCsv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = head.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i], v])));
}

/** Runs a specs file with `params` (written to a temporary folder); returns the exit, stderr and results folder. */
async function runWith(specs: string, params: Params) {
  const dir = tmp();
  const file = writeJson(dir, 'params.json', params);
  const out = join(dir, 'out');
  const r = await nss(['run', '--specs', specs, '--params', file, '--out', out, '--quiet']);
  return { ...r, out };
}

/** A shared scenario's parameters with GreedyPlacement (the reference's SmartPlacement is not registered) and the given scalings. */
function shared(size: 'S' | 'M', scaling: Record<string, unknown>): Params {
  const p = readJson<Params>(join(REFERENCE, `${size}-params.json`));
  p.placement = { heuristic: 'GreedyPlacement' };
  delete p.scaling;
  return { ...p, ...scaling };
}

const UP_NAMES = [
  ['BasicCPUScaling', { cpu_load_max: 0.005, cpu_load_min: 0.001 }],
  ['basic-cpu', { cpu_usage_max: 0.005, cpu_usage_min: 0.001 }],
  ['SmartVerticalScalingUp', {}],
  ['smart-vertical-up', {}],
  ['TCPInspiredVerticalScalingUp', {}],
  ['tcp-vertical-up', {}],
  ['ElasticScaling', { threshold: 50, points: 2 }],
  ['elastic', {}],
  ['@nss/scaling-elastic', {}],
] as const;

describe('the shared scenarios with each scaling by name', () => {
  it.each(UP_NAMES)('S runs with "scaling": %s', async (heuristic, parameters) => {
    const r = await runWith(join(REFERENCE, 'S-specs.json'), shared('S', { scaling: { heuristic, parameters } }));
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const summary = readJson<{ rounds: number }>(join(r.out, 'summary.json'));
    expect(summary.rounds).toBe(1);
  });

  it.each(['SmartVerticalScalingDown', 'smart-vertical-down'])('S runs with "scaling_down": %s alone', async (heuristic) => {
    const r = await runWith(join(REFERENCE, 'S-specs.json'), shared('S', { scaling_down: { heuristic } }));
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
  });

  it('M runs with SmartVerticalScalingUp and SmartVerticalScalingDown together, both logging', async () => {
    const r = await runWith(
      join(REFERENCE, 'M-specs.json'),
      shared('M', {
        scaling: { heuristic: 'SmartVerticalScalingUp', parameters: { acceptable_sla_violation_rate: { default: 0.01 } } },
        scaling_down: { heuristic: 'SmartVerticalScalingDown' },
      }),
    );
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const summary = readJson<{ rounds: number; scaling: Record<string, { mean: number }> }>(join(r.out, 'summary.json'));
    expect(summary.rounds).toBe(1);
  });
});

describe('the overload scenario from the command line', () => {
  const files = {
    none: 'overload-params.json',
    'basic-cpu': 'overload-basic-cpu.json',
    'smart-vertical-up': 'overload-smart-vertical-up.json',
    'tcp-vertical-up': 'overload-tcp-vertical-up.json',
    'smart-vertical-up + down': 'overload-smart-vertical-up-down.json',
    elastic: 'overload-elastic.json',
  } as const;
  const rates = new Map<string, number>();

  /** Runs one parameter file of the scenario folder with 2 rounds; returns the per-run summary. */
  async function overload(file: string) {
    const params = readJson<Params>(join(OVERLOAD, file));
    params.simulation.num_rounds = 2;
    const r = await runWith(join(OVERLOAD, 'overload-specs.json'), params);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const rounds = [0, 1].map((i) => readJson<RoundSummary>(join(r.out, `Round_${i}`, 'summary.json')));
    return { rounds, out: r.out };
  }

  it.each(Object.entries(files))('%s runs (2 rounds) and completes every round', async (name, file) => {
    const { rounds } = await overload(file);
    for (const round of rounds) {
      expect(round.interrupted).toBe(false);
      expect(round.simulatedTimeMs).toBe(4000);
    }
    rates.set(name, rounds.reduce((a, r) => a + r.sla.violationRate, 0) / rounds.length);
  });

  it('every up-scaler violates the SLA less than no scaling (and no scaling is overloaded)', () => {
    const none = rates.get('none')!;
    expect(none).toBeGreaterThan(0.5);
    for (const name of Object.keys(files).filter((n) => n !== 'none')) {
      expect(rates.get(name), name).toBeLessThan(none);
    }
  });

  it('elastic records the scale-ups the full nodes cannot satisfy as failures, and the run goes on', async () => {
    const { rounds, out } = await overload(files.elastic);
    const failed = rounds.reduce((a, r) => a + r.scaling.failed, 0);
    expect(failed).toBeGreaterThan(0);
    const rows = readCsv(join(out, 'Round_0', 'vnf_instance_scaling.csv'));
    const fails = rows.filter((r) => r.Event.endsWith('_FAIL'));
    expect(fails.length).toBe(rounds[0].scaling.failed);
    expect(fails[0].Reason).toMatch(/^elastic scaled the CPU of \S+ from \d+ to \d+ .* CPU free$/);
    // Packets still flowed after the first failure.
    const firstFail = Number(fails[0].Time);
    expect(firstFail).toBeLessThan(4000);
    expect(rounds[0].packets.delivered).toBeGreaterThan(0);
  });
});

describe('allocations over time on the overload scenario (every monitor instant)', () => {
  const specs = JSON.parse(readFileSync(join(OVERLOAD, 'overload-specs.json'), 'utf8'));
  const PLUGINS: Record<string, ScalingPlugin> = {
    BasicCPUScaling: basicCpuScaling as ScalingPlugin,
    SmartVerticalScalingUp: smartVerticalUp as ScalingPlugin,
    SmartVerticalScalingDown: smartVerticalDown as ScalingPlugin,
    TCPInspiredVerticalScalingUp: tcpVerticalUp as ScalingPlugin,
    ElasticScaling: elasticScaling as ScalingPlugin,
  };

  /**
   * Wraps a scaling plugin: at each of its monitor instants, checks that no node has more CPU or memory
   * allocated than it has and that no instance is below its VNF type's minimum, and that no action it
   * returns asks for less than the minimum. Records the violations instead of throwing.
   */
  function watched(inner: ScalingPlugin, parameters: unknown, problems: string[], views: { n: number }): ScalingPlugin {
    return defineScaling({
      name: `watched-${inner.name}`,
      description: 'Test wrapper checking the invariants of every monitor view.',
      parameters: { type: 'object', additionalProperties: true },
      create: (_params, context) => {
        const strategy = instantiate(inner, parameters, context);
        return {
          name: strategy.name,
          monitorInterval: strategy.monitorInterval,
          ...(strategy.windowSize === undefined ? {} : { windowSize: strategy.windowSize }),
          monitor: (view: MonitorView) => {
            views.n++;
            for (const n of view.nodes) {
              const node = view.environment.nodes[n.index];
              if (n.allocatedCpu > node.cpu) problems.push(`t=${view.time}: ${n.node} CPU ${n.allocatedCpu} > ${node.cpu}`);
              if (n.allocatedMem > node.mem) problems.push(`t=${view.time}: ${n.node} mem ${n.allocatedMem} > ${node.mem}`);
            }
            for (const v of view.vnfInstances) {
              if (v.cpu < v.cpuMin) problems.push(`t=${view.time}: ${v.name} CPU ${v.cpu} < ${v.cpuMin}`);
            }
            const actions = strategy.monitor(view);
            const check = (list: readonly { kind: string; instance?: string; cpu?: number }[]) => {
              for (const a of list) {
                if (a.kind !== 'vertical' || a.cpu === undefined) continue;
                const v = view.vnfInstances.find((x) => x.name === a.instance);
                if (v !== undefined && a.cpu < v.cpuMin) problems.push(`t=${view.time}: asked ${a.instance} CPU ${a.cpu} < ${v.cpuMin}`);
              }
            };
            if (actions instanceof Promise) return actions.then((l) => (check(l), l));
            check(actions);
            return actions;
          },
        };
      },
    });
  }

  it.each([
    'overload-basic-cpu.json',
    'overload-smart-vertical-up.json',
    'overload-tcp-vertical-up.json',
    'overload-smart-vertical-up-down.json',
    'overload-elastic.json',
  ])('%s: within node capacity, never below the VNF minimum', async (file) => {
    const params = JSON.parse(readFileSync(join(OVERLOAD, file), 'utf8'));
    params.simulation.num_rounds = 1;
    const valid = assertValidScenario(specs, params);
    const settings = resolveSettings(valid.specs, valid.params);
    const environment = generateEnvironment(valid.specs, settings.seed, settings);
    const problems: string[] = [];
    const views = { n: 0 };
    const slots = [params.scaling, params.scaling_down].filter((s) => s !== undefined) as { heuristic: string; parameters?: unknown }[];
    const result = await runSimulation({
      environment,
      settings,
      plugins: {
        placement: { plugin: greedyPlacement },
        scaling: slots.map((s) => ({ plugin: watched(PLUGINS[s.heuristic], s.parameters ?? {}, problems, views) })),
      },
    });
    expect(result.rounds[0].interrupted).toBe(false);
    expect(views.n).toBeGreaterThan(10);
    expect(result.rounds[0].scaling.up).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe('bad scaling parameters stop the run before it starts', () => {
  const cases: readonly [string, Record<string, unknown>, RegExp][] = [
    ['basic-cpu', { cpu_load_min: 0.9, cpu_load_max: 0.5 }, /"basic-cpu".*"cpu_load_min" \(0\.9\) must be less than "cpu_load_max" \(0\.5\)/],
    ['basic-cpu', { resource_increment: -0.1 }, /basic-cpu.*resource_increment.*> 0.*-0\.1/s],
    ['smart-vertical-up', { resource_increment: 0 }, /smart-vertical-up.*resource_increment.*0/s],
    ['smart-vertical-up', { monitor_interval: 200, monitor_window_size: 100 }, /monitor_window_size: expected a value >= monitor_interval \(200\): the monitoring window \(scaling "smart-vertical-up"\).*found 100/s],
    ['tcp-vertical-up', { acceptable_sla_violation_rate: { default: 0.1, s_9: 0.2 } }, /tcp-vertical-up.*acceptable_sla_violation_rate.*"s_9".*not an SFC name/s],
    ['smart-vertical-down', { resource_decrement: 1.5 }, /smart-vertical-down.*resource_decrement.*1\.5/s],
    ['elastic', { threshold: 60, lower_threshold: 70 }, /"elastic".*"lower_threshold" \(70\) must be less than "threshold" \(60\)/],
    ['elastic', { threshold: 180 }, /"elastic".*"threshold" \(180\) must be at most 100/],
    ['elastic', { cpu_increment: 0 }, /elastic.*cpu_increment.*> 0.*0/s],
    ['elastic', { monitor_interval: 500, time_window: 200 }, /"elastic".*"time_window" \(200\) must be at least "monitor_interval" \(500\)/],
  ];

  it.each(cases)('%s %j', async (heuristic, parameters, message) => {
    const dir = tmp();
    const params = shared('S', { scaling: { heuristic, parameters } });
    const file = writeJson(dir, 'params.json', params);
    const out = join(dir, 'out');
    const run = await nss(['run', '--specs', join(REFERENCE, 'S-specs.json'), '--params', file, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain(STACK_LINE);
    const validate = await nss(['validate', '--specs', join(REFERENCE, 'S-specs.json'), '--params', file]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toMatch(message);
    expect(validate.stderr).toContain('/scaling/parameters');
  });
});
