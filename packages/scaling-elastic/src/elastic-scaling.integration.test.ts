/**
 * elastic in a whole simulation, on the overload scenario (scenarios/overload) with a test-local
 * first-fit placement: fewer SLA violations than without scaling, scale-out when the nodes cannot grow
 * the instances, refused scale-ups recorded as failures while the run goes on. (Node capacity at every
 * monitor instant is checked by the CLI's scaling-strategies test.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventBus, Events, runSimulation } from '@nss/core';
import { firstFit as firstFitPlacement, generatedScenario } from '@nss/core/testing';
import { describe, expect, it } from 'vitest';
import { elasticScaling } from './index.js';

const dir = fileURLToPath(new URL('../../../scenarios/overload/', import.meta.url));
const specs = JSON.parse(readFileSync(join(dir, 'overload-specs.json'), 'utf8'));
const params = JSON.parse(readFileSync(join(dir, 'overload-elastic.json'), 'utf8'));

/** Every VNF on the first node (in node order) that can host it and has room; new instances. */
const firstFit = firstFitPlacement({ name: 'test-first-fit' });

async function run(scaling: boolean) {
  const { settings, environment } = generatedScenario(specs, { ...params, simulation: { ...params.simulation, num_rounds: 1 } });
  const bus = new EventBus();
  const added: string[] = [];
  const failures: string[] = [];
  bus.on(Events.SCALING_ADD_INSTANCE, (e) => added.push(e.vnfInstance));
  bus.on(Events.SCALING_UP_CPU_FAIL, (e) => failures.push(e.reason ?? ''));
  const result = await runSimulation({
    environment,
    settings,
    plugins: {
      placement: { plugin: firstFit },
      scaling: scaling ? [{ plugin: elasticScaling, parameters: params.scaling.parameters }] : [],
    },
    bus,
  });
  return { round: result.rounds[0], added, failures };
}

describe('elastic on the overload scenario', () => {
  it('violates the SLA less than no scaling, scales out when nodes are full, and records refused scale-ups', async () => {
    const without = await run(false);
    const withElastic = await run(true);
    expect(without.round.sla.violationRate).toBeGreaterThan(0.5);
    expect(withElastic.round.sla.violationRate).toBeLessThan(without.round.sla.violationRate / 2);
    expect(withElastic.round.interrupted).toBe(false);
    expect(withElastic.round.scaling.up).toBeGreaterThan(0);
    // First-fit fills the first nodes: growing their instances soon fails, so elastic scales out.
    expect(withElastic.added.length).toBeGreaterThan(0);
    expect(withElastic.round.scaling.failed).toBe(withElastic.failures.length);
    for (const reason of withElastic.failures) expect(reason).toMatch(/^elastic /);
  });
});
