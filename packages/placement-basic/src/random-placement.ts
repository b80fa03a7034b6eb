import {
  type InfrastructureView,
  type Link,
  type PlacementDecision,
  PlanReservations,
  type PlacementStrategy,
  type RandomStream,
  type SfcRequest,
  type VnfAssignment,
  definePlacement,
} from '@nss/core';

/** Parameters of the random placement. */
export interface RandomParameters {
  /**
   * Skip links without free bandwidth when the simulation enforces link bandwidth
   * (`compute_link_bw_limit`). Default true; false reproduces the reference, which never checks
   * bandwidth (the core then rejects the hops it cannot apply).
   */
  readonly checkBandwidth: boolean;
}

/** The lowest-propagation link from `from` to `to` that the reservations allow (first in counter order on ties). */
function lowestPropagation(view: InfrastructureView, from: string, to: string, ok: (l: Link) => boolean): Link | undefined {
  let best: Link | undefined;
  for (const l of view.linksBetween(from, to)) {
    if (!ok(l)) continue;
    if (best === undefined || l.propagation < best.propagation) best = l;
  }
  return best;
}

/**
 * Places one request (model-spec §4.6): each VNF on a node drawn uniformly among the nodes able to host
 * it, reusing an instance of that VNF on the node with a free share slot (existing, or created earlier
 * in the round), else creating one if the node has the CPU and memory; each hop over the
 * lowest-propagation link. The first failure rejects the request and releases what it had reserved.
 */
function placeOne(
  request: SfcRequest,
  view: InfrastructureView,
  reservations: PlanReservations,
  rng: RandomStream,
  checkBandwidth: boolean,
): PlacementDecision {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === request.sfc);
  const reject = (reason: string): PlacementDecision => {
    reservations.rollback();
    return { kind: 'reject', request: request.name, reason };
  };
  if (sfc === undefined) return reject(`unknown SFC type ${request.sfc}`);
  reservations.begin();
  const ok = (l: Link): boolean => !checkBandwidth || reservations.usable(l);
  const vnfs: VnfAssignment[] = [];
  const links: string[] = [];
  let current = request.ingressNode;
  for (let i = 0; i <= sfc.vnfs.length; i++) {
    const last = i === sfc.vnfs.length;
    const vnf = last ? undefined : env.vnfs.find((v) => v.name === sfc.vnfs[i]);
    if (!last && vnf === undefined) return reject(`unknown VNF type ${sfc.vnfs[i]}`);
    let node = request.egressNode;
    if (vnf !== undefined) {
      const hosts = env.nodes.filter((n) => view.canHost(n.name, vnf.name));
      if (hosts.length === 0) return reject(`no node can host ${vnf.name}`);
      node = rng.choice(hosts).name;
    }
    const link = lowestPropagation(view, current, node, ok);
    if (link === undefined) return reject(`no link with free bandwidth from ${current} to ${node}`);
    if (i > 0) {
      const previous = env.vnfs.find((v) => v.name === sfc.vnfs[i - 1]);
      reservations.book(link, previous?.minBandwidth ?? 0);
    }
    links.push(link.name);
    if (vnf === undefined) break;
    const existing = view.vnfInstances.find((v) => v.vnf === vnf.name && v.node === node && reservations.reusable(v));
    if (existing !== undefined) {
      reservations.takeExisting(existing);
      vnfs.push({ kind: 'existing', instance: existing.name });
    } else {
      const planned = reservations.plannedOf(vnf.name).find((p) => p.node === node && reservations.reusablePlanned(p));
      if (planned !== undefined) {
        reservations.takePlanned(planned);
        vnfs.push({ kind: 'new', node, key: planned.key });
      } else if (reservations.fits(node, vnf)) {
        const created = reservations.create(node, vnf);
        vnfs.push({ kind: 'new', node, key: created.key });
      } else {
        return reject(
          `${node} (drawn at random for ${vnf.name}) has ${reservations.freeCpu(node)} CPU and ` +
            `${reservations.freeMem(node)} memory free; ${vnf.name} needs ${vnf.cpu} and ${vnf.mem}`,
        );
      }
    }
    current = node;
  }
  reservations.commit();
  return { kind: 'chain', request: request.name, vnfs, links };
}

/**
 * The reference's RandomPlacement (model-spec §4.6) as a plugin: each VNF on a uniformly drawn host
 * (from the round's seeded random stream the core hands the plugin), never sharing SFC instances.
 */
export const randomPlacement = definePlacement<RandomParameters>({
  name: 'random',
  aliases: ['RandomPlacement'],
  description: 'Each VNF on a node drawn uniformly among its hosts; lowest-propagation links (the reference RandomPlacement).',
  parameters: {
    type: 'object',
    properties: {
      checkBandwidth: {
        type: 'boolean',
        default: true,
        description: 'Skip links without free bandwidth when compute_link_bw_limit is on (false: as the reference, never check).',
      },
    },
    additionalProperties: false,
  },
  create(params, context): PlacementStrategy {
    return {
      name: 'random',
      place(requests, view) {
        const reservations = new PlanReservations(view);
        return { decisions: requests.map((r) => placeOne(r, view, reservations, context.rng, params.checkBandwidth)) };
      },
    };
  },
});
