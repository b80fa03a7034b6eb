import { describe, expect, it } from 'vitest';
import { ForwardingTable } from '../table/forwarding-table.js';
import { AsyncPfUpdater } from './async-pf-updater.js';
import { AsyncUpdater } from './async-updater.js';
import { createWeightUpdater } from './create-updater.js';
import { TrivialUpdater } from './trivial-updater.js';

function table(): ForwardingTable {
  const t = new ForwardingTable({ type: 'random' });
  t.change('f', 'A', 1, { final: true });
  t.change('f', 'B', 1, { final: true });
  return t;
}

describe('trivial updater', () => {
  for (const [stat, expected] of [['mean', 0.2], ['min', 0.1], ['max', 0.4]] as const) {
    it(`sets each weight to the ${stat} of the period's latencies; destinations without samples keep theirs`, () => {
      const t = table();
      const up = new TrivialUpdater(t, { period: 10, stat });
      up.observe('f', 'A', 0.1, 1);
      up.observe('f', 'A', 0.4, 5);
      up.observe('f', 'A', 0.1, 9.5);
      expect(t.weight('f', 'A')).toBe(1); // not before the period ends
      up.tick(10);
      expect(t.weight('f', 'A')).toBeCloseTo(expected, 12);
      expect(t.weight('f', 'B')).toBe(1);
      expect(t.entries('f')[0].final).toBe(true);
    });
  }

  it('clears the samples each period: a later period only sees its own', () => {
    const t = table();
    const up = new TrivialUpdater(t, { period: 10, stat: 'mean' });
    up.observe('f', 'A', 1, 1);
    up.observe('f', 'A', 3, 12); // applies period [0, 10) first (mean 1), then counts in [10, 20)
    expect(t.weight('f', 'A')).toBe(1);
    up.observe('f', 'A', 5, 15);
    up.tick(35); // skips the empty period [20, 30) too
    expect(t.weight('f', 'A')).toBe(4);
    up.observe('f', 'A', 7, 36);
    up.tick(39.9);
    expect(t.weight('f', 'A')).toBe(4);
    up.tick(40);
    expect(t.weight('f', 'A')).toBe(7);
  });

  it('skips destinations removed meanwhile and rejects bad options and latencies', () => {
    const t = table();
    const up = new TrivialUpdater(t, { period: 1 });
    up.observe('f', 'A', 0.5, 0.1);
    t.remove('f', 'A');
    up.tick(2);
    expect(t.weight('f', 'A')).toBeUndefined();
    expect(() => new TrivialUpdater(t, { period: 0 })).toThrow(/period 0 .* > 0/);
    expect(() => new TrivialUpdater(t, { stat: 'median' as never })).toThrow(/use mean, min or max/);
    expect(() => up.observe('f', 'B', -1, 3)).toThrow(/latency -1 for "f" → "B"/);
  });
});

describe('async updater', () => {
  it('averages with α while fresh, restarts from the latency after 5 s', () => {
    const t = table();
    const up = new AsyncUpdater(t, { alpha: 0.75 });
    up.observe('f', 'A', 0.2, 0); // first response: w = latency
    expect(t.weight('f', 'A')).toBe(0.2);
    up.observe('f', 'A', 0.6, 4.9); // 0.75·0.2 + 0.25·0.6 = 0.3
    expect(t.weight('f', 'A')).toBeCloseTo(0.3, 12);
    up.observe('f', 'A', 1, 9.9); // 5 s after the last update: stale
    expect(t.weight('f', 'A')).toBe(1);
    expect(() => new AsyncUpdater(t, { alpha: 1.5 })).toThrow(/alpha 1.5 .* \[0, 1\]/);
  });
});

describe('asyncPF and none updaters', () => {
  it('asyncPF sets the weight to the last latency; none never changes it', () => {
    const t = table();
    new AsyncPfUpdater(t).observe('f', 'A', 0.3, 1);
    expect(t.weight('f', 'A')).toBe(0.3);
    createWeightUpdater(t, { type: 'none' }).observe('f', 'A', 9, 2);
    expect(t.weight('f', 'A')).toBe(0.3);
  });

  it('a latency of 0 gives the smallest allowed weight, not an error', () => {
    const t = table();
    new AsyncPfUpdater(t).observe('f', 'A', 0, 1);
    expect(t.weight('f', 'A')).toBeGreaterThan(0);
  });
});

describe('createWeightUpdater', () => {
  it('builds from a conf and rejects unknown types and options', () => {
    const t = table();
    expect(createWeightUpdater(t, { type: 'trivial', period: 10, stat: 'mean' }).type).toBe('trivial');
    expect(() => createWeightUpdater(t, { type: 'smart' as never })).toThrow(/unknown weight updater type "smart"; use one of trivial, async, asyncPF, none/);
    expect(() => createWeightUpdater(t, { type: 'asyncPF', alpha: 1 })).toThrow(/"asyncPF": unknown option "alpha"; it takes none/);
  });
});
