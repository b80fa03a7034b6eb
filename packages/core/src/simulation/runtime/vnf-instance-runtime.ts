import type { EventId } from '../../engine/scheduler.js';
import { Server } from '../../engine/server.js';
import type { Vnf } from '../../model/vnf.js';
import type { VnfInstanceInfo, VnfInstanceState } from '../../model/vnf-instance.js';
import type { NodeRuntime } from './node-runtime.js';
import type { PacketRuntime } from './packet.js';
import type { SfcInstanceRuntime } from './sfc-instance-runtime.js';

/**
 * A VNF instance during a run (model-spec §5.4, §6.1): `max_share` processing slots with a FIFO queue,
 * the packets in service sharing its CPU, its loads, lifecycle and the counters the monitors read.
 */
export class VnfInstanceRuntime implements VnfInstanceInfo {
  readonly index: number;
  readonly name: string;
  readonly type: Vnf;
  readonly host: NodeRuntime;
  cpu: number;
  mem: number;
  state: VnfInstanceState = 'starting';
  acceptSfcInstances = true;
  /** Removed by scaling and still holding packets: it shuts down when the last one leaves. */
  draining = false;
  readonly createdAt: number;
  readonly readyAt: number;
  /** SFC instances mapped onto it. */
  readonly mapped: SfcInstanceRuntime[] = [];
  /** Time its shutdown ends (NaN until it starts shutting down). */
  destroyAt = Number.NaN;
  /** Time it became idle (no SFC instance mapped); NaN while mapped. */
  idleSince = Number.NaN;
  /** Processing slots; items start in FIFO order. */
  readonly server: Server<PacketRuntime>;
  /** Packets admitted while the instance boots; they enter the slots at `readyAt`. */
  readonly booting: PacketRuntime[] = [];
  /** Packets in service (≤ slots). */
  readonly inService: PacketRuntime[] = [];
  /** Processor-sharing clock: instructions each in-service packet has received since the epoch. */
  virtualWork = 0;
  /** Time up to which `virtualWork` is advanced. */
  virtualSince = 0;
  /** Next service completion event (-1 when none). */
  completion: EventId = -1;
  /** Σ W of packets in service. */
  workInService = 0;
  /** Σ W · packet_mem_demand of packets in service. */
  memWorkInService = 0;

  // ---- cumulative counters (monitor windows are differences of these) ----
  arrived = 0;
  processed = 0;
  dropped = 0;
  workArrived = 0;
  workProcessed = 0;
  /** ∫ cpuLoad dt (ms). */
  cpuLoadIntegral = 0;
  /** ∫ memLoad dt (ms). */
  memLoadIntegral = 0;
  /** ∫ [busy > 0] dt (ms). */
  busyIntegral = 0;
  /** Time up to which the integrals are accumulated. */
  integralSince: number;

  constructor(
    index: number,
    name: string,
    type: Vnf,
    host: NodeRuntime,
    createdAt: number,
    readyAt: number,
    onStart: (packet: PacketRuntime) => void,
  ) {
    this.index = index;
    this.name = name;
    this.type = type;
    this.host = host;
    this.cpu = type.cpu;
    this.mem = type.mem;
    this.createdAt = createdAt;
    this.readyAt = readyAt;
    this.integralSince = createdAt;
    this.virtualSince = createdAt;
    this.server = new Server<PacketRuntime>({ capacity: Math.max(1, type.maxShare) }, onStart);
  }

  get vnf(): string {
    return this.type.name;
  }

  get node(): string {
    return this.host.name;
  }

  get cpuLoad(): number {
    return this.workInService / this.cpu;
  }

  get memLoad(): number {
    return this.memWorkInService / this.mem;
  }

  /** Packets admitted and not yet in service. */
  get queue(): number {
    return this.booting.length + this.server.queueLength;
  }

  get busySlots(): number {
    return this.server.busy;
  }

  get slots(): number {
    return this.server.capacity;
  }

  get sfcInstances(): readonly string[] {
    return this.mapped.map((s) => s.name);
  }

  /** Whether packets are waiting for or in service here. */
  holdsPackets(): boolean {
    return this.server.busy > 0 || this.queue > 0 || this.inService.length > 0;
  }

  /** Whether a new packet fits in the queue (`max_packet_queue`, -1 = unlimited). */
  admits(): boolean {
    const max = this.type.maxPacketQueue;
    return max < 0 || this.queue < max;
  }

  /** Accumulates the load integrals up to `now` (call before any load change). */
  touch(now: number): void {
    const dt = now - this.integralSince;
    if (dt > 0) {
      if (this.workInService > 0) {
        this.cpuLoadIntegral += (this.workInService / this.cpu) * dt;
        this.memLoadIntegral += (this.memWorkInService / this.mem) * dt;
      }
      if (this.server.busy > 0) this.busyIntegral += dt;
      this.integralSince = now;
    }
  }

  /** Advances the processor-sharing clock to `now` at the current rate (cpu / packets in service). */
  advance(now: number): void {
    const n = this.inService.length;
    if (n > 0 && now > this.virtualSince) this.virtualWork += ((now - this.virtualSince) / 1000) * (this.cpu / n);
    this.virtualSince = now;
  }

  /** ms until the first in-service packet finishes at the current rate (Infinity when none). */
  timeToNextCompletion(): number {
    const n = this.inService.length;
    if (n === 0) return Infinity;
    let min = Infinity;
    for (let i = 0; i < n; i++) if (this.inService[i].finishWork < min) min = this.inService[i].finishWork;
    return Math.max(0, ((min - this.virtualWork) * n * 1000) / this.cpu);
  }
}
