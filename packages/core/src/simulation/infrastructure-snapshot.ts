import type { EnvironmentIndex } from '../environment/environment-index.js';
import type { Link } from '../model/link.js';
import type {
  InfrastructureView,
  LinkResources,
  NodeResources,
  SfcInstanceView,
  VnfInstanceView,
} from '../plugins/infrastructure-view.js';
import type { RoundState } from './round-state.js';

/** Frozen per-node resources at this instant. */
export function nodeResources(s: RoundState): readonly NodeResources[] {
  return Object.freeze(
    s.nodes.map((n) =>
      Object.freeze({
        node: n.name,
        index: n.index,
        freeCpu: n.freeCpu,
        freeMem: n.freeMem,
        allocatedCpu: n.allocatedCpu,
        allocatedMem: n.allocatedMem,
        vnfInstances: n.instances,
      }),
    ),
  );
}

/**
 * Builds the immutable {@link InfrastructureView} a placement receives (design.md "Strategy contracts"):
 * plain frozen objects copied from the runtime state, so a strategy cannot change the simulation.
 */
export function infrastructureView(s: RoundState): InfrastructureView {
  const index: EnvironmentIndex = s.index;
  const links: readonly LinkResources[] = Object.freeze(
    s.links.map((l) =>
      Object.freeze({ link: l.name, index: l.index, freeBandwidth: l.link.bandwidth - l.booked, bookedBandwidth: l.booked }),
    ),
  );
  const vnfInstances: readonly VnfInstanceView[] = Object.freeze(
    s.vnfInstances
      .filter((v) => v.state !== 'destroyed')
      .map((v) =>
        Object.freeze({
          name: v.name,
          vnf: v.type.name,
          node: v.host.name,
          cpu: v.cpu,
          mem: v.mem,
          state: v.state,
          acceptSfcInstances: v.acceptSfcInstances,
          sfcInstances: Object.freeze(v.mapped.map((m) => m.name)),
          freeShareSlots: v.acceptSfcInstances ? Math.max(0, v.type.maxShare - v.mapped.length) : 0,
        }),
      ),
  );
  const sfcInstances: readonly SfcInstanceView[] = Object.freeze(
    s.sfcInstances
      .filter((si) => si.active)
      .map((si) =>
        Object.freeze({
          name: si.name,
          sfc: si.type.name,
          ingressNode: si.ingressNode,
          egressNode: si.egressNode,
          active: si.active,
          acceptRequests: si.acceptRequests,
          requests: Object.freeze(si.reqs.map((r) => r.name)),
          vnfInstances: Object.freeze(si.servers.map((list) => list[0].name)),
          links: Object.freeze(si.hopLinks.map((l) => l.name)),
        }),
      ),
  );
  return Object.freeze({
    time: s.scheduler.now,
    environment: s.env,
    nodes: nodeResources(s),
    links,
    vnfInstances,
    sfcInstances,
    shareSfcInstances: s.settings.shareSfcInstance,
    computeLinkBandwidthLimit: s.settings.computeLinkBandwidthLimit,
    linksBetween: (a: string, b: string) => index.linksBetween(a, b),
    linkLatency: (link: Link, size: number) => (1000 * size) / link.bandwidth + link.propagation,
    canHost: (node: string, vnf: string) => index.canHost(node, vnf),
  });
}
