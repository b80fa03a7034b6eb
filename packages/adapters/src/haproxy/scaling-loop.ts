import type { MonitorView, ScalingAction, ScalingStrategy } from '@nss/core';
import type { ActuationResult, HaproxyActuator } from './actuator.js';
import type { HaproxyMonitorReader } from './monitor-reader.js';

/** One cycle of a {@link LiveScalingLoop}: what the strategy saw, decided, and what was applied. */
export interface LiveScalingCycle {
  /** The view read from HAProxy. */
  readonly view: MonitorView;
  /** The strategy's decisions. */
  readonly actions: readonly ScalingAction[];
  /** What the actuator did with them. */
  readonly results: readonly ActuationResult[];
}

/** Options of {@link LiveScalingLoop}. */
export interface LiveScalingLoopOptions {
  /** Reads the live view. */
  readonly reader: HaproxyMonitorReader;
  /** The scaling strategy (e.g. `instantiate(basicCpuScaling, …)`). */
  readonly strategy: ScalingStrategy;
  /** Applies the decisions. */
  readonly actuator: HaproxyActuator;
  /** ms between cycles. Default: the strategy's `monitorInterval`. */
  readonly intervalMs?: number;
  /** Called after every cycle. */
  readonly onCycle?: (cycle: LiveScalingCycle) => void;
  /** Called when a cycle throws (the loop goes on). Default: rethrown from {@link LiveScalingLoop.stop}. */
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs a simulator scaling strategy against a live HAProxy pool: every interval, read a
 * `MonitorView` from HAProxy, ask the strategy, apply its actions with the actuator. Cycles never
 * overlap (a slow drain delays the next cycle). Start with {@link LiveScalingLoop.start}, end with
 * {@link LiveScalingLoop.stop}, which waits for the cycle in progress.
 */
export class LiveScalingLoop {
  private readonly options: LiveScalingLoopOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failure: unknown;
  /** Every cycle so far, oldest first. */
  readonly cycles: LiveScalingCycle[] = [];

  constructor(options: LiveScalingLoopOptions) {
    this.options = options;
  }

  /** Runs one cycle now and resolves with it. */
  async cycle(): Promise<LiveScalingCycle> {
    const { reader, strategy, actuator } = this.options;
    const view = await reader.read();
    const actions = await strategy.monitor(view);
    const results = await actuator.apply(actions, view);
    const cycle = { view, actions, results };
    this.cycles.push(cycle);
    this.options.onCycle?.(cycle);
    return cycle;
  }

  /** Starts cycling (the first cycle after one interval, so the first view covers a whole window). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const interval = this.options.intervalMs ?? this.options.strategy.monitorInterval;
    const tick = (): void => {
      if (this.stopped) return;
      this.running = this.cycle().then(
        () => undefined,
        (error: unknown) => {
          if (this.options.onError !== undefined) this.options.onError(error);
          else this.failure ??= error;
        },
      );
      void this.running.then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, interval);
      });
    };
    this.timer = setTimeout(tick, interval);
  }

  /** Stops cycling, waits for the cycle in progress, calls the strategy's `stop`; rethrows the first cycle error when no `onError` was given. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.running;
    this.options.strategy.stop?.();
    if (this.failure !== undefined) throw this.failure;
  }
}
