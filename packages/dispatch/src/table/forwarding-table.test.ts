import { describe, expect, it } from 'vitest';
import { DispatchError, NoDestinationError } from '../errors.js';
import { ForwardingTable } from './forwarding-table.js';
import { parseConf } from './parse-conf.js';

const u = { next: () => 0.5 };

describe('ForwardingTable', () => {
  it('adds, changes, removes and flushes entries per key, keeping final unless changed', () => {
    const t = new ForwardingTable({ type: 'least-impedance' });
    t.change('f', 'A', 2, { final: true });
    t.change('f', 'B', 1);
    t.change('g', 'A', 1);
    t.change('f', 'A', 0.5); // weight change keeps final
    expect(t.entries('f')).toEqual([
      { destination: 'A', weight: 0.5, final: true },
      { destination: 'B', weight: 1, final: false },
    ]);
    expect(t.choose('f', 0, u)).toBe('A');
    expect(t.remove('f', 'A')).toBe(true);
    expect(t.remove('f', 'A')).toBe(false);
    expect(t.choose('f', 0, u)).toBe('B');
    expect(t.removeDestination('B')).toBe(1);
    expect(t.keys()).toEqual(['g']);
    t.flush();
    expect(t.keys()).toEqual([]);
    expect(() => t.choose('g', 0, u)).toThrow(NoDestinationError);
  });

  it('rejects weights that are not finite numbers > 0, naming the key and destination', () => {
    const t = new ForwardingTable({ type: 'random' });
    for (const w of [0, -1, Number.NaN, Infinity]) {
      expect(() => t.change('clambda0', 'A', w)).toThrow(/key "clambda0", destination "A": weight .* must be a finite number > 0/);
    }
    expect(() => t.change('', 'A', 1)).toThrow(DispatchError);
    expect(t.keys()).toEqual([]);
  });

  it('rejects unknown policy types and options when built', () => {
    expect(() => new ForwardingTable({ type: 'fastest' as never })).toThrow(/unknown forwarding policy type "fastest"; use one of random, /);
    expect(() => new ForwardingTable({ type: 'random', alpha: 1 })).toThrow(/"random": unknown option "alpha"; it takes none/);
  });

  it('gives each key its own policy instance', () => {
    const t = new ForwardingTable({ type: 'round-robin' });
    t.change('f', 'A', 1);
    t.change('g', 'A', 1);
    expect(t.policy('f')).not.toBe(t.policy('g'));
  });
});

describe('parseConf', () => {
  it("reads the seed's key=value lists, numbers as numbers", () => {
    expect(parseConf('type=trivial,period=10,stat=mean')).toEqual({ type: 'trivial', period: 10, stat: 'mean' });
    expect(parseConf('type=proportional-fairness,alpha=0.5,beta=1')).toEqual({ type: 'proportional-fairness', alpha: 0.5, beta: 1 });
    expect(parseConf('')).toEqual({});
  });

  it('rejects pairs without = and repeated keys', () => {
    expect(() => parseConf('type=async,alpha', '--optimizer-conf')).toThrow(/--optimizer-conf "type=async,alpha": "alpha" is not key=value/);
    expect(() => parseConf('type=a,type=b')).toThrow(/"type" is given twice/);
  });
});
