import type { Scheduler } from '../engine/scheduler.js';
import { NssError } from '../errors.js';
import { Events } from '../events/catalogue.js';
import type { ScalingAction, ScalingStrategy } from '../plugins/monitor-view.js';
import {
  type CheckedScalingAction,
  type ResourceChange,
  checkScalingActions,
} from '../plugins/scaling-validation.js';
import type { Lifecycle } from './lifecycle.js';
import { type CounterSnapshot, monitorView, takeCounters } from './monitor-snapshot.js';
import type { RoundState } from './round-state.js';
import type { VnfInstanceRuntime } from './runtime/vnf-instance-runtime.js';

type ScalingEventName =
  | typeof Events.SCALING_UP_CPU
  | typeof Events.SCALING_DOWN_CPU
  | typeof Events.SCALING_UP_MEM
  | typeof Events.SCALING_DOWN_MEM
  | typeof Events.SCALING_UP_CPU_FAIL
  | typeof Events.SCALING_DOWN_CPU_FAIL
  | typeof Events.SCALING_UP_MEM_FAIL
  | typeof Events.SCALING_DOWN_MEM_FAIL
  | typeof Events.SCALING_ADD_INSTANCE
  | typeof Events.SCALING_ADD_INSTANCE_FAIL
  | typeof Events.SCALING_REMOVE_INSTANCE
  | typeof Events.SCALING_REMOVE_INSTANCE_FAIL;

const EVENT_OF = {
  cpu: { up: [Events.SCALING_UP_CPU, Events.SCALING_UP_CPU_FAIL], down: [Events.SCALING_DOWN_CPU, Events.SCALING_DOWN_CPU_FAIL] },
  mem: { up: [Events.SCALING_UP_MEM, Events.SCALING_UP_MEM_FAIL], down: [Events.SCALING_DOWN_MEM, Events.SCALING_DOWN_MEM_FAIL] },
} as const;

/**
 * Runs one scaling strategy through the contract (design.md "Strategy contracts"): every
 * `monitorInterval` ms it hands the strategy a {@link MonitorView} over the last `windowSize` ms, checks
 * the returned actions against the current state and applies the feasible ones, with `SCALING_*` events
 * for successes and `*_FAIL` events (with the reason) for refusals.
 */
export class ScalingRunner {
  private readonly s: RoundState;
  private readonly sched: Scheduler;
  private readonly interval: number;
  private readonly window: number;
  /** Counter snapshots, oldest first; the window's base is the latest one at or before now − window. */
  private readonly history: CounterSnapshot[] = [];

  constructor(
    state: RoundState,
    private readonly strategy: ScalingStrategy,
    private readonly lifecycle: Lifecycle,
  ) {
    this.s = state;
    this.sched = state.scheduler;
    this.interval = strategy.monitorInterval;
    this.window = strategy.windowSize ?? strategy.monitorInterval;
    if (!(this.interval > 0) || !(this.window > 0)) {
      throw new NssError(
        'NSS_PLUGIN',
        `scaling "${strategy.name}" must have monitorInterval > 0 and windowSize > 0 (got ${this.interval} and ${this.window})`,
      );
    }
  }

  /** Takes the base snapshot and schedules the first monitor instant. */
  start(): void {
    this.history.push(takeCounters(this.s));
    if (this.interval < this.s.settings.totalTime) this.sched.at(this.interval, this.cycle, this);
  }

  /** Calls the strategy's `stop` hook (end of round). */
  stop(): void {
    this.strategy.stop?.();
  }

  private readonly cycle = (): void => {
    const now = takeCounters(this.s);
    const from = now.time - this.window;
    let base = this.history[0];
    let drop = 0;
    for (let i = 0; i < this.history.length; i++) {
      if (this.history[i].time <= from + 1e-9) {
        base = this.history[i];
        drop = i;
      }
    }
    if (drop > 0) this.history.splice(0, drop);
    this.history.push(now);
    const view = monitorView(this.s, now, base);
    let result: readonly ScalingAction[] | Promise<readonly ScalingAction[]>;
    try {
      result = this.strategy.monitor(view);
    } catch (e) {
      throw this.failure(e);
    }
    const next = now.time + this.interval;
    if (next < this.s.settings.totalTime) this.sched.at(next, this.cycle, this);
    if (result instanceof Promise) {
      const promise = result;
      this.s.defer(() =>
        promise.then(
          (actions) => this.apply(actions, view),
          (e: unknown) => {
            throw this.failure(e);
          },
        ),
      );
    } else {
      this.apply(result, view);
    }
  };

