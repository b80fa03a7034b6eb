import type { Node } from '../../model/node.js';

/**
 * A node during a run: CPU and memory allocated to its live VNF instances, and its energy integral
 * (model-spec §6.1 resource accounting, §9 energy).
 */
export class NodeRuntime {
  readonly node: Node;
  readonly index: number;
  allocatedCpu = 0;
  allocatedMem = 0;
  /** Live (not destroyed) VNF instances on the node. */
  instances = 0;
  /** ∫ power dt in W·ms up to `energySince`. */
  energyWms = 0;
  /** Time up to which `energyWms` is integrated. */
  energySince = 0;

  constructor(node: Node) {
    this.node = node;
    this.index = node.index;
  }

  get name(): string {
    return this.node.name;
  }

  get freeCpu(): number {
    return this.node.cpu - this.allocatedCpu;
  }

  get freeMem(): number {
    return this.node.mem - this.allocatedMem;
  }

  /** Instantaneous power (W): idle + (max − idle) · allocated CPU / capacity, capped at max (§9). */
  power(): number {
    const n = this.node;
    const util = Math.min(1, this.allocatedCpu / n.cpu);
    return n.energyIdle + (n.energyMax - n.energyIdle) * util;
  }

  /** Integrates the energy up to `now` (call before any allocation change). */
  accrue(now: number): void {
    if (now > this.energySince) {
      this.energyWms += this.power() * (now - this.energySince);
      this.energySince = now;
    }
  }

  /** Changes the allocation at `now`, integrating the energy first. */
  allocate(now: number, cpu: number, mem: number): void {
    this.accrue(now);
    this.allocatedCpu += cpu;
    this.allocatedMem += mem;
  }
}
