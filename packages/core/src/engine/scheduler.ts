/**
 * The simulation clock and its pending events. Events are kept in a `CalendarQueue` (event-queue.ts:
 * slot records in a typed buffer, O(1) insert, cancel and pop on typical simulation workloads); this
 * file adds the callbacks, ids, the clock and the run loop. Nothing is allocated per event.
 *
 * An {@link EventId} is `generation * 2^24 + slot`. Running or cancelling an event bumps its slot's
 * generation, so a stale id never matches a later event that reuses the slot.
 */
import { CalendarQueue, MAX_SLOTS } from './event-queue.js';

/**
 * A function run when an event fires. It receives the argument given when the event was scheduled and
 * the scheduler (to read {@link Scheduler.now} and schedule follow-up events).
 *
 * Pass long-lived functions (module-level or created once per entity) and an existing object as the
 * argument: scheduling then allocates nothing.
 */
export type EventCallback<T> = (arg: T, scheduler: Scheduler) => void;

/**
 * Opaque handle of a scheduled event, returned by {@link Scheduler.at} and {@link Scheduler.after}
 * and accepted by {@link Scheduler.cancel}. Never reused for a later event.
 */
export type EventId = number;

/** Options of {@link Scheduler.run}. */
export interface SchedulerRunOptions {
  /**
   * Stop before the first event at or after this time (or strictly after it when `inclusive`); the
   * clock then ends at `until` (it never moves backward). Default: run until no event is left.
   */
  until?: number;
  /** Also run the events scheduled exactly at `until`. Default `false`. */
  inclusive?: boolean;
}

const SLOT_SPACE = MAX_SLOTS; // an id is generation * SLOT_SPACE + slot

/** Error paths of `at`/`after`, out of line so that those stay small enough to be inlined. */
function badTime(time: number, now: number): never {
  throw new RangeError(`Cannot schedule an event at time ${String(time)}: it must be a finite number >= now (${now})`);
}

function badDelay(delay: number): never {
  throw new RangeError(`Cannot schedule an event after delay ${String(delay)}: it must be a finite number >= 0`);
}

/** Placeholder callback for slots never used, so the handler array stays packed. */
const noop: EventCallback<unknown> = () => {};

/**
 * Discrete-event scheduler: a clock ({@link Scheduler.now}, in simulated milliseconds by convention)
 * and a queue of future events. Events run in time order; events at the same time run in the order
 * they were scheduled. Time never moves backward and an event is never run in the past.
 *
 * @example
 * ```ts
 * const s = new Scheduler();
 * s.after(5, (msg: string, sch) => console.log(sch.now, msg), 'hello');
 * s.run(); // prints "5 hello"
 * ```
 */
export class Scheduler {
  // Fields are initialised where declared (numbers as numbers) so V8 keeps unboxed representations.
  private _now = 0;
  private _executed = 0;
  private running = false;
  private stopRequested = false;
  private readonly queue = new CalendarQueue();
  /** Per slot s: [2s] callback, [2s+1] argument (one dense array, as long as the queue's slots). */
  private handlers: unknown[] = [];

  /**
   * @param startTime - initial clock value (default 0); must be finite.
   * @throws RangeError if `startTime` is not a finite number.
   */
  constructor(startTime = 0) {
    if (!Number.isFinite(startTime)) {
      throw new RangeError(`Scheduler start time must be a finite number, got ${String(startTime)}`);
    }
    this._now = startTime;
    this.queue.onGrow = (capacity) => this.growSlots(capacity);
    this.growSlots(this.queue.capacity.slots);
  }

  /** Current simulated time: the time of the event being run, or where the last run ended. */
  get now(): number {
    return this._now;
  }

  /** Number of live events: scheduled, not yet run and not cancelled. */
  get pending(): number {
    return this.queue.size;
  }

  /** Number of events run so far (by {@link Scheduler.run} and {@link Scheduler.step}). */
  get executed(): number {
    return this._executed;
  }

  /**
   * Internal storage sizes (slots and calendar buckets), for tests that check memory stays bounded.
   * @internal
   */
  get internalCapacity(): { slots: number; buckets: number } {
    return this.queue.capacity;
  }

  /**
   * Schedules `callback(arg, scheduler)` at absolute time `time`.
   * @returns an id for {@link Scheduler.cancel}.
   * @throws RangeError if `time` is before {@link Scheduler.now} or not finite.
   */
  at<T>(time: number, callback: EventCallback<T>, arg: T): EventId {
    // Kept small (error path out of line) so V8 inlines it into callers: see CalendarQueue.add.
    if (!(time >= this._now && time < Infinity)) badTime(time, this._now);
    const q = this.queue;
    const slot = q.add(time);
    const h = this.handlers;
    const k = slot << 1;
    h[k] = callback;
    h[k + 1] = arg;
    return q.generationOf(slot) * SLOT_SPACE + slot;
  }

