/**
 * The simulated edge computer of the serverless-on-edge seed (§3.3) as a deterministic discrete-event
 * model on the core's `Scheduler`, in **seconds** of virtual time.
 *
 * A task (one lambda invocation) needs `ops` operations and `mem` bytes (from its lambda's
 * proportional requirements and the input size). It starts when its container has a free worker and
 * its processor has `mem` bytes free; otherwise it waits in its container's FIFO queue. The tasks
 * running on a processor share it: with N of them each progresses at `speed · min(cores, N) / N`
 * ops/s, so an isolated task takes `ops / speed`. Completion frees the worker and the memory and
 * starts queued tasks. The answer's `ptime` is the time from arrival to completion (ms, rounded).
 */
import { Scheduler, type EventId } from '@nss/core';
import type { ContainerSpec, EdgeComputerConfig, LambdaSpec, ProcessorSpec } from './computer-config.js';
import { UtilisationMeter, type ProcessorLoad } from './utilisation.js';

/** One invocation of a lambda. */
export interface LambdaInvocation {
  /** The lambda's name. */
  lambda: string;
  /** Text input. Default `''`. */
  input?: string;
  /** Binary input. */
  datain?: Uint8Array;
  /** Input size in bytes; default max(byte length of `input`, `datain.length`) as in the seed. */
  size?: number;
}

/** The computer's answer (the seed's `LambdaResponse`). */
export interface LambdaAnswer {
  /** `OK`, or what went wrong. */
  retcode: string;
  /** The lambda's output (`''` on error). */
  output: string;
  /** The computer's name. */
  responder: string;
  /** Arrival to completion (ms, rounded). */
  ptime: number;
  /** Load of the lambda's processor (percent), at completion. */
  load1: number;
  /** 10-sample load (percent). */
  load10: number;
  /** 30-sample load (percent). */
  load30: number;
  /** Virtual time of arrival (s). */
  arrivedAt: number;
  /** Virtual time it started running (s); equals `finishedAt` for a rejected invocation. */
  startedAt: number;
  /** Virtual time of completion (s). */
  finishedAt: number;
}

/** A container as announced to a controller: the seed's `ContainerInfo`. */
export interface ContainerInfo {
  /** Container name. */
  name: string;
  /** Processor name. */
  processor: string;
  /** Lambda name. */
  lambda: string;
  /** Workers. */
  numWorkers: number;
}

interface Task {
  readonly ops: number;
  readonly mem: number;
  readonly output: string;
  readonly arrivedAt: number;
  readonly onDone: (answer: LambdaAnswer) => void;
  startedAt: number;
  remaining: number;
}

interface ProcessorState {
  readonly spec: ProcessorSpec;
  readonly running: Task[];
  readonly meter: UtilisationMeter;
  memFree: number;
  lastUpdate: number;
  completion: EventId | -1;
  owners: Map<Task, ContainerState>;
}

interface ContainerState {
  readonly spec: ContainerSpec;
  readonly processor: ProcessorState;
  readonly queue: Task[];
  busy: number;
}

/** Options of {@link EdgeComputer}. */
export interface EdgeComputerOptions {
  /** Name (the answers' `responder`). Default `computer`. */
  name?: string;
  /** Scheduler to run on (time in seconds); share one to simulate several computers together. Default: a new one at 0. */
  scheduler?: Scheduler;
}

/**
 * A simulated edge computer.
 *
 * @example
 * ```ts
 * const computer = new EdgeComputer(raspberryConfig());
 * computer.submit({ lambda: 'clambda0', size: 10_000 }, (a) => console.log(a.finishedAt)); // 0.10004
 * computer.scheduler.run();
 * ```
 */
export class EdgeComputer {
  /** The virtual clock (seconds) and event queue. */
  readonly scheduler: Scheduler;
  /** The `responder` of the answers. */
  readonly name: string;
  private readonly processors = new Map<string, ProcessorState>();
  private readonly containers = new Map<string, ContainerState>(); // by lambda name
  private readonly completeCallback = (processor: ProcessorState): void => this.complete(processor);

