import {
  type MonitorView,
  type ScalingAction,
  type ScalingStrategy,
  type VerticalScalingAction,
  type VnfInstanceMonitor,
  defineScaling,
} from '@nss/core';
import {
  Cooldown,
  CycleLedger,
  acceptableRate,
  checkSfcNames,
  instancesByName,
  instancesOf,
  loadMetric,
  round,
} from './common.js';
import {
  SMART_UP_SCHEMA,
  type SmartVerticalUpParameters,
  TCP_UP_SCHEMA,
  type TcpVerticalUpParameters,
  checkTcpParameters,
  checkUpParameters,
} from './parameters.js';

/**
 * Decides the increment of one instance: the integer CPU and memory targets to request, or null for no
 * action. `ledger` holds the node's free resources after the earlier decisions of the cycle.
 */
export type Increment = (v: VnfInstanceMonitor, ledger: CycleLedger) => VerticalScalingAction | null;

/**
 * The MAPE-K loop shared by the two up-scalers (model-spec §8.3), one cycle per monitor call:
 * - analyzer: an active SFC instance whose SLA-violation rate over the window reaches its acceptable
 *   rate (and that is not waiting after a recent scaling) is planned for;
 * - planner: the nodes hosting its VNF instances, by node score H descending (balance) or ascending
 *   (consolidation, `prioritize_nodes_with_more_resource_available` = 0); on each node its instances by
 *   load metric Λ descending; every instance with Λ > `load_vnf_instance_limit` gets `increment`;
 * - executer: the core applies the vertical actions.
 * An instance shared by several SFC instances is scaled at most once per cycle.
 */
