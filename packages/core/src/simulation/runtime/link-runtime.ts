import type { Link } from '../../model/link.js';

/**
 * A link during a run: a single FIFO transmitter shared by all traffic routed on it (model-spec §5.5),
 * the bandwidth booked by active SFC instances (§4.3), and its busy time for the energy account. The
 * transmitter needs no events of its own: a packet's service time is known when it arrives, so it
 * starts at max(now, freeAt) and leaves at start + transmission (FIFO).
 */
export class LinkRuntime {
  readonly link: Link;
  readonly index: number;
  /** Σ min_bandwidth booked by active SFC instances routed on this link. */
  booked = 0;
  /** ms spent transmitting (for link energy). */
  busyMs = 0;
  /** Time the transmitter is next free. */
  freeAt = 0;
  /** Bounded queue only: departure times of the packets in the system, oldest first (a ring). */
  private departures = new Float64Array(16);
  private head = 0;
  private count = 0;

  constructor(link: Link) {
    this.link = link;
    this.index = link.index;
  }

  get name(): string {
    return this.link.name;
  }

  /** Packets waiting or in transmission at `now` (departures after `now`): the `max_packet_queue` count. */
  inSystem(now: number): number {
    const d = this.departures;
    const mask = d.length - 1;
    while (this.count > 0 && d[this.head] <= now) {
      this.head = (this.head + 1) & mask;
      this.count--;
    }
    return this.count;
  }

  /** Records the departure time of an admitted packet (departures are non-decreasing: FIFO). */
  admit(departure: number): void {
    let d = this.departures;
    if (this.count === d.length) {
      const bigger = new Float64Array(d.length * 2);
      for (let i = 0; i < this.count; i++) bigger[i] = d[(this.head + i) & (d.length - 1)];
      this.departures = d = bigger;
      this.head = 0;
    }
    d[(this.head + this.count) & (d.length - 1)] = departure;
    this.count++;
  }
}
