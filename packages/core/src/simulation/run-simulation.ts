import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SimulationSettings } from '../config/index.js';
import { Rng } from '../engine/rng.js';
import { NssError } from '../errors.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { EnvironmentIndex } from '../environment/environment-index.js';
import { EventIds, Events } from '../events/catalogue.js';
import { EventBus } from '../events/event-bus.js';
import type { DispatchPlugin, PlacementPlugin, ScalingPlugin } from '../plugins/define-plugin.js';
import { checkPlugin, instantiate } from '../plugins/instantiate.js';
import { type RunSummary, aggregateRounds } from '../results/aggregate.js';
import { ENTITIES_DIR, SnapshotFiles, roundDirName } from '../results/columns.js';
import { writeEntities } from '../results/entities.js';
import { RoundRecorder } from '../results/round-recorder.js';
import type { RoundSummary } from '../results/round-summary.js';
import { PacketSnapshotWriter, writeSnapshots } from '../results/snapshots.js';
import type { FlowTable } from './flow-file.js';
import type { MobilityPlan } from './mobility.js';
import type { RoundState } from './round-state.js';
import type { PacketRuntime } from './runtime/packet.js';
import { simulateRound } from './simulate-round.js';

/** A plugin with the raw parameters to validate and create it with. */
export interface ConfiguredPlugin<P> {
  readonly plugin: P;
  /** Parameters as configured (validated against the plugin's schema for every round). */
  readonly parameters?: unknown;
}

/** The strategies of a run. */
export interface RunPlugins {
  readonly placement: ConfiguredPlugin<PlacementPlugin>;
  /** The `scaling` and `scaling_down` slots (0, 1 or 2 entries), each run at its own interval. */
  readonly scaling?: readonly ConfiguredPlugin<ScalingPlugin>[];
  /** Chooses among several instances serving one chain position (default: round robin). */
  readonly dispatch?: ConfiguredPlugin<DispatchPlugin> | null;
}

/** Options of {@link runSimulation}. */
export interface SimulationRunOptions {
  readonly environment: EdgeEnvironment;
  readonly settings: SimulationSettings;
  readonly plugins: RunPlugins;
  /** Results folder (`Entities/`, `Round_<n>/`, `summary.json`); null or omitted: no files. */
  readonly outDir?: string | null;
  /** Packet-flow rows replacing random traffic. */
  readonly flows?: FlowTable | null;
  /** User moves (applied when `execute_user_mobility` is on). */
  readonly mobility?: MobilityPlan | null;
  /** Bus to emit on (subscribe before calling for live events); a new one when omitted. */
  readonly bus?: EventBus;
  /** Aborting it ends the run at the next slice of simulated time; results so far are written, marked interrupted. */
  readonly signal?: AbortSignal;
}

/** What a run produced. */
export interface RunResult {
  /** Mean and 95 % confidence interval over rounds of every figure. */
  readonly summary: RunSummary;
  /** One summary per round that ran. */
  readonly rounds: readonly RoundSummary[];
  readonly interrupted: boolean;
  readonly outDir: string | null;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Runs `num_rounds` rounds of the simulation and, when `outDir` is given, streams the reference's CSV
 * files per round (model-spec §10), the entity files, a `summary.json` per round and one for the run.
 * Rounds use distinct seeds derived from the run's seed (unless the `identicalRounds` quirk is on).
 */
export async function runSimulation(options: SimulationRunOptions): Promise<RunResult> {
  const { environment: env, settings } = options;
  const bus = options.bus ?? new EventBus();
  const index = new EnvironmentIndex(env);
  const quirks = settings.quirks;
  const rng = new Rng(settings.seed);
  const outDir = options.outDir ?? null;
  // Every plugin's configuration is checked against the scenario before anything is written.
  const configured = options.plugins;
  const checkContext = { environment: env };
  checkPlugin(configured.placement.plugin, configured.placement.parameters ?? {}, checkContext);
  for (const s of configured.scaling ?? []) checkPlugin(s.plugin, s.parameters ?? {}, checkContext);
  if (configured.dispatch != null) checkPlugin(configured.dispatch.plugin, configured.dispatch.parameters ?? {}, checkContext);
  if (outDir !== null) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      throw new NssError('NSS_OUTPUT_DIR', `cannot create the results folder ${outDir}: ${(e as Error).message}`, {
        cause: e,
        exitCode: 1,
      });
    }
  }
  const rounds: RoundSummary[] = [];
  let interrupted = false;
  const started = performance.now();
  if (bus.hasId(EventIds.SIMULATION_STARTED)) {
    bus.emit(Events.SIMULATION_STARTED, { rounds: settings.numRounds, totalTime: settings.totalTime, seed: settings.seed });
  }
  let lastState: RoundState | null = null;
  for (let round = 0; round < settings.numRounds && !interrupted; round++) {
    const roundKey = `round/${quirks.identicalRounds ? 0 : round}`;
    const roundRng = rng.derive(roundKey);
    const roundSeed = `${String(settings.seed)}/${roundKey}`;
    const dir = outDir === null ? null : join(outDir, roundDirName(round));
    if (bus.hasId(EventIds.ROUND_STARTED)) bus.emit(Events.ROUND_STARTED, { round, seed: roundSeed, dir });
    const recorder =
      dir === null
        ? null
        : new RoundRecorder(dir, bus, {
            logLinkEvents: settings.logLinkEvents,
            logVnfInstanceEvents: settings.logVnfInstanceEvents,
            logTotalResources: settings.logTotalResources,
          });
    const packets = dir === null ? null : new PacketSnapshotWriter(join(dir, SnapshotFiles.packets));
    const p = options.plugins;
    const placement = instantiate(p.placement.plugin, p.placement.parameters ?? {}, {
      rng: roundRng.stream('placement'),
      shareSfcInstances: settings.shareSfcInstance,
      computeLinkBandwidthLimit: settings.computeLinkBandwidthLimit,
    });
    const scaling = (p.scaling ?? []).map((s, i) =>
      instantiate(s.plugin, s.parameters ?? {}, { rng: roundRng.stream(`scaling/${i}`) }),
    );
    const dispatch =
      p.dispatch == null ? null : instantiate(p.dispatch.plugin, p.dispatch.parameters ?? {}, { rng: roundRng.stream('dispatch') });
    const roundStart = performance.now();
    let out;
    try {
      out = await simulateRound({
        environment: env,
        index,
        settings,
        quirks,
        round,
        rng: roundRng,
        bus,
        placement,
        scaling,
        dispatch,
        flows: options.flows ?? null,
        mobility: options.mobility ?? null,
        shouldStop: options.signal === undefined ? undefined : () => options.signal!.aborted,
        onPacket:
          packets === null
            ? undefined
            : (pk: PacketRuntime, now: number) => packets.write(packetRow(pk, now)),
      });
    } finally {
      recorder?.close();
      packets?.close();
    }
    const wallTimeMs = performance.now() - roundStart;
    interrupted = out.interrupted;
    const summary = out.metrics.summarize({
      round,
      seed: roundSeed,
      interrupted,
      simulatedTimeMs: out.state.scheduler.now,
      wallTimeMs,
    });
    rounds.push(summary);
    lastState = out.state;
    if (dir !== null) {
      writeRoundSnapshots(dir, out.state, wallTimeMs / 1000);
      writeJson(join(dir, 'summary.json'), summary);
    }
    if (bus.hasId(EventIds.ROUND_FINISHED)) bus.emit(Events.ROUND_FINISHED, { round, summary });
  }
  const summary = aggregateRounds(rounds);
  if (outDir !== null) {
    if (lastState !== null) writeEntityFiles(join(outDir, ENTITIES_DIR), lastState, settings.logLinkEntity);
    writeJson(join(outDir, 'summary.json'), summary);
  }
  if (bus.hasId(EventIds.SIMULATION_FINISHED)) {
    bus.emit(Events.SIMULATION_FINISHED, { rounds: rounds.length, interrupted, wallTimeMs: performance.now() - started });
  }
  return { summary, rounds, interrupted, outDir };
}

