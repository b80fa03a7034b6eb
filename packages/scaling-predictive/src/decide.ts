import type { MonitorView, ScalingAction, VnfInstanceMonitor } from '@nss/core';
import { delayRuleCpu } from './delay-rule.js';
import { PREDICTIVE_NAME, type PredictiveParameters } from './parameters.js';
import { RateForecaster } from './rate-forecaster.js';

/** What the strategy remembers between cycles. */
export interface PredictiveState {
  /** Per VNF instance: its rate history and forecaster. */
  readonly forecasters: Map<string, RateForecaster>;
  /** Per VNF instance: the time (ms) of its last scaling decision. */
  readonly lastScaling: Map<string, number>;
  /** Per VNF instance: the mean work of a packet (instructions) last measured. */
  readonly workPerPacket: Map<string, number>;
}

/** A fresh, empty {@link PredictiveState}. */
export function createPredictiveState(): PredictiveState {
  return { forecasters: new Map(), lastScaling: new Map(), workPerPacket: new Map() };
}

/**
 * The work arrival rate (instructions/s) of an instance over the view's window: Σ work of the packets
 * that arrived, over the window's length in seconds. NaN for an empty window.
 */
export function arrivalRate(v: VnfInstanceMonitor, view: MonitorView): number {
  const seconds = (view.time - view.windowStart) / 1000;
  return seconds > 0 ? v.workArrived / seconds : Number.NaN;
}

/**
 * The delay budget (ms) of an instance: the smallest, over the SFC instances mapped onto it, of
 * sla_share · max_latency / (VNFs in the chain). Infinity when it serves none.
 */
export function delayBudget(v: VnfInstanceMonitor, view: MonitorView, p: PredictiveParameters): number {
  let budget = Number.POSITIVE_INFINITY;
  for (const name of v.sfcInstances) {
    const si = view.sfcInstances.find((s) => s.name === name);
    const sfc = si === undefined ? undefined : view.environment.sfcs.find((s) => s.name === si.sfc);
    if (sfc === undefined || sfc.vnfs.length === 0) continue;
    budget = Math.min(budget, (p.sla_share * sfc.maxLatency) / sfc.vnfs.length);
  }
  return budget;
}

/**
 * The CPU an instance should get for a forecast demand (instructions/s) and the work waiting in its
 * queue: demand · (1 + headroom) / target_utilization, plus the queued work spread over one interval.
 */
export function cpuTarget(demand: number, queuedWork: number, p: PredictiveParameters): number {
  return (demand * (1 + p.headroom)) / p.target_utilization + queuedWork / (p.monitor_interval / 1000);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * One monitor cycle: for each live VNF instance (those shutting down are skipped and forgotten when
 * gone), record its arrival rate, forecast the next `horizon` intervals, and set the CPU to
 * the larger of {@link cpuTarget} of the largest forecast and the delay rule's CPU ({@link delayRuleCpu}
 * for the forecast packet rate and the instance's {@link delayBudget}), clamped to [cpuMin, cpu + what its node has free] (free CPU
 * is shared by the instances of a node in view order, so a request never exceeds what the view says
 * the node can give; the core still records a failure if that changed). A scale-up is emitted whenever the target is
 * above the allocation; a scale-down only when the target is below cpu · (1 − hysteresis) and the last
 * scaling of the instance is at least `waiting_time` ms old. Memory is never changed.
 */
export function decidePredictive(view: MonitorView, p: PredictiveParameters, state: PredictiveState): ScalingAction[] {
  const actions: ScalingAction[] = [];
  const free = new Map(view.nodes.map((n) => [n.node, Math.max(0, n.freeCpu)]));
  const live = new Set<string>();
  for (const v of view.vnfInstances) {
    live.add(v.name);
    if (v.state === 'shutting-down') continue;
    const rate = arrivalRate(v, view);
    if (!Number.isFinite(rate)) continue;
    let f = state.forecasters.get(v.name);
    if (f === undefined) {
      f = new RateForecaster(p);
      state.forecasters.set(v.name, f);
    }
    f.observe(rate);
    const forecasts = f.forecast();
    const demand = Math.max(...forecasts);
    if (v.packetsArrived > 0) state.workPerPacket.set(v.name, v.workArrived / v.packetsArrived);
    const workPerPacket = state.workPerPacket.get(v.name) ?? 0;
    let target = cpuTarget(demand, v.queue * workPerPacket, p);
    const budget = delayBudget(v, view, p);
    if (workPerPacket > 0 && Number.isFinite(budget)) {
      target = Math.max(target, delayRuleCpu((demand * (1 + p.headroom)) / workPerPacket, workPerPacket, budget, p.sla_miss_target, target));
    }
    const nodeFree = free.get(v.node) ?? 0;
    const ceiling = v.cpu + nodeFree;
    const wanted = Math.min(Math.max(target, v.cpuMin), Math.max(ceiling, v.cpuMin));
    const why = `${PREDICTIVE_NAME}: forecast ${round3(demand)} instr/s (${p.model}), target ${round3(target)}`;
    if (wanted > v.cpu) {
      free.set(v.node, Math.max(0, nodeFree - (wanted - v.cpu)));
      state.lastScaling.set(v.name, view.time);
      actions.push({ kind: 'vertical', instance: v.name, cpu: wanted, reason: why });
    } else if (wanted < v.cpu * (1 - p.hysteresis) && v.cpu > v.cpuMin) {
      const last = state.lastScaling.get(v.name);
      if (last !== undefined && view.time - last < p.waiting_time) continue;
      // The CPU freed is not counted for the node's other instances: the core applies it in order,
      // and staying conservative never asks for more than the node has.
      state.lastScaling.set(v.name, view.time);
      actions.push({ kind: 'vertical', instance: v.name, cpu: wanted, reason: why });
    }
  }
  for (const name of [...state.forecasters.keys()]) {
    if (!live.has(name)) {
      state.forecasters.delete(name);
      state.lastScaling.delete(name);
      state.workPerPacket.delete(name);
    }
  }
  return actions;
}
