import { NssError } from '@nss/core';

/**
 * A misuse of a forwarding table, a policy or a weight updater that a caller can fix: a weight that is
 * not > 0, an unknown policy or updater type, a bad option, a choice asked of an empty table. The
 * message says what was wrong, where (table key, destination, option) and what would fix it.
 */
export class DispatchError extends NssError {
  /** @param message - what was wrong, where, and how to fix it. */
  constructor(message: string, options?: { cause?: unknown }) {
    super('NSS_DISPATCH', message, { ...options, exitCode: 2 });
    this.name = 'DispatchError';
  }
}

/** Raised by `choose` when a key has no destination left (the seed's `NoDestinations`). */
export class NoDestinationError extends DispatchError {
  /** @param key - the lambda or VNF whose destination list is empty. */
  constructor(readonly key: string) {
    super(`no destination for "${key}": add one with change("${key}", destination, weight) first`);
    this.name = 'NoDestinationError';
  }
}
