/**
 * A one-line progress bar on stderr for `nss run`: round x/N, share of the round's simulated time,
 * packets created and elapsed time. It appears only on a terminal, only once the run has lasted a
 * while, redraws at most ~10 times a second with `\r`, and erases itself at the end.
 */
import { performance } from 'node:perf_hooks';
import type { SimulationProgressEvent } from '@nss/core';
import type { ProgressStream } from './output.js';

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** Rounds of the run (for `round x/N`). */
  readonly rounds: number;
  /** Nothing is drawn before the run has lasted this long (ms). Default 1000. */
  readonly delayMs?: number;
  /** Minimum time between redraws (ms). Default 100. */
  readonly intervalMs?: number;
  /** Clock in ms (default `performance.now`). */
  readonly now?: () => number;
}

const BAR_WIDTH = 24;

/** Formats an integer with thousands separators (`12,345`). */
function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The progress bar of a run; feed it `SIMULATION_PROGRESS` payloads with {@link ProgressBar.update}. */
export class ProgressBar {
  private readonly started: number;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  /** Length of the line on screen (0: nothing drawn). */
  private shown = 0;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  /** Whether a progress bar belongs on `stream`: only on a terminal. */
  static wanted(stream: ProgressStream): boolean {
    return stream.isTTY === true;
  }

  /** Redraws the bar for `progress`, unless it is too early in the run or since the last redraw. */
  update(progress: SimulationProgressEvent): void {
    const t = this.now();
    if (t - this.started < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.draw(this.line(progress, t - this.started));
  }

  /** The text of the bar (without `\r`), fitted to the terminal's width. */
  line(progress: SimulationProgressEvent, elapsedMs: number): string {
    const share = progress.totalTime > 0 ? Math.min(1, Math.max(0, progress.time / progress.totalTime)) : 1;
    const filled = Math.round(share * BAR_WIDTH);
    const text =
      `round ${progress.round + 1}/${this.options.rounds} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` +
      `${(share * 100).toFixed(1).padStart(5)} %  ${thousands(progress.packets)} packets  ${(elapsedMs / 1000).toFixed(1)} s`;
    const columns = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    const width = columns - 1;
    return text.length > width ? text.slice(0, Math.max(0, width)) : text;
  }

  /** Erases the bar (if drawn), e.g. before printing a message or at the end of the run. */
  clear(): void {
    if (this.shown === 0) return;
    this.stream.write(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }

  private draw(text: string): void {
    this.stream.write(`\r${text.padEnd(this.shown)}`);
    this.shown = Math.max(text.length, this.shown);
  }
}
