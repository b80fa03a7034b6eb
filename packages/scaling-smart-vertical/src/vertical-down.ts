import { type MonitorView, type ScalingAction, type ScalingStrategy, type VnfInstanceMonitor, defineScaling } from '@nss/core';
import { Cooldown, CycleLedger, instancesByName, instancesOf, loadMetric } from './common.js';
import { SMART_DOWN_SCHEMA, type SmartVerticalDownParameters, checkDownParameters } from './parameters.js';

/** One candidate of the down-scaler's planner with its RIT score and the terms that make it. */
export interface RitScore {
  readonly instance: VnfInstanceMonitor;
  readonly rit: number;
  readonly load: number;
  /** packet_cpu_demand of its VNF type / the largest of the SFC instance's VNF types, in [0, 1]. */
  readonly process: number;
  /** H of its node. */
  readonly available: number;
}

/**
 * RIT(X) = w_load·Λ(X) + w_proc·d(X)/max d + w_res·(1 − H(node(X))) for every instance of the SFC instance
 * (model-spec §8.5). d is the VNF type's `packet_cpu_demand`, **normalised** by the largest demand among
 * the SFC instance's instances so that all three terms are in [0, 1] (the reference used the raw demand,
 * which dwarfs the other terms, [Q-43]). Λ is the same weighted mean as the up-scalers' (the reference
 * divided by 2 instead of by the weight sum).
 */
export function ritScores(
  instances: readonly VnfInstanceMonitor[],
  view: MonitorView,
  ledger: CycleLedger,
  p: SmartVerticalDownParameters,
): RitScore[] {
  const demand = new Map(view.environment.vnfs.map((v) => [v.name, v.packetCpuDemand]));
  const d = (x: VnfInstanceMonitor): number => Math.max(0, demand.get(x.vnf) ?? 0);
  const maxDemand = instances.reduce((m, x) => Math.max(m, d(x)), 0);
  return instances.map((instance) => {
    const load = loadMetric(instance, p);
    const process = maxDemand > 0 ? d(instance) / maxDemand : 0;
    const available = ledger.available(instance.node, p);
    const rit = p.load_metric_importance * load + p.process_contribution_importance * process + p.resource_available_importance * (1 - available);
    return { instance, rit, load, process, available };
  });
}

/**
 * `smart-vertical-down` cycle: every active SFC instance without any SLA violation in the window (and
 * not waiting after a recent scaling) has the instance with the largest RIT (first on ties) scaled down
 * to max(minimum, alloc·(1 − resource_decrement)) for CPU and memory. A resource already at its minimum
 * is left as it is; no action when both are. An instance shared by several SFC instances is scaled at
 * most once per cycle.
 */
export function downScaler(name: string, p: SmartVerticalDownParameters): ScalingStrategy {
  const cooldown = new Cooldown(p.waiting_time_between_scaling_ups);
  return {
    name,
    monitorInterval: p.monitor_interval,
    windowSize: p.monitor_window_size,
    monitor(view: MonitorView): ScalingAction[] {
      const ledger = new CycleLedger(view);
      const byName = instancesByName(view);
      const scaled = new Set<string>();
      const actions: ScalingAction[] = [];
      cooldown.prune(new Set(view.sfcInstances.map((s) => s.name)));
      for (const si of view.sfcInstances) {
        if (!si.active || si.slaViolations !== 0 || !cooldown.ready(si.name, view.time)) continue;
        const instances = instancesOf(si, byName).filter((v) => !scaled.has(v.name));
        if (instances.length === 0) continue;
        const scores = ritScores(instances, view, ledger, p);
        let best = scores[0];
        for (const s of scores) if (s.rit > best.rit) best = s;
        const v = best.instance;
        const cpu = target(v.cpu, v.cpuMin, p.resource_decrement);
        const mem = target(v.mem, v.memMin, p.resource_decrement);
        if (cpu === null && mem === null) continue; // already at the minimum
        ledger.take(v.node, (cpu ?? v.cpu) - v.cpu, (mem ?? v.mem) - v.mem);
        scaled.add(v.name);
        cooldown.mark(si.name, view.time);
        actions.push({
          kind: 'vertical',
          instance: v.name,
          ...(cpu !== null ? { cpu } : {}),
          ...(mem !== null ? { mem } : {}),
          reason: `${name}: no SLA violation for ${si.name}; RIT ${Math.round(best.rit * 1000) / 1000}`,
        });
      }
      return actions;
    },
  };
}

/**
 * The integer scale-down target max(min, alloc·(1 − decrement)), never below the minimum once rounded;
 * null when it would not lower the allocation.
 */
export function target(alloc: number, min: number, decrement: number): number | null {
  const t = Math.max(Math.ceil(min), Math.floor(alloc * (1 - decrement)));
  return t < alloc ? t : null;
}

/** `smart-vertical-down` (the reference's SmartVerticalScalingDown, model-spec §8.5). */
export const smartVerticalDown = defineScaling<SmartVerticalDownParameters>({
  name: 'smart-vertical-down',
  aliases: ['SmartVerticalScalingDown'],
  description:
    'Vertical scale-down of SFC instances without SLA violations: the instance with the largest RIT (load, per-packet CPU demand, node occupation) loses resource_decrement of its CPU and memory, never below the VNF minimum.',
  parameters: SMART_DOWN_SCHEMA,
  check(params) {
    checkDownParameters('smart-vertical-down', params);
  },
  create(params) {
    const p = checkDownParameters('smart-vertical-down', params);
    return downScaler('smart-vertical-down', p);
  },
});
