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
 *
 * The candidates are the live instances: `queue`, `busySlots`, `cpu` and `cpuLoad` are their values at
 * the moment of the choice.
 */
export interface DispatchPolicy {
  readonly name: string;
  /**
   * Return the index in `candidates` (non-empty, all able to serve) of the chosen instance. An index out
   * of range falls back to round robin.
   */
  select(candidates: readonly VnfInstanceInfo[], context: DispatchContext): number;
  /**
   * Optional feedback: called when a packet finishes processing at VNF instance `instance` (every
   * packet processed by any instance, whether or not `select` chose it, since a sole candidate needs no
   * choice). `delay` = ms from the packet's arrival at the instance to the end of its processing
   * (queueing + service); `time` = now (ms). Not called at all when the policy does not define it.
   */
  served?(instance: string, delay: number, time: number): void;
}
