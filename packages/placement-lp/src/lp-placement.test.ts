import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  EventBus,
  Events,
  type ChainDecision,
  type InfrastructureView,
  type PlacementDecision,
  type PlacementPlan,
  type PlacementPlugin,
  type PlacementStrategy,
  Rng,
  type SfcRequest,
  assertValidScenario,
  checkPlacementPlan,
  generateEnvironment,
  instantiate,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { describe, expect, it } from 'vitest';
import { evaluatePlacement } from './evaluate-placement.js';
import { HIGHS_COLUMNS_PER_SECOND, type LpParameters, type LpPlacementStrategy, MODEL_TOO_LARGE, lpPlacement, placeRound } from './lp-placement.js';
import { emptyInfrastructureView, randomPlacementInstance } from './random-instance.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const exact: LpParameters = { latencyWeight: 1, energyWeight: 1, resourceWeight: 1, timeLimitMs: 60_000, mipGap: 0, shareSfcInstances: true };
const context = (view: InfrastructureView) => ({
  rng: new Rng(1).stream('placement'),
  shareSfcInstances: view.shareSfcInstances,
  computeLinkBandwidthLimit: view.computeLinkBandwidthLimit,
});

/** Every placement whose dist is built, besides the LP (the greedy one at least). */
async function heuristics(): Promise<PlacementPlugin<unknown>[]> {
  const found: PlacementPlugin<unknown>[] = [];
  for (const pkg of ['placement-greedy', 'placement-dijkstra', 'placement-smart', 'placement-basic']) {
    const file = join(root, 'packages', pkg, 'dist/index.js');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const p = value as PlacementPlugin<unknown>;
      if (p && typeof p === 'object' && p.kind === 'placement' && !found.includes(p)) found.push(p);
    }
  }
  return found;
}

/** Accepted requests of a plan under the core's own check. */
function acceptedCount(plan: PlacementPlan, requests: readonly SfcRequest[], view: InfrastructureView): number {
  return checkPlacementPlan(plan, requests, view, 'lp').filter((c) => c.status === 'accepted').length;
}

/** Every plan a placement could return for a tiny instance (one new instance per VNF of a request, packed by max_share). */
function* allPlans(requests: readonly SfcRequest[], view: InfrastructureView): Generator<PlacementPlan> {
  const env = view.environment;
  const options = requests.map((r) => {
    const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
    const list: (PlacementDecision | { nodes: string[]; links: string[] })[] = [{ kind: 'reject', request: r.name, reason: 'brute force' }];
    const walk = (k: number, nodes: string[], links: string[]): void => {
      const from = k === 0 ? r.ingressNode : nodes[k - 1];
      if (k === sfc.vnfs.length) {
        for (const l of view.linksBetween(from, r.egressNode)) list.push({ nodes, links: [...links, l.name] });
        return;
      }
      for (const n of env.nodes) {
        if (!view.canHost(n.name, sfc.vnfs[k])) continue;
        for (const l of view.linksBetween(from, n.name)) walk(k + 1, [...nodes, n.name], [...links, l.name]);
      }
    };
    walk(0, [], []);
    return list;
  });
  const pick = new Array<number>(requests.length).fill(0);
  for (;;) {
    const used = new Map<string, number>();
    const decisions = requests.map((r, i): PlacementDecision => {
      const o = options[i][pick[i]];
      if ('kind' in o) return o;
      const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
      const vnfs = o.nodes.map((node, k) => {
        const vnf = env.vnfs.find((v) => v.name === sfc.vnfs[k])!;
        const id = `${node}/${vnf.name}`;
        const n = used.get(id) ?? 0;
        used.set(id, n + 1);
        return { kind: 'new' as const, node, key: `${id}/${Math.floor(n / vnf.maxShare)}` };
      });
      return { kind: 'chain', request: r.name, vnfs, links: o.links } satisfies ChainDecision;
    });
    yield { decisions };
    let i = 0;
    while (i < requests.length && ++pick[i] === options[i].length) pick[i++] = 0;
    if (i === requests.length) return;
  }
}

