import { type InfrastructureView, type PlacementDetails, type PlacementPlan, type PlacementStrategy, type SfcRequest, definePlacement } from '@nss/core';
import { type MilpResult, loadHighs, solveMilp } from './highs-solver.js';
import { RoundModel, type RoundModelSize } from './round-model.js';

/** Parameters of the LP placement (defaults in the README). */
export interface LpParameters {
  /** Weight of the estimated end-to-end latency (fraction of the SLA). Default 1. */
  readonly latencyWeight: number;
  /** Weight of the extra node power of new instances. Default 1. */
  readonly energyWeight: number;
  /** Weight of the node capacity taken by new instances. Default 1. */
  readonly resourceWeight: number;
  /** Wall-clock budget of one round (model building plus HiGHS), ms. Default 5000. */
  readonly timeLimitMs: number;
  /** Relative MIP gap at which HiGHS may stop (HiGHS `mip_rel_gap`). Default 0.0001. */
  readonly mipGap: number;
  /** Offer attaching requests to existing SFC instances when the simulation enables sharing. Default true. */
  readonly shareSfcInstances: boolean;
}

/** What the solver did in one round: carried by the plan ({@link LpPlacementPlan.solve}) and kept by the strategy. */
export interface LpSolveReport {
  /** Simulation time of the round (ms). */
  readonly time: number;
  /** HiGHS model status (`Optimal`, `Time limit reached`, ...), `Solver failed`, or `No model` when no request could be served. */
  readonly status: string;
  /** Objective of the returned plan: rejection penalty · (requests not served) + weighted cost (NaN when the solver found nothing). */
  readonly objective: number;
  /** Relative MIP gap of the returned plan (0 when proved optimal; NaN when unknown). */
  readonly gap: number;
  /** Best proven lower bound on the objective (HiGHS' dual bound; NaN when unknown). */
  readonly bound: number;
  /** Wall-clock ms spent in HiGHS. */
  readonly solveMs: number;
  /** Wall-clock ms of the whole round (model building, solving, decoding). */
  readonly totalMs: number;
  /** Requests of the batch. */
  readonly requests: number;
  /** Requests the plan serves (chain or share). */
  readonly admitted: number;
  /** The cost of leaving one request unserved, in objective units. */
  readonly rejectionPenalty: number;
  /** Size of the MILP. */
  readonly model: RoundModelSize;
  /** HiGHS' error message when it failed. */
  readonly error?: string;
}

/** A plan of the LP placement: the decisions plus the solver report of the round. */
export interface LpPlacementPlan extends PlacementPlan {
  readonly solve: LpSolveReport;
}

/** The LP placement strategy: a `PlacementStrategy` (from `@nss/core`) that also keeps every round's solver report. */
export interface LpPlacementStrategy extends PlacementStrategy {
  /** Solver reports of the rounds so far, oldest first. */
  readonly reports: readonly LpSolveReport[];
  place(requests: readonly SfcRequest[], view: InfrastructureView): Promise<LpPlacementPlan>;
}

/**
 * Columns HiGHS (WebAssembly, one thread) gets through per second of budget before its first time-limit
 * checkpoint, measured on the benchmark instances: 8,422 columns reach an optimal root LP in ~0.5 s,
 * 242,676 columns not in 15 s. A model larger than (time left) × this rate is not handed to HiGHS.
 */
export const HIGHS_COLUMNS_PER_SECOND = 10_000;

/** Status of a round whose model was too large for its time budget (the warm-start plan is returned). */
export const MODEL_TOO_LARGE = 'Model too large for the time limit';

/** One line summarising a solve, used in rejection reasons. */
export function describeSolve(r: Pick<LpSolveReport, 'status' | 'objective' | 'gap' | 'solveMs'>): string {
  const objective = Number.isFinite(r.objective) ? r.objective.toPrecision(6) : 'none';
  const gap = Number.isFinite(r.gap) ? `${(r.gap * 100).toPrecision(3)}%` : 'unknown';
  return `HiGHS status ${r.status}, objective ${objective}, gap ${gap}, ${r.solveMs.toFixed(0)} ms`;
}

/**
 * Places a round jointly as a mixed-integer program solved by HiGHS: serve as many requests as possible
 * (each within its SLA latency), then minimise the weighted latency, energy and resource use.
 */
