import type { InfrastructureView, Link, Vnf, VnfInstanceView } from '@nss/core';

/** A VNF instance that an earlier decision of the plan creates (addressed by its plan-local key). */
export interface PlannedInstance {
  /** Plan-local key, passed as the `key` of `new` assignments that share it. */
  readonly key: string;
  /** Node it is created on. */
  readonly node: string;
  /** VNF type. */
  readonly vnf: string;
}

/**
 * Plan-local bookkeeping of what the decisions of one round take: free CPU and memory per node, free
 * bandwidth per link, free share slots per existing or planned VNF instance. It mirrors the rules the
 * core's plan validation applies (a new instance takes the VNF's CPU and memory and one of its
 * `max_share` slots; reusing an instance takes one slot; with `compute_link_bw_limit` on, every hop
 * needs a link with free bandwidth > 0 and a hop leaving a VNF books that VNF's `min_bandwidth`), so a
 * plan built through it is accepted as a whole. Changes of a request are undone by {@link rollback}.
 */
export class Reservations {
  private readonly cpu = new Map<string, number>();
  private readonly mem = new Map<string, number>();
  private readonly initialCpu = new Map<string, number>();
  private readonly baseAllocatedCpu = new Map<string, number>();
  private readonly bandwidth = new Map<string, number>();
  private readonly slots = new Map<string, number>();
  private readonly plannedInstances: PlannedInstance[] = [];
  private journal: (() => void)[] = [];

  constructor(private readonly view: InfrastructureView) {
    for (const n of view.nodes) {
      this.cpu.set(n.node, n.freeCpu);
      this.mem.set(n.node, n.freeMem);
      this.initialCpu.set(n.node, n.freeCpu);
      this.baseAllocatedCpu.set(n.node, n.allocatedCpu);
    }
    for (const l of view.links) this.bandwidth.set(l.link, l.freeBandwidth);
    for (const v of view.vnfInstances) this.slots.set(existingKey(v.name), v.freeShareSlots);
  }

  /** Free CPU of a node after the reservations so far. */
  freeCpu(node: string): number {
    return this.cpu.get(node) ?? 0;
  }

  /** Free memory of a node after the reservations so far. */
  freeMem(node: string): number {
    return this.mem.get(node) ?? 0;
  }

  /** CPU allocated on a node: by live instances of the view plus instances planned so far. */
  allocatedCpu(node: string): number {
    return (this.baseAllocatedCpu.get(node) ?? 0) + (this.initialCpu.get(node) ?? 0) - this.freeCpu(node);
  }

  /** Whether a node has the CPU and memory left for a new instance of `vnf`. */
  fits(node: string, vnf: Vnf): boolean {
    return this.freeCpu(node) >= vnf.cpu && this.freeMem(node) >= vnf.mem;
  }

  /** Free bandwidth of a link after the bookings so far. */
  freeBandwidth(link: Link): number {
    return this.bandwidth.get(link.name) ?? link.bandwidth;
  }

  /** Whether a hop may use `link`: always when bandwidth is not enforced, else when it has free bandwidth. */
  usable(link: Link): boolean {
    return !this.view.computeLinkBandwidthLimit || this.freeBandwidth(link) > 0;
  }

  /** Books `amount` of bandwidth on `link` when bandwidth is enforced (a no-op otherwise). */
  book(link: Link, amount: number): void {
    if (!this.view.computeLinkBandwidthLimit) return;
    this.write(this.bandwidth, link.name, this.freeBandwidth(link) - amount);
  }

  /** Whether an existing instance can serve one more SFC instance (running or starting, accepting, a free slot). */
  reusable(instance: VnfInstanceView): boolean {
    return (
      (instance.state === 'running' || instance.state === 'starting') &&
      instance.acceptSfcInstances &&
      (this.slots.get(existingKey(instance.name)) ?? 0) > 0
    );
  }

  /** Takes one share slot of an existing instance. */
  takeExisting(instance: VnfInstanceView): void {
    const key = existingKey(instance.name);
    this.write(this.slots, key, (this.slots.get(key) ?? 0) - 1);
  }

  /** Instances planned so far, in creation order. */
  get planned(): readonly PlannedInstance[] {
    return this.plannedInstances;
  }

  /** Share slots a planned instance has left. */
  freeSlotsOfPlanned(planned: PlannedInstance): number {
    return this.slots.get(plannedKey(planned.key)) ?? 0;
  }

  /** Takes one share slot of a planned instance. */
  takePlanned(planned: PlannedInstance): void {
    const key = plannedKey(planned.key);
    this.write(this.slots, key, this.freeSlotsOfPlanned(planned) - 1);
  }

  /** Plans a new instance of `vnf` on `node`: takes its CPU and memory and one of its share slots. */
  create(node: string, vnf: Vnf): PlannedInstance {
    const planned: PlannedInstance = { key: `${vnf.name}@${node}#${this.plannedInstances.length}`, node, vnf: vnf.name };
    this.write(this.cpu, node, this.freeCpu(node) - vnf.cpu);
    this.write(this.mem, node, this.freeMem(node) - vnf.mem);
    this.write(this.slots, plannedKey(planned.key), vnf.maxShare - 1);
    this.plannedInstances.push(planned);
    this.journal.push(() => this.plannedInstances.pop());
    return planned;
  }

  /** Keeps the reservations made since the last commit or rollback (the request is placed). */
  commit(): void {
    this.journal = [];
  }

  /** Undoes the reservations made since the last commit or rollback (the request is rejected). */
  rollback(): void {
    for (let i = this.journal.length - 1; i >= 0; i--) this.journal[i]();
    this.journal = [];
  }

  private write(map: Map<string, number>, key: string, value: number): void {
    const had = map.has(key);
    const old = map.get(key);
    this.journal.push(() => {
      if (had) map.set(key, old as number);
      else map.delete(key);
    });
    map.set(key, value);
  }
}

function existingKey(name: string): string {
  return `existing:${name}`;
}

function plannedKey(key: string): string {
  return `planned:${key}`;
}