describe('lp placement: plans', () => {
  it('returns plans the core accepts whole, with and without link bandwidth accounting', async () => {
    for (const bw of [false, true]) {
      for (const seed of [1, 2, 3]) {
        const inst = randomPlacementInstance({ seed, nodes: 6, requests: 12, nodeCpuUnits: [1, 2] });
        const view = emptyInfrastructureView(inst.environment, { computeLinkBandwidthLimit: bw });
        const plan = await placeRound(inst.requests, view, { ...exact, timeLimitMs: 20_000, mipGap: 1e-4 });
        const checked = checkPlacementPlan(plan, inst.requests, view, 'lp');
        const chosen = plan.decisions.filter((d) => d.kind !== 'reject').length;
        expect(checked.filter((c) => c.status === 'accepted').length).toBe(chosen);
        expect(checked.every((c) => c.status === 'accepted' || c.constraint === 'plugin-rejected')).toBe(true);
        expect(plan.solve.admitted).toBe(chosen);
        // The reported objective is the objective of the returned plan.
        expect(evaluatePlacement(plan, inst.requests, view).objective).toBeCloseTo(plan.solve.objective, 6);
      }
    }
  }, 240_000);

  it('serves every request within its SLA under the same latency estimate the evaluator uses', async () => {
    const inst = randomPlacementInstance({ seed: 5, nodes: 6, requests: 10 });
    const view = emptyInfrastructureView(inst.environment);
    const plan = await placeRound(inst.requests, view, exact);
    const e = evaluatePlacement(plan, inst.requests, view);
    expect(e.withinSla).toBe(e.admitted);
  }, 120_000);

  it('never scores worse than any available heuristic on small instances (same objective function)', async () => {
    const plugins = await heuristics();
    expect(plugins.some((p) => p.name === 'greedy')).toBe(true);
    for (const seed of [11, 12, 13, 14]) {
      const inst = randomPlacementInstance({ seed, nodes: 5, requests: 8, nodeCpuUnits: [1, 2, 4] });
      const view = emptyInfrastructureView(inst.environment);
      const lp = evaluatePlacement(await placeRound(inst.requests, view, exact), inst.requests, view);
      for (const plugin of plugins) {
        const strategy = instantiate(plugin, {}, context(view)) as PlacementStrategy;
        const plan = await strategy.place(inst.requests, view);
        const h = evaluatePlacement(plan, inst.requests, view);
        expect(lp.objective, `${plugin.name} on seed ${seed}`).toBeLessThanOrEqual(h.objective + 1e-6);
        expect(lp.withinSla, `${plugin.name} on seed ${seed}`).toBeGreaterThanOrEqual(h.withinSla);
      }
    }
  }, 240_000);

  it('equals brute-force enumeration on instances small enough to enumerate', async () => {
    let admittedSomewhere = false;
    let enumerated = 0;
    for (const seed of [21, 22, 23, 24, 25]) {
      const inst = randomPlacementInstance({ seed, nodes: 3, requests: 3, chainLength: [2, 2], vnfTypes: 3, sfcTypes: 2, nodeCpuUnits: [1, 2], hostFraction: 0.67, maxLatency: [20, 30, 60] });
      const view = emptyInfrastructureView(inst.environment);
      let best = Infinity;
      let plans = 0;
      for (const plan of allPlans(inst.requests, view)) {
        best = Math.min(best, evaluatePlacement(plan, inst.requests, view).objective);
        plans++;
      }
      const lp = evaluatePlacement(await placeRound(inst.requests, view, exact), inst.requests, view);
      expect(lp.objective, `seed ${seed}`).toBeCloseTo(best, 6);
      admittedSomewhere ||= lp.withinSla > 0;
      enumerated += plans;
    }
    // The instances are not trivial: something is served and many plans were compared.
    expect(admittedSomewhere).toBe(true);
    expect(enumerated).toBeGreaterThan(100);
  }, 240_000);
});

