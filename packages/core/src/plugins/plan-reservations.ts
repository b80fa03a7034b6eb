import type { Link } from '../model/link.js';
import type { Vnf } from '../model/vnf.js';
import type { InfrastructureView, VnfInstanceView } from './infrastructure-view.js';

/** A VNF instance that an earlier reservation of the plan creates (see {@link PlanReservations.create}). */
export interface PlannedVnfInstance {
  /**
   * Plan-local key (`v_1@n_3#0`): pass it as the `key` of every `new` assignment that uses this
   * instance, so the core knows they share one instance.
   */
  readonly key: string;
  /** Node it is created on. */
  readonly node: string;
  /** VNF type. */
  readonly vnf: string;
}

/** One undo step of the open request: restore `array[index]` to `value`. */
interface UndoStep {
  readonly array: Float64Array | number[];
  readonly index: number;
  readonly value: number;
}

/**
 * Plan-local bookkeeping for placement plugins: what the decisions of one round take, so that later
 * requests of the round see it and the plan the plugin returns is accepted by the core as a whole.
 *
 * It starts from an {@link InfrastructureView} and tracks free CPU and memory per node, free bandwidth
 * per link and free share slots per existing or planned VNF instance, with the rules of the core's plan
 * validation ({@link checkPlacementPlan}):
 *
 * - a new instance of a VNF takes the VNF's CPU and memory on a node that can host it and has them
 *   free ({@link PlanReservations.canCreate}), and opens `max_share` slots of which it takes one;
 * - reusing an instance (existing and `starting` or `running` and accepting SFC instances, or planned
 *   earlier in the round) takes one of its free share slots; a chain that passes the same instance
 *   twice takes one slot, as in the core ({@link PlanReservations.reusable} still asks for a free slot
 *   before each use, which is stricter than the core but never wrong);
 * - with `compute_link_bw_limit` on, every hop needs a link with free bandwidth > 0
 *   ({@link PlanReservations.usable}); the ingress hop books nothing, a hop leaving a VNF books that
 *   VNF's `min_bandwidth` ({@link PlanReservations.book}). With the limit off, bandwidth is not tracked.
 *
 * Reservations of one request go between {@link PlanReservations.begin} and
 * {@link PlanReservations.commit} (placed) or {@link PlanReservations.rollback} (rejected: everything the
 * request reserved is given back). Reservations made outside an open request are kept.
 *
 * @example
 * ```ts
 * const reservations = new PlanReservations(view);
 * const decisions = requests.map((request) => {
 *   reservations.begin();
 *   const vnf = vnfOf(request); // the chain's VNF type(s)
 *   const node = view.nodes.find((n) => reservations.canCreate(n.node, vnf));
 *   if (node === undefined) {
 *     reservations.rollback();
 *     return { kind: 'reject', request: request.name, reason: `no node with ${vnf.cpu} CPU free` };
 *   }
 *   const planned = reservations.create(node.node, vnf);
 *   // ... choose links with reservations.usable(link), book the hops leaving a VNF ...
 *   reservations.commit();
 *   return { kind: 'chain', request: request.name, vnfs: [{ kind: 'new', node: node.node, key: planned.key }], links };
 * });
 * ```
 */
export class PlanReservations {
  private readonly nodeIndex = new Map<string, number>();
  private readonly cpu: Float64Array;
  private readonly mem: Float64Array;
  private readonly initialCpu: Float64Array;
  private readonly baseAllocatedCpu: Float64Array;
  /** Link name → position, built on first need (when a link's index is not its position in the view). */
  private linkIndex: Map<string, number> | undefined;
  /** Free bandwidth of the links of the view, by position in `view.links`. */
  private readonly bandwidth: Float64Array;
  /** Links the view does not list: name → position in `extraBandwidth` (booked from their full bandwidth). */
  private readonly extraLinks = new Map<string, number>();
  private readonly extraBandwidth: number[] = [];
  private readonly existingIndex = new Map<string, number>();
  private readonly existingSlots: number[] = [];
  private readonly plannedSlots: number[] = [];
  private readonly plannedInstances: PlannedVnfInstance[] = [];
  private readonly plannedId = new Map<PlannedVnfInstance, number>();
  private readonly plannedByVnf = new Map<string, PlannedVnfInstance[]>();
  /** Undo steps of the open request (undefined when none is open). */
  private journal: UndoStep[] | undefined;
  /** Planned instances created by the open request, for rollback. */
  private createdInRequest = 0;
  /** Slot keys (`e<i>` existing, `p<i>` planned) the open request has taken. */
  private readonly slotsOfRequest = new Set<string>();
  private changeCount = 0;

