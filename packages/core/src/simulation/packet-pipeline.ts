import type { Scheduler } from '../engine/scheduler.js';
import { EVENT_NAMES, EventIds, type EventNameId, Events } from '../events/catalogue.js';
import type { RoundState } from './round-state.js';
import type { LinkRuntime } from './runtime/link-runtime.js';
import { PacketRuntime } from './runtime/packet.js';
import type { VnfInstanceRuntime } from './runtime/vnf-instance-runtime.js';

/** The smallest double strictly greater than `x` or a hair above it: SLA is violated when delay > max. */
function justAfter(x: number): number {
  return x + Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}

/**
 * The packet hot path (model-spec §5.3–5.6, §5.9): ingress link → VNF instance → link → … → egress.
 * Every stage is a method bound once; the scheduler carries the packet as the event argument, so no
 * closure or payload is created per hop unless someone listens to the event.
 *
 * Stages: `startHop` (link p.hop: transmission computed on the FIFO transmitter, or a free loopback skipped)
 * → [transmission + propagation] → `afterLink` → `vnfArrive` (queue or boot wait) → `vnfStart` (slot; CPU shared by the
 * packets in service) → `vnfServiceEnd` → [remote/disk extra] → `vnfLeave` → next hop … → `deliver`.
 */
export class PacketPipeline {
  private readonly s: RoundState;
  private readonly sched: Scheduler;
  private readonly logVnf: boolean;
  private readonly slaEventsOn: boolean;
  /** Whether link events are listened to (decided at the start of the round). */
  private readonly linkEventsListened: boolean;
  /** The dispatch policy's `served` feedback, when it defines one (checked once, not per packet). */
  private readonly served: ((instance: string, delay: number, time: number) => void) | null;
  /** Called when a draining instance (removed by scaling) lets its last packet go (set by the lifecycle). */
  onDrained: ((inst: VnfInstanceRuntime) => void) | null = null;
  /** Links of hops off the planned routes, by node pair (see {@link PacketPipeline.route}). */
  private readonly routes = new Map<string, LinkRuntime>();

  constructor(state: RoundState) {
    this.s = state;
    this.sched = state.scheduler;
    this.logVnf = state.settings.logVnfInstanceEvents;
    this.slaEventsOn = !state.quirks.slaEventsNeedVnfLogging || this.logVnf;
    const d = state.dispatch;
    this.served = d !== null && typeof d.served === 'function' ? d.served.bind(d) : null;
    const bus = state.bus;
    this.linkEventsListened = (
      bus.hasId(EventIds.LINK_PACKET_ARRIVED) ||
      bus.hasId(EventIds.LINK_PACKET_STARTED) ||
      bus.hasId(EventIds.LINK_PACKET_SENT) ||
      bus.hasId(EventIds.LINK_QUEUE_PACKET_DROPPED)
    );
  }

  // ------------------------------------------------------------------ entry
  /** A packet enters the network at `now` (model-spec §5.3). `createdAt` ≤ now ([Q-1] profile). */
  readonly inject = (packet: PacketRuntime): void => {
    const s = this.s;
    const req = packet.req;
    s.metrics.packetCreated(req.sfc.index, req.sliceIndex);
    packet.activeSlot = s.activePackets.length;
    s.activePackets.push(packet);
    this.emitPacket(EventIds.PACKET_CREATED, packet);
    packet.deadline = this.sched.at(
      Math.max(this.sched.now, justAfter(packet.createdAt + packet.maxDelay)),
      this.slaDeadline,
      packet,
    );
    const si = req.sfcInstance;
    if (si === null || !si.active) {
      this.orphan(packet);
      return;
    }
    packet.si = si;
    si.packetsInFlight++;
    const user = req.user;
    if (user.node !== req.ingressNode) {
      // Mobility penalty (§5.8): twice the ceiling of one transfer of the source's mean size on a random
      // link from the user's current node back to the request's ingress node.
      const links = s.index.linksBetween(user.node, req.ingressNode);
      const l = links.length === 1 ? links[0] : s.streams.mobility.choice(links);
      const penalty = 2 * Math.ceil((1000 * req.dataSource.packetSize) / l.bandwidth + l.propagation);
      packet.mobilityPenalty = penalty;
      this.sched.after(penalty, this.startHop, packet);
      return;
    }
    this.startHop(packet);
  };

