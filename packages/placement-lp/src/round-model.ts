import type { InfrastructureView, Link, PlacementDecision, SfcRequest, Vnf, VnfAssignment } from '@nss/core';
import { CostModel, type ObjectiveWeights, processingLatency } from './cost-model.js';
import { MilpBuilder } from './milp-builder.js';

/** Who can serve one VNF of a request: an existing instance, or a new instance on a node. */
interface Candidate {
  readonly kind: 'existing' | 'new';
  readonly node: string;
  /** Existing instance name (for `existing`). */
  readonly instance: string;
  /** Estimated processing latency (ms). */
  readonly processing: number;
  col: number;
}

/** One usable link for one hop of one request. */
interface HopLink {
  readonly link: string;
  readonly from: string;
  readonly to: string;
  readonly latency: number;
  /** Column y of this link, or −1 when the hop is folded into the assignment columns `carriers`. */
  readonly col: number;
  /** For a folded hop: the assignment columns that use this link (one of them is 1 when it is used). */
  readonly carriers: readonly number[];
}

/** Attaching a request to an existing SFC instance. */
interface ShareOption {
  readonly sfcInstance: string;
  readonly latency: number;
  readonly col: number;
}

/** The variables of one request. */
interface RequestVariables {
  readonly request: SfcRequest;
  /** Chain-admission column g_r (−1 when no new chain can meet the constraints). */
  readonly chain: number;
  readonly vnfs: readonly string[];
  readonly positions: readonly Candidate[][];
  readonly hops: readonly HopLink[][];
  /** The links of each hop by node pair (`from` NUL `to`), for the warm start. */
  readonly hopsBetween: readonly ReadonlyMap<string, readonly HopLink[]>[];
  readonly shares: readonly ShareOption[];
  /** Why the request cannot be served at all (set when it has no variable). */
  readonly excluded?: string;
  /** Fastest estimated chain latency (ms), for reasons. */
  readonly fastest: number;
}

/** Options of {@link buildRoundModel}. */
export interface RoundModelOptions {
  readonly weights: ObjectiveWeights;
  /** Offer attaching requests to existing SFC instances (when the simulation enables sharing). */
  readonly shareSfcInstances: boolean;
  /**
   * Fold the first hop (and the last one without bandwidth accounting) into the assignment columns
   * instead of giving it link columns and flow rows (same optimum, smaller model). Default true.
   */
  readonly foldEndHops?: boolean;
}

/** Size of a round's MILP. */
export interface RoundModelSize {
  readonly columns: number;
  readonly rows: number;
  readonly integerColumns: number;
}

const EPS = 1e-9;

/** Bandwidth margin kept free on a link, so that every hop sees free bandwidth > 0 as the core requires. */
function bandwidthMargin(link: Link): number {
  return 1e-6 * Math.max(1, link.bandwidth);
}

/**
 * The joint placement of one round as a MILP (the formulation is in the package README): built from a
 * view and the batch, solved elsewhere, and turned back into a plan by {@link RoundModel.decode}.
 */
export class RoundModel {
  readonly builder = new MilpBuilder();
  readonly cost: CostModel;
  readonly rejectionPenalty: number;
  private readonly variables: RequestVariables[] = [];
  /** New-instance count columns z_{n,v}, with the x columns that use them. */
  private readonly newInstances = new Map<string, { node: string; vnf: Vnf; col: number; uses: number[] }>();
  private integerColumns = 0;
  /** SLA (`max_latency`) of each SFC type. */
  private readonly sfcSla: ReadonlyMap<string, number>;
  /** Links of the environment by name. */
  private readonly linksByName: ReadonlyMap<string, Link>;

  constructor(
    readonly requests: readonly SfcRequest[],
    readonly view: InfrastructureView,
    readonly options: RoundModelOptions,
  ) {
    this.cost = new CostModel(view.environment, options.weights);
    this.rejectionPenalty = this.cost.rejectionPenalty(requests);
    this.sfcSla = new Map(view.environment.sfcs.map((s) => [s.name, s.maxLatency]));
    this.linksByName = new Map(view.environment.links.map((l) => [l.name, l]));
    this.build();
  }