  private failure(e: unknown): NssError {
    if (e instanceof NssError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new NssError('NSS_PLUGIN_FAILED', `scaling "${this.strategy.name}" failed at t=${this.sched.now} ms: ${msg}`, {
      cause: e,
      exitCode: 1,
    });
  }

  private apply(actions: readonly ScalingAction[], view: Parameters<typeof checkScalingActions>[1]): void {
    const q = this.s.quirks;
    const checked = checkScalingActions(actions, view, this.strategy.name, {
      roundHalfToEven: q.scalingRoundsHalfToEven,
      memoryScaleUpChecksCpu: q.memoryScaleUpChecksCpu,
    });
    for (const c of checked) this.applyOne(c);
  }

  private applyOne(c: CheckedScalingAction): void {
    const s = this.s;
    if (c.status === 'rejected') {
      s.metrics.scalingFailed();
      const reason = c.reason;
      if (c.kind === 'vertical') {
        const inst = s.vnfInstanceByName.get((c.action as { instance: string }).instance);
        let logged = false;
        for (const part of [c.cpu, c.mem]) {
          if (part === undefined || part.requested === undefined) continue;
          const direction = part.direction !== 'none' ? part.direction : part.requested >= part.from ? 'up' : 'down';
          this.emitScaling(EVENT_OF[part.resource][direction][1], inst?.name ?? '', part.from, part.requested, reason);
          logged = true;
        }
        if (!logged) this.emitScaling(Events.SCALING_UP_CPU_FAIL, inst?.name ?? '', 0, 0, reason);
      } else if (c.kind === 'add-instance') {
        this.emitScaling(Events.SCALING_ADD_INSTANCE_FAIL, '', 0, 0, reason);
      } else if (c.kind === 'remove-instance') {
        const name = (c.action as { instance?: string }).instance ?? '';
        this.emitScaling(Events.SCALING_REMOVE_INSTANCE_FAIL, name, 0, 0, reason);
      }
      return;
    }
    if (c.kind === 'vertical') {
      const inst = s.vnfInstanceByName.get(c.instance)!;
      const before = this.sfcTotals(inst);
      this.lifecycle.resize(inst, c.cpu.to, c.mem.to);
      for (const part of [c.cpu, c.mem]) this.recordPart(inst, part, c.action.reason);
      this.emitSfcResources(inst, before);
      return;
    }
    if (c.kind === 'add-instance') {
      const inst = this.lifecycle.createVnfInstance(s.index.vnf(c.vnf), s.nodeByName.get(c.node)!);
      for (const name of c.sfcInstances) {
        const si = s.sfcInstanceByName.get(name);
        if (si === undefined || !si.active) continue;
        const k = si.type.vnfs.indexOf(c.vnf);
        si.servers[k].push(inst);
        this.lifecycle.map(inst, si);
      }
      if (inst.mapped.length === 0) this.lifecycle.startIdleTimer(inst);
      s.metrics.scalingUp();
      this.emitScaling(Events.SCALING_ADD_INSTANCE, inst.name, this.count(inst) - 1, this.count(inst), c.action.reason);
      return;
    }
    const inst = s.vnfInstanceByName.get(c.instance)!;
    const sole = inst.mapped.find((si) => si.servers.some((list) => list.length === 1 && list[0] === inst));
    if (sole !== undefined) {
      s.metrics.scalingFailed();
      this.emitScaling(
        Events.SCALING_REMOVE_INSTANCE_FAIL,
        inst.name,
        this.count(inst),
        this.count(inst),
        `${this.strategy.name} asked to remove ${inst.name}, the only instance serving ${inst.type.name} of ${sole.name}; its packets would become orphans`,
      );
      return;
    }
    const before = this.count(inst);
    for (const si of [...inst.mapped]) {
      for (const list of si.servers) {
        const i = list.indexOf(inst);
        if (i >= 0) list.splice(i, 1);
      }
      this.lifecycle.unmap(inst, si);
    }
    // Drains first: the packets it holds are served, then its shutdown countdown starts.
    this.lifecycle.drain(inst);
    s.metrics.scalingDown();
    this.emitScaling(Events.SCALING_REMOVE_INSTANCE, inst.name, before, before - 1, c.action.reason);
  }

  /** Live instances of `inst`'s VNF type on its node (the Old/New columns of horizontal scaling rows). */
  private count(inst: VnfInstanceRuntime): number {
    let n = 0;
    for (const v of this.s.vnfInstances) {
      if (v.type === inst.type && v.host === inst.host && v.state !== 'destroyed' && v.acceptSfcInstances) n++;
    }
    return n;
  }

  private recordPart(inst: VnfInstanceRuntime, part: ResourceChange, reason: string | undefined): void {
    if (part.direction === 'none') return;
    const s = this.s;
    if (part.direction === 'up') {
      s.metrics.scalingUp();
    } else {
      s.metrics.scalingDown();
    }
    this.emitScaling(EVENT_OF[part.resource][part.direction][0], inst.name, part.from, part.requested ?? part.to, reason);
  }

  private sfcTotals(inst: VnfInstanceRuntime): Map<string, { cpu: number; mem: number }> {
    const out = new Map<string, { cpu: number; mem: number }>();
    for (const si of inst.mapped) {
      let cpu = 0;
      let mem = 0;
      for (const list of si.servers) for (const v of list) {
        cpu += v.cpu;
        mem += v.mem;
      }
      out.set(si.name, { cpu, mem });
    }
    return out;
  }

  private emitSfcResources(inst: VnfInstanceRuntime, before: Map<string, { cpu: number; mem: number }>): void {
    const bus = this.s.bus;
    const after = this.sfcTotals(inst);
    for (const [name, b] of before) {
      const a = after.get(name)!;
      const event =
        a.cpu > b.cpu
          ? Events.EVENT_SFC_INSTANCE_CPU_INCREASE
          : a.cpu < b.cpu
            ? Events.EVENT_SFC_INSTANCE_CPU_DECREASE
            : a.mem > b.mem
              ? Events.EVENT_SFC_INSTANCE_MEM_INCREASE
              : a.mem < b.mem
                ? Events.EVENT_SFC_INSTANCE_MEM_DECREASE
                : null;
      if (event === null || !bus.has(event)) continue;
      bus.emit(event, {
        time: this.sched.now,
        sfcInstance: name,
        oldCpu: b.cpu,
        newCpu: a.cpu,
        oldMem: b.mem,
        newMem: a.mem,
      });
    }
  }

  private emitScaling(event: ScalingEventName, instance: string, old: number, value: number, reason: string | undefined): void {
    const bus = this.s.bus;
    if (!bus.has(event)) return;
    bus.emit(event, {
      time: this.sched.now,
      vnfInstance: instance,
      old,
      new: value,
      ...(reason ? { reason } : {}),
    });
  }
}
