import type { Scheduler } from '../engine/scheduler.js';
import { Events } from '../events/catalogue.js';
import type { FlowTable } from './flow-file.js';
import type { PacketPipeline } from './packet-pipeline.js';
import type { RoundState } from './round-state.js';
import type { RequestRuntime } from './runtime/request-runtime.js';

/**
 * Offered traffic of placed requests (model-spec §5.2): a random burst/packet flow per request drawn
 * from its own seeded stream (so a different placement plugin sees the same offered traffic), or the
 * rows of a packet-flow CSV file. Generators are chains of scheduled events with the request as argument.
 */
export class TrafficGenerator {
  private readonly s: RoundState;
  private readonly sched: Scheduler;

  constructor(
    state: RoundState,
    private readonly pipeline: PacketPipeline,
    private readonly flows: FlowTable | null,
  ) {
    this.s = state;
    this.sched = state.scheduler;
  }

  /** Starts the generator of a request placed at `now`; `windowEnd` is the end of its placement window. */
  start(req: RequestRuntime, windowEnd: number): void {
    const s = this.s;
    if (!s.settings.packetGeneration) return;
    if (this.flows !== null) {
      const rows = this.flows.rowsFor(req.user.name, req.sfc.name);
      if (rows === null) return; // reference: no rows for the key, no events
      req.flowRows = rows;
      req.flowNext = 0;
      s.activePlacedRequests++;
      this.emitRequest(Events.SFC_REQUEST_PACKET_GENERATION_STARTED, req);
      this.sched.after(rows[0], this.fileRow, req);
      return;
    }
    req.traffic = s.streams.traffic(req.name);
    const noWindow = s.settings.timeWindow === 0;
    const end = noWindow && s.quirks.windowEndIsTotalTimeWithoutWindows ? s.settings.totalTime : windowEnd;
    req.generateUntil = req.req.duration + end;
    s.activePlacedRequests++;
    this.emitRequest(Events.SFC_REQUEST_PACKET_GENERATION_STARTED, req);
    this.loopTop(req);
  }

  // ---- random flow (§5.2.1) ----
  private loopTop(req: RequestRuntime): void {
    if (this.sched.now > req.generateUntil) {
      this.stop(req, true);
      return;
    }
    this.sched.after(req.traffic!.poisson(req.dataSource.packetsBurstInterval), this.burst, req);
  }

  private readonly burst = (req: RequestRuntime): void => {
    if (this.sched.now > this.s.settings.timeLimitToPacketGeneration) {
      this.stop(req, !this.s.quirks.silentGenerationLimit);
      return;
    }
    req.burstLeft = req.traffic!.poisson(req.dataSource.packetsBurstSize);
    this.nextPacket(req);
  };

  private nextPacket(req: RequestRuntime): void {
    const s = this.s;
    const now = this.sched.now;
    const rng = req.traffic!;
    while (req.burstLeft > 0) {
      req.burstLeft--;
      const si = req.sfcInstance;
      if (si !== null) si.lastActivity = now;
      // Packets that could not finish before the end of the run are not generated (§5.2.1).
      if (s.settings.totalTime > now + req.sfc.maxLatency) {
        req.pendingSize = rng.poisson(req.dataSource.packetSize);
        req.pendingCreatedAt = now;
        this.sched.after(rng.poisson(req.dataSource.packetInterval), this.injectRandom, req);
        return;
      }
    }
    this.loopTop(req);
  }

  private readonly injectRandom = (req: RequestRuntime): void => {
    const createdAt = this.s.quirks.delayIncludesInterPacketGap ? req.pendingCreatedAt : this.sched.now;
    if (this.s.settings.totalTime > this.sched.now) {
      this.pipeline.inject(this.pipeline.createPacket(req, createdAt, req.pendingSize));
    }
    this.nextPacket(req);
  };

  // ---- file flow (§5.2.2) ----
  private readonly fileRow = (req: RequestRuntime): void => {
    const s = this.s;
    const now = this.sched.now;
    if (now > s.settings.timeLimitToPacketGeneration) {
      this.stop(req, !s.quirks.silentGenerationLimit);
      return;
    }
    const rows = req.flowRows!;
    const i = req.flowNext;
    if (!s.quirks.fileFlowDoesNotResetTimeout && req.sfcInstance !== null) req.sfcInstance.lastActivity = now;
    this.pipeline.inject(this.pipeline.createPacket(req, now, rows[i + 1]));
    req.flowNext = i + 2;
    if (req.flowNext < rows.length) this.sched.after(rows[req.flowNext], this.fileRow, req);
    else this.stop(req, true);
  };

  private stop(req: RequestRuntime, log: boolean): void {
    if (!req.active) return;
    if (!log) return; // silent, stays active
    req.active = false;
    if (req.placed) this.s.activePlacedRequests--;
    this.emitRequest(Events.SFC_REQUEST_PACKET_GENERATION_STOPPED, req);
  }

  private emitRequest(
    event: typeof Events.SFC_REQUEST_PACKET_GENERATION_STARTED | typeof Events.SFC_REQUEST_PACKET_GENERATION_STOPPED,
    req: RequestRuntime,
  ): void {
    const bus = this.s.bus;
    if (!bus.has(event)) return;
    bus.emit(event, {
      time: this.sched.now,
      request: req.name,
      sfcInstance: req.sfcInstance?.name ?? '',
      placementOrder: -1,
    });
  }
}