  /** Columns, rows and integer columns of the model. */
  get size(): RoundModelSize {
    return { columns: this.builder.columns, rows: this.builder.rows, integerColumns: this.integerColumns };
  }

  private binary(cost: number): number {
    this.integerColumns++;
    return this.builder.addBinary(cost);
  }

  private build(): void {
    const { view, builder } = this;
    const env = view.environment;
    const penalty = this.rejectionPenalty;
    builder.offset = penalty * this.requests.length;
    const bwLimit = view.computeLinkBandwidthLimit;
    const freeBandwidth = new Map(view.links.map((l) => [l.link, l.freeBandwidth]));
    const usable = (l: Link): boolean => !bwLimit || (freeBandwidth.get(l.name) ?? l.bandwidth) > bandwidthMargin(l);
    const nodesByName = new Map(view.nodes.map((n) => [n.node, n]));
    const sfcs = new Map(env.sfcs.map((s) => [s.name, s]));
    const bandwidthUses = new Map<string, [number, number][]>();
    const existingUses = new Map<string, number[]>();
    const instances = new Map(view.vnfInstances.map((v) => [v.name, v]));
    const share = this.options.shareSfcInstances && view.shareSfcInstances;
    const fold = this.options.foldEndHops ?? true;

    for (const request of this.requests) {
      const sfc = sfcs.get(request.sfc);
      if (sfc === undefined) {
        this.variables.push(excluded(request, `its SFC type ${request.sfc} does not exist`));
        continue;
      }
      const size = this.cost.packetSize(request);
      const sla = sfc.maxLatency;
      // Sharing options: active, unlocked SFC instances of the same type, ingress and egress within the SLA.
      const shares: ShareOption[] = [];
      if (share) {
        for (const si of view.sfcInstances) {
          if (!si.active || !si.acceptRequests || si.sfc !== request.sfc) continue;
          if (si.ingressNode !== request.ingressNode || si.egressNode !== request.egressNode) continue;
          let latency = 0;
          for (const l of si.links) latency += this.cost.hopLatency(view, l, size);
          for (const name of si.vnfInstances) {
            const inst = instances.get(name);
            const vnf = inst && this.cost.vnfs.get(inst.vnf);
            if (inst && vnf) latency += processingLatency(vnf, inst.cpu, size);
          }
          if (latency > sla + EPS) continue;
          shares.push({ sfcInstance: si.name, latency, col: this.binary(-penalty + this.cost.latencyCost(latency, sla)) });
        }
      }
      // Candidates per chain position.
      const positions: Candidate[][] = [];
      let missing = '';
      for (const vnfName of sfc.vnfs) {
        const vnf = this.cost.vnfs.get(vnfName);
        const list: Candidate[] = [];
        if (vnf !== undefined) {
          for (const inst of view.vnfInstances) {
            if (inst.vnf !== vnfName || inst.freeShareSlots <= 0 || !inst.acceptSfcInstances) continue;
            if (inst.state === 'shutting-down' || inst.state === 'destroyed') continue;
            list.push({ kind: 'existing', node: inst.node, instance: inst.name, processing: processingLatency(vnf, inst.cpu, size), col: -1 });
          }
          if (vnf.maxShare > 0) {
            for (const n of env.nodes) {
              const free = nodesByName.get(n.name);
              if (free === undefined || !view.canHost(n.name, vnfName)) continue;
              if (free.freeCpu < vnf.cpu || free.freeMem < vnf.mem) continue;
              list.push({ kind: 'new', node: n.name, instance: '', processing: processingLatency(vnf, vnf.cpu, size), col: -1 });
            }
          }
        }
        if (list.length === 0 && missing === '') {
          missing = `no node that can host ${vnfName} has ${vnf ? `${vnf.cpu} CPU and ${vnf.mem} memory` : 'room'} free, and no ${vnfName} instance has a free share slot`;
        }
        positions.push(list);
      }
      // Layers of nodes: ingress, one per position, egress.
      const L = sfc.vnfs.length;
      const layers: string[][] = [[request.ingressNode]];
      for (const list of positions) layers.push([...new Set(list.map((c) => c.node))]);
      layers.push([request.egressNode]);
      // Usable links per node pair (only the fastest one when bandwidth is not limited: it dominates).
      const pairLinks = new Map<string, { link: Link; latency: number }[]>();
      const linksOf = (a: string, b: string): { link: Link; latency: number }[] => {
        const key = `${a}\u0000${b}`;
        let found = pairLinks.get(key);
        if (found === undefined) {
          found = view
            .linksBetween(a, b)
            .filter(usable)
            .map((link) => ({ link, latency: view.linkLatency(link, size) }))
            .sort((x, y) => x.latency - y.latency);
          if (!bwLimit) found = found.slice(0, 1);
          pairLinks.set(key, found);
        }
        return found;
      };
      const hopMin = (a: string, b: string): number => linksOf(a, b)[0]?.latency ?? Number.POSITIVE_INFINITY;
      // Fastest processing per position and node (0 at ingress and egress).
      const procMin: Map<string, number>[] = layers.map(() => new Map());
      positions.forEach((list, k) => {
        for (const c of list) procMin[k + 1].set(c.node, Math.min(procMin[k + 1].get(c.node) ?? Infinity, c.processing));
      });
      procMin[0].set(request.ingressNode, 0);
      procMin[L + 1].set(request.egressNode, 0);
      // Forward: fastest latency up to and including layer k on node n; backward: from after layer k on n to the egress.
      const forward: Map<string, number>[] = layers.map(() => new Map());
      forward[0].set(request.ingressNode, 0);
      for (let k = 1; k <= L + 1; k++) {
        for (const n of layers[k]) {
          let best = Infinity;
          for (const a of layers[k - 1]) best = Math.min(best, (forward[k - 1].get(a) ?? Infinity) + hopMin(a, n));
          forward[k].set(n, best + (procMin[k].get(n) ?? Infinity));
        }
      }
      const backward: Map<string, number>[] = layers.map(() => new Map());
      backward[L + 1].set(request.egressNode, 0);
      for (let k = L; k >= 0; k--) {
        for (const n of layers[k]) {
          let best = Infinity;
          for (const b of layers[k + 1]) best = Math.min(best, hopMin(n, b) + (procMin[k + 1].get(b) ?? Infinity) + (backward[k + 1].get(b) ?? Infinity));
          backward[k].set(n, best);
        }
      }
      const fastest = forward[L + 1].get(request.egressNode) ?? Infinity;
      let chainReason = missing;
      if (chainReason === '' && !(fastest <= sla + EPS)) {
        chainReason = Number.isFinite(fastest)
          ? `its fastest estimated chain takes ${fmt(fastest)} ms, over the ${fmt(sla)} ms max_latency of ${sfc.name}`
          : bwLimit
            ? 'no route with free bandwidth joins its ingress, the hosts of its VNFs and its egress'
            : 'no route joins its ingress, the hosts of its VNFs and its egress';
      }
      if (chainReason !== '') {
        if (shares.length === 0) {
          this.variables.push({ ...excluded(request, chainReason), fastest });
          continue;
        }
        this.variables.push({ request, chain: -1, vnfs: sfc.vnfs, positions: [], hops: [], hopsBetween: [], shares, fastest });
        builder.addRow(-Infinity, 1, shares.map((s) => [s.col, 1]));
        continue;
      }
      // Columns: chain admission g, assignments x (pruned by the latency bounds), links y.
      const g = this.binary(-penalty);
      builder.addRow(-Infinity, 1, [[g, 1], ...shares.map((s): [number, number] => [s.col, 1])]);
      const slaRow: [number, number][] = [[g, -sla]];
      positions.forEach((list, k) => {
        const row: [number, number][] = [[g, -1]];
        for (const c of list) {
          const before = (forward[k + 1].get(c.node) ?? Infinity) - (procMin[k + 1].get(c.node) ?? 0);
          if (before + c.processing + (backward[k + 1].get(c.node) ?? Infinity) > sla + EPS) continue;
          c.col = this.binary(this.cost.latencyCost(c.processing, sla));
          row.push([c.col, 1]);
          slaRow.push([c.col, c.processing]);
          if (c.kind === 'existing') {
            const uses = existingUses.get(c.instance) ?? [];
            uses.push(c.col);
            existingUses.set(c.instance, uses);
          } else {
            const key = `${c.node}\u0000${sfc.vnfs[k]}`;
            let z = this.newInstances.get(key);
            if (z === undefined) {
              z = { node: c.node, vnf: this.cost.vnfs.get(sfc.vnfs[k])!, col: -1, uses: [] };
              this.newInstances.set(key, z);
            }
            z.uses.push(c.col);
          }
        }
        builder.addRow(0, 0, row);
      });
      // p_{k,n}: the assignment columns of layer k on node n (layer 0 and L+1: g).
      const layerColumns = (k: number, n: string): number[] => {
        if (k === 0 || k === L + 1) return [g];
        return positions[k - 1].filter((c) => c.node === n && c.col >= 0).map((c) => c.col);
      };
      const hops: HopLink[][] = [];
      for (let h = 0; h <= L; h++) {
        const list: HopLink[] = [];
        // The first hop (no bandwidth is booked on it) and, without bandwidth accounting, the last hop
        // leave or reach a single node over its fastest link: y equals the assignments on the other end,
        // so its latency is folded into their columns (no y column, no flow rows).
        if (fold && L >= 1 && (h === 0 || (h === L && !bwLimit))) {
          const [ends, node] = h === 0 ? [layers[1], request.ingressNode] : [layers[L], request.egressNode];
          for (const n of ends) {
            const fastestLink = (h === 0 ? linksOf(node, n) : linksOf(n, node))[0];
            const carriers = layerColumns(h === 0 ? 1 : L, n);
            if (fastestLink === undefined || carriers.length === 0) continue;
            const { link, latency } = fastestLink;
            for (const col of carriers) {
              builder.addCost(col, this.cost.latencyCost(latency, sla));
              slaRow.push([col, latency]);
            }
            list.push({ link: link.name, from: h === 0 ? node : n, to: h === 0 ? n : node, latency, col: -1, carriers });
          }
          hops.push(list);
          continue;
        }
        const out = new Map<string, [number, number][]>();
        const into = new Map<string, [number, number][]>();
        for (const a of layers[h]) {
          for (const b of layers[h + 1]) {
            const reach = (forward[h].get(a) ?? Infinity) + (procMin[h + 1].get(b) ?? Infinity) + (backward[h + 1].get(b) ?? Infinity);
            for (const { link, latency } of linksOf(a, b)) {
              if (reach + latency > sla + EPS) continue;
              const col = bwLimit ? this.binary(this.cost.latencyCost(latency, sla)) : builder.addColumn(this.cost.latencyCost(latency, sla), 0, 1, false);
              list.push({ link: link.name, from: a, to: b, latency, col, carriers: [] });
              (out.get(a) ?? out.set(a, []).get(a)!).push([col, 1]);
              (into.get(b) ?? into.set(b, []).get(b)!).push([col, 1]);
              slaRow.push([col, latency]);
              if (bwLimit && h >= 1) {
                const amount = this.cost.vnfs.get(sfc.vnfs[h - 1])?.minBandwidth ?? 0;
                if (amount > 0) {
                  const uses = bandwidthUses.get(link.name) ?? [];
                  uses.push([col, amount]);
                  bandwidthUses.set(link.name, uses);
                }
              }
            }
          }
        }
        for (const a of layers[h]) builder.addRow(0, 0, [...(out.get(a) ?? []), ...layerColumns(h, a).map((c): [number, number] => [c, -1])]);
        for (const b of layers[h + 1]) builder.addRow(0, 0, [...(into.get(b) ?? []), ...layerColumns(h + 1, b).map((c): [number, number] => [c, -1])]);
        hops.push(list);
      }
      builder.addRow(-Infinity, 0, slaRow);
      const hopsBetween = hops.map((list) => {
        const byPair = new Map<string, HopLink[]>();
        for (const y of list) {
          const key = `${y.from}\u0000${y.to}`;
          (byPair.get(key) ?? byPair.set(key, []).get(key)!).push(y);
        }
        return byPair;
      });
      this.variables.push({ request, chain: g, vnfs: sfc.vnfs, positions, hops, hopsBetween, shares, fastest });
    }

    // New instances z_{n,v}: share slots, then node CPU and memory.
    const perNode = new Map<string, { cpu: [number, number][]; mem: [number, number][] }>();
    for (const z of this.newInstances.values()) {
      const free = nodesByName.get(z.node)!;
      const cap = Math.min(Math.floor(free.freeCpu / z.vnf.cpu + EPS), Math.floor(free.freeMem / z.vnf.mem + EPS), Math.ceil(z.uses.length / z.vnf.maxShare));
      z.col = this.builder.addColumn(this.cost.instanceCost(this.cost.nodes.get(z.node)!, z.vnf), 0, Math.max(0, cap), true);
      this.integerColumns++;
      builder.addRow(-Infinity, 0, [...z.uses.map((c): [number, number] => [c, 1]), [z.col, -z.vnf.maxShare]]);
      const rows = perNode.get(z.node) ?? { cpu: [], mem: [] };
      rows.cpu.push([z.col, z.vnf.cpu]);
      rows.mem.push([z.col, z.vnf.mem]);
      perNode.set(z.node, rows);
    }
    for (const [node, rows] of perNode) {
      const free = nodesByName.get(node)!;
      builder.addRow(-Infinity, free.freeCpu, rows.cpu);
      builder.addRow(-Infinity, free.freeMem, rows.mem);
    }
    for (const [name, uses] of existingUses) {
      builder.addRow(-Infinity, instances.get(name)!.freeShareSlots, uses.map((c): [number, number] => [c, 1]));
    }
    for (const [name, uses] of bandwidthUses) {
      const link = this.linksByName.get(name)!;
      builder.addRow(-Infinity, (freeBandwidth.get(name) ?? link.bandwidth) - bandwidthMargin(link), uses);
    }
  }

