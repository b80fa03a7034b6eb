import { type InfrastructureView, type SfcRequest, checkPlacementPlan } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { evaluatePlacement } from './evaluate-placement.js';
import { loadHighs, solveMilp } from './highs-solver.js';
import { emptyInfrastructureView, randomPlacementInstance } from './random-instance.js';
import { RoundModel } from './round-model.js';

const weights = { latency: 1, energy: 1, resources: 1 };

/** Solves a round model to proven optimality (gap 0); returns the objective. */
async function optimum(model: RoundModel): Promise<number> {
  const highs = await loadHighs();
  const result = await solveMilp(model.builder.build(highs.infinity), { timeLimitSeconds: 120, mipGap: 0 });
  expect(result.status).toBe('Optimal');
  return result.objective;
}

function instances(): { name: string; requests: readonly SfcRequest[]; view: InfrastructureView }[] {
  const list = [];
  for (const bw of [false, true]) {
    for (const seed of [31, 32, 33]) {
      // Chains of 1 to 3 VNFs: a 1-VNF chain has both end hops folded and no link column at all.
      const inst = randomPlacementInstance({ seed, nodes: 5, requests: 7, chainLength: [1, 3], nodeCpuUnits: [1, 2, 4] });
      list.push({ name: `seed ${seed}, bandwidth ${bw}`, requests: inst.requests, view: emptyInfrastructureView(inst.environment, { computeLinkBandwidthLimit: bw }) });
    }
  }
  return list;
}

describe('round model reductions', () => {
  it('folding the end hops into the assignment columns keeps the optimum and shrinks the model', async () => {
    for (const { name, requests, view } of instances()) {
      const folded = new RoundModel(requests, view, { weights, shareSfcInstances: true });
      const full = new RoundModel(requests, view, { weights, shareSfcInstances: true, foldEndHops: false });
      expect(folded.size.columns, name).toBeLessThan(full.size.columns);
      expect(folded.size.rows, name).toBeLessThan(full.size.rows);
      const a = await optimum(folded);
      const b = await optimum(full);
      expect(a, name).toBeCloseTo(b, 6);
      // The folded model's optimum decodes to a plan that scores exactly that objective.
      const highs = await loadHighs();
      const solved = await solveMilp(folded.builder.build(highs.infinity), { timeLimitSeconds: 120, mipGap: 0 });
      const plan = { decisions: folded.decode(solved.values, () => 'left out') };
      expect(evaluatePlacement(plan, requests, view).objective, name).toBeCloseTo(a, 6);
    }
  }, 240_000);

  it('the warm start is a feasible plan whose objective is the model objective of its columns, never below the optimum', async () => {
    for (const { name, requests, view } of instances()) {
      const model = new RoundModel(requests, view, { weights, shareSfcInstances: true });
      const start = model.warmStart();
      const plan = { decisions: model.decode(start, () => 'left out by the warm start') };
      const checked = checkPlacementPlan(plan, requests, view, 'lp');
      const chosen = plan.decisions.filter((d) => d.kind !== 'reject').length;
      expect(checked.filter((c) => c.status === 'accepted').length, name).toBe(chosen);
      const objective = model.builder.objectiveOf(start);
      expect(evaluatePlacement(plan, requests, view).objective, name).toBeCloseTo(objective, 6);
      expect(objective, name).toBeGreaterThanOrEqual((await optimum(model)) - 1e-6);
    }
  }, 240_000);
});
