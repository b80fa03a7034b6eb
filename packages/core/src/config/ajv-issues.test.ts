import { describe, expect, it } from 'vitest';
import { closestKey } from './ajv-issues.js';
import { describeSchema } from './describe-schema.js';
import { dedupeIssues, formatFound, pointer, sortIssues } from './issue.js';

describe('issue helpers', () => {
  it('builds escaped JSON Pointers', () => {
    expect(pointer('node', 'cpu', 0)).toBe('/node/cpu/0');
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
  });

  it('formats found values', () => {
    expect(formatFound(undefined)).toBe('nothing');
    expect(formatFound('x')).toBe('"x"');
    expect(formatFound({ a: [1] })).toBe('{"a":[1]}');
  });

  it('sorts by file order then numeric path and removes duplicates', () => {
    const make = (file: string, path: string) => ({ file, path, expected: 'e', found: 'f', severity: 'error' as const });
    const sorted = sortIssues(dedupeIssues([make('p', '/a'), make('s', '/x/10'), make('s', '/x/9'), make('s', '/x/9')]), ['s', 'p']);
    expect(sorted.map((i) => `${i.file}${i.path}`)).toEqual(['s/x/9', 's/x/10', 'p/a']);
  });

  it('suggests the closest known key only for plausible typos', () => {
    expect(closestKey('totl_time', ['total_time', 'time_window'])).toBe('total_time');
    expect(closestKey('CPU', ['cpu', 'mem'])).toBe('cpu');
    expect(closestKey('zzz', ['cpu', 'mem'])).toBeUndefined();
  });

  it('describes schemas in words', () => {
    expect(describeSchema({ type: 'number', exclusiveMinimum: 0 })).toBe('a number > 0');
    expect(describeSchema({ type: 'integer', minimum: 0, maximum: 9 })).toBe('an integer between 0 and 9');
    expect(describeSchema({ type: 'array', minItems: 1, items: { type: 'integer', minimum: -1 } })).toBe('a non-empty list of integers >= -1');
    expect(describeSchema({ type: 'string', enum: ['poisson', 'linear'] })).toBe('one of poisson, linear');
    expect(describeSchema({ type: ['string', 'integer'] })).toBe('a string or an integer');
  });
});
