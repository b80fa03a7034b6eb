import type { EventBus } from '@nss/core';

/**
 * Integrates the CPU allocated to VNF instances over simulated time (instructions/s · s =
 * instructions), from the events of a run: an instance counts its VNF type's cpu from
 * `INSTANCE_CREATED`, every `SCALING_UP_CPU`/`SCALING_DOWN_CPU` sets its new allocation, and
 * `INSTANCE_DESTROYED` ends it. Pass the same bus to `runSimulation({ bus })`; read `cpuSeconds` after the
 * run. One meter per run (rounds add up).
 */
export class CpuTimeMeter {
  private readonly allocation = new Map<string, { cpu: number; since: number }>();
  private total = 0;
  private lastTime = 0;

  /** @param bus - The event bus the simulation will emit on. */
  constructor(bus: EventBus) {
    bus.on('INSTANCE_CREATED', (e) => this.set(e.vnfInstance, e.vnfCpu, e.time));
    bus.on('SCALING_UP_CPU', (e) => {
      if ('vnfInstance' in e) this.set(e.vnfInstance, e.new, e.time);
    });
    bus.on('SCALING_DOWN_CPU', (e) => {
      if ('vnfInstance' in e) this.set(e.vnfInstance, e.new, e.time);
    });
    bus.on('INSTANCE_DESTROYED', (e) => this.end(e.vnfInstance, e.time));
    bus.on('ROUND_FINISHED', (e) => this.closeAll(e.summary.simulatedTimeMs));
  }

  /** CPU·time (instruction-seconds: Σ allocation × seconds) accumulated so far, open allocations up to the last event seen. */
  get cpuSeconds(): number {
    let open = 0;
    for (const a of this.allocation.values()) open += (a.cpu * (this.lastTime - a.since)) / 1000;
    return this.total + open;
  }

  private set(instance: string, cpu: number, time: number): void {
    this.end(instance, time);
    this.allocation.set(instance, { cpu, since: time });
  }

  private end(instance: string, time: number): void {
    this.lastTime = Math.max(this.lastTime, time);
    const a = this.allocation.get(instance);
    if (a === undefined) return;
    this.total += (a.cpu * (time - a.since)) / 1000;
    this.allocation.delete(instance);
  }

  private closeAll(time: number): void {
    for (const name of [...this.allocation.keys()]) this.end(name, time);
    this.lastTime = Math.max(this.lastTime, time);
  }
}
