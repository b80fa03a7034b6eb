import type { Scheduler } from '../engine/scheduler.js';
import { EventIds, Events } from '../events/catalogue.js';
import type { Sfc } from '../model/sfc.js';
import type { Vnf } from '../model/vnf.js';
import type { PacketPipeline } from './packet-pipeline.js';
import type { RoundState } from './round-state.js';
import type { LinkRuntime } from './runtime/link-runtime.js';
import type { NodeRuntime } from './runtime/node-runtime.js';
import type { RequestRuntime } from './runtime/request-runtime.js';
import { SfcInstanceRuntime } from './runtime/sfc-instance-runtime.js';
import { VnfInstanceRuntime } from './runtime/vnf-instance-runtime.js';

/**
 * Instance lifecycles and resource accounting (model-spec §6): VNF instances boot, serve, idle out,
 * shut down and are destroyed; SFC instances are created by placement, kept alive by traffic and
 * destroyed by their timeout or by re-placement. Timers are events, not a per-millisecond tick.
 */
export class Lifecycle {
  private readonly s: RoundState;
  private readonly sched: Scheduler;

  constructor(
    state: RoundState,
    private readonly pipeline: PacketPipeline,
  ) {
    this.s = state;
    this.sched = state.scheduler;
    pipeline.onDrained = this.shutdownDrained;
  }

  private ms(instructions: number, node: NodeRuntime): number {
    const t = (1000 * instructions) / node.node.cpu;
    return this.s.quirks.truncateVnfTimes ? Math.trunc(t) : t;
  }

  // ---------------------------------------------------------------- VNF instances
  /** Creates a VNF instance of `type` on `node` now (allocates its CPU and memory, starts booting). */
  createVnfInstance(type: Vnf, node: NodeRuntime): VnfInstanceRuntime {
    const s = this.s;
    const now = this.sched.now;
    const key = `${node.name}_${type.name}`;
    const c = (s.instanceCounters.get(key) ?? 0) + 1;
    s.instanceCounters.set(key, c);
    const inst = new VnfInstanceRuntime(
      s.vnfInstances.length,
      `${key}_${c}`,
      type,
      node,
      now,
      now + this.ms(type.startupIpt, node),
      this.pipeline.vnfStart,
    );
    s.vnfInstances.push(inst);
    s.vnfInstanceByName.set(inst.name, inst);
    node.allocate(now, inst.cpu, inst.mem);
    node.instances++;
    this.cpuAllocationChanged(inst.cpu);
    this.sched.at(inst.readyAt, this.instanceReady, inst);
    const bus = s.bus;
    if (bus.hasId(EventIds.INSTANCE_CREATED)) {
      bus.emit(Events.INSTANCE_CREATED, {
        time: now,
        vnfInstance: inst.name,
        node: node.name,
        vnf: type.name,
        vnfCpu: type.cpu,
        vnfMem: type.mem,
      });
    }
    return inst;
  }

  private readonly instanceReady = (inst: VnfInstanceRuntime): void => {
    if (inst.state === 'starting') inst.state = 'running';
    this.emitVnf(Events.INSTANCE_STARTUP, inst);
    this.pipeline.startBootedPackets(inst);
  };

  /** Maps an SFC instance onto a VNF instance (model-spec §4.1 step 2). */
  map(inst: VnfInstanceRuntime, si: SfcInstanceRuntime): void {
    inst.mapped.push(si);
    inst.idleSince = Number.NaN;
    const bus = this.s.bus;
    if (bus.hasId(EventIds.EVENT_SFC_INSTANCE_VNF_MAPPED)) {
      bus.emit(Events.EVENT_SFC_INSTANCE_VNF_MAPPED, { time: this.sched.now, sfcInstance: si.name, vnfInstance: inst.name });
    }
  }

  /** Unmaps an SFC instance from a VNF instance; an instance left with none starts its idle timeout. */
  unmap(inst: VnfInstanceRuntime, si: SfcInstanceRuntime): void {
    const i = inst.mapped.indexOf(si);
    if (i < 0) return;
    inst.mapped.splice(i, 1);
    const bus = this.s.bus;
    if (bus.hasId(EventIds.EVENT_SFC_INSTANCE_VNF_UNMAPPED)) {
      bus.emit(Events.EVENT_SFC_INSTANCE_VNF_UNMAPPED, {
        time: this.sched.now,
        sfcInstance: si.name,
        vnfInstance: inst.name,
      });
    }
    if (inst.mapped.length === 0) this.startIdleTimer(inst);
  }

  /** Starts the idle timeout of an instance with no SFC instance mapped (§6.1). */
  startIdleTimer(inst: VnfInstanceRuntime): void {
    if (!inst.acceptSfcInstances) return;
    inst.idleSince = this.sched.now;
    this.sched.after(inst.type.timeout, this.idleCheck, inst);
  }

  private readonly idleCheck = (inst: VnfInstanceRuntime): void => {
    if (inst.mapped.length > 0 || !inst.acceptSfcInstances) return;
    if (this.sched.now < inst.idleSince + inst.type.timeout) return; // re-mapped and idle again later
    this.shutdown(inst);
  };

  /**
   * Removes an instance (horizontal scale-in) without losing a packet: it stops accepting SFC instances
   * now; the shutdown countdown starts once it holds no packet (at once when it holds none). The caller
   * has already unmapped it, so no new packet reaches it.
   */
  drain(inst: VnfInstanceRuntime): void {
    if (!inst.acceptSfcInstances) return;
    if (inst.holdsPackets()) {
      inst.acceptSfcInstances = false;
      inst.draining = true;
      return;
    }
    this.shutdown(inst);
  }

  private readonly shutdownDrained = (inst: VnfInstanceRuntime): void => {
    this.shutdown(inst);
  };

