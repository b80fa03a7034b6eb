/** Most slots in use at once (ids keep the slot in their low 24 bits). */
export const MAX_SLOTS = 2 ** 24;
/** A slot released this many times is retired, so that generation * 2^24 + slot stays below 2^53. */
const MAX_GENERATION = 2 ** 29;
const MIN_BUCKETS = 64;
const CHECK_INTERVAL = 8192;
const MAX_CHECK_INTERVAL = 2 ** 24;
const MAX_WORK_PER_OP = 4;
const WIDTH_SAMPLE = 64;
/**
 * Bucket width in units of the average spacing of the earliest events. Brown used 3; with the
 * near/far split, 1 measured faster on the kernel benchmark (fewer list steps, slightly more
 * bucket scans, which are sequential reads).
 */
const WIDTH_FACTOR = 1;
/** Smallest width relative to the earliest time, so virtual bucket numbers stay exact integers. */
const MIN_RELATIVE_WIDTH = 2 ** -44;

/**
 * The scheduler's pending-event store: a calendar queue (R. Brown, "Calendar queues: a fast O(1)
 * priority queue implementation for the simulation event set problem", CACM 31(10), 1988) over
 * typed arrays, with nothing allocated per event.
 *
 * - An event lives in a *slot* (reused through a free stack), a 32-byte record: time, insertion
 *   sequence (-1 when free), generation (bumped on every release, for stale-id detection), the list
 *   it is in, and prev/next links. Its virtual bucket is `vb = floor(time / width)`.
 * - Bucket records (32 bytes) hold the head time, head and tail of both lists, so that a scan reads
 *   one sequential stream and never touches slot records of events it skips.
 * - Bucket `vb & (nb - 1)` has two doubly linked lists sorted by (time, sequence): events that were
 *   within one "year" (nb buckets) of the scan position when inserted, and later ones. The split
 *   only keeps far-future events (e.g. SLA deadlines) out of the way of near ones; the minimum of a
 *   bucket is the smaller of the two heads. Insertion walks back from a list's tail (usually zero
 *   steps; equal times stay FIFO). Removal, including cancellation, is O(1) and immediate, so memory
 *   is bounded by the peak number of live events.
 * - The minimum is found by scanning buckets from the current virtual bucket for at most one year,
 *   then by a direct search over all head times.
 * - The bucket count follows the number of events (x2 / ÷2 with hysteresis); the bucket width is
 *   re-estimated at each resize from the spacing of the earliest events, and again when the measured
 *   work per operation grows (a changed time distribution), with back-off.
 *
 * Why not a heap: on the project's 2-core machine a 4-ary or binary heap over typed arrays costs
 * 200-250 ns per pop + push at 10-40k pending events (branch mispredictions at every level), which
 * caps the kernel benchmark below 3M events/s; this calendar does the same work in O(1) steps. Its
 * known weak spot is a time distribution spread over very many orders of magnitude (log-uniform over
 * 18 decades measured about 2x slower than a heap; over 12 decades, on par).
 *
 * @internal Not part of the public API.
 */
export class CalendarQueue {
  // Slot records, 32 bytes each, in one buffer seen through two views (one or two cache lines per
  // event): f64 [4s] time, [4s+1] sequence (-1 when free); i32 [8s+4] next, [8s+5] prev,
  // [8s+6] list, [8s+7] generation.
  private f = new Float64Array(MIN_BUCKETS * 4);
  private i = new Int32Array(this.f.buffer);
  private capacitySlots = MIN_BUCKETS;
  private freeSlots = new Int32Array(MIN_BUCKETS);
  private freeTop = 0;
  /** Slots ever handed out (high-water mark); slots >= this are untouched. */
  slotCount = 0;
  /** Number of live events. */
  size = 0;
  private nextSeq = 0;

