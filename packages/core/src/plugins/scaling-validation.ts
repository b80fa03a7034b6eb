import { PluginError } from '../errors.js';
import type { VnfInstanceState } from '../model/vnf-instance.js';
import { DraftLedger } from './draft-ledger.js';
import type {
  AddInstanceAction,
  MonitorView,
  RemoveInstanceAction,
  ScalingAction,
  VerticalScalingAction,
} from './monitor-view.js';

/** Why the core refused a scaling action. Stable codes for logs and tests. */
export type ScalingConstraint =
  /** Not a vertical, add-instance or remove-instance action, or a field of the wrong type. */
  | 'malformed-action'
  /** The instance named is not a live VNF instance. */
  | 'unknown-vnf-instance'
  /** The instance named has been destroyed. */
  | 'vnf-instance-destroyed'
  /** remove-instance of an instance already shutting down (or removed earlier in the same list). */
  | 'vnf-instance-shutting-down'
  /** A CPU or memory target that is not a finite number > 0, or rounds to 0. */
  | 'invalid-target'
  /** Not enough free CPU on the node for a scale-up or a new instance. */
  | 'insufficient-cpu'
  /** Not enough free memory on the node for a scale-up or a new instance. */
  | 'insufficient-memory'
  /** A CPU scale-down below the VNF type's `cpu` (its minimum). */
  | 'below-minimum-cpu'
  /** A memory scale-down below the VNF type's `mem` (its minimum). */
  | 'below-minimum-memory'
  /** add-instance of a VNF type that does not exist. */
  | 'unknown-vnf'
  /** add-instance on a node that does not exist. */
  | 'unknown-node'
  /** add-instance on a node whose VNF list does not contain the VNF type. */
  | 'node-cannot-host'
  /** add-instance naming an SFC instance that is not active. */
  | 'unknown-sfc-instance'
  /** add-instance naming an SFC instance whose chain does not contain the VNF type. */
  | 'sfc-instance-vnf-mismatch'
  /** add-instance naming more SFC instances than the VNF type's `max_share`. */
  | 'too-many-sfc-instances';

/** Which way an allocation moves. */
export type ScalingDirection = 'up' | 'down' | 'none';

/**
 * The CPU or memory part of a vertical action, so the simulation can log `SCALING_UP_CPU`,
 * `SCALING_DOWN_MEM`, `SCALING_UP_CPU_FAIL`, ... (`direction` `none`: unchanged or not requested).
 */
export interface ResourceChange {
  readonly resource: 'cpu' | 'mem';
  readonly direction: ScalingDirection;
  /** Allocation before the action (after earlier actions of the list). */
  readonly from: number;
  /** Target as the strategy gave it (unrounded); `undefined` when not requested. */
  readonly requested: number | undefined;
  /** Rounded target (equal to `from` when not requested or invalid). */
  readonly to: number;
  /** Whether this part alone can be applied. */
  readonly feasible: boolean;
  /** Set when not feasible. */
  readonly constraint?: ScalingConstraint;
  /** Set when not feasible: a sentence naming the strategy, the instance and the numbers. */
  readonly reason?: string;
}

/** An accepted vertical action: apply `cpu.to` and `mem.to`. */
export interface AcceptedVerticalScaling {
  readonly status: 'accepted';
  readonly kind: 'vertical';
  readonly action: VerticalScalingAction;
  readonly instance: string;
  readonly node: string;
  readonly cpu: ResourceChange;
  readonly mem: ResourceChange;
}

/** An accepted add-instance action: create an instance of `vnf` on `node` with the type's CPU and memory. */
export interface AcceptedAddInstance {
  readonly status: 'accepted';
  readonly kind: 'add-instance';
  readonly action: AddInstanceAction;
  readonly vnf: string;
  readonly node: string;
  readonly cpu: number;
  readonly mem: number;
  /** SFC instances to map onto it (possibly none). */
  readonly sfcInstances: readonly string[];
}

/** An accepted remove-instance action: start shutting the instance down. */
export interface AcceptedRemoveInstance {
  readonly status: 'accepted';
  readonly kind: 'remove-instance';
  readonly action: RemoveInstanceAction;
  readonly instance: string;
  readonly node: string;
}

