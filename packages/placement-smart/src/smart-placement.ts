import {
  type InfrastructureView,
  type Link,
  type Node,
  type PlacementDecision,
  type PlacementStrategy,
  PlanReservations,
  type RandomStream,
  type SfcRequest,
  type Vnf,
  type VnfAssignment,
  definePlacement,
} from '@nss/core';
import { type Candidate, decisionTree, nodePower, transferEnergy } from './criteria.js';

/** Parameters of the smart placement. */
export interface SmartParameters {
  /**
   * Attach a request to an existing SFC instance of the same type, ingress and egress when the
   * simulation enables sharing (`share_sfc_instance`). Default true.
   */
  readonly shareSfcInstances: boolean;
}

/** The lowest-latency usable link from `from` to `to` for `size` units (first in counter order on ties). */
function fastestLink(view: InfrastructureView, reservations: PlanReservations, from: string, to: string, size: number): Link | undefined {
  let best: Link | undefined;
  let bestLatency = Infinity;
  for (const l of view.linksBetween(from, to)) {
    if (!reservations.usable(l)) continue;
    const latency = view.linkLatency(l, size);
    if (latency < bestLatency) {
      best = l;
      bestLatency = latency;
    }
  }
  return best;
}

/** Size of the request's packets as they enter the chain: the user's per-SFC packet size, else the data source's. */
function packetSize(request: SfcRequest, view: InfrastructureView): number {
  const env = view.environment;
  const user = env.users.find((u) => u.name === request.user);
  return (
    user?.sfcIngressEgress[request.sfc]?.packetSize ??
    env.dataSources.find((d) => d.name === request.dataSource)?.packetSize ??
    0
  );
}

/** Everything one request's walk along its chain needs. */
interface Walk {
  readonly request: SfcRequest;
  readonly view: InfrastructureView;
  readonly reservations: PlanReservations;
  readonly nodes: ReadonlyMap<string, Node>;
}

/** Scores a candidate on `node` reached from `source` with `size` units; undefined when no usable link leads there. */
function score(
  walk: Walk,
  source: string,
  size: number,
  node: Node,
  last: boolean,
  reuse: Pick<Candidate, 'existing' | 'planned'>,
): Candidate | undefined {
  const { view, reservations, request } = walk;
  const link = fastestLink(view, reservations, source, node.name, size);
  if (link === undefined) return undefined;
  if (last && !view.linksBetween(node.name, request.egressNode).some((l) => reservations.usable(l))) return undefined;
  return {
    node,
    ...reuse,
    link,
    latency: view.linkLatency(link, size),
    capacity: reservations.freeCpu(node.name) + reservations.freeMem(node.name),
    energy: transferEnergy(link, size) + nodePower(node, reservations.allocatedCpu(node.name)),
  };
}

/**
 * One request (model-spec §4.7, defects fixed): share an SFC instance when allowed; else, VNF by VNF,
 * Phase 1 picks an instance to reuse among those with a free share slot and Phase 2, when Phase 1 has
 * no candidate, a node with the VNF's CPU and memory free to create one on, both through the decision
 * tree over the SFC's priorities. Candidates without a usable link are left out before the tree runs.
 */