  // Bucket records, 32 bytes each, so that a scan reads one stream: f64 [4b] near head time,
  // [4b+1] far head time (Infinity: empty); i32 [8b+4] near head, [8b+5] near tail, [8b+6] far head,
  // [8b+7] far tail (-1: empty). List l = 2b (near) or 2b + 1 (far): head time at 4(l>>1) + (l&1),
  // head at 8(l>>1) + 4 + 2(l&1), tail one after.
  private bf = emptyBuckets(MIN_BUCKETS);
  private bi = new Int32Array(this.bf.buffer);
  private nb = MIN_BUCKETS;
  private mask = MIN_BUCKETS - 1;
  private width = 1;
  /** 1 / width: the virtual bucket of time t is always computed as floor(t * invWidth). */
  private invWidth = 1;
  /** Virtual bucket where the search for the minimum starts; no live event has a smaller one. */
  private curVb = 0;
  /** List (2b or 2b + 1) of the slot last returned by {@link peek}; valid until the queue changes. */
  peekList = 0;

  // Adaptivity: extra steps (buckets scanned past the first, nodes walked) per insertion.
  private work = 0;
  private ops = 0;
  private checkInterval = CHECK_INTERVAL;

  /** Called when the number of slots grows, so the owner can grow its per-slot arrays. */
  onGrow: (capacity: number) => void = () => {};

  /** Time of the event in `slot`. */
  timeOf(slot: number): number {
    return this.f[slot << 2];
  }

  /** Generation of `slot` (how many times it was released). */
  generationOf(slot: number): number {
    return this.i[(slot << 3) + 7];
  }

  /** Whether `slot` holds a live event. */
  isLive(slot: number): boolean {
    return slot < this.slotCount && this.f[(slot << 2) + 1] >= 0;
  }

  /**
   * Adds an event at `time`; returns its slot (a small integer, so the caller never boxes it).
   *
   * The body of {@link link} is repeated here on purpose: it keeps this function above V8's inlining
   * size limit, so that the small `Scheduler.at`/`after` wrappers are the ones inlined into callers;
   * their result (`generation * 2^24 + slot`, usually beyond the small-integer range) then stays an
   * unboxed double in the caller instead of being allocated as a heap number on every return.
   */
  add(time: number): number {
    let slot: number;
    if (this.freeTop > 0) {
      slot = this.freeSlots[--this.freeTop];
    } else {
      if (this.slotCount === this.capacitySlots) this.growSlots();
      slot = this.slotCount++;
    }
    const f = this.f;
    const r = this.i;
    f[slot << 2] = time;
    f[(slot << 2) + 1] = this.nextSeq++;
    // --- link(slot, time), inlined by hand (see above) ---
    const v = Math.floor(time * this.invWidth);
    const far = v - this.curVb < this.nb ? 0 : 1;
    const b = v & this.mask;
    const bi = this.bi;
    const k = slot << 3;
    r[k + 6] = (b << 1) + far;
    const hi = (b << 3) + 4 + (far << 1); // head index in bi; the tail is at hi + 1
    let p = bi[hi + 1]; // insert after p (-1: at the head)
    if (p !== -1 && f[p << 2] > time) {
      let steps = 0;
      do {
        p = r[(p << 3) + 5];
        steps++;
      } while (p !== -1 && f[p << 2] > time);
      this.work += steps;
    }
    r[k + 5] = p;
    if (p === -1) {
      const h = bi[hi];
      r[k + 4] = h;
      if (h === -1) bi[hi + 1] = slot;
      else r[(h << 3) + 5] = slot;
      bi[hi] = slot;
      this.bf[(b << 2) + far] = time;
    } else {
      const n = r[(p << 3) + 4];
      r[k + 4] = n;
      r[(p << 3) + 4] = slot;
      if (n === -1) bi[hi + 1] = slot;
      else r[(n << 3) + 5] = slot;
    }
    if (v < this.curVb) this.curVb = v;
    // --- end of link ---
    this.size++;
    if (this.size > 2 * this.nb) this.rebuild(this.nb * 2);
    else if (++this.ops >= this.checkInterval) this.checkWork();
    return slot;
  }

