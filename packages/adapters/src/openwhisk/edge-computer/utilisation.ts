/**
 * Utilisation of one processor as the seed's computer reports it: every `period` (1 s) a sample
 * min(busy task-time / (cores · period), 1); load1 = the last sample, load10 and load30 = means of the
 * last 10 and 30 samples, all × 100 and rounded. Computed lazily from the number of running tasks
 * between state changes, so the model schedules no periodic event (its event queue empties when idle).
 */

/** Loads in percent (0..100, rounded). */
export interface ProcessorLoad {
  /** Last 1-period sample. */
  load1: number;
  /** Mean of the last 10 samples. */
  load10: number;
  /** Mean of the last 30 samples. */
  load30: number;
}

/** Busy-time accounting of one processor. */
export class UtilisationMeter {
  private readonly samples: number[] = [];
  private busy = 0; // task-seconds in the current period
  private last: number;
  private boundary: number;

  /** @param cores - cores of the processor; `start` - time of the first period's start; `period` - sampling period. */
  constructor(
    private readonly cores: number,
    start: number,
    private readonly period = 1,
  ) {
    this.last = start;
    this.boundary = start + period;
  }

  /** Accounts `running` tasks from the last call until `now` (call before the count changes). */
  advance(now: number, running: number): void {
    if (now < this.boundary) {
      this.busy += running * (now - this.last);
      this.last = now;
      return;
    }
    this.busy += running * (this.boundary - this.last);
    this.push(this.busy);
    const full = Math.floor((now - this.boundary) / this.period);
    const constant = running * this.period;
    for (let i = 0; i < Math.min(full, 30); i++) this.push(constant);
    this.boundary += (full + 1) * this.period;
    this.last = this.boundary - this.period;
    this.busy = running * (now - this.last);
    this.last = now;
  }

  /** The loads from the samples closed so far. */
  load(): ProcessorLoad {
    const n = this.samples.length;
    if (n === 0) return { load1: 0, load10: 0, load30: 0 };
    const mean = (k: number): number => {
      const from = Math.max(0, n - k);
      let s = 0;
      for (let i = from; i < n; i++) s += this.samples[i];
      return s / (n - from);
    };
    return { load1: Math.round(this.samples[n - 1] * 100), load10: Math.round(mean(10) * 100), load30: Math.round(mean(30) * 100) };
  }

  private push(busy: number): void {
    this.samples.push(Math.min(busy / (this.cores * this.period), 1));
    if (this.samples.length > 30) this.samples.shift();
  }
}