/**
 * A refused action: nothing of it is applied (a vertical action is atomic: when its memory part is
 * infeasible its CPU part is not applied either; `cpu`/`mem` tell which part failed).
 */
export interface RejectedScalingAction {
  readonly status: 'rejected';
  readonly kind: ScalingAction['kind'] | 'unknown';
  readonly action: ScalingAction;
  readonly constraint: ScalingConstraint;
  readonly reason: string;
  /** For a vertical action on a known instance: its CPU part. */
  readonly cpu?: ResourceChange;
  /** For a vertical action on a known instance: its memory part. */
  readonly mem?: ResourceChange;
}

/** The verdict on one scaling action. */
export type CheckedScalingAction = AcceptedVerticalScaling | AcceptedAddInstance | AcceptedRemoveInstance | RejectedScalingAction;

/** Behaviour switches of {@link checkScalingActions} for the reference's quirks (both off by default). */
export interface ScalingCheckOptions {
  /** Round targets half to even (Python's `round`) instead of half up (`Math.round`). */
  readonly roundHalfToEven?: boolean;
  /** A memory scale-up checks the node's free CPU instead of its free memory. */
  readonly memoryScaleUpChecksCpu?: boolean;
}

interface DraftInstance {
  readonly name: string;
  readonly vnf: string;
  readonly node: string;
  readonly cpuMin: number;
  readonly memMin: number;
  cpu: number;
  mem: number;
  state: VnfInstanceState;
}

interface ScalingDraft {
  readonly view: MonitorView;
  readonly strategy: string;
  readonly ledger: DraftLedger;
  readonly instances: Map<string, DraftInstance>;
  readonly round: (x: number) => number;
  readonly memoryScaleUpChecksCpu: boolean;
}

/**
 * Validates a scaling strategy's actions against the view it was given, without changing anything.
 * Actions are checked in order against a draft of the nodes' free resources and the instances'
 * allocations, so each sees the effect of the earlier accepted ones (a scale-down frees resources for a
 * later scale-up; an instance being shut down still holds its resources, model-spec §6.1).
 *
 * Rules (model-spec §8.1, with corrected): targets are rounded to integers (half up; see
 * {@link ScalingCheckOptions}); a CPU (memory) scale-up needs free CPU (memory) on the node at least equal
 * to the increase; a scale-down may not go below the VNF type's cpu (mem). Returns one verdict per action,
 * in order. Throws {@link PluginError} when `actions` is not a list.
 *
 * @param strategy - the scaling strategy's name, used in the reasons.
 */
export function checkScalingActions(
  actions: readonly ScalingAction[],
  view: MonitorView,
  strategy: string,
  options: ScalingCheckOptions = {},
): CheckedScalingAction[] {
  if (!Array.isArray(actions)) {
    throw new PluginError(`scaling "${strategy}" returned ${String(actions)} instead of a list of actions`);
  }
  const context: ScalingDraft = {
    view,
    strategy,
    ledger: new DraftLedger(view.nodes),
    instances: new Map(
      view.vnfInstances.map((v) => [
        v.name,
        { name: v.name, vnf: v.vnf, node: v.node, cpuMin: v.cpuMin, memMin: v.memMin, cpu: v.cpu, mem: v.mem, state: v.state },
      ]),
    ),
    round: options.roundHalfToEven === true ? roundHalfToEven : Math.round,
    memoryScaleUpChecksCpu: options.memoryScaleUpChecksCpu === true,
  };
  return (actions as readonly unknown[]).map((action) => checkAction(action as ScalingAction, context));
}

