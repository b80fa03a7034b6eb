import { type MonitorView, PluginError, type SfcInstanceMonitor, type VnfInstanceMonitor } from '@nss/core';
import type { AcceptableRates, CommonParameters } from './parameters.js';

/**
 * Free CPU and memory per node during one monitor cycle: starts from the view and follows the actions
 * the cycle has already decided, so a later decision never counts on resources an earlier one took
 * (corrects the reference's per-node snapshot, [Q-43]).
 */
export class CycleLedger {
  private readonly free = new Map<string, { cpu: number; mem: number }>();
  private readonly capacity = new Map<string, { cpu: number; mem: number }>();

  constructor(view: MonitorView) {
    for (const n of view.nodes) this.free.set(n.node, { cpu: n.freeCpu, mem: n.freeMem });
    for (const n of view.environment.nodes) this.capacity.set(n.name, { cpu: n.cpu, mem: n.mem });
  }

  freeCpu(node: string): number {
    return this.free.get(node)?.cpu ?? 0;
  }

  freeMem(node: string): number {
    return this.free.get(node)?.mem ?? 0;
  }

  /** The node's CPU capacity. */
  nodeCpu(node: string): number {
    return this.capacity.get(node)?.cpu ?? 0;
  }

  /** Records that an action took `cpu` and `mem` (negative: released) on `node`. */
  take(node: string, cpu: number, mem: number): void {
    const f = this.free.get(node);
    if (f === undefined) return;
    f.cpu -= cpu;
    f.mem -= mem;
  }

  /**
   * Node resource-available metric H(n) (model-spec §7.2, without the 2-decimal rounding): 0 when the
   * free CPU or memory is ≤ 0, else (w_cn·freeCpu/cpu + w_mn·freeMem/mem)/(w_cn + w_mn); 1 = fully free.
   */
  available(node: string, p: CommonParameters): number {
    const f = this.free.get(node);
    const c = this.capacity.get(node);
    if (f === undefined || c === undefined || f.cpu <= 0 || f.mem <= 0 || c.cpu <= 0 || c.mem <= 0) return 0;
    const wc = p.cpu_node_available_importance;
    const wm = p.mem_node_available_importance;
    return (wc * (f.cpu / c.cpu) + wm * (f.mem / c.mem)) / (wc + wm);
  }
}

/**
 * Load metric Λ of an instance over the window: the weighted mean of its time-averaged CPU and memory
 * loads, (w_cl·meanCpuLoad + w_ml·meanMemLoad)/(w_cl + w_ml). Read from the monitor view (not from the
 * logged, 2-decimal usages of the reference, [Q-22]).
 */
export function loadMetric(v: VnfInstanceMonitor, p: CommonParameters): number {
  const wc = p.cpu_vnf_load_importance;
  const wm = p.mem_vnf_load_importance;
  return (wc * v.meanCpuLoad + wm * v.meanMemLoad) / (wc + wm);
}

/** The acceptable SLA-violation rate of an SFC type: its own entry, else `default`. */
export function acceptableRate(rates: AcceptableRates, sfc: string): number {
  return Object.prototype.hasOwnProperty.call(rates, sfc) && sfc !== 'default' ? rates[sfc] : rates.default;
}

/**
 * Checks, once, that every key of `acceptable_sla_violation_rate` other than `default` names an SFC type
 * of the environment (it cannot be checked when the plugin is created: the environment is not known yet).
 */
export function checkSfcNames(plugin: string, rates: AcceptableRates, view: Pick<MonitorView, 'environment'>): void {
  const known = new Set(view.environment.sfcs.map((s) => s.name));
  const unknown = Object.keys(rates).filter((k) => k !== 'default' && !known.has(k));
  if (unknown.length === 0) return;
  const names = [...known];
  throw new PluginError(
    `scaling plugin "${plugin}": parameter "acceptable_sla_violation_rate" has ${unknown.length === 1 ? 'a key' : 'keys'} ${unknown
      .map((k) => `"${k}"`)
      .join(', ')} (value ${unknown.map((k) => String(rates[k])).join(', ')}) that ${unknown.length === 1 ? 'is not an SFC name' : 'are not SFC names'} of the environment; keys must be "default" or one of: ${
      names.length > 0 ? names.join(', ') : '(no SFC types)'
    }`,
  );
}

/**
 * Per-SFC-instance waiting time after a scaling action: unlike the reference, which pauses the whole
 * monitor loop [Q-23], only the SFC instance that was scaled is left alone for
 * `waiting_time_between_scaling_ups` ms; the others are examined as usual.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(private readonly wait: number) {}

  /** Whether the SFC instance may be scaled at `time`. */
  ready(sfcInstance: string, time: number): boolean {
    const t = this.last.get(sfcInstance);
    return t === undefined || time - t >= this.wait;
  }

  mark(sfcInstance: string, time: number): void {
    this.last.set(sfcInstance, time);
  }

  /** Forgets SFC instances no longer active. */
  prune(active: ReadonlySet<string>): void {
    for (const k of [...this.last.keys()]) if (!active.has(k)) this.last.delete(k);
  }
}

/** Index of a view's VNF instances by name. */
export function instancesByName(view: MonitorView): Map<string, VnfInstanceMonitor> {
  return new Map(view.vnfInstances.map((v) => [v.name, v]));
}

/** The live, not shutting-down VNF instances serving an SFC instance, in its order, without duplicates. */
export function instancesOf(si: SfcInstanceMonitor, byName: ReadonlyMap<string, VnfInstanceMonitor>): VnfInstanceMonitor[] {
  const out: VnfInstanceMonitor[] = [];
  const seen = new Set<string>();
  for (const name of si.vnfInstances) {
    const v = byName.get(name);
    if (v === undefined || seen.has(name) || v.state === 'shutting-down' || v.state === 'destroyed') continue;
    seen.add(name);
    out.push(v);
  }
  return out;
}

/** Rounds a resource to the integer the core would apply. */
export const round = Math.round;
