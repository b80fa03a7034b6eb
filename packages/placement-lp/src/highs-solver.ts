import highsLoader, { type Highs, type ModelData } from 'highs';

let runtime: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly runtime once per process and reuses it (reset after a failed load or a crash). */
export function loadHighs(): Promise<Highs> {
  if (runtime === undefined) {
    runtime = highsLoader().catch((e: unknown) => {
      runtime = undefined;
      throw e;
    });
  }
  return runtime;
}

/** Forgets the loaded runtime, so that the next solve loads a fresh one (after a WebAssembly abort). */
function resetHighs(): void {
  runtime = undefined;
}

/** HiGHS model status names (legacy strings), by status code. */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  0: 'Not Set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

/** What one MILP solve gave. */
export interface MilpResult {
  /** HiGHS model status, e.g. `Optimal`, `Time limit reached`, or `Solver failed` when HiGHS threw. */
  readonly status: string;
  /** Whether `values` holds a feasible solution (optimal or the best found before a limit). */
  readonly feasible: boolean;
  /** Column values when feasible. */
  readonly values: Float64Array | null;
  /** Objective of the solution (NaN when none). */
  readonly objective: number;
  /** Best proven bound on the objective (NaN when unknown). */
  readonly bound: number;
  /** Relative MIP gap |objective − bound| / |objective| as HiGHS reports it (NaN when unknown). */
  readonly gap: number;
  /** Wall-clock solve time (ms), including model loading into HiGHS. */
  readonly solveMs: number;
  /** The error message when HiGHS threw. */
  readonly error?: string;
}

/** Solver limits. */
export interface MilpLimits {
  /** Seconds HiGHS may spend (its `time_limit`). */
  readonly timeLimitSeconds: number;
  /** Relative MIP gap at which HiGHS stops (its `mip_rel_gap`). */
  readonly mipGap: number;
}

function info(model: { info: { get(name: string): number | bigint } }, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return Number.NaN;
  }
}

/**
 * Solves a MILP (minimisation) with HiGHS under a time limit, from a feasible `start` when given. Never throws for a solver failure: a
 * HiGHS exception is returned as status `Solver failed` with the message, and the runtime is reloaded
 * for the next solve.
 */
export async function solveMilp(data: ModelData, limits: MilpLimits, start?: Float64Array): Promise<MilpResult> {
  const started = performance.now();
  let highs: Highs;
  try {
    highs = await loadHighs();
  } catch (e) {
    return failed(`cannot load HiGHS: ${(e as Error).message}`, started);
  }
  const t0 = performance.now();
  let model;
  try {
    model = highs.createModel(data);
    model.options.set({
      output_flag: false,
      time_limit: Math.max(limits.timeLimitSeconds, 0.001),
      mip_rel_gap: limits.mipGap,
      // Measured on the 20-node × 50-request benchmark instance: presolve takes ~1.4 s of CPU in
      // WebAssembly and removes little (the model is built without redundant rows); off, the root LP
      // bound is reached about twice as fast.
      presolve: 'off',
    });
    if (start !== undefined) model.setSolution({ colValue: start });
    // HiGHS checks its time limit only now and then (a long LP or sub-MIP overshoots it by seconds
    // under load): its interrupt checkpoints also stop the solve at the wall-clock deadline.
    const deadline = t0 + Math.max(limits.timeLimitSeconds, 0.001) * 1000;
    let late = false;
    const stopAtDeadline = (event: { interrupt(): void }): undefined => {
      if (performance.now() >= deadline) {
        late = true;
        event.interrupt();
      }
      return undefined;
    };
    const types = highs.constants.callbackType;
    const run = model.run({ [types.simplexInterrupt]: stopAtDeadline, [types.ipmInterrupt]: stopAtDeadline, [types.mipInterrupt]: stopAtDeadline });
    const status = late && run.modelStatus === highs.constants.modelStatus.interrupted ? 'Time limit reached' : (STATUS_NAMES[run.modelStatus] ?? `status ${run.modelStatus}`);
    const primal = info(model, 'primal_solution_status');
    const feasible = primal === 2 && run.modelStatus !== 8;
    const values = feasible ? model.getSolution().colValue : null;
    return {
      status,
      feasible,
      values,
      objective: feasible ? model.getObjectiveValue() : Number.NaN,
      bound: info(model, 'mip_dual_bound'),
      gap: feasible ? info(model, 'mip_gap') : Number.NaN,
      solveMs: performance.now() - t0,
    };
  } catch (e) {
    resetHighs();
    return failed((e as Error).message ?? String(e), t0);
  } finally {
    try {
      model?.dispose();
    } catch {
      // the runtime is already reset; nothing else to release
    }
  }
}

function failed(message: string, started: number): MilpResult {
  return {
    status: 'Solver failed',
    feasible: false,
    values: null,
    objective: Number.NaN,
    bound: Number.NaN,
    gap: Number.NaN,
    solveMs: performance.now() - started,
    error: message,
  };
}
