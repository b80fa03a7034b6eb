import type { VnfInstanceInfo } from '../model/vnf-instance.js';

/** What a dispatch policy knows when it chooses an instance for a packet. */
export interface DispatchContext {
  /** Simulation time (ms). */
  readonly time: number;
  /** SFC request the packet belongs to. */
  readonly request: string;
  /** VNF type to serve. */
  readonly vnf: string;
  /** Packet size. */
  readonly size: number;
}

/**
 * Chooses which VNF instance serves a packet when several instances of the same type serve its SFC
 * instance (after horizontal scaling). Called on the packet hot path: it must be cheap and must not keep
 * references to the candidates.
 */
export interface DispatchPolicy {
  readonly name: string;
  /** Return the index in `candidates` (non-empty, all able to serve) of the chosen instance. */
  select(candidates: readonly VnfInstanceInfo[], context: DispatchContext): number;
}