  /**
   * Schedules `callback(arg, scheduler)` at `now + delay`.
   * @returns an id for {@link Scheduler.cancel}.
   * @throws RangeError if `delay` is negative or not finite.
   */
  after<T>(delay: number, callback: EventCallback<T>, arg: T): EventId {
    if (!(delay >= 0 && delay < Infinity)) badDelay(delay);
    return this.at(this._now + delay, callback, arg);
  }

  /**
   * Cancels a pending event; its memory is reclaimed at once.
   * @returns `true` if the event was pending; `false` (and nothing happens) if it already ran, was
   *   already cancelled, is the event currently running, or the id is not one this scheduler issued.
   */
  cancel(id: EventId): boolean {
    if (!Number.isSafeInteger(id) || id < 0) return false;
    const q = this.queue;
    const slot = id & (SLOT_SPACE - 1); // id < 2^53: ToInt32 keeps the low 32 bits exactly
    if (!q.isLive(slot) || q.generationOf(slot) !== (id - slot) / SLOT_SPACE) return false;
    q.remove(slot);
    this.handlers[(slot << 1) + 1] = undefined;
    return true;
  }

  /** Time of the next pending event, or `Infinity` if there is none. */
  peekTime(): number {
    const slot = this.queue.peek();
    return slot === -1 ? Infinity : this.queue.timeOf(slot);
  }

  /**
   * Runs the next event (advancing the clock to its time).
   * @returns `false` if no event was pending.
   * @throws Error if called from inside an event callback.
   */
  step(): boolean {
    this.assertNotRunning('step');
    const slot = this.queue.peek();
    if (slot === -1) return false;
    this.running = true;
    try {
      this.runSlot(slot);
    } finally {
      this.running = false;
    }
    return true;
  }

  /**
   * Runs events in order until none is left, until {@link Scheduler.stop} is called, or (with
   * `until`) until the next event is at or after `until` (strictly after when `inclusive`). When
   * `until` is given and the run was not stopped, the clock ends at `until` (never moving backward).
   * An exception thrown by a callback propagates; the event that threw counts as executed.
   * @returns the number of events executed by this call.
   * @throws RangeError if `until` is NaN; Error if called from inside an event callback.
   */
  run(options?: SchedulerRunOptions): number {
    this.assertNotRunning('run');
    const until = options?.until ?? Infinity;
    if (Number.isNaN(until)) throw new RangeError('Scheduler.run: `until` must be a number, got NaN');
    const inclusive = options?.inclusive === true;
    const q = this.queue;
    this.running = true;
    this.stopRequested = false;
    const start = this._executed;
    try {
      for (;;) {
        const slot = q.peek();
        if (slot === -1) break;
        const t = q.timeOf(slot);
        if (inclusive ? t > until : t >= until) break;
        // Inlined runSlot, removing the event through the list found by peek.
        const h = this.handlers;
        const k = slot << 1;
        const callback = h[k] as EventCallback<unknown>;
        const arg = h[k + 1];
        q.removePeeked(slot);
        h[k + 1] = undefined;
        this._executed++;
        this._now = t;
        callback(arg, this);
        if (this.stopRequested) break;
      }
    } finally {
      this.running = false;
    }
    if (!this.stopRequested && until !== Infinity && until > this._now) this._now = until;
    this.stopRequested = false;
    return this._executed - start;
  }

  /** Makes the current {@link Scheduler.run} return after the event being run. No effect outside a run. */
  stop(): void {
    if (this.running) this.stopRequested = true;
  }

  /** Removes the event in `slot` from the queue, advances the clock and runs its callback. */
  private runSlot(slot: number): void {
    const time = this.queue.timeOf(slot);
    const h = this.handlers;
    const callback = h[slot << 1] as EventCallback<unknown>;
    const arg = h[(slot << 1) + 1];
    this.queue.removePeeked(slot);
    h[(slot << 1) + 1] = undefined; // the callback is long-lived; the argument is released
    this._executed++;
    this._now = time;
    callback(arg, this);
  }

  /** Keeps the dense handler array as long as the queue's slot store. */
  private growSlots(capacity: number): void {
    for (let i = this.handlers.length >> 1; i < capacity; i++) this.handlers.push(noop, undefined);
  }

  private assertNotRunning(method: string): void {
    if (this.running) {
      throw new Error(`Scheduler.${method}() cannot be called from inside an event callback`);
    }
  }
}
