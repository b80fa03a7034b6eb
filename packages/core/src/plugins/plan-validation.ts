import { PluginError } from '../errors.js';
import type { Link } from '../model/link.js';
import type { Sfc } from '../model/sfc.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { Vnf } from '../model/vnf.js';
import { type ChainCheck, checkChain, checkShare, slotKeyOfInstance } from './chain-validation.js';
import { DraftLedger } from './draft-ledger.js';
import type { InfrastructureView, NodeResources, SfcInstanceView, VnfInstanceView } from './infrastructure-view.js';
import type { ChainDecision, PlacementDecision, PlacementPlan, ShareDecision } from './placement.js';

/** Why the core refused a placement decision (or found none). Stable codes for logs and tests. */
export type PlacementConstraint =
  /** The plan has no decision for a request of the batch. */
  | 'no-decision'
  /** A second decision for a request that already had one (the first counts). */
  | 'duplicate-decision'
  /** A decision for a request that is not in the batch. */
  | 'unknown-request'
  /** A decision that is not a chain, share or reject decision, or lacks fields. */
  | 'malformed-decision'
  /** The plugin itself returned a `reject` decision. */
  | 'plugin-rejected'
  /** A share decision while SFC-instance sharing is off (`share_sfc_instance = 0`). */
  | 'sharing-disabled'
  /** A share decision naming no active SFC instance. */
  | 'unknown-sfc-instance'
  /** A share decision naming an SFC instance that is no longer active ([Q-15] corrected). */
  | 'sfc-instance-inactive'
  /** A share decision naming an SFC instance locked by the SFC-instance monitor. */
  | 'sfc-instance-locked'
  /** A share decision naming an SFC instance of another SFC type. */
  | 'sfc-type-mismatch'
  /** A share decision naming an SFC instance with another ingress or egress node. */
  | 'ingress-egress-mismatch'
  /** The request's SFC type is not in the environment. */
  | 'unknown-sfc'
  /** A chain decision with a number of VNF assignments different from the SFC's chain length. */
  | 'chain-length'
  /** An `existing` assignment naming no live VNF instance. */
  | 'unknown-vnf-instance'
  /** An `existing` assignment naming an instance of another VNF type. */
  | 'vnf-type-mismatch'
  /** An `existing` assignment naming an instance that is shutting down or does not accept SFC instances. */
  | 'vnf-instance-unavailable'
  /** An instance (existing, or new and shared through its key) without a free share slot (`max_share`). */
  | 'vnf-instance-full'
  /** A `new` assignment on a node that does not exist. */
  | 'unknown-node'
  /** A `new` assignment on a node whose VNF list does not contain the VNF type. */
  | 'node-cannot-host'
  /** A `new` assignment on a node without enough free CPU. */
  | 'insufficient-cpu'
  /** A `new` assignment on a node without enough free memory. */
  | 'insufficient-memory'
  /** A new-instance key already used for another VNF type or node in this plan. */
  | 'new-instance-key-conflict'
  /** A chain decision whose link list does not have one link per hop (chain length + 1). */
  | 'link-count'
  /** A link name that does not exist. */
  | 'unknown-link'
  /** A link that does not go from the hop's node to the next hop's node. */
  | 'link-endpoints'
  /** A link without free bandwidth while `compute_link_bw_limit` is on. */
  | 'insufficient-bandwidth';

/** A VNF instance a chain decision creates. */
export interface NewVnfInstance {
  /** Plan-local key (the assignment's `key`, or one made up by the core for an unkeyed assignment). */
  readonly key: string;
  readonly node: string;
  /** VNF type. */
  readonly vnf: string;
  /** Position in the chain of the decision that creates it. */
  readonly position: number;
}

/** What serves one position of an accepted chain, resolved by the core. */
export type ResolvedVnfAssignment =
  | { readonly kind: 'existing'; readonly instance: string; readonly node: string; readonly vnf: string }
  | {
      readonly kind: 'new';
      readonly key: string;
      readonly node: string;
      readonly vnf: string;
      /** True when this decision creates it; false when an earlier decision of the plan did (same key). */
      readonly created: boolean;
    };

/** A decision the core accepted: it can be applied as is. */
export interface AcceptedPlacement {
  readonly status: 'accepted';
  /** Name of the request (of the batch). */
  readonly request: string;
  readonly decision: ChainDecision | ShareDecision;
  /** VNF instances this decision creates, in chain order (empty for a share decision). */
  readonly newInstances: readonly NewVnfInstance[];
  /** Per chain position, the instance serving it (empty for a share decision). */
  readonly assignments: readonly ResolvedVnfAssignment[];
}

/** A request of the batch that is not placed this round, with the violated constraint. */
export interface RejectedPlacement {
  readonly status: 'rejected';
  /** Name of the request (of the batch). */
  readonly request: string;
  /** The decision that was refused (absent for `no-decision`). */
  readonly decision?: PlacementDecision;
  readonly constraint: PlacementConstraint;
  /** A sentence naming the plugin, the request and the constraint with numbers. */
  readonly reason: string;
}

/**
 * A decision that concerns no request of the batch (unknown request, a second decision for one request,
 * or a decision without a request name): it is not applied and changes nothing for the batch.
 */
export interface IgnoredDecision {
  readonly status: 'ignored';
  /** The request name the decision gave (`""` if it gave none). */
  readonly request: string;
  readonly decision: unknown;
  readonly constraint: 'unknown-request' | 'duplicate-decision' | 'malformed-decision';
  readonly reason: string;
}

/** The verdict on one decision of a plan. */
export type CheckedPlacement = AcceptedPlacement | RejectedPlacement | IgnoredDecision;

