/**
 * A resource with `capacity` parallel service slots and a FIFO waiting line (a growable ring buffer),
 * optionally bounded. It models both a VNF instance's processing slots and a link's transmitter.
 */

/** Options of a {@link Server}. */
export interface ServerOptions {
  /** Number of items that can be in service at once; an integer >= 1. */
  capacity: number;
  /**
   * Bound on the number of items held; `-1` or `undefined` = unlimited. By default it bounds the
   * waiting line only (VNF semantics); see {@link ServerOptions.countInService}.
   */
  maxQueue?: number;
  /**
   * When `true`, `maxQueue` bounds waiting + in-service items (link semantics: the reference's link
   * "queue" counts the packet being sent); when `false` (default) it bounds waiting items only, and an
   * item that can start at once is always accepted (VNF semantics).
   */
  countInService?: boolean;
}

const INITIAL_QUEUE_CAPACITY = 16;

/**
 * A FIFO multi-slot server. {@link Server.offer} starts an item at once when a slot is free (calling
 * `onStart(item)` synchronously), otherwise queues it or rejects it when the bound is reached.
 * {@link Server.release} ends one service and starts the next waiting item. The server does not keep
 * time: `onStart` typically schedules the end of service, whose callback calls `release()`.
 *
 * `onStart` should not call {@link Server.release} synchronously for many items in a row (zero-time
 * service): schedule the release instead, or the call stack grows with the waiting line.
 *
 * @typeParam T - the item served, e.g. a packet.
 */
export class Server<T> {
  private _capacity = 1;
  private readonly _maxQueue: number = -1;
  private readonly _countInService: boolean = false;
  private readonly onStart: (item: T) => void = () => {};
  private _busy = 0;
  // Ring buffer of waiting items; its length is a power of two.
  private ring: (T | undefined)[] = [];
  private head = 0;
  private size = 0;

  /**
   * @param options - capacity and queue bound, validated.
   * @param onStart - called synchronously each time an item enters service.
   * @throws RangeError if `capacity` is not an integer >= 1 or `maxQueue` not an integer >= -1.
   */
  constructor(options: ServerOptions, onStart: (item: T) => void) {
    checkCapacity(options.capacity);
    const maxQueue = options.maxQueue ?? -1;
    if (!Number.isInteger(maxQueue) || maxQueue < -1) {
      throw new RangeError(
        `Server maxQueue must be an integer >= 0, or -1 for unlimited; got ${String(options.maxQueue)}`,
      );
    }
    if (typeof onStart !== 'function') throw new TypeError('Server onStart must be a function');
    this._capacity = options.capacity;
    this._maxQueue = maxQueue;
    this._countInService = options.countInService === true;
    this.onStart = onStart;
    this.ring = new Array<T | undefined>(INITIAL_QUEUE_CAPACITY).fill(undefined);
  }

  /** Number of parallel service slots. */
  get capacity(): number {
    return this._capacity;
  }

  /** Slots in use (items in service). May exceed {@link Server.capacity} right after a shrink. */
  get busy(): number {
    return this._busy;
  }

  /** Items waiting for a slot. */
  get queueLength(): number {
    return this.size;
  }

  /** The bound given at construction; `-1` = unlimited. */
  get maxQueue(): number {
    return this._maxQueue;
  }

  /** Whether {@link Server.maxQueue} counts in-service items too (link semantics). */
  get countInService(): boolean {
    return this._countInService;
  }

  /**
   * Offers an item: starts it at once if a slot is free (calling `onStart` before returning), else
   * queues it.
   * @returns `false` if the item was rejected because the bound is reached (nothing else happens).
   */
  offer(item: T): boolean {
    const max = this._maxQueue;
    if (this._countInService) {
      if (max !== -1 && this._busy + this.size >= max) return false;
    }
    if (this._busy < this._capacity) {
      this._busy++;
      this.onStart(item);
      return true;
    }
    if (!this._countInService && max !== -1 && this.size >= max) return false;
    this.enqueue(item);
    return true;
  }

  /**
   * Ends one service: frees a slot and, if an item waits and a slot is free, starts it (calling
   * `onStart` before returning).
   * @throws Error if no item is in service.
   */
  release(): void {
    if (this._busy === 0) throw new Error('Server.release() called while no item is in service');
    this._busy--;
    if (this.size > 0 && this._busy < this._capacity) this.startNext();
  }

  /**
   * Changes the number of slots. Growing starts waiting items at once; shrinking lets the items in
   * service finish (no new item starts until {@link Server.busy} drops below the new capacity).
   * @throws RangeError if `k` is not an integer >= 1.
   */
  setCapacity(k: number): void {
    checkCapacity(k);
    this._capacity = k;
    while (this.size > 0 && this._busy < this._capacity) this.startNext();
  }

  /**
   * Removes every waiting item (not those in service) and returns them in FIFO order, e.g. to orphan
   * the packets queued at an instance that is removed.
   */
  drain(): T[] {
    const out: T[] = [];
    while (this.size > 0) out.push(this.dequeue());
    return out;
  }

  private startNext(): void {
    const item = this.dequeue();
    this._busy++;
    this.onStart(item);
  }

  private enqueue(item: T): void {
    if (this.size === this.ring.length) this.growRing();
    this.ring[(this.head + this.size) & (this.ring.length - 1)] = item;
    this.size++;
  }

  private dequeue(): T {
    const item = this.ring[this.head] as T;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.size--;
    return item;
  }

  private growRing(): void {
    const old = this.ring;
    const mask = old.length - 1;
    const next = new Array<T | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & mask];
    this.ring = next;
    this.head = 0;
  }
}

function checkCapacity(k: number): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`Server capacity must be an integer >= 1, got ${String(k)}`);
  }
}