export async function placeRound(requests: readonly SfcRequest[], view: InfrastructureView, params: LpParameters): Promise<LpPlacementPlan> {
  const started = performance.now();
  const model = new RoundModel(requests, view, {
    weights: { latency: params.latencyWeight, energy: params.energyWeight, resources: params.resourceWeight },
    shareSfcInstances: params.shareSfcInstances,
  });
  let result: MilpResult;
  if (model.size.columns === 0) {
    result = { status: 'No model', feasible: true, values: new Float64Array(0), objective: model.builder.offset, bound: model.builder.offset, gap: 0, solveMs: 0 };
  } else {
    const highs = await loadHighs().catch(() => undefined);
    if (highs === undefined) {
      result = await solveMilp(model.builder.build(1e30), { timeLimitSeconds: 0, mipGap: params.mipGap });
    } else {
      const start = model.warmStart();
      const left = params.timeLimitMs - (performance.now() - started);
      const warm = (status: string): MilpResult => ({
        status,
        feasible: true,
        values: start,
        objective: model.builder.objectiveOf(start),
        bound: Number.NaN,
        gap: Number.NaN,
        solveMs: 0,
      });
      if (left <= 0) {
        // The budget went on building the model and the warm start: the warm start is the plan.
        result = warm('Time limit reached');
      } else if (model.size.columns > (left / 1000) * HIGHS_COLUMNS_PER_SECOND) {
        // HiGHS checks its time limit only between simplex phases: a model this large would overrun the
        // round's budget before its first checkpoint, so the warm start is the plan.
        result = warm(MODEL_TOO_LARGE);
      } else {
        result = await solveMilp(model.builder.build(highs.infinity), { timeLimitSeconds: left / 1000, mipGap: params.mipGap }, start);
      }
    }
  }
  const summary = describeSolve(result);
  const decisions = model.decode(result.feasible ? result.values : null, () =>
    result.feasible
      ? `the MILP plan leaves it out (not enough CPU, memory, bandwidth or share slots for every request within its SLA; ${summary})`
      : `the solver returned no feasible plan (${summary}${result.error ? `: ${result.error}` : ''})`,
  );
  const admitted = decisions.filter((d) => d.kind !== 'reject').length;
  const solve: LpSolveReport = {
    time: view.time,
    status: result.status,
    objective: result.feasible ? result.objective : Number.NaN,
    gap: result.status === 'Optimal' || result.status === 'No model' ? Math.max(0, Number.isFinite(result.gap) ? result.gap : 0) : result.gap,
    bound: result.bound,
    solveMs: result.solveMs,
    totalMs: performance.now() - started,
    requests: requests.length,
    admitted,
    rejectionPenalty: model.rejectionPenalty,
    model: model.size,
    ...(result.error !== undefined ? { error: result.error } : {}),
  };
  return { decisions, solve, details: solveDetails(solve) };
}

/** The solve report as the round's PLACEMENT_PROCESSED details (placement.csv `Details`): rounded, unknowns omitted. */
export function solveDetails(solve: LpSolveReport): PlacementDetails {
  const details: Record<string, string | number> = { status: solve.status };
  const put = (key: string, value: number, digits: number): void => {
    if (Number.isFinite(value)) details[key] = Number(value.toFixed(digits));
  };
  put('objective', solve.objective, 4);
  put('gap', solve.gap, 6);
  put('bound', solve.bound, 4);
  put('solveMs', solve.solveMs, 1);
  details.admitted = solve.admitted;
  details.requests = solve.requests;
  if (solve.error !== undefined) details.error = solve.error;
  return details;
}

/**
 * The LP placement plugin (`lp`): the joint placement of each round as a MILP on HiGHS (WebAssembly,
 * loaded once per process). At the time limit it returns the best feasible plan found (possibly serving
 * no request); a solver failure rejects the round's requests with the solver's message and the run
 * goes on.
 */
export const lpPlacement = definePlacement<LpParameters>({
  name: 'lp',
  aliases: ['LPPlacement', 'MILPPlacement', '@nss/placement-lp'],
  description: 'Joint placement of a round as a MILP solved by HiGHS: most requests within SLA, then weighted latency, energy and resources.',
  parameters: {
    type: 'object',
    properties: {
      latencyWeight: { type: 'number', minimum: 0, default: 1, description: 'Weight of the estimated end-to-end latency, as a fraction of the SLA.' },
      energyWeight: { type: 'number', minimum: 0, default: 1, description: 'Weight of the extra node power of new VNF instances.' },
      resourceWeight: { type: 'number', minimum: 0, default: 1, description: 'Weight of the node CPU and memory share taken by new VNF instances.' },
      timeLimitMs: { type: 'number', exclusiveMinimum: 0, default: 5000, description: 'Wall-clock budget of one round (ms); the best plan found by then is returned.' },
      mipGap: { type: 'number', minimum: 0, maximum: 1, default: 0.0001, description: 'Relative MIP gap at which HiGHS may stop.' },
      shareSfcInstances: {
        type: 'boolean',
        default: true,
        description: 'Offer attaching requests to existing SFC instances when the simulation enables sharing.',
      },
    },
    additionalProperties: false,
  },
  create(params): LpPlacementStrategy {
    const reports: LpSolveReport[] = [];
    return {
      name: 'lp',
      reports,
      async place(requests, view) {
        const plan = await placeRound(requests, view, params);
        reports.push(plan.solve);
        return plan;
      },
    };
  },
});