  /**
   * A feasible starting solution for HiGHS, built greedily: requests one by one, each on the cheapest
   * (then, if that misses the SLA, the fastest) path of its layered graph given what earlier requests
   * took; a request with no such path is left out. Several request orders are tried (increasing CPU
   * demand, as for knapsacks; least SLA slack first; fewest candidate columns first; batch order) and
   * the solution with the lowest objective is kept. HiGHS starts from it, so even at a tiny time limit
   * the plan is at least this good.
   */
  warmStart(): Float64Array {
    const demand = (v: RequestVariables): number => v.vnfs.reduce((sum, name) => sum + (this.cost.vnfs.get(name)?.cpu ?? 0), 0);
    const sla = (v: RequestVariables): number => this.sfcSla.get(v.request.sfc) ?? 0;
    const width = (v: RequestVariables): number => v.hops.reduce((n, list) => n + list.length, 0) + v.shares.length;
    const orders: ((a: RequestVariables, b: RequestVariables) => number)[] = [
      (a, b) => demand(a) - demand(b),
      (a, b) => sla(a) - a.fastest - (sla(b) - b.fastest),
      (a, b) => width(a) - width(b),
      () => 0,
    ];
    let best: Float64Array | undefined;
    let bestOrder: RequestVariables[] = [];
    let bestObjective = Infinity;
    const tryOrder = (order: RequestVariables[]): Float64Array => {
      const values = this.greedy(order);
      const objective = this.builder.objectiveOf(values);
      if (objective < bestObjective - EPS) {
        best = values;
        bestOrder = order;
        bestObjective = objective;
      }
      return values;
    };
    for (const compare of orders) tryOrder([...this.variables].sort(compare));
    // Then the requests the best order leaves out go first, a few times (they are the hard ones to fit).
    for (let round = 0; round < 3 && best !== undefined; round++) {
      const values: Float64Array = best;
      const served = (v: RequestVariables): boolean => values[v.chain] > 0.5 || v.shares.some((q) => values[q.col] > 0.5);
      const left = bestOrder.filter((v) => v.excluded === undefined && !served(v));
      if (left.length === 0) break;
      const before = bestObjective;
      tryOrder([...left, ...bestOrder.filter((v) => !left.includes(v))]);
      if (!(bestObjective < before - EPS)) break;
    }
    return best ?? new Float64Array(this.builder.columns);
  }