  /** Stops accepting SFC instances and starts the shutdown countdown (packets held are still served ). */
  shutdown(inst: VnfInstanceRuntime): void {
    if (!inst.acceptSfcInstances && !inst.draining) return;
    inst.draining = false;
    inst.acceptSfcInstances = false;
    inst.state = 'shutting-down';
    this.emitVnf(Events.INSTANCE_SHUTDOWN, inst);
    inst.destroyAt = this.sched.now + this.ms(inst.type.shutdownIpt, inst.host);
    this.sched.at(inst.destroyAt, this.destroyVnfInstance, inst);
  }

  private readonly destroyVnfInstance = (inst: VnfInstanceRuntime): void => {
    inst.touch(this.sched.now);
    inst.state = 'destroyed';
    inst.host.allocate(this.sched.now, -inst.cpu, -inst.mem);
    inst.host.instances--;
    this.cpuAllocationChanged(-inst.cpu);
    this.emitVnf(Events.INSTANCE_DESTROYED, inst);
  };

  /** Changes an instance's CPU/memory allocation now (vertical scaling), keeping the node account exact. */
  resize(inst: VnfInstanceRuntime, cpu: number, mem: number): void {
    const now = this.sched.now;
    inst.host.allocate(now, cpu - inst.cpu, mem - inst.mem);
    this.cpuAllocationChanged(cpu - inst.cpu);
    inst.touch(now);
    inst.mem = mem;
    if (cpu !== inst.cpu) this.pipeline.cpuChanged(inst, cpu);
  }

  /**
   * Keeps the total CPU allocated to live instances and logs it as `CPU_USAGE` (resource_usage.csv,
   * `log_total_resources`). The reference logged it every ms; an event-driven run logs every change.
   */
  private cpuAllocationChanged(delta: number): void {
    const s = this.s;
    s.allocatedCpu += delta;
    if (delta !== 0 && s.bus.hasId(EventIds.CPU_USAGE)) {
      s.bus.emit(Events.CPU_USAGE, { time: this.sched.now, value: s.allocatedCpu });
    }
  }

  private emitVnf(
    event: typeof Events.INSTANCE_STARTUP | typeof Events.INSTANCE_SHUTDOWN | typeof Events.INSTANCE_DESTROYED,
    inst: VnfInstanceRuntime,
  ): void {
    const bus = this.s.bus;
    if (!bus.has(event)) return;
    bus.emit(event, {
      time: this.sched.now,
      vnfInstance: inst.name,
      node: inst.host.name,
      vnf: inst.type.name,
      vnfCpu: inst.type.cpu,
      vnfMem: inst.type.mem,
    });
  }

  // ---------------------------------------------------------------- SFC instances
  /** Creates an SFC instance serving `req` over the given instances and links; books link bandwidth. */
  createSfcInstance(
    type: Sfc,
    req: RequestRuntime,
    servers: VnfInstanceRuntime[],
    links: LinkRuntime[],
  ): SfcInstanceRuntime {
    const s = this.s;
    const now = this.sched.now;
    s.sfcInstanceCounter++;
    const si = new SfcInstanceRuntime(
      s.sfcInstances.length,
      `si_${s.sfcInstanceCounter}`,
      type,
      req.sliceIndex,
      req.ingressNode,
      req.req.egressNode,
      now,
      links,
      servers.map((v) => [v]),
    );
    s.sfcInstances.push(si);
    s.sfcInstanceByName.set(si.name, si);
    this.book(si, +1);
    const bus = s.bus;
    if (bus.hasId(EventIds.SFC_INSTANCE_CREATED)) bus.emit(Events.SFC_INSTANCE_CREATED, { time: now, sfcInstance: si.name });
    for (const v of servers) this.map(v, si);
    this.attach(si, req);
    si.timeoutEvent = this.sched.at(now + type.timeout, this.timeoutCheck, si);
    return si;
  }

  /** Books (+1) or releases (−1) the `min_bandwidth` of each VNF on its outgoing link (§4.3). */
  private book(si: SfcInstanceRuntime, sign: 1 | -1): void {
    for (let i = 1; i < si.hopLinks.length; i++) {
      si.hopLinks[i].booked += sign * si.servers[i - 1][0].type.minBandwidth;
    }
  }

  /** Attaches a request to an SFC instance (sharing or creation) and resets the instance's timeout. */
  attach(si: SfcInstanceRuntime, req: RequestRuntime): void {
    if (!si.reqs.includes(req)) si.reqs.push(req);
    si.lastActivity = this.sched.now;
    req.sfcInstance = si;
  }

  private readonly timeoutCheck = (si: SfcInstanceRuntime): void => {
    si.timeoutEvent = -1;
    if (!si.active) return;
    const due = si.lastActivity + si.type.timeout;
    if (this.sched.now >= due) this.destroySfcInstance(si);
    else si.timeoutEvent = this.sched.at(due, this.timeoutCheck, si);
  };

  /** Destroys an SFC instance: unmaps it from its VNF instances, releases its bandwidth (§6.2). */
  destroySfcInstance(si: SfcInstanceRuntime): void {
    if (!si.active) return;
    if (si.timeoutEvent >= 0) {
      this.sched.cancel(si.timeoutEvent);
      si.timeoutEvent = -1;
    }
    for (const list of si.servers) for (const v of list) this.unmap(v, si);
    si.active = false;
    si.acceptRequests = false;
    this.book(si, -1);
    for (const r of si.reqs) if (r.sfcInstance === si) r.sfcInstance = null;
    const bus = this.s.bus;
    if (bus.hasId(EventIds.SFC_INSTANCE_DESTROYED)) {
      bus.emit(Events.SFC_INSTANCE_DESTROYED, { time: this.sched.now, sfcInstance: si.name });
    }
  }
}
