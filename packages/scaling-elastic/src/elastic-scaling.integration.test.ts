/**
 * elastic in a whole simulation, on the overload scenario (scenarios/overload) with a test-local
 * first-fit placement: fewer SLA violations than without scaling, scale-out when the nodes cannot grow
 * the instances, refused scale-ups recorded as failures while the run goes on. (Node capacity at every
 * monitor instant is checked by the CLI's scaling-strategies test.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EventBus,
  Events,
  type PlacementDecision,
  assertValidScenario,
  definePlacement,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { elasticScaling } from './index.js';

const dir = fileURLToPath(new URL('../../../scenarios/overload/', import.meta.url));
const specs = JSON.parse(readFileSync(join(dir, 'overload-specs.json'), 'utf8'));
const params = JSON.parse(readFileSync(join(dir, 'overload-elastic.json'), 'utf8'));

/** Every VNF on the first node (in node order) that can host it and has room; new instances. */
const firstFit = definePlacement({
  name: 'test-first-fit',
  description: 'Test placement: first node with room, new instances, first link per hop.',
  create: () => ({
    name: 'test-first-fit',
    place: (requests, view) => {
      const env = view.environment;
      const free = new Map(view.nodes.map((n) => [n.node, { cpu: n.freeCpu, mem: n.freeMem }]));
      const decisions: PlacementDecision[] = [];
      for (const r of requests) {
        const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
        const nodes: string[] = [];
        for (const vName of sfc.vnfs) {
          const vnf = env.vnfs.find((v) => v.name === vName)!;
          const host = env.nodes.find((n) => view.canHost(n.name, vName) && free.get(n.name)!.cpu >= vnf.cpu && free.get(n.name)!.mem >= vnf.mem);
          if (host === undefined) break;
          free.get(host.name)!.cpu -= vnf.cpu;
          free.get(host.name)!.mem -= vnf.mem;
          nodes.push(host.name);
        }
        if (nodes.length < sfc.vnfs.length) {
          decisions.push({ kind: 'reject', request: r.name, reason: 'no room' });
          continue;
        }
        const path = [r.ingressNode, ...nodes, r.egressNode];
        decisions.push({
          kind: 'chain',
          request: r.name,
          vnfs: nodes.map((node) => ({ kind: 'new', node })),
          links: path.slice(1).map((to, i) => view.linksBetween(path[i], to)[0].name),
        });
      }
      return { decisions };
    },
  }),
});

async function run(scaling: boolean) {
  const valid = assertValidScenario(specs, { ...params, simulation: { ...params.simulation, num_rounds: 1 } });
  const settings = resolveSettings(valid.specs, valid.params);
  const environment = generateEnvironment(valid.specs, settings.seed, settings);
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
