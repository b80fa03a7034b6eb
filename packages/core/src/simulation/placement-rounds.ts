import { performance } from 'node:perf_hooks';
import type { Scheduler } from '../engine/scheduler.js';
import { NssError } from '../errors.js';
import { EventIds, Events } from '../events/catalogue.js';
import type { SfcRequest } from '../model/sfc-request.js';
import { checkPlacementPlan } from '../plugins/plan-validation.js';
import type { PlacementPlan, PlacementStrategy } from '../plugins/placement.js';
import { infrastructureView } from './infrastructure-snapshot.js';
import type { Lifecycle } from './lifecycle.js';
import type { RoundState } from './round-state.js';
import { orderBatch } from './request-order.js';
import type { RequestRuntime } from './runtime/request-runtime.js';
import type { SfcInstanceRuntime } from './runtime/sfc-instance-runtime.js';
import type { VnfInstanceRuntime } from './runtime/vnf-instance-runtime.js';
import type { TrafficGenerator } from './traffic.js';

/** What a placement call placed: per request of the batch, placed or not and why. */
export interface PlacementOutcome {
  readonly placed: ReadonlyMap<RequestRuntime, boolean>;
}

/**
 * Placement rounds (model-spec §3.3): every `time_window` ms the requests that arrived in the window are
 * ordered, handed with an {@link InfrastructureView} to the placement strategy, and its plan is checked
 * and applied. A strategy may be async: the round then pauses the clock until its plan arrives.
 */
export class PlacementRounds {
  private readonly s: RoundState;
  private readonly sched: Scheduler;

  constructor(
    state: RoundState,
    private readonly strategy: PlacementStrategy,
    private readonly lifecycle: Lifecycle,
    private readonly traffic: TrafficGenerator,
  ) {
    this.s = state;
    this.sched = state.scheduler;
  }

  /** Schedules every placement round of the run. */
  scheduleRounds(): void {
    const { timeWindow, totalTime } = this.s.settings;
    if (timeWindow === 0) {
      this.sched.at(0, this.round, 0);
      return;
    }
    for (let t = timeWindow; t < totalTime; t += timeWindow) this.sched.at(t, this.round, t);
  }

  private readonly round = (t: number): void => {
    const s = this.s;
    const tw = s.settings.timeWindow;
    const windowInit = tw === 0 ? 0 : t - tw;
    const windowEnd = tw === 0 ? s.settings.totalTime : t;
    const batch = s.requests.filter((r) =>
      tw === 0 ? true : r.arrivalTime >= windowInit && r.arrivalTime < windowEnd && !r.placed,
    );
    const ordered = orderBatch(batch, s.settings.orderSfcRequestBySimilarity, s.index, s.quirks.ignoreRequestPriority);
    const names = ordered.map((r) => r.name);
    this.emitWindow(Events.TIME_WINDOW_STARTED, windowInit, windowEnd, names, 0);
    if (s.bus.hasId(EventIds.PLACEMENT_STARTED)) s.bus.emit(Events.PLACEMENT_STARTED, { time: this.sched.now });
    const started = performance.now();
    this.decide(ordered.map((r) => r.req), (plan) => {
      const algMs = performance.now() - started;
      this.apply(ordered, ordered.map((r) => r.req), plan);
      if (s.bus.hasId(EventIds.PLACEMENT_PROCESSED)) {
        s.bus.emit(Events.PLACEMENT_PROCESSED, plan.details === undefined ? { time: this.sched.now } : { time: this.sched.now, details: plan.details });
      }
      // Traffic starts at the window's end (the placement instant); with no windows, at 0 ([Q-7] profile aside).
      const trafficEnd = tw === 0 ? 0 : t;
      for (const r of ordered) {
        s.placementOrder++;
        r.placementOrder = s.placementOrder;
        if (r.placed) {
          s.placedCount++;
          this.emitRequest(Events.SFC_REQUEST_PLACED, r, s.placementOrder, undefined);
          this.traffic.start(r, trafficEnd);
        } else {
          s.notPlacedCount++;
          this.emitRequest(Events.SFC_REQUEST_NOT_PLACED, r, s.placementOrder, r.rejectReason);
        }
      }
      this.emitWindow(Events.TIME_WINDOW_PROCESSED, windowInit, windowEnd, names, algMs);
    });
  };