  /** @throws RangeError when a container names an unknown processor or two containers serve the same lambda. */
  constructor(config: EdgeComputerConfig, options: EdgeComputerOptions = {}) {
    this.scheduler = options.scheduler ?? new Scheduler(0);
    this.name = options.name ?? 'computer';
    const now = this.scheduler.now;
    for (const spec of config.processors) {
      if (this.processors.has(spec.name)) throw new RangeError(`edge computer: two processors named "${spec.name}"`);
      if (!(spec.speed > 0) || !Number.isInteger(spec.cores) || spec.cores < 1 || !(spec.memory >= 0)) {
        throw new RangeError(`edge computer: processor "${spec.name}" needs speed > 0, integer cores ≥ 1 and memory ≥ 0`);
      }
      this.processors.set(spec.name, {
        spec,
        running: [],
        meter: new UtilisationMeter(spec.cores, now),
        memFree: spec.memory,
        lastUpdate: now,
        completion: -1,
        owners: new Map(),
      });
    }
    for (const spec of config.containers) {
      const processor = this.processors.get(spec.processor);
      if (processor === undefined) throw new RangeError(`edge computer: container "${spec.name}" runs on unknown processor "${spec.processor}"`);
      if (this.containers.has(spec.lambda.name)) throw new RangeError(`edge computer: two containers serve lambda "${spec.lambda.name}"`);
      if (!Number.isInteger(spec.numWorkers) || spec.numWorkers < 1) throw new RangeError(`edge computer: container "${spec.name}" needs an integer numWorkers ≥ 1`);
      this.containers.set(spec.lambda.name, { spec, processor, queue: [], busy: 0 });
    }
  }

  /** The containers, as the seed announces them to a controller. */
  containerInfo(): ContainerInfo[] {
    return [...this.containers.values()].map((c) => ({ name: c.spec.name, processor: c.spec.processor, lambda: c.spec.lambda.name, numWorkers: c.spec.numWorkers }));
  }

  /** Lambdas this computer serves. */
  lambdas(): string[] {
    return [...this.containers.keys()];
  }

  /** Operations and memory an invocation of `lambda` with `size` input bytes needs; `undefined` for an unknown lambda. */
  requirements(lambda: string, size: number): { ops: number; mem: number } | undefined {
    const container = this.containers.get(lambda);
    return container === undefined ? undefined : needs(container.spec.lambda, size);
  }

  /**
   * Submits an invocation at the scheduler's current time; `onDone` is called (from the scheduler) on
   * completion, or immediately, with a non-`OK` retcode, for an unknown lambda or a task that can never
   * fit in its processor's memory.
   */
  submit(invocation: LambdaInvocation, onDone: (answer: LambdaAnswer) => void): void {
    const now = this.scheduler.now;
    const container = this.containers.get(invocation.lambda);
    if (container === undefined) {
      onDone(this.answer(`unknown lambda: ${invocation.lambda}`, '', now, now, now, undefined));
      return;
    }
    const size = inputSize(invocation);
    const { ops, mem } = needs(container.spec.lambda, size);
    if (mem > container.processor.spec.memory) {
      onDone(this.answer(`lambda ${invocation.lambda} needs ${mem} bytes, more than processor ${container.processor.spec.name} has (${container.processor.spec.memory})`, '', now, now, now, container.processor));
      return;
    }
    const lambda = container.spec.lambda;
    const output = lambda.outputType === 'fixed' ? (lambda.outputValue ?? '') : (invocation.input ?? '');
    container.queue.push({ ops, mem, output, arrivedAt: now, onDone, startedAt: Number.NaN, remaining: ops });
    this.startQueued(container.processor);
  }

  /**
   * The seed's dry-run estimate (s) of an invocation submitted now: the queued tasks of the lambda's
   * container at the current per-task speed, plus (when all its workers are busy) the residual time of
   * its running task nearest completion, plus the new task's ops at the speed it would get with one
   * more task running. `undefined` for an unknown lambda.
   */
  estimate(lambda: string, size: number): number | undefined {
    const container = this.containers.get(lambda);
    if (container === undefined) return undefined;
    const processor = container.processor;
    this.progress(processor);
    const { speed, cores } = processor.spec;
    const n = processor.running.length;
    const perTask = n === 0 ? speed : (speed * Math.min(cores, n)) / n;
    let time = 0;
    for (const task of container.queue) time += task.remaining / perTask;
    if (container.busy >= container.spec.numWorkers) {
      let nearest = Infinity;
      for (const task of processor.running) if (processor.owners.get(task) === container) nearest = Math.min(nearest, task.remaining / perTask);
      if (Number.isFinite(nearest)) time += nearest;
    }
    const { ops } = needs(container.spec.lambda, size);
    return time + ops / ((speed * Math.min(cores, n + 1)) / (n + 1));
  }

  /** Current loads of a processor (percent), or `undefined` for an unknown one. */
  load(processor: string): ProcessorLoad | undefined {
    const state = this.processors.get(processor);
    if (state === undefined) return undefined;
    state.meter.advance(this.scheduler.now, state.running.length);
    return state.meter.load();
  }