  /** Removes the live event in `slot` (run or cancelled) and frees the slot. */
  remove(slot: number): void {
    const r = this.i;
    const k = slot << 3;
    const n = r[k + 4];
    const p = r[k + 5];
    const l = r[k + 6];
    const hi = ((l >> 1) << 3) + 4 + ((l & 1) << 1);
    if (p === -1) {
      this.bi[hi] = n;
      this.bf[((l >> 1) << 2) + (l & 1)] = n === -1 ? Infinity : this.f[n << 2];
    } else r[(p << 3) + 4] = n;
    if (n === -1) this.bi[hi + 1] = p;
    else r[(n << 3) + 5] = p;
    this.f[(slot << 2) + 1] = -1;
    const g = r[k + 7] + 1;
    r[k + 7] = g;
    if (g < MAX_GENERATION) this.freeSlots[this.freeTop++] = slot; // else retired for good
    this.size--;
    if (this.size < this.nb >> 2 && this.nb > MIN_BUCKETS) this.rebuild(this.nb >> 1);
  }

  /**
   * Removes the event last returned by {@link peek} (which must not have changed the queue since):
   * it is the head of list {@link peekList}, so neither its list nor its predecessor is read.
   */
  removePeeked(slot: number): void {
    const r = this.i;
    const k = slot << 3;
    const n = r[k + 4];
    const l = this.peekList;
    const hi = ((l >> 1) << 3) + 4 + ((l & 1) << 1);
    const bi = this.bi;
    bi[hi] = n;
    if (n === -1) {
      bi[hi + 1] = -1;
      this.bf[((l >> 1) << 2) + (l & 1)] = Infinity;
    } else {
      r[(n << 3) + 5] = -1;
      this.bf[((l >> 1) << 2) + (l & 1)] = this.f[n << 2];
    }
    this.f[(slot << 2) + 1] = -1;
    const g = r[k + 7] + 1;
    r[k + 7] = g;
    if (g < MAX_GENERATION) this.freeSlots[this.freeTop++] = slot;
    this.size--;
    if (this.size < this.nb >> 2 && this.nb > MIN_BUCKETS) this.rebuild(this.nb >> 1);
  }

  /** Slot of the earliest live event (by time, then sequence), or -1 if there is none. */
  peek(): number {
    if (this.size === 0) return -1;
    const bf = this.bf;
    const bi = this.bi;
    const inv = this.invWidth;
    const mask = this.mask;
    const nb = this.nb;
    let v = this.curVb;
    for (let i = 0; i < nb; i++) {
      const b = v & mask;
      const tn = bf[b << 2];
      const tf = bf[(b << 2) + 1];
      // No live event is in a virtual bucket before v, so one head is in v iff the earlier one is.
      if (Math.floor((tn < tf ? tn : tf) * inv) !== v) {
        v++;
        continue;
      }
      const near = Math.floor(tn * inv) === v;
      if (Math.floor(tf * inv) === v) {
        // The far head is in this bucket: it wins unless the near head is earlier (or equal and older).
        const g = bi[(b << 3) + 6];
        if (near) {
          const h = bi[(b << 3) + 4];
          if (tn < tf || (tn === tf && this.f[(h << 2) + 1] < this.f[(g << 2) + 1])) {
            this.curVb = v;
            this.work += i;
            this.peekList = b << 1;
            return h;
          }
        }
        this.curVb = v;
        this.work += i;
        this.peekList = (b << 1) + 1;
        return g;
      }
      this.curVb = v;
      this.work += i;
      this.peekList = b << 1;
      return bi[(b << 3) + 4];
    }
    return this.directSearch();
  }

  /** Storage sizes, for tests that check memory stays bounded. */
  get capacity(): { slots: number; buckets: number } {
    return { slots: this.capacitySlots, buckets: this.nb };
  }

  /** Whether the event in slot a comes before the one in slot b. */
  private before(a: number, b: number): boolean {
    const ta = this.f[a << 2];
    const tb = this.f[b << 2];
    return ta < tb || (ta === tb && this.f[(a << 2) + 1] < this.f[(b << 2) + 1]);
  }

