import type { EventId } from '../../engine/scheduler.js';
import type { PacketInfo, PacketOutcome } from '../../model/packet.js';
import type { LinkRuntime } from './link-runtime.js';
import type { RequestRuntime } from './request-runtime.js';
import type { SfcInstanceRuntime } from './sfc-instance-runtime.js';
import type { VnfInstanceRuntime } from './vnf-instance-runtime.js';

/**
 * A packet in flight. The one object the hot path allocates per packet: every stage keeps its state
 * here (current hop, link, instance) so the pipeline schedules stable callbacks with the packet as the
 * argument instead of creating closures.
 */
export class PacketRuntime implements PacketInfo {
  /** Per-request id (1-based). */
  readonly id: number;
  readonly req: RequestRuntime;
  /** SFC instance captured when the packet entered the network. */
  si: SfcInstanceRuntime | null = null;
  readonly createdAt: number;
  readonly size: number;
  readonly maxDelay: number;
  /** Requests active and placed when the packet was created (reference column). */
  readonly totalSfcRequestsActive: number;
  /** Time the packet ended (delivered, dropped or orphaned); NaN while active. */
  endedAt = Number.NaN;
  mobilityPenalty = 0;
  slaViolated = false;
  slaViolationPercentage = 0;
  outcome: PacketOutcome = 'active';
  /** Hop index: 0 = ingress link, i = link after the i-th VNF (1-based); also the VNF position + 1 while in a VNF. */
  hop = 0;
  /** Size on the current link. */
  linkSize = 0;
  /** Link being traversed. */
  link: LinkRuntime | null = null;
  /** VNF instance serving the packet (while at a VNF) or that served it last. */
  vnf: VnfInstanceRuntime | null = null;
  /** The instance chosen for the next chain position when the packet left the previous hop (routing follows it). */
  next: VnfInstanceRuntime | null = null;
  /** Time of arrival at the current VNF instance. */
  arrivedAt = 0;
  /** Work (instructions) at the current VNF: size · packet_cpu_demand. */
  work = 0;
  /** Memory load contribution at the current VNF. */
  memUsage = 0;
  /** Virtual finish time in the VNF instance's processor-sharing clock. */
  finishWork = 0;
  /** Extra delay (remote access, disk) to add after the CPU work at the current VNF. */
  extraDelay = 0;
  /** Service start time at the current VNF. */
  startedAt = 0;
  /** Time the last VNF finished (for the reference's migration latency, [Q-21]). */
  lastVnfDoneAt = Number.NaN;
  /** Scheduled SLA deadline event (-1 when none). */
  deadline: EventId = -1;
  /** Position in the round's active-packet list (-1 when not active). */
  activeSlot = -1;

  constructor(
    id: number,
    req: RequestRuntime,
    createdAt: number,
    size: number,
    maxDelay: number,
    totalSfcRequestsActive: number,
  ) {
    this.id = id;
    this.req = req;
    this.createdAt = createdAt;
    this.size = size;
    this.maxDelay = maxDelay;
    this.totalSfcRequestsActive = totalSfcRequestsActive;
  }

  /** SFC request name. */
  get request(): string {
    return this.req.name;
  }

  /** End-to-end delay (ms): to the end time, or to `now` for a packet still active (see {@link delayAt}). */
  get delay(): number {
    return this.endedAt - this.createdAt;
  }

  /** Delay at time `now` (ms). */
  delayAt(now: number): number {
    return (Number.isNaN(this.endedAt) ? now : this.endedAt) - this.createdAt;
  }
}
