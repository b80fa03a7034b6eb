import { DispatchError } from '../errors.js';
import { DestinationSlots } from './destination-slots.js';
import type { ForwardingPolicy } from './forwarding-policy.js';
import { SEED_STALE_TIMER, type StaleTimerOptions, isAdmitted, nextStalePeriod } from './stale-timer.js';

/** What {@link DeficitRoundRobinPolicy.inspect} reports about one destination. */
export interface DeficitRoundRobinState {
  readonly destination: string;
  readonly weight: number;
  /** Work sent so far, relative (Σ weights of its choices, shifted so the minimum is 0 on each weight update). */
  readonly deficit: number;
  /** Whether it is in the active set. */
  readonly active: boolean;
  /** Current stale period. */
  readonly stalePeriod: number;
  /** Whether it is admitted for a probe after its stale timer expired. */
  readonly probing: boolean;
  /** Time of its last weight update; -1 when never updated since added or since its probe began. */
  readonly lastUpdated: number;
}

/**
 * The seed's `round-robin` table: deficit-weighted round robin over an active set (seed-systems §3.1).
 *
 * - Active set: destinations with w ≤ 2 · min w (or the only one), plus never-updated ones and ones whose
 *   stale timer expired (admitted for one probe, with the smallest deficit of the active set).
 * - Choice: the active destination with the lowest deficit (first added on ties); its deficit += w. With
 *   weights 1 and 2, the first is chosen twice as often.
 * - On any weight update, all deficits are shifted so that the minimum is 0 and the active set is
 *   recomputed. An excluded destination's stale timer runs from its last weight update; the period
 *   starts at `initialStalePeriod`, doubles (capped at `maxStalePeriod`) each time a probe ends without
 *   admission, and returns to `initialStalePeriod` whenever it is admitted (the seed resets it only when
 *   admitted at the end of a probe; the two differ only when a weight update admits a destination
 *   outside a probe).
 *
 * One addition to the seed: expired timers are also noticed by `choose` (the seed looks only when a
 * weight changes), so a probe does not wait for an unrelated update.
 */
export class DeficitRoundRobinPolicy extends DestinationSlots implements ForwardingPolicy {
  /** `round-robin` (the seed's name for this table). */
  readonly type = 'round-robin' as const;
  private readonly deficit: number[] = [];
  private readonly lastUpdated: number[] = [];
  private readonly stalePeriod: number[] = [];
  private readonly probing: boolean[] = [];
  private readonly active: boolean[] = [];
  /** Earliest time an excluded destination's stale timer expires. */
  private nextExpiry = Infinity;
  private readonly timer: StaleTimerOptions;

  /** @param timer - stale periods in the caller's time unit; default the seed's 1 s / 30 s. */
  constructor(timer: Partial<StaleTimerOptions> = {}) {
    super();
    const t = { ...SEED_STALE_TIMER, ...timer };
    if (!(t.initialStalePeriod > 0) || !(t.maxStalePeriod >= t.initialStalePeriod) || !Number.isFinite(t.maxStalePeriod)) {
      throw new DispatchError(
        `round-robin policy: stale periods initial ${t.initialStalePeriod}, max ${t.maxStalePeriod} are invalid; need 0 < initial ≤ max < ∞`,
      );
    }
    this.timer = t;
  }

  /** @inheritDoc ForwardingPolicy.added */
  added(destination: string, weight: number, now: number): void {
    const known = this.slotOf(destination) >= 0;
    this.put(destination, weight, now);
    if (known) this.weightUpdated(destination, now);
    else this.recompute(now);
  }

  /** @inheritDoc ForwardingPolicy.weightChanged */
  weightChanged(destination: string, weight: number, now: number): void {
    this.put(destination, weight, now);
    this.weightUpdated(destination, now);
  }

  /** @inheritDoc ForwardingPolicy.removed */
  removed(destination: string, now: number): void {
    if (this.drop(destination)) this.recompute(now);
  }

  /** @inheritDoc ForwardingPolicy.choose */
  choose(now: number): string {
    if (now >= this.nextExpiry) this.recompute(now);
    let best = -1;
    for (let i = 0; i < this.names.length; i++) {
      if (this.active[i] && (best < 0 || this.deficit[i] < this.deficit[best])) best = i;
    }
    this.deficit[best] += this.weights[best];
    return this.names[best];
  }

  /** Latencies reach this policy through weight updates (a weight updater), not directly. */
  processSuccess(): void {}

  /** The state of every destination (for tests, logs and debugging). */
  inspect(): DeficitRoundRobinState[] {
    return this.names.map((destination, i) => ({
      destination,
      weight: this.weights[i],
      deficit: this.deficit[i],
      active: this.active[i],
      stalePeriod: this.stalePeriod[i],
      probing: this.probing[i],
      lastUpdated: this.lastUpdated[i],
    }));
  }

  protected override onAdded(_i: number): void {
    this.deficit.push(this.minActiveDeficit());
    this.lastUpdated.push(-1);
    this.stalePeriod.push(this.timer.initialStalePeriod);
    this.probing.push(false);
    this.active.push(true);
  }

  protected override onRemoved(i: number): void {
    for (const a of [this.deficit, this.lastUpdated, this.stalePeriod, this.probing, this.active] as unknown[][]) a.splice(i, 1);
  }

  private weightUpdated(destination: string, now: number): void {
    this.lastUpdated[this.slotOf(destination)] = now;
    let min = Infinity;
    for (const d of this.deficit) min = Math.min(min, d);
    for (let i = 0; i < this.deficit.length; i++) this.deficit[i] -= min;
    this.recompute(now);
  }

  private minActiveDeficit(): number {
    let min = Infinity;
    for (let i = 0; i < this.deficit.length; i++) if (this.active[i]) min = Math.min(min, this.deficit[i]);
    return min === Infinity ? 0 : min;
  }

  /** Recomputes the active set (and the stale timers) at `now`. */
  private recompute(now: number): void {
    const n = this.names.length;
    let minWeight = Infinity;
    for (const w of this.weights) minWeight = Math.min(minWeight, w);
    const probeDeficit = this.minActiveDeficit();
    this.nextExpiry = Infinity;
    for (let i = 0; i < n; i++) {
      if (isAdmitted(this.weights[i], minWeight, n)) {
        this.probing[i] = false;
        this.stalePeriod[i] = this.timer.initialStalePeriod;
        this.active[i] = true;
      } else if (this.lastUpdated[i] < 0) {
        this.active[i] = true; // never updated, or a probe waiting for its outcome
      } else {
        if (this.probing[i]) {
          this.probing[i] = false;
          this.stalePeriod[i] = nextStalePeriod(this.stalePeriod[i], this.timer);
        }
        if (now - this.lastUpdated[i] >= this.stalePeriod[i]) {
          this.lastUpdated[i] = -1;
          this.deficit[i] = probeDeficit;
          this.probing[i] = true;
          this.active[i] = true;
        } else {
          this.active[i] = false;
          this.nextExpiry = Math.min(this.nextExpiry, this.lastUpdated[i] + this.stalePeriod[i]);
        }
      }
    }
  }
}
