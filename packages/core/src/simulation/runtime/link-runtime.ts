import { Server } from '../../engine/server.js';
import type { Link } from '../../model/link.js';
import type { PacketRuntime } from './packet.js';

/**
 * A link during a run: a single FIFO server shared by all traffic routed on it (model-spec §5.5), the
 * bandwidth booked by active SFC instances (§4.3), and its busy time for the energy account.
 */
export class LinkRuntime {
  readonly link: Link;
  readonly index: number;
  /** The transmitter: one slot, bounded by `max_packet_queue` counting waiting and in-service packets. */
  readonly server: Server<PacketRuntime>;
  /** Σ min_bandwidth booked by active SFC instances routed on this link. */
  booked = 0;
  /** ms spent transmitting (for link energy). */
  busyMs = 0;

  constructor(link: Link, onStart: (packet: PacketRuntime) => void) {
    this.link = link;
    this.index = link.index;
    this.server = new Server<PacketRuntime>(
      { capacity: 1, maxQueue: link.maxPacketQueue < 0 ? -1 : link.maxPacketQueue, countInService: true },
      onStart,
    );
  }

  get name(): string {
    return this.link.name;
  }
}