  /** Inserts `slot` into the sorted list of its bucket (near or far), walking back from the tail. */
  private link(slot: number, time: number): void {
    const v = Math.floor(time * this.invWidth);
    const far = v - this.curVb < this.nb ? 0 : 1;
    const b = v & this.mask;
    const r = this.i;
    const f = this.f;
    const bi = this.bi;
    const k = slot << 3;
    r[k + 6] = (b << 1) + far;
    const hi = (b << 3) + 4 + (far << 1); // head index in bi; the tail is at hi + 1
    let p = bi[hi + 1]; // insert after p (-1: at the head)
    if (p !== -1 && f[p << 2] > time) {
      let steps = 0;
      do {
        p = r[(p << 3) + 5];
        steps++;
      } while (p !== -1 && f[p << 2] > time);
      this.work += steps;
    }
    r[k + 5] = p;
    if (p === -1) {
      const h = bi[hi];
      r[k + 4] = h;
      if (h === -1) bi[hi + 1] = slot;
      else r[(h << 3) + 5] = slot;
      bi[hi] = slot;
      this.bf[(b << 2) + far] = time;
    } else {
      const n = r[(p << 3) + 4];
      r[k + 4] = n;
      r[(p << 3) + 4] = slot;
      if (n === -1) bi[hi + 1] = slot;
      else r[(n << 3) + 5] = slot;
    }
    if (v < this.curVb) this.curVb = v;
  }

  /** The minimum over all list heads, when a whole year was scanned without finding one. */
  private directSearch(): number {
    const bf = this.bf;
    let best = -1;
    let bestTime = Infinity;
    for (let j = 0; j < 2 * this.nb; j++) {
      const t = bf[((j >> 1) << 2) + (j & 1)]; // head time of list j (Infinity: empty)
      if (t <= bestTime && t < Infinity) {
        const h = this.bi[((j >> 1) << 3) + 4 + ((j & 1) << 1)];
        if (best === -1 || this.before(h, best)) {
          best = h;
          bestTime = t;
          this.peekList = j;
        }
      }
    }
    this.work += this.nb;
    this.curVb = Math.floor(this.f[best << 2] * this.invWidth);
    return best;
  }

  /** Re-estimates the width when the recent work per operation is high; backs off if that does not help. */
  private checkWork(): void {
    const costly = this.work > this.ops * MAX_WORK_PER_OP;
    this.work = 0;
    this.ops = 0;
    if (!costly) {
      this.checkInterval = CHECK_INTERVAL;
      return;
    }
    this.rebuild(this.nb);
    this.checkInterval = Math.min(this.checkInterval * 2, MAX_CHECK_INTERVAL);
  }

  /** Relinks every live event into `nb` buckets of a freshly estimated width. */
  private rebuild(nb: number): void {
    const n = this.size;
    const order = new Int32Array(n);
    let k = 0;
    for (let j = 0; j < 2 * this.nb; j++) {
      const head = this.bi[((j >> 1) << 3) + 4 + ((j & 1) << 1)];
      for (let h = head; h !== -1; h = this.i[(h << 3) + 4]) order[k++] = h;
    }
    const f = this.f;
    const times = new Float64Array(n);
    const seqs = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      times[j] = f[order[j] << 2];
      seqs[j] = f[(order[j] << 2) + 1];
    }
    sortByTimeSeq(times, seqs, order, 0, n - 1); // no comparator callback: ~5x faster than Array.sort
    this.width = estimateWidth(times, this.width);
    this.invWidth = 1 / this.width;
    this.nb = nb;
    this.mask = nb - 1;
    this.bf = emptyBuckets(nb);
    this.bi = new Int32Array(this.bf.buffer);
    this.curVb = n > 0 ? Math.floor(times[0] * this.invWidth) : 0;
    for (let j = 0; j < n; j++) this.link(order[j], times[j]); // sorted: each append is O(1)
    this.work = 0;
    this.ops = 0;
  }

  private growSlots(): void {
    const old = this.capacitySlots;
    if (old >= MAX_SLOTS) throw new RangeError(`Scheduler: more than ${MAX_SLOTS} events pending at once`);
    const cap = Math.min(old * 2, MAX_SLOTS);
    const f = new Float64Array(cap * 4);
    new Uint8Array(f.buffer).set(new Uint8Array(this.f.buffer));
    this.f = f;
    this.i = new Int32Array(f.buffer);
    const free = new Int32Array(cap);
    free.set(this.freeSlots);
    this.freeSlots = free;
    this.capacitySlots = cap;
    this.onGrow(cap);
  }
}

