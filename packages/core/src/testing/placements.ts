/**
 * Placement plugins for tests: fixed routes, first fit, recording and sharing placements. Their plans go
 * through the core's plan validation like any other plugin's.
 */
import type { SfcRequest } from '../model/index.js';
import { type PlacementPlugin, definePlacement } from '../plugins/define-plugin.js';
import type { InfrastructureView } from '../plugins/infrastructure-view.js';
import type { PlacementDecision, PlacementPlan, PlacementStrategy } from '../plugins/placement.js';

/** Where a fixed placement puts a request: one node per VNF of its chain, or null to reject it. */
export type Route = (request: SfcRequest, view: InfrastructureView) => readonly string[] | null;

/** The link of a hop: the node's loopback when co-located, else the first link between the two nodes. */
export function hopLink(view: InfrastructureView, from: string, to: string): string {
  const links = view.linksBetween(from, to);
  if (links.length === 0) throw new Error(`no link from ${from} to ${to}`);
  return links[0].name;
}

/** The chain decision placing `request`'s VNFs on `nodes` (new instances; `share` keys them per node and VNF). */
export function chainDecision(
  request: SfcRequest,
  nodes: readonly string[],
  view: InfrastructureView,
  share: boolean,
): PlacementDecision {
  const sfc = view.environment.sfcs.find((s) => s.name === request.sfc)!;
  const hops = [request.ingressNode, ...nodes, request.egressNode];
  return {
    kind: 'chain',
    request: request.name,
    vnfs: nodes.map((node, k) => (share ? { kind: 'new', node, key: `${sfc.vnfs[k]}@${node}` } : { kind: 'new', node })),
    links: hops.slice(1).map((to, h) => hopLink(view, hops[h], to)),
  };
}

/** The plan of a fixed placement for a batch. */
export function fixedPlan(requests: readonly SfcRequest[], view: InfrastructureView, route: Route, share: boolean): PlacementPlan {
  return {
    decisions: requests.map((r) => {
      const nodes = route(r, view);
      return nodes === null
        ? { kind: 'reject', request: r.name, reason: 'route gave no nodes' }
        : chainDecision(r, nodes, view, share);
    }),
  };
}

/**
 * A placement plugin that puts the VNFs of each request on the nodes `route` gives, as new instances
 * (with `share`, one instance per VNF type and node, shared by every request of the round through its
 * key), over the first link of each hop. The core validates the plan like any other.
 */
export function fixedPlacement(route: Route, options: { name?: string; share?: boolean } = {}): PlacementPlugin {
  const name = options.name ?? 'fixed';
  const share = options.share ?? false;
  return definePlacement({
    name,
    description: 'Test placement: VNFs on given nodes.',
    create: (): PlacementStrategy => ({ name, place: (requests, view) => fixedPlan(requests, view, route, share) }),
  });
}

/**
 * The same placement as `plugin`, answering through a Promise resolved by a timer `delayMs` later (the
 * plan is computed when the timer fires, from the view the strategy was given).
 */
export function asAsync(plugin: PlacementPlugin, delayMs = 5): PlacementPlugin {
  return definePlacement({
    name: `${plugin.name}-async`,
    description: `${plugin.description} (async)`,
    create: (params: unknown, context): PlacementStrategy => {
      const inner = plugin.create(params, context);
      return {
        name: inner.name,
        place: (requests, view) =>
          new Promise<PlacementPlan>((resolve, reject) =>
            setTimeout(() => {
              try {
                resolve(inner.place(requests, view) as PlacementPlan);
              } catch (e) {
                reject(e);
              }
            }, delayMs),
          ),
      };
    },
  });
}

/** Every VNF of every request on one node. */
export function allOn(node: string): Route {
  return (request, view) => view.environment.sfcs.find((s) => s.name === request.sfc)!.vnfs.map(() => node);
}

/** Options of {@link firstFit}. */
export interface FirstFitOptions {
  /** The order in which nodes are tried (default: index order). */
  readonly order?: (nodes: readonly string[]) => readonly string[];
  /** Plugin and strategy name (default `first-fit`). */
  readonly name?: string;
}

