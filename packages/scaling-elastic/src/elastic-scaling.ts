import {
  type MonitorView,
  type ScalingAction,
  type ScalingStrategy,
  type VnfInstanceMonitor,
  defineScaling,
} from '@nss/core';
import {
  ELASTIC_NAME,
  ELASTIC_PARAMETERS_SCHEMA,
  type ElasticParameters,
  type ElasticRawParameters,
  resolveElasticParameters,
} from './elastic-parameters.js';
import { ElasticityTrigger } from './elasticity-trigger.js';

/** What the strategy remembers between monitor instants: one trigger per target (instance or slice name). */
export interface ElasticState {
  readonly triggers: Map<string, ElasticityTrigger>;
}

/** A new, empty state. */
export function elasticState(): ElasticState {
  return { triggers: new Map() };
}

/** The point of an instance, in percent. */
function pointOf(v: VnfInstanceMonitor, p: ElasticParameters): number {
  return 100 * (p.metric === 'utilization' ? v.utilization : v.meanCpuLoad);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function triggerFor(state: ElasticState, target: string, p: ElasticParameters): ElasticityTrigger {
  let t = state.triggers.get(target);
  if (t === undefined) {
    t = new ElasticityTrigger({
      upper: p.threshold,
      lower: p.lower_threshold,
      span: p.time_window === null ? { points: p.points } : { window: p.time_window, interval: p.monitor_interval },
      cooldown: p.cooldown,
    });
    state.triggers.set(target, t);
  }
  return t;
}

/** Live instances per SFC instance and VNF type: how many serve one chain position. */
function positionCounts(view: MonitorView, byName: ReadonlyMap<string, VnfInstanceMonitor>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const si of view.sfcInstances) {
    for (const name of si.vnfInstances) {
      const v = byName.get(name);
      if (v === undefined || v.state === 'shutting-down') continue;
      const key = `${si.name}\u0000${v.vnf}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Free CPU and memory per node, updated as the cycle's actions book them. */
type Free = Map<string, { cpu: number; mem: number }>;

/**
 * Scale up `v`: vertically when its node has the CPU for the increment; otherwise out, with a new
 * instance of its type for its SFC instances (up to `max_instances` per chain position) on its node or,
 * when that is full, on the node able to host the type with the most free CPU. With nowhere to go, the
 * vertical action is still returned: the core refuses it and records the failure.
 */
function scaleUp(
  v: VnfInstanceMonitor,
  view: MonitorView,
  p: ElasticParameters,
  free: Free,
  counts: ReadonlyMap<string, number>,
  why: string,
): ScalingAction {
  const target = Math.round(v.cpu * (1 + p.cpu_increment));
  const here = free.get(v.node)!;
  const vertical: ScalingAction = { kind: 'vertical', instance: v.name, cpu: target, reason: `${why}: vertical` };
  if (here.cpu >= target - v.cpu) {
    here.cpu -= target - v.cpu;
    return vertical;
  }
  const type = view.environment.vnfs.find((t) => t.name === v.vnf);
  if (type === undefined) return vertical;
  const room = v.sfcInstances.filter((si) => (counts.get(`${si}\u0000${v.vnf}`) ?? 1) < p.max_instances);
  if (room.length === 0) return vertical;
  const fits = (node: string) => {
    const f = free.get(node);
    return f !== undefined && f.cpu >= type.cpu && f.mem >= type.mem;
  };
  let node: string | null = fits(v.node) ? v.node : null;
  if (node === null) {
    let best = -1;
    for (const n of view.environment.nodes) {
      if (!n.vnfs.includes(v.vnf) || !fits(n.name)) continue;
      const f = free.get(n.name)!;
      if (f.cpu > best) {
        best = f.cpu;
        node = n.name;
      }
    }
  }
  if (node === null) return vertical;
  const f = free.get(node)!;
  f.cpu -= type.cpu;
  f.mem -= type.mem;
  return {
    kind: 'add-instance',
    vnf: v.vnf,
    node,
    sfcInstances: room.slice(0, Math.max(1, type.maxShare)),
    reason: `${why}: ${v.node} cannot grow ${v.name} to ${target}; scale out on ${node}`,
  };
}

/**
 * Scale in `v`: remove it when every SFC instance it serves has another instance of its type;
 * otherwise scale its CPU down, never below the VNF type's minimum. `null` when it is at the floor.
 */
function scaleIn(v: VnfInstanceMonitor, p: ElasticParameters, counts: ReadonlyMap<string, number>, why: string): ScalingAction | null {
  const shared = v.sfcInstances.length > 0 && v.sfcInstances.every((si) => (counts.get(`${si}\u0000${v.vnf}`) ?? 1) > 1);
  if (shared) return { kind: 'remove-instance', instance: v.name, reason: `${why}: remove an instance` };
  if (v.cpu <= v.cpuMin) return null;
  return {
    kind: 'vertical',
    instance: v.name,
    cpu: Math.max(v.cpuMin, Math.round(v.cpu * (1 - p.cpu_decrement))),
    reason: `${why}: vertical down`,
  };
}

/**
 * One monitor instant of the elastic scaling: each target (a live VNF instance, or a slice with its
 * instances' mean point) feeds its {@link ElasticityTrigger}; a firing `up` scales vertically first and
 * out when the node cannot grow the instance, a firing `down` scales in. Per slice, `up` acts on its
 * most loaded instance and `down` on its least loaded one. Pure apart from `state`.
 */
export function decideElastic(view: MonitorView, p: ElasticParameters, state: ElasticState): ScalingAction[] {
  const live = view.vnfInstances.filter((v) => v.state !== 'shutting-down');
  const byName = new Map(view.vnfInstances.map((v) => [v.name, v]));
  const counts = positionCounts(view, byName);
  const free: Free = new Map(view.nodes.map((n) => [n.node, { cpu: n.freeCpu, mem: n.freeMem }]));
  const actions: ScalingAction[] = [];
  const act = (decision: 'up' | 'down' | null, group: readonly VnfInstanceMonitor[], point: number, target: string) => {
    if (decision === null || group.length === 0) return;
    const sorted = [...group].sort((a, b) => pointOf(b, p) - pointOf(a, p));
    const verb = decision === 'up' ? `> ${p.threshold}` : `< ${p.lower_threshold}`;
    const span = p.time_window === null ? `${p.points} points` : `${p.time_window} ms`;
    const why = `${ELASTIC_NAME}: ${target} ${p.metric} ${round1(point)} % ${verb} for ${span}`;
    const action = decision === 'up' ? scaleUp(sorted[0], view, p, free, counts, why) : scaleIn(sorted[sorted.length - 1], p, counts, why);
    if (action !== null) actions.push(action);
  };
  if (p.scope === 'vnf-instance') {
    for (const v of live) {
      const point = pointOf(v, p);
      act(triggerFor(state, v.name, p).observe(view.time, point), [v], point, v.name);
    }
    return actions;
  }
  const sliceOfSfc = new Map(view.environment.sfcs.map((s) => [s.name, s.slice]));
  const members = new Map<string, Set<VnfInstanceMonitor>>();
  for (const si of view.sfcInstances) {
    const slice = sliceOfSfc.get(si.sfc);
    if (slice === undefined) continue;
    let set = members.get(slice);
    if (set === undefined) members.set(slice, (set = new Set()));
    for (const name of si.vnfInstances) {
      const v = byName.get(name);
      if (v !== undefined && v.state !== 'shutting-down') set.add(v);
    }
  }
  for (const [slice, set] of members) {
    if (set.size === 0) continue;
    const group = [...set];
    const point = group.reduce((a, v) => a + pointOf(v, p), 0) / group.length;
    act(triggerFor(state, `slice ${slice}`, p).observe(view.time, point), group, point, `slice ${slice}`);
  }
  return actions;
}

/**
 * Slice elasticity in the manner of the NECOS MUSTS demo (seed-systems §4): per VNF instance or per
 * slice, when the last `points` monitor points (or every point of `time_window`) are above `threshold`,
 * scale vertically (CPU × (1 + cpu_increment)) or, when the node cannot grow the instance, out (a new
 * instance on a node with capacity); when they are below `lower_threshold`, scale in (remove an extra
 * instance, else CPU × (1 − cpu_decrement) down to the VNF type's minimum); then leave the target alone
 * for `cooldown` ms.
 *
 * Names: `elastic`, aliases `ElasticScaling`, `@nss/scaling-elastic`.
 */
export const elasticScaling = defineScaling<ElasticRawParameters>({
  name: ELASTIC_NAME,
  aliases: ['ElasticScaling', '@nss/scaling-elastic'],
  description:
    'Slice elasticity (NECOS): after P points above a threshold, scale vertically, or out when the node is full; scale in below a lower threshold; cooldown after each action.',
  parameters: ELASTIC_PARAMETERS_SCHEMA,
  check(raw) {
    resolveElasticParameters(raw);
  },
  create(raw): ScalingStrategy {
    const p = resolveElasticParameters(raw);
    const state = elasticState();
    return {
      name: ELASTIC_NAME,
      monitorInterval: p.monitor_interval,
      windowSize: p.monitor_interval,
      monitor: (view) => decideElastic(view, p, state),
    };
  },
});