/** Sorts `times[lo..hi]` by (time, seq), permuting `seqs` and `slots` alike (quicksort, insertion sort below 16). */
function sortByTimeSeq(times: Float64Array, seqs: Float64Array, slots: Int32Array, lo: number, hi: number): void {
  while (hi - lo >= 16) {
    // Median of three as pivot value.
    const mid = (lo + hi) >> 1;
    let a = lo;
    let b = mid;
    let c = hi;
    if (less(times, seqs, b, a)) [a, b] = [b, a];
    if (less(times, seqs, c, b)) {
      b = c;
      if (less(times, seqs, b, a)) b = a;
    }
    const pt = times[b];
    const ps = seqs[b];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (times[i] < pt || (times[i] === pt && seqs[i] < ps)) i++;
      while (times[j] > pt || (times[j] === pt && seqs[j] > ps)) j--;
      if (i <= j) {
        swap(times, seqs, slots, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller part, loop on the larger one.
    if (j - lo < hi - i) {
      if (lo < j) sortByTimeSeq(times, seqs, slots, lo, j);
      lo = i;
    } else {
      if (i < hi) sortByTimeSeq(times, seqs, slots, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const t = times[i];
    const q = seqs[i];
    const sl = slots[i];
    let j = i - 1;
    while (j >= lo && (times[j] > t || (times[j] === t && seqs[j] > q))) {
      times[j + 1] = times[j];
      seqs[j + 1] = seqs[j];
      slots[j + 1] = slots[j];
      j--;
    }
    times[j + 1] = t;
    seqs[j + 1] = q;
    slots[j + 1] = sl;
  }
}

function less(times: Float64Array, seqs: Float64Array, a: number, b: number): boolean {
  return times[a] < times[b] || (times[a] === times[b] && seqs[a] < seqs[b]);
}

function swap(times: Float64Array, seqs: Float64Array, slots: Int32Array, i: number, j: number): void {
  const t = times[i];
  times[i] = times[j];
  times[j] = t;
  const q = seqs[i];
  seqs[i] = seqs[j];
  seqs[j] = q;
  const s = slots[i];
  slots[i] = slots[j];
  slots[j] = s;
}

/** `nb` empty bucket records (see CalendarQueue.bf). */
function emptyBuckets(nb: number): Float64Array {
  const bf = new Float64Array(4 * nb);
  const bi = new Int32Array(bf.buffer);
  for (let b = 0; b < nb; b++) {
    bf[4 * b] = Infinity;
    bf[4 * b + 1] = Infinity;
    bi.fill(-1, 8 * b + 4, 8 * b + 8);
  }
  return bf;
}

/**
 * Bucket width from the earliest events' sorted times: {@link WIDTH_FACTOR} times their average
 * spacing, ignoring gaps over twice the average (Brown); when most of them share times (a lattice
 * such as integer milliseconds), a little under the smallest gap, so that each bucket holds one
 * distinct time.
 */
function estimateWidth(times: Float64Array, fallback: number): number {
  const m = Math.min(times.length, WIDTH_SAMPLE);
  let zeros = 0;
  let sum = 0;
  let count = 0;
  let minGap = Infinity;
  for (let i = 1; i < m; i++) {
    const d = times[i] - times[i - 1];
    if (d === 0) zeros++;
    else {
      sum += d;
      count++;
      if (d < minGap) minGap = d;
    }
  }
  if (count === 0) {
    // All sampled events share one time: use the first later gap, if any.
    for (let i = m; i < times.length && count === 0; i++) {
      const d = times[i] - times[i - 1];
      if (d > 0) {
        sum = d;
        count = 1;
        minGap = d;
      }
    }
    if (count === 0) return fallback;
  }
  const avg = sum / count;
  let trimmedSum = 0;
  let trimmed = 0;
  for (let i = 1; i < m; i++) {
    const d = times[i] - times[i - 1];
    if (d > 0 && d <= 2 * avg) {
      trimmedSum += d;
      trimmed++;
    }
  }
  const spacing = trimmed > 0 ? trimmedSum / trimmed : avg;
  const width = zeros * 2 >= m - 1 ? Math.max(0.9 * minGap, spacing / 8) : WIDTH_FACTOR * spacing;
  const w = Math.max(width, Math.abs(times[0]) * MIN_RELATIVE_WIDTH);
  return w > 0 && w < Infinity ? w : fallback;
}