/** A packets_entities.csv row; `end` is the round's end time (for packets still in flight). */
function packetRow(p: PacketRuntime, end: number) {
  const active = p.outcome === 'active';
  return {
    packetId: p.id,
    createdAt: p.createdAt,
    size: p.size,
    request: p.req.name,
    totalSfcRequestsActive: p.totalSfcRequestsActive,
    user: p.req.user.name,
    maxDelay: p.maxDelay,
    delay: p.delayAt(end),
    mobilityPenalty: p.mobilityPenalty,
    slaViolated: p.slaViolated,
    slaViolationPercentage:
      active && p.slaViolated ? (p.delayAt(end) - p.maxDelay) / p.maxDelay : p.slaViolationPercentage,
    active,
    dropped: p.outcome === 'dropped',
    orphan: p.outcome === 'orphan',
    processed: p.outcome === 'delivered',
  };
}

function writeRoundSnapshots(dir: string, s: RoundState, seconds: number): void {
  const now = s.scheduler.now;
  writeSnapshots(dir, {
    vnfInstances: s.vnfInstances.map((v) => ({
      name: v.name,
      vnf: v.type.name,
      cpu: v.cpu,
      mem: v.mem,
      cpuLoad: v.cpuLoad,
      memLoad: v.memLoad,
      node: v.host.name,
      sfcInstances: v.mapped.map((m) => m.name),
      startup: v.readyAt > now ? v.readyAt - now : -1,
      shutdown: v.state === 'shutting-down' ? v.destroyAt - now : -1,
      timeout: !v.acceptSfcInstances
        ? -1
        : Number.isNaN(v.idleSince)
          ? v.type.timeout
          : Math.max(0, v.idleSince + v.type.timeout - now),
      active: v.state !== 'destroyed',
      acceptSfcInstances: v.acceptSfcInstances,
    })),
    sfcInstances: s.sfcInstances.map((si) => ({
      name: si.name,
      sfc: si.type.name,
      timeout: si.active ? Math.max(0, si.lastActivity + si.type.timeout - now) : 0,
      slice: si.slice,
      acceptRequests: si.acceptRequests,
      active: si.active,
      requests: si.reqs.map((r) => r.name),
      ingressNode: si.ingressNode,
      egressNode: si.egressNode,
      hops: si.hops,
      vnfInstances: si.servers.map((list) => list.map((v) => v.name).join('|')),
    })),
    processTimeSeconds: seconds,
  });
}

function writeEntityFiles(dir: string, s: RoundState, logLinkEntity: boolean): void {
  writeEntities(
    dir,
    s.env,
    {
      requestState: (r) => {
        const rt = s.requestByName.get(r.name)!;
        return {
          placed: rt.placed,
          replacements: rt.replacements,
          sfcInstance: rt.sfcInstance?.name ?? null,
          ingressNode: rt.ingressNode,
          arrivalTime: rt.arrivalTime,
        };
      },
      userNode: (u) => s.userByName.get(u.name)!.node,
    },
    { logLinkEntity },
  );
}