  /**
   * Calls the strategy and continues with `then` at the same simulated instant: at once for a synchronous
   * strategy; after the promise settles for an async one (see {@link RoundState.defer}).
   */
  decide(requests: readonly SfcRequest[], then: (plan: PlacementPlan) => void): void {
    if (requests.length === 0) {
      then({ decisions: [] });
      return;
    }
    const view = infrastructureView(this.s);
    let result: PlacementPlan | Promise<PlacementPlan>;
    try {
      result = this.strategy.place(Object.freeze([...requests]), view);
    } catch (e) {
      throw this.failure(e);
    }
    if (result instanceof Promise) {
      const promise = result;
      this.s.defer(() =>
        promise.then(then, (e: unknown) => {
          throw this.failure(e);
        }),
      );
    } else {
      then(result);
    }
  }

  private failure(e: unknown): NssError {
    if (e instanceof NssError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new NssError('NSS_PLUGIN_FAILED', `placement "${this.strategy.name}" failed at t=${this.sched.now} ms: ${msg}`, {
      cause: e,
      exitCode: 1,
    });
  }

  /**
   * Checks a plan against the current state and applies what is feasible. Requests are marked placed
   * (with their SFC instance) or not placed with the reason.
   */
  apply(batch: readonly RequestRuntime[], requests: readonly SfcRequest[], plan: PlacementPlan): void {
    const s = this.s;
    const view = infrastructureView(s);
    const checked = checkPlacementPlan(plan, requests, view, this.strategy.name);
    const byName = new Map(batch.map((r) => [r.name, r]));
    const created = new Map<string, VnfInstanceRuntime>();
    for (const c of checked) {
      const req = byName.get(c.request);
      if (c.status === 'ignored' || req === undefined) continue; // outside the batch: reported by the check only
      if (c.status === 'rejected') {
        req.placed = false;
        req.rejectReason = c.reason;
        continue;
      }
      const d = c.decision;
      if (d.kind === 'share') {
        const si = s.sfcInstanceByName.get(d.sfcInstance)!;
        this.lifecycle.attach(si, req);
      } else {
        const servers = c.assignments.map((a) => {
          if (a.kind === 'existing') return s.vnfInstanceByName.get(a.instance)!;
          let inst = created.get(a.key);
          if (inst === undefined) {
            inst = this.lifecycle.createVnfInstance(s.index.vnf(a.vnf), s.nodeByName.get(a.node)!);
            created.set(a.key, inst);
          }
          return inst;
        });
        const links = d.links.map((l) => s.linkByName.get(l)!);
        this.lifecycle.createSfcInstance(req.sfc, req, servers, links);
      }
      req.placed = true;
      req.rejectReason = '';
    }
  }

  private emitWindow(
    event: typeof Events.TIME_WINDOW_STARTED | typeof Events.TIME_WINDOW_PROCESSED,
    windowInit: number,
    windowEnd: number,
    names: string[],
    algMs: number,
  ): void {
    const s = this.s;
    if (!s.bus.has(event)) return;
    const started = event === Events.TIME_WINDOW_STARTED;
    let cpu = 0;
    let mem = 0;
    let vnfCount = 0;
    for (const v of s.vnfInstances) {
      if (v.state === 'destroyed') continue;
      cpu += v.cpu;
      mem += v.mem;
      vnfCount++;
    }
    let siCount = 0;
    for (const si of s.sfcInstances) if (si.active) siCount++;
    let power = 0;
    for (const n of s.nodes) power += n.power();
    s.bus.emit(event, {
      time: this.sched.now,
      windowInit,
      windowEnd,
      sfcRequestsPlaced: started ? 0 : s.placedCount,
      sfcRequestsNotPlaced: started ? 0 : s.notPlacedCount,
      cpuAllocated: started ? 0 : cpu,
      memAllocated: started ? 0 : mem,
      vnfInstancesCount: started ? 0 : vnfCount,
      sfcInstancesCount: started ? 0 : siCount,
      totalAlgTime: started ? 0 : algMs,
      countSfcRequests: names.length,
      sfcRequests: names,
      totalEnergyConsumption: started ? 0 : power,
    });
  }

  /** Emits an sfc_request.csv row. */
  emitRequest(
    event:
      | typeof Events.SFC_REQUEST_PLACED
      | typeof Events.SFC_REQUEST_NOT_PLACED
      | typeof Events.SFC_REQUEST_REPLACED
      | typeof Events.SFC_REQUEST_REPLACEMENT_FAILED,
    req: RequestRuntime,
    placementOrder: number,
    reason: string | undefined,
  ): void {
    const bus = this.s.bus;
    if (!bus.has(event)) return;
    const si: SfcInstanceRuntime | null = req.sfcInstance;
    bus.emit(event, {
      time: this.sched.now,
      request: req.name,
      sfcInstance: si?.name ?? '',
      placementOrder,
      ...(reason ? { reason } : {}),
    });
  }
}