/** Lookup tables and the draft ledger shared by the checks of one plan. Internal. */
export interface PlanContext {
  readonly view: InfrastructureView;
  readonly plugin: string;
  readonly ledger: DraftLedger;
  readonly nodes: ReadonlyMap<string, NodeResources>;
  readonly links: ReadonlyMap<string, Link>;
  readonly vnfs: ReadonlyMap<string, Vnf>;
  readonly sfcs: ReadonlyMap<string, Sfc>;
  readonly vnfInstances: ReadonlyMap<string, VnfInstanceView>;
  readonly sfcInstances: ReadonlyMap<string, SfcInstanceView>;
  /** New instances created by accepted decisions so far, by key. */
  readonly created: Map<string, NewVnfInstance & { readonly request: string }>;
}

/**
 * Validates a placement's plan against the view it was given, without changing anything. Decisions are
 * checked in plan order against a draft of the view's free resources, so a decision sees the CPU,
 * memory, share slots and bandwidth taken by the earlier accepted ones (a refused decision takes
 * nothing).
 *
 * Returns one entry per request of `requests`, in batch order (accepted, or rejected with the violated
 * {@link PlacementConstraint}), followed by an `ignored` entry per decision that concerns no request of
 * the batch, in plan order. Throws {@link PluginError} when `plan` is not a plan at all.
 *
 * @param plugin - the placement's name, used in the reasons.
 */
export function checkPlacementPlan(
  plan: PlacementPlan,
  requests: readonly SfcRequest[],
  view: InfrastructureView,
  plugin: string,
): CheckedPlacement[] {
  if (plan === null || typeof plan !== 'object' || !Array.isArray(plan.decisions)) {
    throw new PluginError(`placement "${plugin}" returned ${describe(plan)} instead of a plan ({ decisions: [...] })`);
  }
  const batch = new Map<string, number>();
  requests.forEach((r, i) => {
    if (batch.has(r.name)) throw new TypeError(`checkPlacementPlan: request ${r.name} appears twice in the batch`);
    batch.set(r.name, i);
  });
  const context = planContext(view, plugin);
  const verdicts: (AcceptedPlacement | RejectedPlacement | undefined)[] = requests.map(() => undefined);
  const ignored: IgnoredDecision[] = [];
  for (const decision of plan.decisions as readonly unknown[]) {
    const name = (decision as { request?: unknown } | null)?.request;
    if (typeof name !== 'string') {
      ignored.push({
        status: 'ignored',
        request: '',
        decision,
        constraint: 'malformed-decision',
        reason: `${plugin} returned a decision without a request name: ${describe(decision)}`,
      });
      continue;
    }
    const index = batch.get(name);
    if (index === undefined) {
      ignored.push({
        status: 'ignored',
        request: name,
        decision,
        constraint: 'unknown-request',
        reason: `${plugin} decided for ${name}, which is not one of the ${requests.length} requests of this round (${listNames(requests)})`,
      });
      continue;
    }
    if (verdicts[index] !== undefined) {
      ignored.push({
        status: 'ignored',
        request: name,
        decision,
        constraint: 'duplicate-decision',
        reason: `${plugin} returned a second decision for ${name}; only the first one counts`,
      });
      continue;
    }
    verdicts[index] = checkDecision(decision as PlacementDecision, requests[index], context);
  }
  const entries: CheckedPlacement[] = requests.map(
    (request, i) =>
      verdicts[i] ?? {
        status: 'rejected',
        request: request.name,
        constraint: 'no-decision',
        reason: `${plugin} returned no decision for ${request.name}`,
      },
  );
  return entries.concat(ignored);
}

function checkDecision(decision: PlacementDecision, request: SfcRequest, context: PlanContext): AcceptedPlacement | RejectedPlacement {
  const { plugin } = context;
  let check: ChainCheck;
  switch (decision.kind) {
    case 'reject': {
      const why = typeof decision.reason === 'string' && decision.reason !== '' ? decision.reason : 'no reason given';
      return { status: 'rejected', request: request.name, decision, constraint: 'plugin-rejected', reason: `${plugin} did not place ${request.name}: ${why}` };
    }
    case 'share':
      check = checkShare(decision, request, context);
      break;
    case 'chain':
      check = checkChain(decision, request, context);
      break;
    default:
      return {
        status: 'rejected',
        request: request.name,
        decision,
        constraint: 'malformed-decision',
        reason: `${plugin} returned a decision of unknown kind ${JSON.stringify((decision as { kind?: unknown }).kind)} for ${request.name} (expected chain, share or reject)`,
      };
  }
  if (!check.ok) {
    return { status: 'rejected', request: request.name, decision, constraint: check.constraint, reason: check.reason };
  }
  return { status: 'accepted', request: request.name, decision, newInstances: check.newInstances, assignments: check.assignments };
}

function planContext(view: InfrastructureView, plugin: string): PlanContext {
  const ledger = new DraftLedger(view.nodes, view.links);
  for (const instance of view.vnfInstances) ledger.openSlots(slotKeyOfInstance(instance.name), instance.freeShareSlots);
  const env = view.environment;
  return {
    view,
    plugin,
    ledger,
    nodes: new Map(view.nodes.map((n) => [n.node, n])),
    links: new Map(env.links.map((l) => [l.name, l])),
    vnfs: new Map(env.vnfs.map((v) => [v.name, v])),
    sfcs: new Map(env.sfcs.map((s) => [s.name, s])),
    vnfInstances: new Map(view.vnfInstances.map((v) => [v.name, v])),
    sfcInstances: new Map(view.sfcInstances.map((s) => [s.name, s])),
    created: new Map(),
  };
}

function listNames(requests: readonly SfcRequest[]): string {
  const names = requests.slice(0, 8).map((r) => r.name);
  return requests.length > 8 ? `${names.join(', ')}, ...` : names.join(', ') || 'none';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return String(value);
  }
}
