import type { LinkResources, NodeResources } from './infrastructure-view.js';

/**
 * A scratch copy of the free resources of a view (CPU and memory per node, bandwidth per link, share
 * slots per VNF instance) that validation consumes decision by decision, so that each decision sees what
 * earlier accepted ones took. Changes made between {@link DraftLedger.begin} and
 * {@link DraftLedger.rollback} are undone, so a rejected decision consumes nothing. Internal to the core.
 */
export class DraftLedger {
  private readonly cpu = new Map<string, number>();
  private readonly mem = new Map<string, number>();
  private readonly bandwidth = new Map<string, number>();
  private readonly slots = new Map<string, number>();
  private readonly initialCpu = new Map<string, number>();
  private readonly initialMem = new Map<string, number>();
  private readonly initialBandwidth = new Map<string, number>();
  private readonly initialSlots = new Map<string, number>();
  private journal: (() => void)[] | undefined;
  /** Values before the open transaction changed them (per map, per key). */
  private readonly before = new Map<Map<string, number>, Map<string, number>>();

  constructor(nodes: readonly NodeResources[], links: readonly LinkResources[] = []) {
    for (const n of nodes) {
      this.cpu.set(n.node, n.freeCpu);
      this.mem.set(n.node, n.freeMem);
    }
    for (const l of links) this.bandwidth.set(l.link, l.freeBandwidth);
    copyInto(this.initialCpu, this.cpu);
    copyInto(this.initialMem, this.mem);
    copyInto(this.initialBandwidth, this.bandwidth);
  }

  /** Whether the view knows this node. */
  hasNode(node: string): boolean {
    return this.cpu.has(node);
  }

  /** Free CPU of a node now (after what earlier decisions took). */
  freeCpu(node: string): number {
    return this.cpu.get(node) ?? 0;
  }

  /** Free memory of a node now. */
  freeMem(node: string): number {
    return this.mem.get(node) ?? 0;
  }

  /** CPU taken on a node by committed decisions (negative when they freed some). */
  takenCpu(node: string): number {
    return (this.initialCpu.get(node) ?? 0) - this.committed(this.cpu, node);
  }

  /** Memory taken on a node by committed decisions. */
  takenMem(node: string): number {
    return (this.initialMem.get(node) ?? 0) - this.committed(this.mem, node);
  }

  /** CPU taken on a node by the open transaction (the decision being checked). */
  pendingCpu(node: string): number {
    return this.committed(this.cpu, node) - this.freeCpu(node);
  }

  /** Memory taken on a node by the open transaction. */
  pendingMem(node: string): number {
    return this.committed(this.mem, node) - this.freeMem(node);
  }

  /** Takes (positive) or gives back (negative) CPU and memory on a node. */
  allocate(node: string, cpu: number, mem: number): void {
    this.write(this.cpu, node, this.freeCpu(node) - cpu);
    this.write(this.mem, node, this.freeMem(node) - mem);
  }

  /** Free bandwidth of a link now; `fallback` when the view did not list the link. */
  freeBandwidth(link: string, fallback = 0): number {
    return this.bandwidth.get(link) ?? fallback;
  }

  /** Bandwidth of a link booked by committed decisions. */
  bookedBandwidth(link: string): number {
    const now = this.committed(this.bandwidth, link);
    return (this.initialBandwidth.get(link) ?? now) - now;
  }

  /** Bandwidth of a link booked by the open transaction. */
  pendingBandwidth(link: string): number {
    return this.committed(this.bandwidth, link) - this.freeBandwidth(link);
  }

  /** Books bandwidth on a link (starting from `fallback` when the view did not list it). */
  book(link: string, amount: number, fallback = 0): void {
    if (!this.bandwidth.has(link)) {
      this.bandwidth.set(link, fallback);
      this.initialBandwidth.set(link, fallback);
    }
    this.write(this.bandwidth, link, this.freeBandwidth(link) - amount);
  }

  /** Free share slots under `key` (0 when unknown). */
  freeSlots(key: string): number {
    return this.slots.get(key) ?? 0;
  }

  /** Share slots under `key` taken by committed decisions. */
  takenSlots(key: string): number {
    return (this.initialSlots.get(key) ?? 0) - this.committed(this.slots, key);
  }

  /** Declares `key` with `free` slots (an existing instance from the view, or one created by a decision). */
  openSlots(key: string, free: number): void {
    this.initialSlots.set(key, free);
    this.write(this.slots, key, free);
  }

  /** Takes one slot under `key`. */
  takeSlot(key: string): void {
    this.write(this.slots, key, this.freeSlots(key) - 1);
  }

  /** Starts recording changes so that {@link DraftLedger.rollback} can undo them. */
  begin(): void {
    this.journal = [];
    this.before.clear();
  }

  /** Keeps the changes made since {@link DraftLedger.begin}. */
  commit(): void {
    this.journal = undefined;
    this.before.clear();
  }

  /** Undoes the changes made since {@link DraftLedger.begin}. */
  rollback(): void {
    const journal = this.journal ?? [];
    for (let i = journal.length - 1; i >= 0; i--) journal[i]();
    this.journal = undefined;
    this.before.clear();
  }

  /** The value of `key` before the open transaction (its current value when none is open). */
  private committed(map: Map<string, number>, key: string): number {
    const old = this.before.get(map);
    if (old !== undefined && old.has(key)) return old.get(key) ?? 0;
    return map.get(key) ?? 0;
  }

  private write(map: Map<string, number>, key: string, value: number): void {
    if (this.journal !== undefined) {
      const had = map.has(key);
      const old = map.get(key);
      let firstValues = this.before.get(map);
      if (firstValues === undefined) this.before.set(map, (firstValues = new Map()));
      if (!firstValues.has(key)) firstValues.set(key, old ?? 0);
      this.journal.push(() => {
        if (had) map.set(key, old as number);
        else map.delete(key);
      });
    }
    map.set(key, value);
  }
}

function copyInto(target: Map<string, number>, source: Map<string, number>): void {
  for (const [k, v] of source) target.set(k, v);
}
