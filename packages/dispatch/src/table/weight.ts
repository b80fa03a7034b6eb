import { DispatchError } from '../errors.js';

/**
 * Checks a destination weight: an estimate of its response delay, which must be a finite number > 0
 * (the seed rejects weights ≤ 0). `where` names the table key and destination for the message.
 */
export function checkWeight(weight: number, where: string): number {
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
    throw new DispatchError(
      `${where}: weight ${String(weight)} is not allowed; a weight is an estimated response delay and must be a finite number > 0`,
    );
  }
  return weight;
}
