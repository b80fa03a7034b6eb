import {
  EventBus,
  FlowTable,
  type ParametersFile,
  type PlacementPlugin,
  type ScalingPlugin,
  type SpecsFile,
  assertValidScenario,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { CpuTimeMeter } from './cpu-time-meter.js';
import { type DailyTrafficOptions, dailyPacketFlow, packetFlowCsv } from './daily-traffic.js';

/** What {@link runDailyScenario} runs: a scenario, a seed, a placement and an optional scaling plugin. */
export interface DailyScenarioRun {
  /** The specs file (e.g. scenarios/daily/daily-specs.json). */
  readonly specs: SpecsFile;
  /** The parameters file; its `packet_flow_file` is replaced by the generated flow, its scaling sections are ignored. */
  readonly params: ParametersFile;
  /** Seed of the environment, the simulation and the traffic draws. */
  readonly seed: number;
  /** The placement plugin (e.g. `greedyPlacement` from `@nss/placement-greedy`). */
  readonly placement: PlacementPlugin;
  /** The scaling plugin and its parameters; null = no scaling. */
  readonly scaling: DailyScenarioScaling | null;
  /** Traffic options other than the users (the environment's users) and the seed. */
  readonly traffic?: Omit<DailyTrafficOptions, 'users' | 'seed'>;
}

/** A scaling plugin with its parameters, for {@link runDailyScenario}. */
export interface DailyScenarioScaling {
  /** The plugin. */
  readonly plugin: ScalingPlugin;
  /** Its parameters (validated against its schema by the core). Default `{}`. */
  readonly parameters?: unknown;
}

/** The figures of one run of the daily scenario. */
export interface DailyScenarioResult {
  /** Share of ended packets that violated their SLA. */
  readonly slaViolationRate: number;
  /** 95th percentile of the end-to-end delay of delivered packets (ms; NaN when none). */
  readonly delayP95: number;
  /** CPU·time allocated to VNF instances (instruction-seconds). */
  readonly cpuSeconds: number;
  /** Scaling actions applied (up + down). */
  readonly actions: number;
  /** Scaling actions the core refused. */
  readonly failures: number;
  /** Packets created. */
  readonly packets: number;
}

/**
 * Runs one round of a scenario fed with the daily traffic pattern of {@link dailyPacketFlow} (one flow
 * per user of the environment) and returns its SLA, delay, CPU·time and scaling figures. Used by the
 * evaluation test and `bench/predictive.bench.mjs`.
 */
export async function runDailyScenario(run: DailyScenarioRun): Promise<DailyScenarioResult> {
  const simulation = { ...run.params.simulation, random_seed: run.seed, num_rounds: 1 };
  delete (simulation as { packet_flow_file?: string }).packet_flow_file;
  const valid = assertValidScenario(run.specs, { placement: run.params.placement, simulation });
  const settings = resolveSettings(valid.specs, valid.params);
  const environment = generateEnvironment(valid.specs, run.seed, settings);
  const users = environment.users.map((u) => u.name);
  const sfc = environment.sfcs[0]?.name ?? 's_0';
  const rows = dailyPacketFlow({ ...run.traffic, sfc, users, seed: run.seed });
  const flows = FlowTable.parse(packetFlowCsv(rows), 'daily-flow.csv');
  const bus = new EventBus();
  const meter = new CpuTimeMeter(bus);
  const result = await runSimulation({
    environment,
    settings,
    plugins: {
      placement: { plugin: run.placement },
      scaling: run.scaling === null ? [] : [{ plugin: run.scaling.plugin, parameters: run.scaling.parameters ?? {} }],
    },
    flows,
    bus,
  });
  const round = result.rounds[0];
  return {
    slaViolationRate: round.sla.violationRate,
    delayP95: round.delayMs.p95 ?? Number.NaN,
    cpuSeconds: meter.cpuSeconds,
    actions: round.scaling.up + round.scaling.down,
    failures: round.scaling.failed,
    packets: round.packets.created,
  };
}