/**
 * First fit: each VNF on the first node (in `order`, default index order) that can host it and still has
 * the CPU and memory (tracking what earlier decisions of the plan took; a rejected chain gives back what
 * its first VNFs took); null when none fits. New instances, first link of each hop.
 */
export function firstFit(options: FirstFitOptions = {}): PlacementPlugin {
  const { order } = options;
  const name = options.name ?? 'first-fit';
  return definePlacement({
    name,
    description: 'Test placement: first node with room.',
    create: (): PlacementStrategy => ({
      name,
      place: (requests, view) => {
        const env = view.environment;
        const free = new Map(view.nodes.map((n) => [n.node, { cpu: n.freeCpu, mem: n.freeMem }]));
        const names = env.nodes.map((n) => n.name);
        const candidates = order ? order(names) : names;
        const decisions: PlacementDecision[] = [];
        for (const r of requests) {
          const sfc = env.sfcs.find((s) => s.name === r.sfc)!;
          const taken: { node: string; cpu: number; mem: number }[] = [];
          const nodes: string[] = [];
          for (const vName of sfc.vnfs) {
            const v = env.vnfs.find((x) => x.name === vName)!;
            const node = candidates.find((n) => {
              const f = free.get(n)!;
              return view.canHost(n, vName) && f.cpu >= v.cpu && f.mem >= v.mem;
            });
            if (node === undefined) break;
            const f = free.get(node)!;
            f.cpu -= v.cpu;
            f.mem -= v.mem;
            taken.push({ node, cpu: v.cpu, mem: v.mem });
            nodes.push(node);
          }
          if (nodes.length < sfc.vnfs.length) {
            for (const t of taken) {
              const f = free.get(t.node)!;
              f.cpu += t.cpu;
              f.mem += t.mem;
            }
            decisions.push({ kind: 'reject', request: r.name, reason: 'no node with room' });
          } else {
            decisions.push(chainDecision(r, nodes, view, false));
          }
        }
        return { decisions };
      },
    }),
  });
}


/**
 * A placement that records, per call, the names of the requests it was given (in order) and the view's
 * time, then answers with `decide` (default: reject every request).
 */
export function recordingPlacement(
  calls: { time: number; requests: string[] }[],
  decide: (requests: readonly SfcRequest[], view: InfrastructureView) => PlacementPlan = (requests) => ({
    decisions: requests.map((r) => ({ kind: 'reject', request: r.name, reason: 'recording only' })),
  }),
): PlacementPlugin {
  return definePlacement({
    name: 'recording',
    description: 'Test placement: records the requests it receives.',
    create: (): PlacementStrategy => ({
      name: 'recording',
      place: (requests, view) => {
        calls.push({ time: view.time, requests: requests.map((r) => r.name) });
        return decide(requests, view);
      },
    }),
  });
}

/**
 * A greedy-like sharing placement: a request shares the first active SFC instance of its SFC type with
 * the same ingress and egress that accepts requests (view.sfcInstances, creation order); otherwise it
 * gets a new chain on the nodes `route` gives.
 */
export function sharingPlacement(route: Route): PlacementPlugin {
  return definePlacement({
    name: 'sharing',
    description: 'Test placement: shares a matching unlocked SFC instance, else places a new chain.',
    create: (): PlacementStrategy => ({
      name: 'sharing',
      place: (requests, view) => ({
        decisions: requests.map((r): PlacementDecision => {
          const si = view.sfcInstances.find(
            (s) => s.active && s.acceptRequests && s.sfc === r.sfc && s.ingressNode === r.ingressNode && s.egressNode === r.egressNode,
          );
          if (si !== undefined && view.shareSfcInstances) return { kind: 'share', request: r.name, sfcInstance: si.name };
          const nodes = route(r, view);
          return nodes === null ? { kind: 'reject', request: r.name, reason: 'route gave no nodes' } : chainDecision(r, nodes, view, false);
        }),
      }),
    }),
  });
}