  /** One greedy solution (see {@link RoundModel.warmStart}), placing the requests in `order`. */
  private greedy(order: readonly RequestVariables[]): Float64Array {
    const { view } = this;
    const values = new Float64Array(this.builder.columns);
    const cpu = new Map(view.nodes.map((n) => [n.node, n.freeCpu]));
    const mem = new Map(view.nodes.map((n) => [n.node, n.freeMem]));
    const slots = new Map(view.vnfInstances.map((v) => [v.name, v.freeShareSlots]));
    const bandwidth = new Map(view.links.map((l) => [l.link, l.freeBandwidth]));
    const linksByName = this.linksByName;
    const opened = new Map<string, { count: number; free: number }>();
    for (const v of order) {
      if (v.excluded !== undefined) continue;
      if (v.shares.length > 0) {
        const best = v.shares.reduce((a, b) => (b.latency < a.latency ? b : a));
        values[best.col] = 1;
        continue;
      }
      if (v.chain < 0) continue;
      const sla = this.sfcSla.get(v.request.sfc)!;
      const vnfs = v.vnfs.map((name) => this.cost.vnfs.get(name)!);
      const amountOf = (h: number): number => (h >= 1 && view.computeLinkBandwidthLimit ? vnfs[h - 1].minBandwidth : 0);
      const linkOk = (y: HopLink, h: number): boolean => {
        const amount = amountOf(h);
        if (amount === 0) return true;
        const link = linksByName.get(y.link)!;
        return (bandwidth.get(y.link) ?? link.bandwidth) - amount >= bandwidthMargin(link);
      };
      const nodeCost = (c: Candidate, k: number): number => {
        if (c.col < 0) return Infinity;
        const own = this.cost.latencyCost(c.processing, sla);
        if (c.kind === 'existing') return (slots.get(c.instance) ?? 0) > 0 ? own : Infinity;
        const vnf = vnfs[k];
        if ((opened.get(`${c.node}\u0000${vnf.name}`)?.free ?? 0) > 0) return own;
        if ((cpu.get(c.node) ?? 0) < vnf.cpu || (mem.get(c.node) ?? 0) < vnf.mem) return Infinity;
        return own + this.cost.instanceCost(this.cost.nodes.get(c.node)!, vnf);
      };
      const tryPath = (fastest: boolean): { cands: Candidate[]; links: HopLink[] } | undefined => {
        // Layered DP over candidates; layer 0 is the ingress, layer L+1 the egress.
        const L = v.positions.length;
        type Label = { cost: number; latency: number; cands: Candidate[]; links: HopLink[] };
        let labels = new Map<string, Label>([['ingress', { cost: 0, latency: 0, cands: [], links: [] }]]);
        let nodesOf = new Map<string, string>([['ingress', v.request.ingressNode]]);
        for (let h = 0; h <= L; h++) {
          const next = new Map<string, Label>();
          const nextNodes = new Map<string, string>();
          const targets: { id: string; node: string; cand?: Candidate; cost: number; latency: number }[] =
            h === L
              ? [{ id: 'egress', node: v.request.egressNode, cost: 0, latency: 0 }]
              : v.positions[h].map((c, i) => ({ id: `${i}`, node: c.node, cand: c, cost: nodeCost(c, h), latency: c.processing }));
          for (const [id, label] of labels) {
            const from = nodesOf.get(id)!;
            for (const t of targets) {
              if (!Number.isFinite(t.cost)) continue;
              for (const y of v.hopsBetween[h].get(`${from}\u0000${t.node}`) ?? []) {
                if (!linkOk(y, h)) continue;
                const latency = label.latency + y.latency + t.latency;
                const cost = fastest ? latency : label.cost + this.cost.latencyCost(y.latency, sla) + t.cost;
                const known = next.get(t.id);
                if (known === undefined || cost < known.cost) {
                  next.set(t.id, { cost, latency, cands: t.cand ? [...label.cands, t.cand] : label.cands, links: [...label.links, y] });
                  nextNodes.set(t.id, t.node);
                }
              }
            }
          }
          labels = next;
          nodesOf = nextNodes;
        }
        const end = labels.get('egress');
        return end !== undefined && end.latency <= sla + EPS ? end : undefined;
      };
      for (const fastest of [false, true]) {
        const path = tryPath(fastest);
        if (path === undefined) continue;
        // Commit on copies, so that a path using one node twice beyond its capacity is dropped whole.
        const cpu2 = new Map(cpu);
        const mem2 = new Map(mem);
        const slots2 = new Map(slots);
        const bw2 = new Map(bandwidth);
        const opened2 = new Map([...opened].map(([k, o]) => [k, { ...o }]));
        let ok = true;
        path.cands.forEach((c, k) => {
          const vnf = vnfs[k];
          if (c.kind === 'existing') {
            const free = slots2.get(c.instance) ?? 0;
            if (free <= 0) ok = false;
            slots2.set(c.instance, free - 1);
            return;
          }
          const key = `${c.node}\u0000${vnf.name}`;
          const o = opened2.get(key) ?? { count: 0, free: 0 };
          if (o.free <= 0) {
            const freeCpu = cpu2.get(c.node) ?? 0;
            const freeMem = mem2.get(c.node) ?? 0;
            if (freeCpu < vnf.cpu || freeMem < vnf.mem) ok = false;
            cpu2.set(c.node, freeCpu - vnf.cpu);
            mem2.set(c.node, freeMem - vnf.mem);
            o.count++;
            o.free += vnf.maxShare;
          }
          o.free--;
          opened2.set(key, o);
        });
        path.links.forEach((y, h) => {
          const amount = amountOf(h);
          if (amount === 0) return;
          const link = linksByName.get(y.link)!;
          const free = (bw2.get(y.link) ?? link.bandwidth) - amount;
          if (free < bandwidthMargin(link)) ok = false;
          bw2.set(y.link, free);
        });
        if (!ok) continue;
        for (const [k2, x] of cpu2) cpu.set(k2, x);
        for (const [k2, x] of mem2) mem.set(k2, x);
        for (const [k2, x] of slots2) slots.set(k2, x);
        for (const [k2, x] of bw2) bandwidth.set(k2, x);
        for (const [k2, x] of opened2) opened.set(k2, x);
        values[v.chain] = 1;
        for (const c of path.cands) values[c.col] = 1;
        for (const y of path.links) if (y.col >= 0) values[y.col] = 1;
        break;
      }
    }
    for (const [key, z] of this.newInstances) values[z.col] = opened.get(key)?.count ?? 0;
    return values;
  }

