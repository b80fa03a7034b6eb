import type { UniformSource } from '../table/uniform-source.js';

/** The seed's `--table-conf type=…` names of the forwarding policies. */
export type ForwardingPolicyType = 'random' | 'least-impedance' | 'round-robin' | 'proportional-fairness';

/**
 * How one key (lambda or VNF) of a forwarding table picks a destination. The table tells the policy
 * about every change to the key's destination list (the hooks), and asks it to `choose`. Times are in
 * whatever unit the caller uses consistently (the seed uses seconds); the policies only compare and
 * subtract them.
 */
export interface ForwardingPolicy {
  /** The policy's type name. */
  readonly type: ForwardingPolicyType;
  /** Hook: `destination` joined the list with `weight` at `now`. */
  added(destination: string, weight: number, now: number): void;
  /** Hook: the weight of `destination` changed to `weight` at `now` (by the table owner or a weight updater). */
  weightChanged(destination: string, weight: number, now: number): void;
  /** Hook: `destination` left the list at `now`. */
  removed(destination: string, now: number): void;
  /**
   * The destination for the next request at `now`. `random` is drawn from only by policies that need it
   * (`random`). The list is never empty when the table calls this.
   */
  choose(now: number, random: UniformSource): string;
  /** A request sent to `destination` succeeded after `latency` (measured response time) at `now`. */
  processSuccess(destination: string, latency: number, now: number): void;
}