  // ------------------------------------------------------------------ links
  private readonly startHop = (packet: PacketRuntime): void => {
    const si = packet.si!;
    const h = packet.hop;
    let link = si.hopLinks[h];
    // The hop follows the nodes the packet really goes between: the planned link when they are its ends
    // (always, without scale-out on another node), else the fastest link joining them. When the
    // instances of the next chain position are on different nodes (horizontal scale-out), the packet
    // must be routed to one of them, so the dispatch policy chooses as it leaves; on one node it chooses
    // as it arrives there (vnfArrive), seeing the instances' queues at that moment.
    const last = si.hopLinks.length - 1;
    let next: VnfInstanceRuntime | null = null;
    let to: string | null = null;
    if (h === last) {
      to = si.egressNode;
    } else {
      const candidates = si.servers[h];
      if (candidates.length > 0) {
        const host = candidates[0].host;
        let oneNode = true;
        for (let i = 1; i < candidates.length; i++) {
          if (candidates[i].host !== host) {
            oneNode = false;
            break;
          }
        }
        if (oneNode) {
          if (candidates.length === 1) next = candidates[0];
          to = host.node.name;
        } else {
          next = this.pick(candidates, packet, si.cursor, h);
          to = next.host.node.name;
        }
      }
    }
    packet.next = next;
    if (to !== null) {
      const from = h === 0 ? si.ingressNode : packet.vnf!.host.node.name;
      const l = link.link;
      if (!((l.source === from && l.target === to) || (l.source === to && l.target === from))) link = this.route(from, to);
    }
    packet.link = link;
    packet.linkSize = h === 0 ? packet.size : packet.size * packet.vnf!.type.packetNetworkDemand;
    if (link.link.loopback && !this.s.settings.computeLoopbackTime) {
      this.afterLink(packet);
      return;
    }
    const now = this.sched.now;
    const listened = this.linkEventsListened;
    if (listened) this.emitLink(EventIds.LINK_PACKET_ARRIVED, packet, link);
    // The FIFO transmitter is computed, not simulated: the packet starts at max(now, freeAt), leaves after
    // its transmission time, and one event marks its arrival at the far end after the propagation delay.
    const max = link.link.maxPacketQueue;
    if (max >= 0 && link.inSystem(now) >= max) {
      if (listened) this.emitLink(EventIds.LINK_QUEUE_PACKET_DROPPED, packet, link);
      this.end(packet, 'dropped', EventIds.PACKET_DROPPED_LINK_QUEUE);
      return;
    }
    const tx = (1000 * packet.linkSize) / link.link.bandwidth;
    const prop = link.link.propagation;
    const start = link.freeAt > now ? link.freeAt : now;
    link.freeAt = start + tx + (this.s.quirks.linkPropagationHoldsServer ? prop : 0);
    link.busyMs += tx;
    if (max >= 0) link.admit(link.freeAt);
    if (listened) {
      // Log-only events: they change no state, so logging links does not change any result.
      if (start > now) this.sched.at(start, this.logLinkStarted, packet);
      else this.emitLink(EventIds.LINK_PACKET_STARTED, packet, link);
      this.sched.at(start + tx, this.logLinkSent, packet);
    }
    this.sched.at(start + tx + prop, this.afterLink, packet);
  };

  private readonly logLinkStarted = (packet: PacketRuntime): void => {
    this.emitLink(EventIds.LINK_PACKET_STARTED, packet, packet.link!);
  };

  private readonly logLinkSent = (packet: PacketRuntime): void => {
    this.emitLink(EventIds.LINK_PACKET_SENT, packet, packet.link!);
  };