describe('lp placement: infeasible input, limits and parameters', () => {
  it('rejects requests it cannot serve with reasons, without throwing', async () => {
    const inst = randomPlacementInstance({ seed: 3, nodes: 4, requests: 4 });
    const env = inst.environment;
    // SLA of 1 ms for every SFC, and no room on any node for anything.
    const tight = { ...env, sfcs: env.sfcs.map((s) => ({ ...s, maxLatency: 1 })) };
    const plan = await placeRound(inst.requests, emptyInfrastructureView(tight), exact);
    expect(plan.decisions.every((d) => d.kind === 'reject')).toBe(true);
    for (const d of plan.decisions) expect((d as { reason: string }).reason).toMatch(/fastest estimated chain takes .* over the 1 ms max_latency/);
    const full = { ...env, nodes: env.nodes.map((n) => ({ ...n, cpu: 1 })) };
    const plan2 = await placeRound(inst.requests, emptyInfrastructureView(full), exact);
    for (const d of plan2.decisions) expect((d as { reason: string }).reason).toMatch(/no node that can host v_\d+ has .* free/);
  });

  it('leaves out the requests capacity cannot hold and says so', async () => {
    // 150,000 CPU per node (the dearest VNF takes 150,000) on 3 nodes: not every request fits.
    const inst = randomPlacementInstance({ seed: 4, nodes: 3, requests: 10, nodeCpuUnits: [1.5], maxLatency: [500] });
    const view = emptyInfrastructureView(inst.environment);
    const plan = await placeRound(inst.requests, view, exact);
    const rejected = plan.decisions.filter((d) => d.kind === 'reject');
    expect(rejected.length).toBeGreaterThan(0);
    for (const d of rejected) expect((d as { reason: string }).reason).toMatch(/leaves it out .*HiGHS status Optimal/);
    expect(acceptedCount(plan, inst.requests, view)).toBe(10 - rejected.length);
  });

  it('at a tiny time limit returns a feasible (maybe partial) plan and records the solver status', async () => {
    const inst = randomPlacementInstance({ seed: 7, nodes: 12, requests: 40 });
    const view = emptyInfrastructureView(inst.environment);
    const strategy = instantiate(lpPlacement, { timeLimitMs: 1 }, context(view)) as LpPlacementStrategy;
    const plan = await strategy.place(inst.requests, view);
    expect(strategy.reports).toHaveLength(1);
    const report = strategy.reports[0];
    expect(report.status).not.toBe('Optimal');
    expect(report.status.length).toBeGreaterThan(0);
    expect(plan.solve).toBe(report);
    const chosen = plan.decisions.filter((d) => d.kind !== 'reject').length;
    expect(acceptedCount(plan, inst.requests, view)).toBe(chosen);
    for (const d of plan.decisions) if (d.kind === 'reject') expect(d.reason).toMatch(/HiGHS status|fastest|no node/);
  });

  it('does not hand HiGHS a model too large for the time left (it would overrun the budget): the warm start is the plan', async () => {
    const inst = randomPlacementInstance({ seed: 7, nodes: 12, requests: 40 });
    const view = emptyInfrastructureView(inst.environment);
    const strategy = instantiate(lpPlacement, { timeLimitMs: 100 }, context(view)) as LpPlacementStrategy;
    const plan = await strategy.place(inst.requests, view);
    const report = strategy.reports[0];
    expect(report.model.columns).toBeGreaterThan((100 / 1000) * HIGHS_COLUMNS_PER_SECOND);
    expect([MODEL_TOO_LARGE, 'Time limit reached']).toContain(report.status);
    expect(report.solveMs).toBe(0);
    expect(Number.isFinite(report.objective)).toBe(true);
    const chosen = plan.decisions.filter((d) => d.kind !== 'reject').length;
    expect(chosen).toBeGreaterThan(0);
    expect(acceptedCount(plan, inst.requests, view)).toBe(chosen);
  });

  it('fails before the run on mistyped or unknown parameters, naming the plugin and the parameter', () => {
    const view = emptyInfrastructureView(randomPlacementInstance({ seed: 1, nodes: 3, requests: 1 }).environment);
    expect(() => instantiate(lpPlacement, { timeLimitMs: 'fast' }, context(view))).toThrow(/lp[\s\S]*timeLimitMs[\s\S]*number/);
    expect(() => instantiate(lpPlacement, { mipGap: 2 }, context(view))).toThrow(/mipGap/);
    expect(() => instantiate(lpPlacement, { timeLimit: 5 }, context(view))).toThrow(/timeLimit/);
    expect(() => instantiate(lpPlacement, { latencyWeight: -1 }, context(view))).toThrow(/latencyWeight/);
  });
});

describe('lp placement in a simulation', () => {
  it('runs shared scenario S with the LP and records a solver report per round', async () => {
    const specs = JSON.parse(readFileSync(join(root, 'scenarios/reference/S-specs.json'), 'utf8'));
    const params = JSON.parse(readFileSync(join(root, 'scenarios/reference/S-params.json'), 'utf8'));
    const copy = { ...params, placement: { heuristic: 'lp' } };
    delete copy.scaling;
    const v = assertValidScenario(specs, copy);
    const settings = resolveSettings(v.specs, v.params);
    const environment = generateEnvironment(v.specs, settings.seed, settings);
    const strategies: LpPlacementStrategy[] = [];
    const tracked: PlacementPlugin<LpParameters> = {
      ...lpPlacement,
      create: (p: LpParameters, c: Parameters<typeof lpPlacement.create>[1]) => {
        const s = lpPlacement.create(p, c) as LpPlacementStrategy;
        strategies.push(s);
        return s;
      },
    } as PlacementPlugin<LpParameters>;
    const bus = new EventBus();
    const details: Record<string, string | number | boolean>[] = [];
    bus.on(Events.PLACEMENT_PROCESSED, (e) => {
      if (e.details !== undefined) details.push(e.details);
    });
    const result = await runSimulation({ environment, settings, plugins: { placement: { plugin: tracked } }, bus });
    const round = result.rounds[0];
    expect(round.requests.total).toBeGreaterThan(0);
    expect(round.requests.placed + round.requests.rejected).toBe(round.requests.total);
    expect(round.requests.placed).toBeGreaterThan(0);
    const reports = strategies.flatMap((s) => s.reports);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.reduce((n, r) => n + r.admitted, 0)).toBe(round.requests.placed);
    for (const r of reports) expect(['Optimal', 'No model']).toContain(r.status);
    // Every solved round's PLACEMENT_PROCESSED event carries its solve: status, admissions, time.
    expect(details.map((d) => [d.status, d.admitted, d.requests])).toEqual(reports.map((r) => [r.status, r.admitted, r.requests]));
    for (const d of details) expect(d.solveMs).toBeGreaterThanOrEqual(0);
  }, 240_000);
});
