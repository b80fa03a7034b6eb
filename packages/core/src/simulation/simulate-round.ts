import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SimulationSettings } from '../config/index.js';
import type { Rng } from '../engine/rng.js';
import { Scheduler } from '../engine/scheduler.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { EnvironmentIndex } from '../environment/environment-index.js';
import { EventIds, Events } from '../events/catalogue.js';
import type { EventBus } from '../events/event-bus.js';
import type { DispatchPolicy } from '../plugins/dispatch.js';
import type { ScalingStrategy } from '../plugins/monitor-view.js';
import type { PlacementStrategy } from '../plugins/placement.js';
import { RunMetrics } from '../results/run-metrics.js';
import type { FlowTable } from './flow-file.js';
import { Lifecycle } from './lifecycle.js';
import { type MobilityPlan, UserMobility } from './mobility.js';
import { PacketPipeline } from './packet-pipeline.js';
import { PlacementRounds } from './placement-rounds.js';
import type { Quirks } from '../config/quirks.js';
import { Replacement } from './replacement.js';
import { RoundState } from './round-state.js';
import type { PacketRuntime } from './runtime/packet.js';
import { ScalingRunner } from './scaling-runner.js';
import { SfcInstanceMonitor } from './sfc-instance-monitor.js';
import { TrafficGenerator } from './traffic.js';

/** Everything one round needs. Strategies are fresh instances for the round. */
export interface RoundInput {
  readonly environment: EdgeEnvironment;
  readonly index: EnvironmentIndex;
  readonly settings: SimulationSettings;
  readonly quirks: Quirks;
  /** 0-based round number. */
  readonly round: number;
  /** The round's random source (derived from the run seed; distinct per round). */
  readonly rng: Rng;
  readonly bus: EventBus;
  readonly placement: PlacementStrategy;
  /** Scaling strategies (the `scaling` and `scaling_down` slots), each at its own interval. */
  readonly scaling: readonly ScalingStrategy[];
  readonly dispatch: DispatchPolicy | null;
  readonly flows: FlowTable | null;
  readonly mobility: MobilityPlan | null;
  /** Asked between chunks of simulated time; returning true ends the round early (marked interrupted). */
  readonly shouldStop?: () => boolean;
  /**
   * Called for every packet when it ends, and for those still in flight at the end of the round (then
   * with `now`, the instant the round stopped: total_time, or earlier when interrupted).
   */
  readonly onPacket?: (packet: PacketRuntime, now: number) => void;
}

/** The outcome of one round: its state (for snapshots) and its metrics. */
export interface RoundOutput {
  readonly state: RoundState;
  readonly metrics: RunMetrics;
  readonly interrupted: boolean;
  /** Events executed by the scheduler. */
  readonly events: number;
}

/** Slices of simulated time between which the loop yields to Node (progress, Ctrl-C). */
const SLICES = 200;

/**
 * Runs one round of the simulation (model-spec §5–§9) and returns its final state and metrics. The
 * clock only moves by events; async strategies pause it at their instant (see {@link RoundState.defer}).
 */
export async function simulateRound(input: RoundInput): Promise<RoundOutput> {
  const { environment: env, settings, quirks, bus, rng } = input;
  const scheduler = new Scheduler(0);
  const metrics = new RunMetrics(
    env.sfcs.map((s) => s.name),
    env.slices.map((s) => s.name),
  );
  const streams = {
    processing: rng.stream('processing'),
    mobility: rng.stream('mobility'),
    traffic: (request: string) => rng.stream(`traffic/${request}`),
  };
  const state = new RoundState(
    env,
    input.index,
    settings,
    quirks,
    scheduler,
    bus,
    metrics,
    streams,
    input.dispatch,
  );
  const pipeline = new PacketPipeline(state);
  const onPacket = input.onPacket;
  if (onPacket !== undefined) state.packetEnded = (p) => onPacket(p, scheduler.now);
  const lifecycle = new Lifecycle(state, pipeline);
  const traffic = new TrafficGenerator(state, pipeline, input.flows);
  const rounds = new PlacementRounds(state, input.placement, lifecycle, traffic);
  const replacement = new Replacement(state, rounds, lifecycle);
  const monitor = new SfcInstanceMonitor(state, replacement);

  // Same-instant order is FIFO by scheduling time: at t = 0 the monitors, then mobility, then the
  // placement round; later, the placement rounds (scheduled up front) precede monitor cycles at the same instant.
  monitor.start();
  const scalers = input.scaling.map((strategy) => new ScalingRunner(state, strategy, lifecycle));
  for (const s of scalers) s.start();
  if (input.mobility !== null && settings.executeUserMobility) new UserMobility(state, input.mobility).start();
  rounds.scheduleRounds();

  const total = settings.totalTime;
  let interrupted = false;
  const slice = Math.max(total / SLICES, 1);
  for (;;) {
    scheduler.run({ until: Math.min(total, scheduler.now + slice) });
    if (state.pending !== null) {
      const work = state.pending;
      state.pending = null;
      await work;
      continue;
    }
    if (bus.hasId(EventIds.SIMULATION_PROGRESS)) {
      bus.emit(Events.SIMULATION_PROGRESS, {
        time: scheduler.now,
        totalTime: total,
        round: input.round,
        packets: metrics.created,
      });
    }
    if (scheduler.now >= total) break;
    if (input.shouldStop?.()) {
      interrupted = true;
      break;
    }
    await yieldToEventLoop();
    if (input.shouldStop?.()) {
      interrupted = true;
      break;
    }
  }

  // End of run (§5.10): packets still in flight are reported as expired at the end time.
  const end = scheduler.now;
  const expiredOn = !quirks.slaEventsNeedVnfLogging || settings.logVnfInstanceEvents;
  for (const p of state.activePackets) {
    if (expiredOn && bus.hasId(EventIds.PACKET_SIMULATION_TIME_EXPIRED)) {
      bus.emit(Events.PACKET_SIMULATION_TIME_EXPIRED, {
        time: end,
        packetId: p.id,
        request: p.req.name,
        sfcInstance: p.si?.name ?? '',
        user: p.req.user.name,
        sfc: p.req.sfc.name,
        dataSource: p.req.dataSource.name,
        delay: end - p.createdAt,
      });
    }
    input.onPacket?.(p, end);
  }
  for (const s of scalers) s.stop();

  let nodesWms = 0;
  for (const n of state.nodes) {
    n.accrue(end);
    nodesWms += n.energyWms;
  }
  let linksWms = 0;
  for (const l of state.links) linksWms += l.link.energyConsumption * l.busyMs;
  metrics.energy(nodesWms / 3.6e6, linksWms / 3.6e6);
  let placed = 0;
  let rejected = 0;
  for (const r of state.requests) {
    if (r.placed) placed++;
    else if (r.placementOrder >= 0) rejected++;
  }
  metrics.requests(state.requests.length, placed, rejected);
  return { state, metrics, interrupted, events: scheduler.executed };
}