function placeOne(walk: Walk, rng: RandomStream, share: boolean): PlacementDecision {
  const { request, view, reservations, nodes } = walk;
  const env = view.environment;
  const reject = (reason: string): PlacementDecision => {
    reservations.rollback();
    return { kind: 'reject', request: request.name, reason };
  };
  const sfc = env.sfcs.find((s) => s.name === request.sfc);
  if (sfc === undefined) return reject(`unknown SFC type ${request.sfc}`);
  if (share && view.shareSfcInstances) {
    const match = view.sfcInstances.find(
      (si) => si.active && si.acceptRequests && si.sfc === request.sfc && si.ingressNode === request.ingressNode && si.egressNode === request.egressNode,
    );
    if (match !== undefined) return { kind: 'share', request: request.name, sfcInstance: match.name };
  }
  reservations.begin();
  const vnfs: VnfAssignment[] = [];
  const links: string[] = [];
  let source = request.ingressNode;
  let size = packetSize(request, view);
  let previous: Vnf | undefined;
  for (let k = 0; k < sfc.vnfs.length; k++) {
    const vnf = env.vnfs.find((v) => v.name === sfc.vnfs[k]);
    if (vnf === undefined) return reject(`unknown VNF type ${sfc.vnfs[k]}`);
    const last = k === sfc.vnfs.length - 1;
    // Phase 1: reuse an instance with a free share slot.
    const reusable: Candidate[] = [];
    for (const instance of view.vnfInstances) {
      if (instance.vnf !== vnf.name || !reservations.reusable(instance)) continue;
      const c = score(walk, source, size, nodes.get(instance.node)!, last, { existing: instance });
      if (c !== undefined) reusable.push(c);
    }
    for (const planned of reservations.plannedOf(vnf.name)) {
      if (!reservations.reusablePlanned(planned)) continue;
      const c = score(walk, source, size, nodes.get(planned.node)!, last, { planned });
      if (c !== undefined) reusable.push(c);
    }
    let candidates = reusable;
    // Phase 2: create one on a host with the CPU and memory.
    if (candidates.length === 0) {
      for (const node of env.nodes) {
        if (!reservations.canCreate(node.name, vnf)) continue;
        const c = score(walk, source, size, node, last, {});
        if (c !== undefined) candidates.push(c);
      }
    }
    if (candidates.length === 0) {
      const hosts = env.nodes.filter((n) => view.canHost(n.name, vnf.name)).map((n) => n.name);
      return reject(
        hosts.length === 0
          ? `no node can host ${vnf.name}`
          : `no instance of ${vnf.name} with a free share slot and no host with ${vnf.cpu} CPU and ${vnf.mem} memory free ` +
              `reachable from ${source} over a link with free bandwidth (hosts: ${hosts.join(', ')})`,
      );
    }
    candidates = decisionTree(candidates, sfc.prioritiesOrder);
    const pick = candidates.length === 1 ? candidates[0] : rng.choice(candidates);
    if (pick.existing !== undefined) {
      reservations.takeExisting(pick.existing);
      vnfs.push({ kind: 'existing', instance: pick.existing.name });
    } else if (pick.planned !== undefined) {
      reservations.takePlanned(pick.planned);
      vnfs.push({ kind: 'new', node: pick.node.name, key: pick.planned.key });
    } else {
      const created = reservations.create(pick.node.name, vnf);
      vnfs.push({ kind: 'new', node: pick.node.name, key: created.key });
    }
    reservations.book(pick.link, previous?.minBandwidth ?? 0);
    links.push(pick.link.name);
    source = pick.node.name;
    size *= vnf.packetNetworkDemand;
    previous = vnf;
  }
  const egress = fastestLink(view, reservations, source, request.egressNode, size);
  if (egress === undefined) return reject(`no link with free bandwidth from ${source} to the egress ${request.egressNode}`);
  reservations.book(egress, previous?.minBandwidth ?? 0);
  links.push(egress.name);
  reservations.commit();
  return { kind: 'chain', request: request.name, vnfs, links };
}

/**
 * The reference's SmartPlacement (model-spec §4.7) as a plugin, with the decision-tree defects fixed:
 * per VNF, reuse before create, candidates ranked lexicographically by the SFC's `priorities_order`
 * (latency, capacity, energy), remaining ties drawn uniformly from the round's seeded stream.
 */
export const smartPlacement = definePlacement<SmartParameters>({
  name: 'smart',
  aliases: ['SmartPlacement', '@nss/placement-smart'],
  description: "Reuse before create; candidates ranked by the SFC's priorities order (latency, capacity, energy) (the reference SmartPlacement, fixed).",
  parameters: {
    type: 'object',
    properties: {
      shareSfcInstances: {
        type: 'boolean',
        default: true,
        description: 'Share SFC instances of the same type, ingress and egress when the simulation enables sharing.',
      },
    },
    additionalProperties: false,
  },
  create(params, context): PlacementStrategy {
    return {
      name: 'smart',
      place(requests, view) {
        const reservations = new PlanReservations(view);
        const nodes = new Map(view.environment.nodes.map((n) => [n.name, n]));
        return {
          decisions: requests.map((request) => placeOne({ request, view, reservations, nodes }, context.rng, params.shareSfcInstances)),
        };
      },
    };
  },
});
