import type { MonitorView, SfcInstanceMonitor, VnfInstanceMonitor } from '../plugins/monitor-view.js';
import { nodeResources } from './infrastructure-snapshot.js';
import type { RoundState } from './round-state.js';

/** Cumulative counters of every instance at one instant; windows are differences of two of these. */
export interface CounterSnapshot {
  readonly time: number;
  /** Per VNF instance index: arrived, processed, dropped, workArrived, workProcessed, ∫cpuLoad, ∫memLoad, ∫busy. */
  readonly vnf: Float64Array;
  /** Per SFC instance index: ended, violations, delivered, delivered delay sum, ended late. */
  readonly sfc: Float64Array;
}

const VNF_FIELDS = 8;
const SFC_FIELDS = 5;

/** Takes the cumulative counters now (after bringing every instance's integrals up to `now`). */
export function takeCounters(s: RoundState): CounterSnapshot {
  const now = s.scheduler.now;
  const vnf = new Float64Array(s.vnfInstances.length * VNF_FIELDS);
  s.vnfInstances.forEach((v, i) => {
    v.touch(now);
    const o = i * VNF_FIELDS;
    vnf[o] = v.arrived;
    vnf[o + 1] = v.processed;
    vnf[o + 2] = v.dropped;
    vnf[o + 3] = v.workArrived;
    vnf[o + 4] = v.workProcessed;
    vnf[o + 5] = v.cpuLoadIntegral;
    vnf[o + 6] = v.memLoadIntegral;
    vnf[o + 7] = v.busyIntegral;
  });
  const sfc = new Float64Array(s.sfcInstances.length * SFC_FIELDS);
  s.sfcInstances.forEach((si, i) => {
    const o = i * SFC_FIELDS;
    sfc[o] = si.packetsEnded;
    sfc[o + 1] = si.slaViolations;
    sfc[o + 2] = si.delivered;
    sfc[o + 3] = si.deliveredDelaySum;
    sfc[o + 4] = si.endedLate;
  });
  return { time: now, vnf, sfc };
}

/**
 * Builds the frozen {@link MonitorView} over the window (`base`, `now`]: per VNF instance the window's
 * arrivals, completions, drops, work and time-averaged loads; per SFC instance its SLA figures.
 */
export function monitorView(s: RoundState, now: CounterSnapshot, base: CounterSnapshot): MonitorView {
  const t = now.time;
  const vnfInstances: VnfInstanceMonitor[] = [];
  s.vnfInstances.forEach((v, i) => {
    if (v.state === 'destroyed') return;
    const o = i * VNF_FIELDS;
    const b = (k: number): number => (o + k < base.vnf.length ? base.vnf[o + k] : 0);
    const d = (k: number): number => now.vnf[o + k] - b(k);
    const span = t - Math.max(base.time, v.createdAt);
    vnfInstances.push(
      Object.freeze({
        name: v.name,
        vnf: v.type.name,
        node: v.host.name,
        // A removed instance still draining its packets is, for scaling, already shutting down.
        state: v.draining ? 'shutting-down' : v.state,
        cpu: v.cpu,
        mem: v.mem,
        cpuMin: v.type.cpu,
        memMin: v.type.mem,
        cpuLoad: v.cpuLoad,
        memLoad: v.memLoad,
        meanCpuLoad: span > 0 ? d(5) / span : v.cpuLoad,
        meanMemLoad: span > 0 ? d(6) / span : v.memLoad,
        utilization: span > 0 ? d(7) / span : v.busySlots > 0 ? 1 : 0,
        queue: v.queue,
        busySlots: v.busySlots,
        slots: v.slots,
        packetsArrived: d(0),
        packetsProcessed: d(1),
        packetsDropped: d(2),
        workArrived: d(3),
        workProcessed: d(4),
        sfcInstances: Object.freeze(v.mapped.map((m) => m.name)),
      }),
    );
  });
  const sfcInstances: SfcInstanceMonitor[] = [];
  s.sfcInstances.forEach((si, i) => {
    if (!si.active) return;
    const o = i * SFC_FIELDS;
    const b = (k: number): number => (o + k < base.sfc.length ? base.sfc[o + k] : 0);
    const ended = now.sfc[o] - b(0);
    const violations = now.sfc[o + 1] - b(1);
    const delivered = now.sfc[o + 2] - b(2);
    const delaySum = now.sfc[o + 3] - b(3);
    const endedLate = now.sfc[o + 4] - b(4);
    sfcInstances.push(
      Object.freeze({
        name: si.name,
        sfc: si.type.name,
        active: si.active,
        vnfInstances: Object.freeze(si.servers.flat().map((v) => v.name)),
        packetsEnded: ended,
        slaViolations: violations,
        slaViolationRate: ended > 0 ? endedLate / ended : 0,
        packetsInFlight: si.packetsInFlight,
        meanDelay: delivered > 0 ? delaySum / delivered : Number.NaN,
      }),
    );
  });
  return Object.freeze({
    time: t,
    windowStart: base.time,
    environment: s.env,
    nodes: nodeResources(s),
    vnfInstances: Object.freeze(vnfInstances),
    sfcInstances: Object.freeze(sfcInstances),
  });
}
