import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { parsePositiveInteger, parseSeed } from './option-parsers.js';

describe('parseSeed', () => {
  it('reads digits as an integer seed (so --seed 5 equals "random_seed": 5) and anything else as a string', () => {
    expect(parseSeed('5')).toBe(5);
    expect(parseSeed(' 0 ')).toBe(0);
    expect(parseSeed('run-a')).toBe('run-a');
    expect(parseSeed('-3')).toBe('-3');
  });

  it('rejects an empty seed and integers beyond 2^53', () => {
    expect(() => parseSeed(' ')).toThrow(InvalidArgumentError);
    expect(() => parseSeed('99999999999999999999')).toThrow(/up to 9007199254740991/);
  });
});

describe('parsePositiveInteger', () => {
  it('accepts integers >= 1 only', () => {
    expect(parsePositiveInteger('3')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'two', '']) expect(() => parsePositiveInteger(bad)).toThrow('expected an integer >= 1');
  });
});