  private readonly afterLink = (packet: PacketRuntime): void => {
    if (packet.hop === packet.si!.hopLinks.length - 1) this.deliver(packet);
    else this.vnfArrive(packet);
  };

  // ------------------------------------------------------------------ VNF instances
  private vnfArrive(packet: PacketRuntime): void {
    const si = packet.si!;
    if (!si.active) {
      this.orphan(packet);
      return;
    }
    const k = packet.hop;
    const candidates = si.servers[k];
    if (candidates.length === 0) {
      this.orphan(packet);
      return;
    }
    // The instance chosen at departure, unless scaling removed it while the packet was on the link.
    let inst = packet.next;
    packet.next = null;
    if (inst === null || (candidates.length === 1 ? candidates[0] !== inst : !candidates.includes(inst))) {
      inst = candidates.length === 1 ? candidates[0] : this.pick(candidates, packet, si.cursor, k);
    }
    packet.vnf = inst;
    const work = packet.size * inst.type.packetCpuDemand;
    packet.work = work;
    inst.touch(this.sched.now);
    inst.arrived++;
    inst.workArrived += work;
    this.emitVnfPacket(EventIds.VNF_INSTANCE_PACKET_ARRIVED, packet, inst, -1);
    if (!inst.admits()) {
      inst.dropped++;
      this.emitVnfPacket(EventIds.VNF_INSTANCE_PACKET_DROPPED, packet, inst, -1);
      this.end(packet, 'dropped', EventIds.PACKET_DROPPED_VNF_INSTANCE_QUEUE);
      return;
    }
    packet.arrivedAt = this.sched.now;
    if (inst.state === 'starting') inst.booting.push(packet);
    else inst.server.offer(packet);
  }

  /**
   * The link a hop between two nodes takes when it leaves the SFC instance's planned route (after a
   * scale-out on another node): the one with the lowest propagation delay, then the highest bandwidth, then
   * the first (cached per node pair).
   */
  private route(from: string, to: string): LinkRuntime {
    const key = `${from}\u0000${to}`;
    let link = this.routes.get(key);
    if (link === undefined) {
      const links = this.s.index.linksBetween(from, to);
      if (links.length === 0) throw new Error(`no link joins ${from} and ${to}`);
      let best = links[0];
      for (const l of links) {
        if (l.propagation < best.propagation || (l.propagation === best.propagation && l.bandwidth > best.bandwidth)) best = l;
      }
      link = this.s.linkByName.get(best.name)!;
      this.routes.set(key, link);
    }
    return link;
  }

  private pick(
    candidates: readonly VnfInstanceRuntime[],
    packet: PacketRuntime,
    cursor: Int32Array,
    k: number,
  ): VnfInstanceRuntime {
    const d = this.s.dispatch;
    if (d !== null) {
      const i = d.select(candidates, {
        time: this.sched.now,
        request: packet.req.name,
        vnf: candidates[0].type.name,
        size: packet.size,
      });
      if (i >= 0 && i < candidates.length) return candidates[i];
    }
    const i = cursor[k] % candidates.length;
    cursor[k] = i + 1;
    return candidates[i];
  }