  /** Starts from the free resources of `view` (not copied: the view must not change while in use). */
  constructor(private readonly view: InfrastructureView) {
    const nodes = view.nodes;
    this.cpu = new Float64Array(nodes.length);
    this.mem = new Float64Array(nodes.length);
    this.initialCpu = new Float64Array(nodes.length);
    this.baseAllocatedCpu = new Float64Array(nodes.length);
    nodes.forEach((n, i) => {
      this.nodeIndex.set(n.node, i);
      this.cpu[i] = n.freeCpu;
      this.mem[i] = n.freeMem;
      this.initialCpu[i] = n.freeCpu;
      this.baseAllocatedCpu[i] = n.allocatedCpu;
    });
    this.bandwidth = new Float64Array(view.links.length);
    for (let i = 0; i < view.links.length; i++) this.bandwidth[i] = view.links[i].freeBandwidth;
    view.vnfInstances.forEach((v, i) => {
      this.existingIndex.set(v.name, i);
      this.existingSlots.push(v.freeShareSlots);
    });
  }

  /**
   * A counter that grows with every reservation, commit and rollback: a plugin that derives values
   * from the reservations (cost tables, candidate lists) may keep them while it is unchanged.
   */
  get version(): number {
    return this.changeCount;
  }

  // --- Nodes -------------------------------------------------------------------------------------

  /** Free CPU of a node after the reservations so far (0 for a node the view does not list). */
  freeCpu(node: string): number {
    const i = this.nodeIndex.get(node);
    return i === undefined ? 0 : this.cpu[i];
  }

  /** Free memory of a node after the reservations so far (0 for a node the view does not list). */
  freeMem(node: string): number {
    const i = this.nodeIndex.get(node);
    return i === undefined ? 0 : this.mem[i];
  }

  /** CPU allocated on a node: by the live instances of the view plus the instances planned so far. */
  allocatedCpu(node: string): number {
    const i = this.nodeIndex.get(node);
    return i === undefined ? 0 : this.baseAllocatedCpu[i] + this.initialCpu[i] - this.cpu[i];
  }

  /** Whether a node of the view has the CPU and memory free for a new instance of `vnf` (resources only). */
  fits(node: string, vnf: Vnf): boolean {
    const i = this.nodeIndex.get(node);
    return i !== undefined && this.cpu[i] >= vnf.cpu && this.mem[i] >= vnf.mem;
  }

  /** Whether a new instance of `vnf` may be planned on `node`: the node can host the VNF type and it {@link fits}. */
  canCreate(node: string, vnf: Vnf): boolean {
    return this.fits(node, vnf) && this.view.canHost(node, vnf.name);
  }

  // --- Links -------------------------------------------------------------------------------------

  /** Free bandwidth of a link after the bookings so far (its full bandwidth when the view does not list it). */
  freeBandwidth(link: Link): number {
    const i = this.linkPosition(link);
    if (i !== undefined) return this.bandwidth[i];
    const extra = this.extraLinks.get(link.name);
    return extra === undefined ? link.bandwidth : this.extraBandwidth[extra];
  }

  /** Whether a hop may use `link`: always when the bandwidth limit is off, else when it has free bandwidth (> 0). */
  usable(link: Link): boolean {
    return !this.view.computeLinkBandwidthLimit || this.freeBandwidth(link) > 0;
  }

  /**
   * Books `amount` of bandwidth on `link` when the bandwidth limit is on (a no-op otherwise). By the
   * core's rule the ingress hop books nothing and a hop leaving a VNF books that VNF's `min_bandwidth`.
   */
  book(link: Link, amount: number): void {
    if (!this.view.computeLinkBandwidthLimit || amount === 0) return;
    const i = this.linkPosition(link);
    if (i !== undefined) {
      this.write(this.bandwidth, i, this.bandwidth[i] - amount);
      return;
    }
    let extra = this.extraLinks.get(link.name);
    if (extra === undefined) {
      extra = this.extraBandwidth.push(link.bandwidth) - 1;
      this.extraLinks.set(link.name, extra);
    }
    this.write(this.extraBandwidth, extra, this.extraBandwidth[extra] - amount);
  }

  // --- Existing instances ------------------------------------------------------------------------

  /**
   * Whether an existing instance can take one more SFC instance: `starting` or `running`, accepting SFC
   * instances, and a free share slot left after the reservations so far.
   */
  reusable(instance: VnfInstanceView): boolean {
    if ((instance.state !== 'running' && instance.state !== 'starting') || !instance.acceptSfcInstances) return false;
    const i = this.existingIndex.get(instance.name);
    return i !== undefined && this.existingSlots[i] > 0;
  }

  /** Free share slots an existing instance has left (0 for an instance the view does not list). */
  freeSlotsOfExisting(instance: VnfInstanceView): number {
    const i = this.existingIndex.get(instance.name);
    return i === undefined ? 0 : this.existingSlots[i];
  }