/** Python's `round` for integers: halves go to the even neighbour. */
export function roundHalfToEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function reject(action: ScalingAction, constraint: ScalingConstraint, reason: string): RejectedScalingAction {
  const kind = action?.kind === 'vertical' || action?.kind === 'add-instance' || action?.kind === 'remove-instance' ? action.kind : 'unknown';
  return { status: 'rejected', kind, action, constraint, reason };
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

function earlier(taken: number): string {
  return taken > 0 ? ` (earlier actions took ${num(taken)})` : '';
}

function checkAction(action: ScalingAction, context: ScalingDraft): CheckedScalingAction {
  switch (action?.kind) {
    case 'vertical':
      return checkVertical(action, context);
    case 'add-instance':
      return checkAddInstance(action, context);
    case 'remove-instance':
      return checkRemoveInstance(action, context);
    default: {
      let shown: string;
      try {
        shown = JSON.stringify(action) ?? String(action);
      } catch {
        shown = String(action);
      }
      return reject(
        action,
        'malformed-action',
        `${context.strategy} returned ${shown}, which is not a vertical, add-instance or remove-instance action`,
      );
    }
  }
}

function findInstance(
  action: VerticalScalingAction | RemoveInstanceAction,
  context: ScalingDraft,
): DraftInstance | RejectedScalingAction {
  const instance = typeof action.instance === 'string' ? context.instances.get(action.instance) : undefined;
  const verb = action.kind === 'vertical' ? 'scaled' : 'removed';
  if (instance === undefined) {
    return reject(action, 'unknown-vnf-instance', `${context.strategy} ${verb} ${String(action.instance)}, which is not a live VNF instance`);
  }
  if (instance.state === 'destroyed') {
    return reject(action, 'vnf-instance-destroyed', `${context.strategy} ${verb} ${instance.name}, which has been destroyed`);
  }
  return instance;
}

function checkVertical(action: VerticalScalingAction, context: ScalingDraft): CheckedScalingAction {
  const found = findInstance(action, context);
  if ('status' in found) return found;
  const instance = found;
  if (action.cpu === undefined && action.mem === undefined) {
    return reject(action, 'malformed-action', `${context.strategy} scaled ${instance.name} without a cpu or mem target`);
  }
  const cpu = resourceChange('cpu', action.cpu, instance, context);
  const mem = resourceChange('mem', action.mem, instance, context);
  const failed = !cpu.feasible ? cpu : !mem.feasible ? mem : undefined;
  if (failed !== undefined) {
    return { ...reject(action, failed.constraint as ScalingConstraint, failed.reason as string), cpu, mem };
  }
  context.ledger.allocate(instance.node, cpu.to - cpu.from, mem.to - mem.from);
  instance.cpu = cpu.to;
  instance.mem = mem.to;
  return { status: 'accepted', kind: 'vertical', action, instance: instance.name, node: instance.node, cpu, mem };
}

function resourceChange(
  resource: 'cpu' | 'mem',
  requested: number | undefined,
  instance: DraftInstance,
  context: ScalingDraft,
): ResourceChange {
  const { strategy, ledger } = context;
  const from = resource === 'cpu' ? instance.cpu : instance.mem;
  const word = resource === 'cpu' ? 'CPU' : 'memory';
  const unchanged = { resource, from, requested, to: from };
  if (requested === undefined) return { ...unchanged, direction: 'none', feasible: true };
  const infeasible = (direction: ScalingDirection, to: number, constraint: ScalingConstraint, reason: string): ResourceChange => ({
    resource,
    direction,
    from,
    requested,
    to,
    feasible: false,
    constraint,
    reason,
  });
  if (typeof requested !== 'number' || !Number.isFinite(requested) || requested <= 0) {
    return infeasible('none', from, 'invalid-target', `${strategy} scaled the ${word} of ${instance.name} to ${String(requested)}; a target must be a finite number > 0`);
  }
  const to = context.round(requested);
  if (to <= 0) {
    return infeasible('none', from, 'invalid-target', `${strategy} scaled the ${word} of ${instance.name} to ${num(requested)}, which rounds to 0`);
  }
  if (to === from) return { ...unchanged, direction: 'none', feasible: true };
  const what = `${strategy} scaled the ${word} of ${instance.name} from ${num(from)} to ${num(to)}`;
  if (to < from) {
    const min = resource === 'cpu' ? instance.cpuMin : instance.memMin;
    if (to < min) {
      return infeasible(
        'down',
        to,
        resource === 'cpu' ? 'below-minimum-cpu' : 'below-minimum-memory',
        `${what}, below the ${instance.vnf} minimum of ${num(min)}`,
      );
    }
    return { resource, direction: 'down', from, requested, to, feasible: true };
  }
  const checksCpu = resource === 'cpu' || context.memoryScaleUpChecksCpu;
  const free = checksCpu ? ledger.freeCpu(instance.node) : ledger.freeMem(instance.node);
  const taken = checksCpu ? ledger.takenCpu(instance.node) : ledger.takenMem(instance.node);
  if (free < to - from) {
    return infeasible(
      'up',
      to,
      resource === 'cpu' ? 'insufficient-cpu' : 'insufficient-memory',
      `${what} (+${num(to - from)}) on ${instance.node} with ${num(free)} ${checksCpu ? 'CPU' : 'memory'} free${earlier(taken)}`,
    );
  }
  return { resource, direction: 'up', from, requested, to, feasible: true };
}

function checkAddInstance(action: AddInstanceAction, context: ScalingDraft): CheckedScalingAction {
  const { strategy, view, ledger } = context;
  const env = view.environment;
  const vnf = env.vnfs.find((v) => v.name === action.vnf);
  const what = `${strategy} added an instance of ${String(action.vnf)} on ${String(action.node)}`;
  if (vnf === undefined) return reject(action, 'unknown-vnf', `${what}, but ${String(action.vnf)} is not a VNF type`);
  const node = env.nodes.find((n) => n.name === action.node);
  if (node === undefined || !ledger.hasNode(node.name)) {
    return reject(action, 'unknown-node', `${what}, but ${String(action.node)} is not a node`);
  }
  if (!node.vnfs.includes(vnf.name)) {
    return reject(action, 'node-cannot-host', `${what}, which cannot host ${vnf.name} (it hosts ${node.vnfs.join(', ') || 'no VNF type'})`);
  }
  const freeCpu = ledger.freeCpu(node.name);
  if (freeCpu < vnf.cpu) {
    return reject(action, 'insufficient-cpu', `${what} with ${num(freeCpu)} CPU free${earlier(ledger.takenCpu(node.name))}; it needs ${num(vnf.cpu)}`);
  }
  const freeMem = ledger.freeMem(node.name);
  if (freeMem < vnf.mem) {
    return reject(action, 'insufficient-memory', `${what} with ${num(freeMem)} memory free${earlier(ledger.takenMem(node.name))}; it needs ${num(vnf.mem)}`);
  }
  const names = action.sfcInstances ?? [];
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string') || new Set(names).size !== names.length) {
    return reject(action, 'malformed-action', `${what} with sfcInstances ${JSON.stringify(names)}; expected a list of distinct SFC instance names`);
  }
  if (names.length > vnf.maxShare) {
    return reject(
      action,
      'too-many-sfc-instances',
      `${what} for ${names.length} SFC instances, but an instance of ${vnf.name} serves at most ${vnf.maxShare} (max_share)`,
    );
  }
  for (const name of names) {
    const si = view.sfcInstances.find((s) => s.name === name);
    if (si === undefined || !si.active) {
      return reject(action, 'unknown-sfc-instance', `${what} for SFC instance ${name}, which is not an active SFC instance`);
    }
    const chain = env.sfcs.find((s) => s.name === si.sfc)?.vnfs ?? [];
    if (!chain.includes(vnf.name)) {
      return reject(
        action,
        'sfc-instance-vnf-mismatch',
        `${what} for SFC instance ${name}, whose chain ${si.sfc} (${chain.join(', ')}) does not use ${vnf.name}`,
      );
    }
  }
  ledger.allocate(node.name, vnf.cpu, vnf.mem);
  return { status: 'accepted', kind: 'add-instance', action, vnf: vnf.name, node: node.name, cpu: vnf.cpu, mem: vnf.mem, sfcInstances: names };
}

function checkRemoveInstance(action: RemoveInstanceAction, context: ScalingDraft): CheckedScalingAction {
  const found = findInstance(action, context);
  if ('status' in found) return found;
  if (found.state === 'shutting-down') {
    return reject(action, 'vnf-instance-shutting-down', `${context.strategy} removed ${found.name}, which is already shutting down`);
  }
  found.state = 'shutting-down'; // still holds its resources until destroyed (model-spec §6.1)
  return { status: 'accepted', kind: 'remove-instance', action, instance: found.name, node: found.node };
}