  /** Server callback: the packet got a processing slot (model-spec §5.4 steps 6–14). */
  readonly vnfStart = (packet: PacketRuntime): void => {
    const inst = packet.vnf!;
    const now = this.sched.now;
    const q = this.s.quirks;
    const type = inst.type;
    packet.startedAt = now;
    this.emitVnfPacket(EventIds.VNF_INSTANCE_PACKET_PROCESS_STARTED, packet, inst, now - packet.arrivedAt);
    // Remote data access: probability p (corrected) or 1 − e^−p (reference, [Q-12]).
    const p = type.remoteDataAccessProb;
    let remote = false;
    if (p > 0) {
      const rng = this.s.streams.processing;
      remote = q.remoteAccessProbabilityExponential ? rng.next() < rng.poisson(p) : rng.next() < p;
    }
    inst.touch(now);
    const work = packet.work;
    const memUsage = work * type.packetMemDemand;
    packet.memUsage = memUsage;
    inst.workInService += work;
    inst.memWorkInService += memUsage;
    this.emitResource(EventIds.INSTANCE_RESOURCE_USAGE_INCREASE, packet, inst, work / inst.cpu, memUsage / inst.mem);
    let extra = 0;
    if (remote) {
      extra += type.remoteDataAccessCost;
      this.emitVnfPacket(EventIds.VNF_INSTANCE_REMOTE_DATA_RECEIVED, packet, inst, -1);
    }
    if (inst.memLoad > 1) {
      extra += inst.host.node.diskDelay;
      this.emitResource(EventIds.INSTANCE_RESOURCE_DISK_ACCESS, packet, inst, inst.cpuLoad, inst.memLoad);
    }
    if (q.noCpuSharing) {
      // Reference: full CPU per packet, overload multiplier Σ W/C applied once at service start.
      let t = (1000 * work) / inst.cpu + extra;
      const load = inst.cpuLoad;
      if (load > 1) t *= load;
      if (q.truncateVnfTimes) t = Math.trunc(t);
      packet.extraDelay = 0;
      this.sched.after(t, this.vnfServiceEnd, packet);
      return;
    }
    packet.extraDelay = extra;
    inst.advance(now);
    packet.finishWork = inst.virtualWork + work;
    inst.inService.push(packet);
    this.reschedule(inst);
  };

  /** Re-plans the next completion of a processor-sharing instance (after a start, an end or a CPU change). */
  reschedule(inst: VnfInstanceRuntime): void {
    if (inst.completion >= 0) {
      this.sched.cancel(inst.completion);
      inst.completion = -1;
    }
    const dt = inst.timeToNextCompletion();
    if (dt !== Infinity) inst.completion = this.sched.after(dt, this.vnfCompletion, inst);
  }

  private readonly vnfCompletion = (inst: VnfInstanceRuntime): void => {
    inst.completion = -1;
    inst.advance(this.sched.now);
    const list = inst.inService;
    const v = inst.virtualWork;
    const now = this.sched.now;
    const n = list.length;
    // Finish every packet whose work is done (tolerance for floating-point rounding of the clock), or
    // whose remaining time (computed as timeToNextCompletion does) is below the clock's resolution at
    // `now`: its completion would otherwise be rescheduled at `now` itself forever (a fast instance
    // late in a long run).
    for (let i = 0; i < list.length; ) {
      const p = list[i];
      const left = p.finishWork - v;
      if (left <= 1e-9 * Math.max(1, p.finishWork) || now + (left * n * 1000) / inst.cpu <= now) {
        list[i] = list[list.length - 1];
        list.pop();
        this.vnfServiceEnd(p);
      } else i++;
    }
    this.reschedule(inst);
  };

  private readonly vnfServiceEnd = (packet: PacketRuntime): void => {
    const inst = packet.vnf!;
    const now = this.sched.now;
    inst.touch(now);
    inst.workInService = Math.max(0, inst.workInService - packet.work);
    inst.memWorkInService = Math.max(0, inst.memWorkInService - packet.memUsage);
    if (inst.inService.length === 0 && inst.server.busy <= 1) {
      inst.workInService = 0;
      inst.memWorkInService = 0;
    }
    this.emitResource(
      EventIds.INSTANCE_RESOURCE_USAGE_DECREASE,
      packet,
      inst,
      packet.work / inst.cpu,
      packet.memUsage / inst.mem,
    );
    inst.processed++;
    inst.workProcessed += packet.work;
    this.emitVnfPacket(EventIds.VNF_INSTANCE_PACKET_PROCESSED, packet, inst, now - packet.startedAt);
    if (this.served !== null) this.served(inst.name, now - packet.arrivedAt, now);
    inst.server.release();
    if (inst.draining && !inst.holdsPackets() && this.onDrained !== null) this.onDrained(inst);
    if (packet.extraDelay > 0) this.sched.after(packet.extraDelay, this.vnfLeave, packet);
    else this.vnfLeave(packet);
  };