  /** Loads of every processor (the seed's `StreamUtil` map). */
  utilisation(): Map<string, ProcessorLoad> {
    const map = new Map<string, ProcessorLoad>();
    for (const name of this.processors.keys()) map.set(name, this.load(name) as ProcessorLoad);
    return map;
  }

  /** Tasks running and queued per lambda. */
  occupancy(lambda: string): { running: number; queued: number } | undefined {
    const container = this.containers.get(lambda);
    return container === undefined ? undefined : { running: container.busy, queued: container.queue.length };
  }

  /** Brings the remaining work of the running tasks up to now (their common rate was constant since the last update). */
  private progress(processor: ProcessorState): void {
    const now = this.scheduler.now;
    const n = processor.running.length;
    if (n > 0 && now > processor.lastUpdate) {
      const rate = (processor.spec.speed * Math.min(processor.spec.cores, n)) / n;
      const done = rate * (now - processor.lastUpdate);
      for (const task of processor.running) task.remaining -= done;
    }
    processor.meter.advance(now, n);
    processor.lastUpdate = now;
  }

  /** Starts, in FIFO order per container, every queued task of this processor's containers that fits. */
  private startQueued(processor: ProcessorState): void {
    this.progress(processor);
    let started = false;
    for (const container of this.containers.values()) {
      if (container.processor !== processor) continue;
      while (container.queue.length > 0 && container.busy < container.spec.numWorkers && container.queue[0].mem <= processor.memFree) {
        const task = container.queue.shift() as Task;
        task.startedAt = this.scheduler.now;
        container.busy++;
        processor.memFree -= task.mem;
        processor.running.push(task);
        processor.owners.set(task, container);
        started = true;
      }
    }
    if (started) this.reschedule(processor);
  }

  /** Schedules the processor's next completion (the running task with the least remaining work). */
  private reschedule(processor: ProcessorState): void {
    if (processor.completion !== -1) this.scheduler.cancel(processor.completion);
    processor.completion = -1;
    const n = processor.running.length;
    if (n === 0) return;
    let least = Infinity;
    for (const task of processor.running) least = Math.min(least, task.remaining);
    const rate = (processor.spec.speed * Math.min(processor.spec.cores, n)) / n;
    processor.completion = this.scheduler.after(Math.max(0, least) / rate, this.completeCallback, processor);
  }

  private complete(processor: ProcessorState): void {
    processor.completion = -1;
    this.progress(processor);
    // The tasks due now: the least remaining work, and any within rounding of it.
    let least = Infinity;
    for (const task of processor.running) least = Math.min(least, task.remaining);
    const finished: Task[] = [];
    for (let i = 0; i < processor.running.length; ) {
      const task = processor.running[i];
      if (task.remaining <= least + 1e-9 * task.ops) {
        finished.push(task);
        processor.running.splice(i, 1);
      } else i++;
    }
    const now = this.scheduler.now;
    for (const task of finished) {
      const container = processor.owners.get(task) as ContainerState;
      processor.owners.delete(task);
      container.busy--;
      processor.memFree += task.mem;
    }
    this.reschedule(processor);
    this.startQueued(processor);
    for (const task of finished) task.onDone(this.answer('OK', task.output, task.arrivedAt, task.startedAt, now, processor));
  }

  private answer(retcode: string, output: string, arrivedAt: number, startedAt: number, finishedAt: number, processor: ProcessorState | undefined): LambdaAnswer {
    const load = processor === undefined ? { load1: 0, load10: 0, load30: 0 } : (this.load(processor.spec.name) as ProcessorLoad);
    return { retcode, output, responder: this.name, ptime: Math.round((finishedAt - arrivedAt) * 1000), ...load, arrivedAt, startedAt, finishedAt };
  }
}

/** The seed's input size: max(byte length of `input`, `datain.length`), unless `size` is given. */
function inputSize(invocation: LambdaInvocation): number {
  if (invocation.size !== undefined) {
    if (!Number.isFinite(invocation.size) || invocation.size < 0) throw new RangeError(`lambda invocation size must be ≥ 0 bytes, got ${invocation.size}`);
    return invocation.size;
  }
  return Math.max(Buffer.byteLength(invocation.input ?? '', 'utf8'), invocation.datain?.length ?? 0);
}

function needs(lambda: LambdaSpec, size: number): { ops: number; mem: number } {
  return {
    ops: Math.max(0, Math.round(lambda.opOffset + lambda.opCoeff * size)),
    mem: Math.max(0, Math.round(lambda.memOffset + lambda.memCoeff * size)),
  };
}
