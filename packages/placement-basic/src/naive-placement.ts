import { type PlacementDecision, type PlacementStrategy, type SfcRequest, type InfrastructureView, definePlacement } from '@nss/core';

/**
 * One request, naively (the seed README's Naive placement): a new VNF instance for every VNF of the
 * chain on the first node (in node order) able to host it, and the first link (lowest counter) of every
 * hop. No check of free CPU, memory, bandwidth, share slots or SLA: the core's plan validation refuses
 * what cannot be applied and records it as a rejection with the violated constraint.
 */
function placeNaively(request: SfcRequest, view: InfrastructureView): PlacementDecision {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === request.sfc);
  if (sfc === undefined) return { kind: 'reject', request: request.name, reason: `unknown SFC type ${request.sfc}` };
  const nodes: string[] = [];
  for (const vnf of sfc.vnfs) {
    const host = env.nodes.find((n) => view.canHost(n.name, vnf));
    if (host === undefined) return { kind: 'reject', request: request.name, reason: `no node can host ${vnf}` };
    nodes.push(host.name);
  }
  const path = [request.ingressNode, ...nodes, request.egressNode];
  const links: string[] = [];
  for (let h = 1; h < path.length; h++) {
    const link = view.linksBetween(path[h - 1], path[h])[0];
    if (link === undefined) {
      return { kind: 'reject', request: request.name, reason: `no link from ${path[h - 1]} to ${path[h]}` };
    }
    links.push(link.name);
  }
  return { kind: 'chain', request: request.name, vnfs: nodes.map((node) => ({ kind: 'new', node })), links };
}

/**
 * The seed README's NaivePlacement as a plugin: one new instance for every VNF of every request, on
 * the first node able to host it, with no resource, bandwidth or SLA check. It exists as a baseline and
 * to exercise the core's validation, which records every decision it cannot apply as a rejection.
 */
export const naivePlacement = definePlacement({
  name: 'naive',
  aliases: ['NaivePlacement'],
  description: 'A new instance per VNF of every request on the first host, no resource, bandwidth or SLA checks (baseline).',
  create(): PlacementStrategy {
    return {
      name: 'naive',
      place: (requests, view) => ({ decisions: requests.map((r) => placeNaively(r, view)) }),
    };
  },
});