  private readonly vnfLeave = (packet: PacketRuntime): void => {
    if (packet.outcome !== 'active') return;
    packet.lastVnfDoneAt = this.sched.now;
    packet.hop++;
    this.startHop(packet);
  };

  /** An instance finished booting: its waiting packets enter the slots in arrival order. */
  startBootedPackets(inst: VnfInstanceRuntime): void {
    const waiting = inst.booting.splice(0);
    for (const p of waiting) inst.server.offer(p);
  }

  /** Applies a new CPU allocation to an instance's packets in service (processor sharing re-rates them). */
  cpuChanged(inst: VnfInstanceRuntime, cpu: number): void {
    const now = this.sched.now;
    inst.touch(now);
    inst.advance(now);
    inst.cpu = cpu;
    if (!this.s.quirks.noCpuSharing) this.reschedule(inst);
  }

  // ------------------------------------------------------------------ endings
  private deliver(packet: PacketRuntime): void {
    this.end(packet, 'delivered', EventIds.PACKET_PROCESSED);
  }

  private orphan(packet: PacketRuntime): void {
    this.end(packet, 'orphan', EventIds.PACKET_ORPHAN);
  }

  private end(
    packet: PacketRuntime,
    outcome: 'delivered' | 'dropped' | 'orphan',
    id: EventNameId,
  ): void {
    const s = this.s;
    const now = this.sched.now;
    packet.endedAt = now;
    packet.outcome = outcome;
    if (packet.deadline >= 0) {
      this.sched.cancel(packet.deadline);
      packet.deadline = -1;
    }
    const gatedOff = id === EventIds.PACKET_DROPPED_VNF_INSTANCE_QUEUE && !this.slaEventsOn;
    if (!gatedOff) this.emitPacket(id, packet);
    const req = packet.req;
    const sfcIdx = req.sfc.index;
    const sliceIdx = req.sliceIndex;
    const delay = now - packet.createdAt;
    // A packet already late keeps its excess over the SLA, whatever its end; one ended early by a drop or
    // an orphaning counts as 100 % (model-spec §5.9).
    if (packet.slaViolated) packet.slaViolationPercentage = (delay - packet.maxDelay) / packet.maxDelay;
    if (outcome === 'delivered') {
      s.metrics.packetDelivered(sfcIdx, sliceIdx, delay, packet.slaViolated);
      req.recordLatency(
        s.quirks.migrationLatencyToLastVnf && !Number.isNaN(packet.lastVnfDoneAt)
          ? packet.lastVnfDoneAt - packet.createdAt
          : delay,
      );
      const si = packet.si;
      if (si !== null) {
        si.delivered++;
        si.deliveredDelaySum += delay;
        if (packet.slaViolated) si.endedLate++;
      }
    } else {
      if (!packet.slaViolated) this.violate(packet, 1);
      if (packet.si !== null) packet.si.endedLate++;
      if (outcome === 'dropped') s.metrics.packetDropped(sfcIdx, sliceIdx);
      else s.metrics.packetOrphaned(sfcIdx, sliceIdx);
    }
    const si = packet.si;
    if (si !== null) {
      si.packetsInFlight--;
      si.packetsEnded++;
    }
    // swap-remove from the active list
    const list = s.activePackets;
    const last = list.pop()!;
    if (last !== packet) {
      list[packet.activeSlot] = last;
      last.activeSlot = packet.activeSlot;
    }
    packet.activeSlot = -1;
    if (s.packetEnded !== null) s.packetEnded(packet);
  }

  private readonly slaDeadline = (packet: PacketRuntime): void => {
    packet.deadline = -1;
    if (packet.outcome === 'active' && !packet.slaViolated) this.violate(packet, 0);
  };

