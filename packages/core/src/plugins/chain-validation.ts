import type { SfcRequest } from '../model/sfc-request.js';
import type { NewVnfInstance, PlacementConstraint, PlanContext, ResolvedVnfAssignment } from './plan-validation.js';
import type { ChainDecision, ShareDecision } from './placement.js';

/** The verdict on one share or chain decision. Internal to plan validation. */
export type ChainCheck =
  | {
      readonly ok: true;
      readonly newInstances: readonly NewVnfInstance[];
      readonly assignments: readonly ResolvedVnfAssignment[];
    }
  | { readonly ok: false; readonly constraint: PlacementConstraint; readonly reason: string };

/** Ledger key of the share slots of an existing VNF instance. */
export function slotKeyOfInstance(name: string): string {
  return `instance:${name}`;
}

/** Ledger key of the share slots of a VNF instance created in the plan. */
function slotKeyOfNew(key: string): string {
  return `new:${key}`;
}

/** Key of an unkeyed `new` assignment: unique to the request and position (cannot be shared). */
function autoKey(request: string, position: number): string {
  return `~${request}[${position}]`;
}

function fail(constraint: PlacementConstraint, reason: string): ChainCheck {
  return { ok: false, constraint, reason };
}

/** `1 link`, `3 links`. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Numbers in messages: integers as is, others to 3 decimals. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

/**
 * `" (earlier decisions of this plan took 300; earlier VNFs of this chain took 200)"`, for what they
 * took (nothing when neither took any).
 */