  /** Takes one share slot of an existing instance (once per request: a second use in the open request is free). */
  takeExisting(instance: VnfInstanceView): void {
    const i = this.existingIndex.get(instance.name);
    if (i === undefined) throw new RangeError(`PlanReservations: ${instance.name} is not a VNF instance of the view`);
    if (this.takeOnce(`e${i}`)) this.write(this.existingSlots, i, this.existingSlots[i] - 1);
  }

  // --- Planned instances -------------------------------------------------------------------------

  /** Instances planned so far, in creation order. */
  get planned(): readonly PlannedVnfInstance[] {
    return this.plannedInstances;
  }

  /** Instances of VNF type `vnf` planned so far, in creation order. */
  plannedOf(vnf: string): readonly PlannedVnfInstance[] {
    return this.plannedByVnf.get(vnf) ?? [];
  }

  /** Share slots a planned instance has left. */
  freeSlotsOfPlanned(planned: PlannedVnfInstance): number {
    const id = this.plannedId.get(planned);
    return id === undefined ? 0 : this.plannedSlots[id];
  }

  /** Whether a planned instance has a free share slot left after the reservations so far. */
  reusablePlanned(planned: PlannedVnfInstance): boolean {
    return this.freeSlotsOfPlanned(planned) > 0;
  }

  /** Takes one share slot of a planned instance (once per request). */
  takePlanned(planned: PlannedVnfInstance): void {
    const id = this.plannedId.get(planned);
    if (id === undefined) throw new RangeError(`PlanReservations: ${planned.key} was not planned by these reservations`);
    if (this.takeOnce(`p${id}`)) this.write(this.plannedSlots, id, this.plannedSlots[id] - 1);
  }

  /**
   * Plans a new instance of `vnf` on `node`: takes its CPU and memory and one of its `max_share` share
   * slots. Check {@link canCreate} first: this does not refuse (the core would).
   */
  create(node: string, vnf: Vnf): PlannedVnfInstance {
    const n = this.nodeIndex.get(node);
    if (n === undefined) throw new RangeError(`PlanReservations: ${node} is not a node of the view`);
    const id = this.plannedInstances.length;
    const planned: PlannedVnfInstance = { key: `${vnf.name}@${node}#${id}`, node, vnf: vnf.name };
    this.write(this.cpu, n, this.cpu[n] - vnf.cpu);
    this.write(this.mem, n, this.mem[n] - vnf.mem);
    this.plannedInstances.push(planned);
    this.plannedId.set(planned, id);
    this.plannedSlots.push(vnf.maxShare - 1);
    const list = this.plannedByVnf.get(vnf.name);
    if (list === undefined) this.plannedByVnf.set(vnf.name, [planned]);
    else list.push(planned);
    if (this.journal !== undefined) {
      this.createdInRequest++;
      this.slotsOfRequest.add(`p${id}`); // its creation took the request's slot
    }
    return planned;
  }

  // --- Requests ----------------------------------------------------------------------------------

  /** Opens the reservations of one request (what an earlier open request reserved is kept). */
  begin(): void {
    this.commit();
    this.journal = [];
  }

  /** Keeps what the open request reserved (it is placed). */
  commit(): void {
    this.journal = undefined;
    this.createdInRequest = 0;
    this.slotsOfRequest.clear();
    this.changeCount++;
  }

  /** Gives back everything the open request reserved (it is rejected). A no-op when no request is open. */
  rollback(): void {
    const journal = this.journal ?? [];
    for (let i = journal.length - 1; i >= 0; i--) {
      const step = journal[i];
      step.array[step.index] = step.value;
    }
    for (; this.createdInRequest > 0; this.createdInRequest--) {
      const planned = this.plannedInstances.pop() as PlannedVnfInstance;
      this.plannedId.delete(planned);
      this.plannedSlots.pop();
      this.plannedByVnf.get(planned.vnf)?.pop();
    }
    this.journal = undefined;
    this.slotsOfRequest.clear();
    this.changeCount++;
  }

  private takeOnce(slotKey: string): boolean {
    if (this.journal === undefined) return true; // outside a request every use takes a slot
    if (this.slotsOfRequest.has(slotKey)) return false;
    this.slotsOfRequest.add(slotKey);
    return true;
  }

  private linkPosition(link: Link): number | undefined {
    const i = link.index;
    if (this.view.links[i]?.link === link.name) return i; // the view lists links in link order
    this.linkIndex ??= new Map(this.view.links.map((l, j) => [l.link, j]));
    return this.linkIndex.get(link.name);
  }

  private write(array: Float64Array | number[], index: number, value: number): void {
    this.journal?.push({ array, index, value: array[index] });
    array[index] = value;
    this.changeCount++;
  }
}