export function upScaler(name: string, p: SmartVerticalUpParameters, increment: Increment): ScalingStrategy {
  const cooldown = new Cooldown(p.waiting_time_between_scaling_ups);
  let namesChecked = false;
  const balance = p.prioritize_nodes_with_more_resource_available !== 0;
  return {
    name,
    monitorInterval: p.monitor_interval,
    windowSize: p.monitor_window_size,
    monitor(view: MonitorView): ScalingAction[] {
      if (!namesChecked) {
        checkSfcNames(name, p.acceptable_sla_violation_rate, view);
        namesChecked = true;
      }
      const ledger = new CycleLedger(view);
      const byName = instancesByName(view);
      const scaled = new Set<string>();
      const actions: ScalingAction[] = [];
      cooldown.prune(new Set(view.sfcInstances.map((s) => s.name)));
      for (const si of view.sfcInstances) {
        if (!si.active || !cooldown.ready(si.name, view.time)) continue;
        const limit = acceptableRate(p.acceptable_sla_violation_rate, si.sfc);
        if (!(si.slaViolationRate >= limit)) continue;
        const instances = instancesOf(si, byName);
        const nodes: string[] = [];
        for (const v of instances) if (!nodes.includes(v.node)) nodes.push(v.node);
        const score = new Map(nodes.map((n) => [n, ledger.available(n, p)]));
        nodes.sort((a, b) => (balance ? score.get(b)! - score.get(a)! : score.get(a)! - score.get(b)!));
        let any = false;
        for (const node of nodes) {
          const ranked = instances
            .filter((v) => v.node === node && !scaled.has(v.name))
            .map((v) => ({ v, load: loadMetric(v, p) }))
            .sort((a, b) => b.load - a.load);
          for (const { v, load } of ranked) {
            if (!(load > p.load_vnf_instance_limit)) continue;
            const action = increment(v, ledger);
            if (action === null) continue;
            ledger.take(node, (action.cpu ?? v.cpu) - v.cpu, (action.mem ?? v.mem) - v.mem);
            scaled.add(v.name);
            actions.push({
              ...action,
              reason: `${name}: ${si.name} SLA violation rate ${fmt(si.slaViolationRate)} >= ${fmt(limit)}; load ${fmt(load)}`,
            });
            any = true;
          }
        }
        if (any) cooldown.mark(si.name, view.time);
      }
      return actions;
    },
  };
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/**
 * §8.3 increment: Δc = cpu·resource_increment, Δm = mem·resource_increment; applied when both are below
 * the node's free CPU and memory (after earlier actions of the cycle), as one vertical action.
 */
export function smartIncrement(p: SmartVerticalUpParameters): Increment {
  return (v, ledger) => {
    const dc = v.cpu * p.resource_increment;
    const dm = v.mem * p.resource_increment;
    if (!(dc < ledger.freeCpu(v.node) && dm < ledger.freeMem(v.node))) return null;
    const cpu = round(v.cpu + dc);
    const mem = round(v.mem + dm);
    // The core rounds targets: never ask for more than is free once rounded.
    if (cpu - v.cpu > ledger.freeCpu(v.node) || mem - v.mem > ledger.freeMem(v.node)) return null;
    if (cpu <= v.cpu && mem <= v.mem) return null;
    return { kind: 'vertical', instance: v.name, ...(cpu > v.cpu ? { cpu } : {}), ...(mem > v.mem ? { mem } : {}) };
  };
}

/**
 * §8.4 increment ("TCP-inspired"): linear phase Δ = alloc·resource_increment when the instance's CPU is
 * above `threshold` of its node's CPU, else slow start Δ = alloc (doubling); each Δ capped at the node's
 * free resource (after earlier actions of the cycle). A resource whose capped Δ is ≤ 0 is left out; no
 * action when both are (the reference called the executer anyway).
 */
export function tcpIncrement(p: TcpVerticalUpParameters): Increment {
  return (v, ledger) => {
    const linear = v.cpu > ledger.nodeCpu(v.node) * p.threshold;
    const factor = linear ? p.resource_increment : 1;
    const dc = Math.min(v.cpu * factor, ledger.freeCpu(v.node));
    const dm = Math.min(v.mem * factor, ledger.freeMem(v.node));
    // Round down so that the rounded target never exceeds what is free.
    const cpu = v.cpu + Math.max(0, Math.floor(dc + v.cpu) - v.cpu);
    const mem = v.mem + Math.max(0, Math.floor(dm + v.mem) - v.mem);
    const upCpu = dc > 0 && cpu > v.cpu;
    const upMem = dm > 0 && mem > v.mem;
    if (!upCpu && !upMem) return null;
    return { kind: 'vertical', instance: v.name, ...(upCpu ? { cpu } : {}), ...(upMem ? { mem } : {}) };
  };
}

/** `smart-vertical-up` (the reference's SmartVerticalScalingUp, model-spec §8.3). */
export const smartVerticalUp = defineScaling<SmartVerticalUpParameters>({
  name: 'smart-vertical-up',
  aliases: ['SmartVerticalScalingUp'],
  description:
    'SLA-driven vertical scale-up: SFC instances above their acceptable SLA-violation rate get +resource_increment CPU and memory on their most loaded instances, nodes by free resources.',
  parameters: SMART_UP_SCHEMA,
  check(params, { environment }) {
    const p = checkUpParameters('smart-vertical-up', params);
    if (environment !== null) checkSfcNames('smart-vertical-up', p.acceptable_sla_violation_rate, { environment });
  },
  create(params) {
    const p = checkUpParameters('smart-vertical-up', params);
    return upScaler('smart-vertical-up', p, smartIncrement(p));
  },
});

/** `tcp-vertical-up` (the reference's TCPInspiredVerticalScalingUp, model-spec §8.4). */
export const tcpVerticalUp = defineScaling<TcpVerticalUpParameters>({
  name: 'tcp-vertical-up',
  aliases: ['TCPInspiredVerticalScalingUp'],
  description:
    'SLA-driven vertical scale-up with a TCP-like increment: doubling while the instance holds less than threshold of its node CPU, then +resource_increment; capped at the free resources.',
  parameters: TCP_UP_SCHEMA,
  check(params, { environment }) {
    const p = checkTcpParameters('tcp-vertical-up', params);
    if (environment !== null) checkSfcNames('tcp-vertical-up', p.acceptable_sla_violation_rate, { environment });
  },
  create(params) {
    const p = checkTcpParameters('tcp-vertical-up', params);
    return upScaler('tcp-vertical-up', p, tcpIncrement(p));
  },
});
