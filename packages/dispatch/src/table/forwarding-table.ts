import { DispatchError, NoDestinationError } from '../errors.js';
import { type ForwardingPolicyConf, createForwardingPolicy } from '../policies/create-policy.js';
import type { ForwardingPolicy } from '../policies/forwarding-policy.js';
import type { ForwardingEntry } from './forwarding-entry.js';
import type { UniformSource } from './uniform-source.js';
import { checkWeight } from './weight.js';

interface KeyTable {
  readonly entries: Map<string, ForwardingEntry>;
  readonly policy: ForwardingPolicy;
}

/**
 * A forwarding table (seed-systems §3.1): per key (a lambda, a VNF) a list of destinations with a
 * weight (estimated response delay, > 0) and a `final` flag, and one policy instance per key that
 * chooses among them. The operations mirror the seed's `EdgeRouter.Configure` actions (CHANGE, REMOVE,
 * FLUSH). Times (`now`) and latencies are in the caller's unit, used consistently (the seed: seconds).
 *
 * @example
 * ```ts
 * const table = new ForwardingTable({ type: 'random' });
 * table.change('clambda0', '10.0.0.1:10000', 0.106, { final: true });
 * table.change('clambda0', '10.0.0.2:10000', 0.109, { final: true });
 * const dest = table.choose('clambda0', now, rng); // 50.7 % / 49.3 %
 * table.processSuccess('clambda0', dest, 0.108, now + 0.108);
 * ```
 */
export class ForwardingTable {
  private readonly keys_ = new Map<string, KeyTable>();
  private readonly makePolicy: (key: string) => ForwardingPolicy;

  /**
   * @param policy - the policy conf every key uses (`{ type: 'random' }` …), or a factory giving each key
   *   its own policy instance.
   */
  constructor(policy: ForwardingPolicyConf | ((key: string) => ForwardingPolicy)) {
    if (typeof policy === 'function') {
      this.makePolicy = policy;
    } else {
      createForwardingPolicy(policy); // validate now, not at the first request
      this.makePolicy = () => createForwardingPolicy(policy);
    }
  }

  /**
   * Adds `destination` to `key` or changes its weight (and `final`, when given; a new entry defaults to
   * not final). The policy hears `added` or `weightChanged`.
   */
  change(key: string, destination: string, weight: number, options: { final?: boolean; now?: number } = {}): void {
    checkName(key, 'key');
    checkName(destination, `destination of "${key}"`);
    checkWeight(weight, `forwarding table, key "${key}", destination "${destination}"`);
    const now = options.now ?? 0;
    let t = this.keys_.get(key);
    if (t === undefined) {
      t = { entries: new Map(), policy: this.makePolicy(key) };
      this.keys_.set(key, t);
    }
    const old = t.entries.get(destination);
    t.entries.set(destination, { destination, weight, final: options.final ?? old?.final ?? false });
    if (old === undefined) t.policy.added(destination, weight, now);
    else t.policy.weightChanged(destination, weight, now);
  }

  /** Removes `destination` from `key` (the key goes when its last destination does). Returns whether it was there. */
  remove(key: string, destination: string, now = 0): boolean {
    const t = this.keys_.get(key);
    if (t === undefined || !t.entries.delete(destination)) return false;
    if (t.entries.size === 0) this.keys_.delete(key);
    else t.policy.removed(destination, now);
    return true;
  }

  /** Removes `destination` from every key (what the seed does when a destination fails). Returns how many entries went. */
  removeDestination(destination: string, now = 0): number {
    let n = 0;
    for (const key of [...this.keys_.keys()]) if (this.remove(key, destination, now)) n++;
    return n;
  }

  /** Empties the table (policies and their state are dropped). */
  flush(): void {
    this.keys_.clear();
  }

  /** The keys that have at least one destination, in insertion order. */
  keys(): string[] {
    return [...this.keys_.keys()];
  }

  /** The destinations of `key` in the order they were added (empty when none). */
  entries(key: string): ForwardingEntry[] {
    return [...(this.keys_.get(key)?.entries.values() ?? [])];
  }

  /** The weight of `destination` for `key`, or undefined. */
  weight(key: string, destination: string): number | undefined {
    return this.keys_.get(key)?.entries.get(destination)?.weight;
  }

  /** The policy instance of `key` (undefined when the key has no destination), e.g. to inspect its state. */
  policy(key: string): ForwardingPolicy | undefined {
    return this.keys_.get(key)?.policy;
  }

  /**
   * The destination for a request for `key` at `now`; `random` supplies the uniform draw of the
   * `random` policy (pass a seeded stream). Throws {@link NoDestinationError} when `key` has none.
   */
  choose(key: string, now: number, random: UniformSource): string {
    const t = this.keys_.get(key);
    if (t === undefined) throw new NoDestinationError(key);
    return t.policy.choose(now, random);
  }

  /** Tells `key`'s policy that a request sent to `destination` succeeded with response time `latency` at `now`. */
  processSuccess(key: string, destination: string, latency: number, now: number): void {
    const t = this.keys_.get(key);
    if (t === undefined || !t.entries.has(destination)) return;
    t.policy.processSuccess(destination, latency, now);
  }
}

function checkName(name: string, what: string): void {
  if (typeof name !== 'string' || name === '') {
    throw new DispatchError(`forwarding table: the ${what} must be a non-empty string; got ${JSON.stringify(name)}`);
  }
}
