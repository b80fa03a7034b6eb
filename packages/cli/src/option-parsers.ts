/**
 * Parsers of option values, used by commander: they throw commander's InvalidArgumentError so that a
 * bad value is reported as `option '--x <n>' argument 'y' is invalid. <reason>`.
 */
import { InvalidArgumentError } from 'commander';

/**
 * A seed: digits give an integer (so `--seed 5` and `"random_seed": 5` are the same seed, unlike the
 * reference ); anything else non-empty is used as a string seed.
 */
export function parseSeed(value: string): number | string {
  const text = value.trim();
  if (text === '') throw new InvalidArgumentError('expected an integer >= 0 or a non-empty string');
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected an integer up to ${Number.MAX_SAFE_INTEGER}`);
    return n;
  }
  return text;
}

/** An integer >= 1 (e.g. `--rounds`). */
export function parsePositiveInteger(value: string): number {
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer >= 1');
  return n;
}
