import { EventEmitter } from 'node:events';
import { statsDelta, type StatsDelta, type StatsSample } from './port-stats.js';
import type { StatsSource } from './testpmd.js';
import { TestpmdExitedError } from './errors.js';

/** One reading of the sampler: the sample, and the delta from the previous one (absent for the first). */
export interface SamplerReading {
  /** Statistics of every port at this instant. */
  sample: StatsSample;
  /** Change since the previous reading; `undefined` for the first. */
  delta: StatsDelta | undefined;
}

/** Why a sampler ended. */
export type SamplerEndReason = 'stopped' | 'source-exited' | 'error';

/** Options of {@link StatsSampler}. */
export interface StatsSamplerOptions {
  /** Time between readings, ms. Default 1000. */
  intervalMs?: number;
  /** Stop after this many readings. Default unlimited. */
  maxSamples?: number;
  /** Clock, Unix ms. Default `Date.now`. */
  now?: () => number;
}

/** Events of {@link StatsSampler}. */
export interface StatsSamplerEvents {
  /** A reading (also yielded by the async iterator). */
  sample: [reading: SamplerReading];
  /** Reading failed for a reason other than the source's exit; the sampler ends with reason `error`. */
  error: [error: Error];
  /** The sampler ended; no more readings follow. `error` is set unless it was stopped. */
  end: [reason: SamplerEndReason, error: Error | undefined];
}

/**
 * Reads a {@link StatsSource} (a {@link Testpmd} or a {@link TelemetryReader}) every `intervalMs` and
 * emits samples and deltas, as events and as an async iterator:
 *
 * ```ts
 * const sampler = new StatsSampler(pmd, { intervalMs: 1000 });
 * sampler.start();
 * for await (const { sample, delta } of sampler) { … }   // ends when stopped or when testpmd dies
 * ```
 *
 * When the source exits ({@link TestpmdExitedError}) the sampler ends with reason `source-exited`;
 * readings already taken stay delivered, so CSV writers attached to it flush everything collected.
 * Other errors emit `error` (only when someone listens) and end the sampler with reason `error`.
 */
export class StatsSampler extends EventEmitter<StatsSamplerEvents> implements AsyncIterable<SamplerReading> {
  /** Time between readings, ms. */
  readonly intervalMs: number;
  private readonly maxSamples: number;
  private readonly now: () => number;
  private readonly source: StatsSource;
  private previous: StatsSample | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private endedWith: { reason: SamplerEndReason; error: Error | undefined } | undefined;
  private count = 0;
  private readonly endPromise: Promise<SamplerEndReason>;
  private resolveEnd!: (reason: SamplerEndReason) => void;

  /** Creates a sampler of `source`; call {@link StatsSampler.start} to begin. */
  constructor(source: StatsSource, options: StatsSamplerOptions = {}) {
    super();
    this.source = source;
    this.intervalMs = options.intervalMs ?? 1000;
    if (!(this.intervalMs > 0)) throw new RangeError(`StatsSampler intervalMs must be > 0, got ${this.intervalMs}.`);
    this.maxSamples = options.maxSamples ?? Infinity;
    this.now = options.now ?? Date.now;
    this.endPromise = new Promise((resolve) => (this.resolveEnd = resolve));
  }

  /** Number of readings taken so far. */
  get samples(): number {
    return this.count;
  }

  /** Starts sampling; the first reading is taken at once. Does nothing if already started or ended. */
  start(): this {
    if (this.running || this.endedWith !== undefined) return this;
    this.running = true;
    void this.tick();
    return this;
  }

  /** Stops sampling (reason `stopped`) and resolves once the sampler has ended. */
  async stop(): Promise<void> {
    this.finish('stopped', undefined);
    await this.endPromise;
  }

  /** Resolves with the end reason once the sampler has ended. */
  ended(): Promise<SamplerEndReason> {
    return this.endPromise;
  }

  /** Takes one reading now (also used by the timer). */
  private async tick(): Promise<void> {
    if (!this.running) return;
    try {
      const ports = await this.source.readStats();
      if (!this.running) return;
      const sample: StatsSample = { timestamp: this.now(), ports };
      const delta = this.previous === undefined ? undefined : statsDelta(this.previous, sample);
      this.previous = sample;
      this.count++;
      this.emit('sample', { sample, delta });
      if (this.count >= this.maxSamples) {
        this.finish('stopped', undefined);
        return;
      }
      this.timer = setTimeout(() => void this.tick(), this.intervalMs);
    } catch (error) {
      if (!this.running) return;
      const err = error instanceof Error ? error : new Error(String(error));
      if (err instanceof TestpmdExitedError) this.finish('source-exited', err);
      else {
        if (this.listenerCount('error') > 0) this.emit('error', err);
        this.finish('error', err);
      }
    }
  }

  private finish(reason: SamplerEndReason, error: Error | undefined): void {
    if (this.endedWith !== undefined) return;
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.endedWith = { reason, error };
    this.emit('end', reason, error);
    this.resolveEnd(reason);
  }

  /**
   * Yields every reading taken from the moment of the call until the sampler ends. Breaking out of
   * the loop does not stop the sampler.
   */
  async *[Symbol.asyncIterator](): AsyncIterator<SamplerReading> {
    const queue: SamplerReading[] = [];
    let wake: (() => void) | undefined;
    const onSample = (r: SamplerReading): void => {
      queue.push(r);
      wake?.();
    };
    const onEnd = (): void => wake?.();
    this.on('sample', onSample);
    this.on('end', onEnd);
    try {
      for (;;) {
        const next = queue.shift();
        if (next !== undefined) {
          yield next;
          continue;
        }
        if (this.endedWith !== undefined) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      this.off('sample', onSample);
      this.off('end', onEnd);
    }
  }
}