  /**
   * Turns a solution (column values) into decisions, in batch order; `rejectWhy` gives the reason of a
   * request the solution leaves out (it receives the request and its fastest estimated chain latency).
   */
  decode(values: Float64Array | null, rejectWhy: (request: SfcRequest) => string): PlacementDecision[] {
    const on = (col: number): boolean => values !== null && col >= 0 && values[col] > 0.5;
    const instanceUse = new Map<string, number>();
    const decisions: PlacementDecision[] = [];
    for (const v of this.variables) {
      const name = v.request.name;
      if (v.excluded !== undefined) {
        decisions.push({ kind: 'reject', request: name, reason: v.excluded });
        continue;
      }
      const shared = v.shares.find((s) => on(s.col));
      if (shared !== undefined) {
        decisions.push({ kind: 'share', request: name, sfcInstance: shared.sfcInstance });
        continue;
      }
      if (!on(v.chain)) {
        decisions.push({ kind: 'reject', request: name, reason: rejectWhy(v.request) });
        continue;
      }
      const vnfs: VnfAssignment[] = v.positions.map((list, k) => {
        const c = list.find((x) => on(x.col))!;
        if (c.kind === 'existing') return { kind: 'existing', instance: c.instance };
        const vnf = this.cost.vnfs.get(v.vnfs[k])!;
        const id = `${c.node}/${vnf.name}`;
        const used = instanceUse.get(id) ?? 0;
        instanceUse.set(id, used + 1);
        return { kind: 'new', node: c.node, key: `lp/${id}/${Math.floor(used / vnf.maxShare)}` };
      });
      const links = v.hops.map((list) => list.find((y) => (y.col >= 0 ? on(y.col) : y.carriers.some(on)))!.link);
      decisions.push({ kind: 'chain', request: name, vnfs, links });
    }
    return decisions;
  }

  /** The requests that have no variable, with why (they are rejected whatever the solver does). */
  get excludedRequests(): number {
    return this.variables.filter((v) => v.excluded !== undefined).length;
  }
}

function excluded(request: SfcRequest, why: string): RequestVariables {
  return { request, chain: -1, vnfs: [], positions: [], hops: [], hopsBetween: [], shares: [], excluded: why, fastest: Infinity };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}
