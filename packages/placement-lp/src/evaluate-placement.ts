import { type InfrastructureView, type PlacementPlan, type SfcRequest, checkPlacementPlan } from '@nss/core';
import { CostModel, type ObjectiveWeights, capacityShare, powerIncrease, processingLatency } from './cost-model.js';

/** Default objective weights: latency, energy and resources count equally. */
export const DEFAULT_WEIGHTS: ObjectiveWeights = Object.freeze({ latency: 1, energy: 1, resources: 1 });

/** What a plan achieves under the LP's objective (see the package README, "Objective"). */
export interface PlacementEvaluation {
  /** Requests of the batch. */
  readonly requests: number;
  /** Requests the core's plan check accepts. */
  readonly admitted: number;
  /** Accepted requests whose estimated end-to-end latency is within their SFC's `max_latency`. */
  readonly withinSla: number;
  /** Mean estimated end-to-end latency (ms) of the accepted requests (0 when none). */
  readonly meanLatency: number;
  /** Extra node power (W) of the VNF instances the plan creates. */
  readonly energyIncrease: number;
  /** Node capacity the new instances take: Σ (CPU share + memory share) / 2 of their nodes. */
  readonly resources: number;
  /** Number of VNF instances the plan creates. */
  readonly newInstances: number;
  /** Weighted secondary cost: latency of the requests within SLA, energy and resources of every new instance. */
  readonly cost: number;
  /** Cost of one request not served within its SLA (see {@link CostModel.rejectionPenalty}). */
  readonly rejectionPenalty: number;
  /** penalty · (requests − withinSla) + cost: lower is better; the LP minimises exactly this. */
  readonly objective: number;
}

/**
 * Scores any placement plan with the objective the LP optimises, so heuristics and the LP compare on the
 * same scale. The core's `checkPlacementPlan` decides what is accepted; an accepted request counts
 * as served only when its estimated latency (hops plus processing, see {@link processingLatency}) is
 * within its SLA, as the LP's latency constraint requires.
 */
export function evaluatePlacement(
  plan: PlacementPlan,
  requests: readonly SfcRequest[],
  view: InfrastructureView,
  weights: ObjectiveWeights = DEFAULT_WEIGHTS,
  plugin = 'evaluated plan',
): PlacementEvaluation {
  const model = new CostModel(view.environment, weights);
  const checked = checkPlacementPlan(plan, requests, view, plugin);
  const byName = new Map(requests.map((r) => [r.name, r]));
  const sfcs = new Map(view.environment.sfcs.map((s) => [s.name, s]));
  const instances = new Map(view.vnfInstances.map((v) => [v.name, v]));
  const sfcInstances = new Map(view.sfcInstances.map((s) => [s.name, s]));
  let admitted = 0;
  let withinSla = 0;
  let latencySum = 0;
  let energy = 0;
  let resources = 0;
  let created = 0;
  let cost = 0;
  for (const c of checked) {
    if (c.status !== 'accepted') continue;
    const request = byName.get(c.request)!;
    const sfc = sfcs.get(request.sfc)!;
    const size = model.packetSize(request);
    let latency = 0;
    if (c.decision.kind === 'share') {
      const si = sfcInstances.get(c.decision.sfcInstance)!;
      for (const l of si.links) latency += model.hopLatency(view, l, size);
      for (const name of si.vnfInstances) {
        const inst = instances.get(name);
        const vnf = inst && model.vnfs.get(inst.vnf);
        if (inst && vnf) latency += processingLatency(vnf, inst.cpu, size);
      }
    } else {
      for (const l of c.decision.links) latency += model.hopLatency(view, l, size);
      for (const a of c.assignments) {
        const vnf = model.vnfs.get(a.vnf)!;
        if (a.kind === 'existing') {
          latency += processingLatency(vnf, instances.get(a.instance)!.cpu, size);
        } else {
          latency += processingLatency(vnf, vnf.cpu, size);
          if (a.created) {
            const node = model.nodes.get(a.node)!;
            energy += powerIncrease(node, vnf.cpu);
            resources += capacityShare(node, vnf);
            cost += model.instanceCost(node, vnf);
            created++;
          }
        }
      }
    }
    admitted++;
    latencySum += latency;
    if (latency <= sfc.maxLatency + 1e-9) {
      withinSla++;
      cost += model.latencyCost(latency, sfc.maxLatency);
    }
  }
  const penalty = model.rejectionPenalty(requests);
  return {
    requests: requests.length,
    admitted,
    withinSla,
    meanLatency: admitted > 0 ? latencySum / admitted : 0,
    energyIncrease: energy,
    resources,
    newInstances: created,
    cost,
    rejectionPenalty: penalty,
    objective: penalty * (requests.length - withinSla) + cost,
  };
}
