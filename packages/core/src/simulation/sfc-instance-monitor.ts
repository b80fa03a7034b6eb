import type { Scheduler } from '../engine/scheduler.js';
import { EventIds, Events } from '../events/catalogue.js';
import type { Replacement } from './replacement.js';
import type { RoundState } from './round-state.js';
import type { RequestRuntime } from './runtime/request-runtime.js';
import type { SfcInstanceRuntime } from './runtime/sfc-instance-runtime.js';

/**
 * The always-running SFC-instance monitor (model-spec §7.1): tracks requests crossing the migration
 * threshold (and queues re-placements), and locks shared SFC instances whose SLA violations in the
 * window exceed `max_sla_violation_sfc_instance_shared` (unlocking them when they fall back).
 */
export class SfcInstanceMonitor {
  private readonly s: RoundState;
  private readonly sched: Scheduler;

  constructor(
    state: RoundState,
    private readonly replacement: Replacement,
  ) {
    this.s = state;
    this.sched = state.scheduler;
  }

  /** Schedules the first cycle at t = 0. */
  start(): void {
    this.sched.at(0, this.cycle, this);
  }

  private readonly cycle = (): void => {
    const s = this.s;
    const now = this.sched.now;
    for (const si of s.sfcInstances) {
      if (!si.active) continue;
      this.trackMigration(si, now);
      this.lockOrUnlock(si, now);
    }
    const next = now + s.settings.sfcInstanceMonitorInterval;
    if (next < s.settings.totalTime) this.sched.at(next, this.cycle, this);
  };

  private trackMigration(si: SfcInstanceRuntime, now: number): void {
    const s = this.s;
    const threshold = si.type.maxLatency * s.settings.migration.thresholdPercentage;
    for (const req of si.reqs) {
      if (req.sfcInstance !== si || !req.active) continue;
      const mean = req.meanRecentLatency();
      const above = !Number.isNaN(mean) && mean > threshold;
      if (above && !req.aboveThreshold) {
        req.aboveThreshold = true;
        this.emitMigration(Events.SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD, req, now);
        if (s.settings.placement.enableReplacement && req.user.node !== req.ingressNode) this.replacement.enqueue(req);
      } else if (!above && req.aboveThreshold) {
        req.aboveThreshold = false;
        this.emitMigration(Events.SFC_REQUEST_BELOW_MIGRATION_THRESHOLD, req, now);
        if (req.replacement !== null) this.replacement.cancel(req);
      }
    }
  }

  private lockOrUnlock(si: SfcInstanceRuntime, now: number): void {
    const s = this.s;
    let violations: number;
    if (s.quirks.cumulativeLockWindow) {
      violations = si.slaViolations;
    } else {
      const from = now - s.settings.sfcInstanceMonitorWindowSize;
      const times = si.violationTimes;
      let drop = 0;
      while (drop < times.length && times[drop] < from) drop++;
      if (drop > 0) times.splice(0, drop);
      violations = times.length;
    }
    const bus = s.bus;
    if (violations > s.settings.maxSlaViolationSfcInstanceShared) {
      if (si.acceptRequests) {
        si.acceptRequests = false;
        if (bus.hasId(EventIds.SFC_INSTANCE_LOCKED)) bus.emit(Events.SFC_INSTANCE_LOCKED, { time: now, sfcInstance: si.name });
      }
    } else if (!si.acceptRequests) {
      si.acceptRequests = true;
      if (bus.hasId(EventIds.SFC_INSTANCE_UNLOCKED)) bus.emit(Events.SFC_INSTANCE_UNLOCKED, { time: now, sfcInstance: si.name });
    }
  }

  private emitMigration(
    event: typeof Events.SFC_REQUEST_ABOVE_MIGRATION_THRESHOLD | typeof Events.SFC_REQUEST_BELOW_MIGRATION_THRESHOLD,
    req: RequestRuntime,
    now: number,
  ): void {
    const bus = this.s.bus;
    if (bus.has(event)) bus.emit(event, { time: now, request: req.name, user: req.user.name });
  }
}
