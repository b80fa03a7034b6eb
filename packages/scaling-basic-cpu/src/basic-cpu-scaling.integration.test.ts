/**
 * basic-cpu in a whole simulation: an overloaded single-VNF chain whose SLA violations drop when the
 * plugin adds CPU, whose node capacity is never exceeded, and whose impossible scale-ups are recorded
 * as failures on a tight node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunResult, runSimulation } from '@nss/core';
import { csvRecords, firstFit as firstFitPlacement, generatedScenario, parametersFile, singleVnfSpecs } from '@nss/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { basicCpuScaling } from './index.js';

const scratch = mkdtempSync(join(tmpdir(), 'nss-basic-cpu-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Three nodes, one VNF type (cpu 1000, one slot: 10 ms per packet of size 10), one SFC of that VNF with
 * a 60 ms SLA, two users sending ~5 packets every ~35 ms each: about 1.4 times what an instance can serve.
 */
const specs = (nodeCpu: number) => singleVnfSpecs({ nodeCpu });

/** Every VNF on the first node (in node order) that can host it and has the CPU and memory left. */
const firstFit = firstFitPlacement({ name: 'test-first-fit' });

const SCALING = { cpu_load_max: 0.005, cpu_load_min: 0.001, monitor_interval: 100 };

async function run(name: string, nodeCpu: number, scaling: boolean): Promise<{ dir: string; result: RunResult }> {
  const { settings, environment } = generatedScenario(
    specs(nodeCpu),
    parametersFile({ total_time: 5000, random_seed: 11 }, { placement: { heuristic: 'test-first-fit' } }),
  );
  const dir = join(scratch, name);
  const result = await runSimulation({
    environment,
    settings,
    plugins: {
      placement: { plugin: firstFit },
      scaling: scaling ? [{ plugin: basicCpuScaling, parameters: SCALING }] : [],
    },
    outDir: dir,
  });
  return { dir, result };
}

describe('basic-cpu in a simulation', () => {
  it('adds CPU to overloaded instances: fewer SLA violations, node capacity respected', async () => {
    const without = await run('none', 100_000, false);
    const withScaling = await run('basic-cpu', 100_000, true);
    const before = without.result.rounds[0];
    const after = withScaling.result.rounds[0];
    expect(before.interrupted).toBe(false);
    expect(after.interrupted).toBe(false);
    expect(before.sla.violationRate).toBeGreaterThan(0.3); // overloaded
    expect(after.sla.violationRate).toBeLessThan(before.sla.violationRate / 2);
    expect(after.scaling.up).toBeGreaterThan(0);
    expect(after.scaling.failed).toBe(0);

    const scaling = csvRecords(join(withScaling.dir, 'Round_0/vnf_instance_scaling.csv'));
    const ups = scaling.filter((r) => r.Event === 'SCALING_UP_CPU');
    expect(ups.length).toBe(after.scaling.up);
    expect(ups[0].Reason).toMatch(/^basic-cpu: CPU load [\d.]+ > 0\.005$/);
    expect(Number(ups[0].New)).toBeCloseTo(Number(ups[0].Old) * 1.1, 2);

    const instances = csvRecords(join(withScaling.dir, 'Round_0/vnf_instances_entities.csv'));
    expect(instances.length).toBeGreaterThan(0);
    expect(instances.some((i) => Number(i.CPU) > 1000)).toBe(true);
    const perNode = new Map<string, number>();
    for (const i of instances) perNode.set(i.Node, (perNode.get(i.Node) ?? 0) + Number(i.CPU));
    for (const cpu of perNode.values()) expect(cpu).toBeLessThanOrEqual(100_000);
  });

  it('records scale-ups the node cannot satisfy as failures, and completes', async () => {
    // 2100 CPU per node: each node holds two instances of 1000; the first scale-up (to 1100) fits, the
    // next ones do not.
    const tight = await run('tight', 2100, true);
    const r = tight.result.rounds[0];
    expect(r.interrupted).toBe(false);
    expect(r.scaling.failed).toBeGreaterThan(0);
    const scaling = csvRecords(join(tight.dir, 'Round_0/vnf_instance_scaling.csv'));
    const fails = scaling.filter((x) => x.Event === 'SCALING_UP_CPU_FAIL');
    expect(fails.length).toBe(r.scaling.failed);
    expect(fails[0].Reason).toContain('basic-cpu');
    const instances = csvRecords(join(tight.dir, 'Round_0/vnf_instances_entities.csv'));
    const perNode = new Map<string, number>();
    for (const i of instances) perNode.set(i.Node, (perNode.get(i.Node) ?? 0) + Number(i.CPU));
    for (const cpu of perNode.values()) expect(cpu).toBeLessThanOrEqual(2100);
  });
});