  private violate(packet: PacketRuntime, percentage: number): void {
    packet.slaViolated = true;
    packet.slaViolationPercentage = percentage;
    const req = packet.req;
    this.s.metrics.slaViolated(req.sfc.index, req.sliceIndex);
    if (!this.slaEventsOn) return;
    const si = packet.si ?? req.sfcInstance;
    if (si !== null) {
      si.slaViolations++;
      if (!this.s.quirks.cumulativeLockWindow) si.violationTimes.push(this.sched.now);
    }
    const bus = this.s.bus;
    if (bus.hasId(EventIds.EVENT_PACKET_SLA_VIOLATED)) {
      bus.emit(Events.EVENT_PACKET_SLA_VIOLATED, {
        time: this.sched.now,
        packetId: packet.id,
        request: req.name,
        sfcInstance: si?.name ?? '',
        user: req.user.name,
        sfc: req.sfc.name,
        dataSource: req.dataSource.name,
        slaViolationPercentage: percentage,
      });
    }
  }

  // ------------------------------------------------------------------ event payloads (only when listened to)
  private emitPacket(
    id: EventNameId,
    packet: PacketRuntime,
  ): void {
    const bus = this.s.bus;
    if (!bus.hasId(id)) return;
    const req = packet.req;
    const now = this.sched.now;
    bus.emit(EVENT_NAMES[id] as typeof Events.PACKET_PROCESSED, {
      time: now,
      packetId: packet.id,
      request: req.name,
      sfcInstance: (packet.si ?? req.sfcInstance)?.name ?? '',
      user: req.user.name,
      sfc: req.sfc.name,
      dataSource: req.dataSource.name,
      delay: now - packet.createdAt,
    });
  }

  private emitLink(
    id: EventNameId,
    packet: PacketRuntime,
    link: LinkRuntime,
  ): void {
    const bus = this.s.bus;
    if (!bus.hasId(id)) return;
    const req = packet.req;
    bus.emit(EVENT_NAMES[id] as typeof Events.LINK_PACKET_ARRIVED, {
      time: this.sched.now,
      packetId: packet.id,
      link: link.name,
      request: req.name,
      sfcInstance: packet.si?.name ?? '',
      user: req.user.name,
      sfc: req.sfc.name,
      dataSource: req.dataSource.name,
      vnfInstance: packet.hop === 0 ? 'data_source' : (packet.vnf?.name ?? 'data_source'),
      packetSize: packet.linkSize,
    });
  }

  private emitVnfPacket(
    id: EventNameId,
    packet: PacketRuntime,
    inst: VnfInstanceRuntime,
    elapsed: number,
  ): void {
    const bus = this.s.bus;
    if (!bus.hasId(id)) return;
    const req = packet.req;
    bus.emit(EVENT_NAMES[id] as typeof Events.VNF_INSTANCE_PACKET_ARRIVED, {
      time: this.sched.now,
      packetId: packet.id,
      vnfInstance: inst.name,
      request: req.name,
      sfcInstance: packet.si?.name ?? '',
      user: req.user.name,
      sfc: req.sfc.name,
      dataSource: req.dataSource.name,
      size: packet.work,
      elapsedTime: elapsed,
    });
  }

  private emitResource(
    id: EventNameId,
    packet: PacketRuntime,
    inst: VnfInstanceRuntime,
    cpuUsage: number,
    memUsage: number,
  ): void {
    const bus = this.s.bus;
    if (!bus.hasId(id)) return;
    const req = packet.req;
    bus.emit(EVENT_NAMES[id] as typeof Events.INSTANCE_RESOURCE_USAGE_INCREASE, {
      time: this.sched.now,
      vnfInstance: inst.name,
      cpu: inst.cpu,
      cpuUsage,
      mem: inst.mem,
      memUsage,
      user: req.user.name,
      request: req.name,
      sfcInstance: packet.si?.name ?? '',
      packetId: packet.id,
    });
  }

  /** Creates a packet for `req` (id advances) — used by the traffic generators. */
  createPacket(
    req: PacketRuntime['req'],
    createdAt: number,
    size: number,
  ): PacketRuntime {
    req.lastPacketId++;
    return new PacketRuntime(req.lastPacketId, req, createdAt, size, req.sfc.maxLatency, this.s.activePlacedRequests);
  }
}
