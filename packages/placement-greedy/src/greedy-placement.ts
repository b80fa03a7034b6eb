import {
  definePlacement,
  type ChainDecision,
  type InfrastructureView,
  type Link,
  type PlacementDecision,
  type PlacementStrategy,
  type SfcRequest,
  type VnfAssignment,
} from '@nss/core';

/** Parameters of the greedy placement. */
export interface GreedyParameters {
  /**
   * Attach a request to an existing SFC instance of the same type, ingress and egress when sharing is
   * enabled in the simulation (`share_sfc_instance`). Default true.
   */
  readonly shareSfcInstances: boolean;
}

/** A VNF instance the plan is about to create, with its share slots left. */
interface PlannedInstance {
  readonly key: string;
  readonly node: string;
  readonly vnf: string;
  free: number;
}

/** Plan-local accounting of what earlier decisions of this round consumed. */
class Ledger {
  readonly freeCpu = new Map<string, number>();
  readonly freeMem = new Map<string, number>();
  readonly slots = new Map<string, number>();
  readonly bandwidth = new Map<string, number>();
  readonly planned: PlannedInstance[] = [];

  constructor(view: InfrastructureView) {
    for (const n of view.nodes) {
      this.freeCpu.set(n.node, n.freeCpu);
      this.freeMem.set(n.node, n.freeMem);
    }
    for (const v of view.vnfInstances) this.slots.set(v.name, v.freeShareSlots);
    for (const l of view.links) this.bandwidth.set(l.link, l.freeBandwidth);
  }
}

/**
 * One request, hop by hop (model-spec §4.5): at each step the candidate node with the most free CPU
 * (integer part, first in node order on ties), then the lowest-propagation link to it; reuse a VNF
 * instance on that node with a free share slot, else create one if the node has the CPU and memory.
 * Unlike the reference it stops at the first failure ([Q-47]) and maps an SFC instance onto one VNF
 * instance only ([Q-14]).
 */
function placeOne(
  req: SfcRequest,
  view: InfrastructureView,
  ledger: Ledger,
  share: boolean,
): PlacementDecision {
  const env = view.environment;
  const sfc = env.sfcs.find((s) => s.name === req.sfc)!;
  if (share && view.shareSfcInstances) {
    const match = view.sfcInstances.find(
      (si) =>
        si.active &&
        si.acceptRequests &&
        si.sfc === req.sfc &&
        si.ingressNode === req.ingressNode &&
        si.egressNode === req.egressNode,
    );
    if (match) return { kind: 'share', request: req.name, sfcInstance: match.name };
  }
  const vnfs: VnfAssignment[] = [];
  const links: string[] = [];
  const pending: { node: string; cpu: number; mem: number }[] = [];
  const takenSlots: string[] = [];
  const takenPlanned: PlannedInstance[] = [];
  const bookings: { link: string; amount: number }[] = [];
  let current = req.ingressNode;
  const undo = (): void => {
    for (const p of pending) {
      ledger.freeCpu.set(p.node, ledger.freeCpu.get(p.node)! + p.cpu);
      ledger.freeMem.set(p.node, ledger.freeMem.get(p.node)! + p.mem);
    }
    for (const s of takenSlots) ledger.slots.set(s, ledger.slots.get(s)! + 1);
    for (const p of takenPlanned) p.free++;
    for (const b of bookings) ledger.bandwidth.set(b.link, ledger.bandwidth.get(b.link)! + b.amount);
  };
  const reject = (reason: string): PlacementDecision => {
    undo();
    return { kind: 'reject', request: req.name, reason };
  };
  for (let i = 0; i <= sfc.vnfs.length; i++) {
    const last = i === sfc.vnfs.length;
    const vnfName = last ? '' : sfc.vnfs[i];
    // Node choice: the egress node at the end, else the host of the VNF with the most free CPU.
    let node = req.egressNode;
    if (!last) {
      let best = -Infinity;
      let chosen = '';
      for (const n of env.nodes) {
        if (!view.canHost(n.name, vnfName)) continue;
        const free = Math.trunc(ledger.freeCpu.get(n.name)!);
        if (free > best) {
          best = free;
          chosen = n.name;
        }
      }
      if (chosen === '') return reject(`no node can host ${vnfName}`);
      node = chosen;
    }
    // Link choice: lowest propagation, skipping exhausted links when bandwidth is enforced.
    let link: Link | undefined;
    for (const l of view.linksBetween(current, node)) {
      if (view.computeLinkBandwidthLimit && ledger.bandwidth.get(l.name)! <= 0) continue;
      if (link === undefined || l.propagation < link.propagation) link = l;
    }
    if (link === undefined) return reject(`no link with free bandwidth from ${current} to ${node}`);
    if (i > 0) {
      const prev = env.vnfs.find((v) => v.name === sfc.vnfs[i - 1])!;
      ledger.bandwidth.set(link.name, ledger.bandwidth.get(link.name)! - prev.minBandwidth);
      bookings.push({ link: link.name, amount: prev.minBandwidth });
    }
    links.push(link.name);
    if (last) break;
    // VNF instance: reuse one with a free share slot on the node, else create one.
    const existing = view.vnfInstances.find(
      (v) => v.vnf === vnfName && v.node === node && v.state !== 'shutting-down' && ledger.slots.get(v.name)! > 0,
    );
    if (existing) {
      ledger.slots.set(existing.name, ledger.slots.get(existing.name)! - 1);
      takenSlots.push(existing.name);
      vnfs.push({ kind: 'existing', instance: existing.name });
    } else {
      const planned = ledger.planned.find((p) => p.vnf === vnfName && p.node === node && p.free > 0);
      if (planned) {
        planned.free--;
        takenPlanned.push(planned);
        vnfs.push({ kind: 'new', node, key: planned.key });
      } else {
        const vnf = env.vnfs.find((v) => v.name === vnfName)!;
        const cpu = ledger.freeCpu.get(node)!;
        const mem = ledger.freeMem.get(node)!;
        if (cpu < vnf.cpu || mem < vnf.mem) {
          return reject(
            `${node} (most free CPU for ${vnfName}) has ${cpu} CPU and ${mem} memory free; ${vnfName} needs ${vnf.cpu} and ${vnf.mem}`,
          );
        }
        ledger.freeCpu.set(node, cpu - vnf.cpu);
        ledger.freeMem.set(node, mem - vnf.mem);
        pending.push({ node, cpu: vnf.cpu, mem: vnf.mem });
        const p: PlannedInstance = { key: `${node}/${vnfName}/${ledger.planned.length}`, node, vnf: vnfName, free: vnf.maxShare - 1 };
        ledger.planned.push(p);
        vnfs.push({ kind: 'new', node, key: p.key });
      }
    }
    current = node;
  }
  const decision: ChainDecision = { kind: 'chain', request: req.name, vnfs, links };
  return decision;
}

/**
 * The reference's GreedyPlacement (model-spec §4.5) as a plugin: for each request, hop by hop, the node
 * with the most free CPU and the lowest-propagation link to it; shares SFC instances when enabled.
 */
export const greedyPlacement = definePlacement<GreedyParameters>({
  name: 'greedy',
  aliases: ['GreedyPlacement', '@nss/placement-greedy'],
  description: 'Most free CPU per hop, then the lowest-propagation link (the reference GreedyPlacement).',
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
  create(params): PlacementStrategy {
    return {
      name: 'greedy',
      place(requests, view) {
        const ledger = new Ledger(view);
        return { decisions: requests.map((r) => placeOne(r, view, ledger, params.shareSfcInstances)) };
      },
    };
  },
});