function earlier(taken: number, pending = 0): string {
  const parts: string[] = [];
  if (taken > 0) parts.push(`earlier decisions of this plan took ${num(taken)}`);
  if (pending > 0) parts.push(`earlier VNFs of this chain took ${num(pending)}`);
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** Checks a share decision: sharing on, and an active, unlocked SFC instance of the same type and endpoints. */
export function checkShare(decision: ShareDecision, request: SfcRequest, context: PlanContext): ChainCheck {
  const { plugin, view } = context;
  const name = decision.sfcInstance;
  const what = `${plugin} attached ${request.name} to SFC instance ${String(name)}`;
  if (!view.shareSfcInstances) {
    return fail('sharing-disabled', `${what}, but SFC-instance sharing is disabled (share_sfc_instance = 0)`);
  }
  const instance = typeof name === 'string' ? context.sfcInstances.get(name) : undefined;
  if (instance === undefined) return fail('unknown-sfc-instance', `${what}, which is not an active SFC instance`);
  if (!instance.active) return fail('sfc-instance-inactive', `${what}, which is no longer active`);
  if (!instance.acceptRequests) {
    return fail('sfc-instance-locked', `${what}, which is locked by the SFC-instance monitor (too many SLA violations)`);
  }
  if (instance.sfc !== request.sfc) {
    return fail('sfc-type-mismatch', `${what}, an instance of ${instance.sfc}; ${request.name} requests ${request.sfc}`);
  }
  if (instance.ingressNode !== request.ingressNode || instance.egressNode !== request.egressNode) {
    return fail(
      'ingress-egress-mismatch',
      `${what}, which runs from ${instance.ingressNode} to ${instance.egressNode}; ${request.name} goes from ${request.ingressNode} to ${request.egressNode}`,
    );
  }
  return { ok: true, newInstances: [], assignments: [] };
}

/**
 * Checks a chain decision against the draft ledger and, when it is feasible, consumes what it takes
 * (CPU and memory of new instances, one share slot per instance used, bandwidth of hops after a VNF when
 * the link limit is on). A refused decision consumes nothing.
 */
export function checkChain(decision: ChainDecision, request: SfcRequest, context: PlanContext): ChainCheck {
  const { ledger } = context;
  ledger.begin();
  const result = evaluateChain(decision, request, context);
  if (result.ok) ledger.commit();
  else ledger.rollback();
  return result;
}

function evaluateChain(decision: ChainDecision, request: SfcRequest, context: PlanContext): ChainCheck {
  const { plugin, view, ledger } = context;
  const sfc = context.sfcs.get(request.sfc);
  if (sfc === undefined) return fail('unknown-sfc', `${request.name} requests SFC type ${request.sfc}, which does not exist`);
  if (!Array.isArray(decision.vnfs) || !Array.isArray(decision.links)) {
    return fail('malformed-decision', `${plugin} returned a chain decision for ${request.name} without vnfs and links lists`);
  }
  const chain = sfc.vnfs;
  if (decision.vnfs.length !== chain.length) {
    return fail(
      'chain-length',
      `${plugin} gave ${plural(decision.vnfs.length, 'VNF assignment')} for ${request.name}, ` +
        `but its SFC ${sfc.name} is a chain of ${chain.length} (${chain.join(', ')})`,
    );
  }
  const nodes: string[] = [];
  const assignments: ResolvedVnfAssignment[] = [];
  const newInstances: NewVnfInstance[] = [];
  const slotsUsed = new Set<string>();
  const takeSlot = (key: string, instance: string, maxShare: number, mapped: string): ChainCheck | undefined => {
    if (slotsUsed.has(key)) return undefined; // one SFC instance takes one slot of an instance
    if (ledger.freeSlots(key) <= 0) {
      return fail(
        'vnf-instance-full',
        `${plugin} mapped ${chain[assignments.length]} of ${request.name} onto ${instance}, which has no free share slot (max_share ${maxShare}; ${mapped})`,
      );
    }
    ledger.takeSlot(key);
    slotsUsed.add(key);
    return undefined;
  };
  const pending = new Map<string, NewVnfInstance>();
  for (let i = 0; i < chain.length; i++) {
    const vnfName = chain[i];
    const vnf = context.vnfs.get(vnfName);
    if (vnf === undefined) return fail('unknown-sfc', `SFC ${sfc.name} of ${request.name} uses VNF type ${vnfName}, which does not exist`);
    const assignment = decision.vnfs[i] as ChainDecision['vnfs'][number] | null | undefined;
    const what = `${vnfName} of ${request.name}`;
    if (assignment?.kind === 'existing') {
      const instance = context.vnfInstances.get(assignment.instance);
      if (instance === undefined) {
        return fail('unknown-vnf-instance', `${plugin} mapped ${what} onto ${String(assignment.instance)}, which is not a live VNF instance`);
      }
      if (instance.vnf !== vnfName) {
        return fail('vnf-type-mismatch', `${plugin} mapped ${what} onto ${instance.name}, an instance of ${instance.vnf}`);
      }
      if (instance.state === 'shutting-down' || instance.state === 'destroyed' || !instance.acceptSfcInstances) {
        const state = instance.state === 'starting' || instance.state === 'running' ? 'no longer accepting SFC instances' : instance.state;
        return fail('vnf-instance-unavailable', `${plugin} mapped ${what} onto ${instance.name}, which is ${state}`);
      }
      const key = slotKeyOfInstance(instance.name);
      const taken = ledger.takenSlots(key);
      const more = taken > 0 ? `, ${taken} more taken by earlier decisions of this plan` : '';
      const mapped = `${plural(instance.sfcInstances.length, 'SFC instance')} mapped${more}`;
      const full = takeSlot(key, instance.name, vnf.maxShare, mapped);
      if (full !== undefined) return full;
      nodes.push(instance.node);
      assignments.push({ kind: 'existing', instance: instance.name, node: instance.node, vnf: vnfName });
    } else if (assignment?.kind === 'new') {
      const node = assignment.node;
      if (typeof node !== 'string' || !context.nodes.has(node)) {
        return fail('unknown-node', `${plugin} placed ${what} on ${String(node)}, which is not a node`);
      }
      if (!view.canHost(node, vnfName)) {
        const hosts = view.environment.nodes.find((n) => n.name === node)?.vnfs ?? [];
        return fail(
          'node-cannot-host',
          `${plugin} placed ${what} on ${node}, which cannot host ${vnfName} (it hosts ${hosts.length === 0 ? 'no VNF type' : hosts.join(', ')})`,
        );
      }
      const key = typeof assignment.key === 'string' ? assignment.key : autoKey(request.name, i);
      const known = context.created.get(key) ?? pending.get(key);
      if (known !== undefined) {
        if (known.vnf !== vnfName || known.node !== node) {
          const by = context.created.get(key)?.request ?? request.name;
          return fail(
            'new-instance-key-conflict',
            `${plugin} used new-instance key "${key}" for ${what} on ${node}, ` +
              `but that key already denotes a new ${known.vnf} instance on ${known.node} (created for ${by})`,
          );
        }
        const slotKey = slotKeyOfNew(key);
        const mapped = `${ledger.takenSlots(slotKey)} taken by earlier decisions of this plan`;
        const full = takeSlot(slotKey, `the new instance "${key}" on ${node}`, vnf.maxShare, mapped);
        if (full !== undefined) return full;
        nodes.push(node);
        assignments.push({ kind: 'new', key, node, vnf: vnfName, created: pending.has(key) });
        continue;
      }
      const freeCpu = ledger.freeCpu(node);
      if (freeCpu < vnf.cpu) {
        return fail(
          'insufficient-cpu',
          `${plugin} placed ${what} on ${node} with ${num(freeCpu)} CPU free` +
            `${earlier(ledger.takenCpu(node), ledger.pendingCpu(node))}; it needs ${num(vnf.cpu)}`,
        );
      }
      const freeMem = ledger.freeMem(node);
      if (freeMem < vnf.mem) {
        return fail(
          'insufficient-memory',
          `${plugin} placed ${what} on ${node} with ${num(freeMem)} memory free` +
            `${earlier(ledger.takenMem(node), ledger.pendingMem(node))}; it needs ${num(vnf.mem)}`,
        );
      }
      ledger.allocate(node, vnf.cpu, vnf.mem);
      ledger.openSlots(slotKeyOfNew(key), vnf.maxShare);
      const full = takeSlot(slotKeyOfNew(key), `the new instance "${key}" on ${node}`, vnf.maxShare, 'max_share is 0');
      if (full !== undefined) return full;
      const created: NewVnfInstance = { key, node, vnf: vnfName, position: i };
      pending.set(key, created);
      newInstances.push(created);
      nodes.push(node);
      assignments.push({ kind: 'new', key, node, vnf: vnfName, created: true });
    } else {
      return fail(
        'malformed-decision',
        `${plugin} gave assignment ${i} (${vnfName}) of ${request.name} as ${JSON.stringify(assignment) ?? 'nothing'}; ` +
          `expected { kind: 'existing', instance } or { kind: 'new', node }`,
      );
    }
  }
  const linkCheck = checkLinks(decision, request, nodes, chain, context);
  if (linkCheck !== undefined) return linkCheck;
  for (const created of newInstances) context.created.set(created.key, { ...created, request: request.name });
  return { ok: true, newInstances, assignments };
}

function checkLinks(
  decision: ChainDecision,
  request: SfcRequest,
  nodes: readonly string[],
  chain: readonly string[],
  context: PlanContext,
): ChainCheck | undefined {
  const { plugin, view, ledger } = context;
  const hops = chain.length + 1;
  if (decision.links.length !== hops) {
    return fail(
      'link-count',
      `${plugin} gave ${plural(decision.links.length, 'link')} for ${request.name}, ` +
        `but a chain of ${plural(chain.length, 'VNF')} needs ${hops} (ingress, between VNFs, to egress)`,
    );
  }
  for (let h = 0; h < hops; h++) {
    const from = h === 0 ? request.ingressNode : nodes[h - 1];
    const to = h === chain.length ? request.egressNode : nodes[h];
    const fromLabel = h === 0 ? `ingress ${from}` : `${chain[h - 1]} on ${from}`;
    const toLabel = h === chain.length ? `egress ${to}` : `${chain[h]} on ${to}`;
    const hop = `hop ${h} of ${request.name} (${fromLabel} -> ${toLabel})`;
    const name = decision.links[h];
    const link = typeof name === 'string' ? context.links.get(name) : undefined;
    if (link === undefined) return fail('unknown-link', `${plugin} routed ${hop} over ${String(name)}, which is not a link`);
    if (link.source !== from || link.target !== to) {
      const need = from === to ? `the loopback of ${from}` : `a link from ${from} to ${to}`;
      return fail(
        'link-endpoints',
        `${plugin} routed ${hop} over ${link.name}, which goes from ${link.source} to ${link.target}; it needs ${need}`,
      );
    }
    // Model-spec §4.3: with the limit on, link selection skips links with no free bandwidth (every hop);
    // the ingress hop books nothing, a hop leaving a VNF books that VNF's min_bandwidth.
    if (view.computeLinkBandwidthLimit) {
      const free = ledger.freeBandwidth(link.name, link.bandwidth);
      if (!(free > 0)) {
        return fail(
          'insufficient-bandwidth',
          `${plugin} routed ${hop} over ${link.name} with ${num(free)} bandwidth free` +
            `${earlier(ledger.bookedBandwidth(link.name), ledger.pendingBandwidth(link.name))} (compute_link_bw_limit is on)`,
        );
      }
      if (h >= 1) ledger.book(link.name, context.vnfs.get(chain[h - 1])?.minBandwidth ?? 0, link.bandwidth);
    }
  }
  return undefined;
}
