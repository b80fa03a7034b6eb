import { describe, expect, it } from 'vitest';
import {
  formatBool,
  formatFixed2,
  formatNumber,
  needsQuoting,
  pyList,
  pyRepr,
  pyString,
  quoteMinimal,
} from './format.js';

describe('formatFixed2', () => {
  it('writes two decimals', () => {
    expect(formatFixed2(10)).toBe('10.00');
    expect(formatFixed2(0)).toBe('0.00');
    expect(formatFixed2(-0)).toBe('0.00');
    expect(formatFixed2(-3)).toBe('-3.00');
    expect(formatFixed2(1.5)).toBe('1.50');
    expect(formatFixed2(0.005 + 1e-12)).toBe('0.01');
    expect(formatFixed2(123456.789)).toBe('123456.79');
  });

  it('rounds the exact binary value (1.005 and 2.675 are stored just below the tie)', () => {
    expect(formatFixed2(1.005)).toBe('1.00');
    expect(formatFixed2(2.675)).toBe('2.67');
  });

  it('breaks exact binary ties upwards, unlike Python (documented difference)', () => {
    expect(formatFixed2(0.125)).toBe('0.13'); // Python: '0.12'
    expect(formatFixed2(0.375)).toBe('0.38'); // Python: '0.38' (tie to even 8)
  });

  it('writes non-finite values as Python does', () => {
    expect(formatFixed2(Number.NaN)).toBe('nan');
    expect(formatFixed2(Number.POSITIVE_INFINITY)).toBe('inf');
    expect(formatFixed2(Number.NEGATIVE_INFINITY)).toBe('-inf');
  });
});

describe('formatNumber / formatBool', () => {
  it('uses the shortest round-trip form', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(50 / 31000)).toBe('0.0016129032258064516');
    expect(formatNumber(-1)).toBe('-1');
    expect(formatNumber(Number.NaN)).toBe('nan');
  });

  it('writes Python booleans', () => {
    expect(formatBool(true)).toBe('True');
    expect(formatBool(false)).toBe('False');
  });
});

describe('Python literals', () => {
  it('writes lists and dicts like Python repr', () => {
    expect(pyList(['v_1', 'v_3'])).toBe("['v_1', 'v_3']");
    expect(pyList([])).toBe('[]');
    expect(pyRepr({ ingress: 'l_0_3_2', v_3: 'l_3_1_0' })).toBe("{'ingress': 'l_0_3_2', 'v_3': 'l_3_1_0'}");
    expect(pyRepr({ s_0: { ingress_node: 'n_0', packet_size: 50 } })).toBe(
      "{'s_0': {'ingress_node': 'n_0', 'packet_size': 50}}",
    );
    expect(pyRepr([1, true, null, 'x'])).toBe("[1, True, None, 'x']");
  });

  it('chooses and escapes quotes as Python does', () => {
    expect(pyString("it's")).toBe('"it\'s"');
    expect(pyString('say "hi"')).toBe('\'say "hi"\'');
    expect(pyString(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pyString('a\\b\nc\u0001')).toBe("'a\\\\b\\nc\\x01'");
  });
});

describe('minimal quoting', () => {
  it('quotes only fields with ; " CR or LF, doubling inner quotes', () => {
    expect(needsQuoting("['a', 'b']")).toBe(false);
    expect(quoteMinimal("['a', 'b']")).toBe("['a', 'b']");
    expect(quoteMinimal('a;b')).toBe('"a;b"');
    expect(quoteMinimal('say "hi"')).toBe('"say ""hi"""');
    expect(quoteMinimal('two\nlines')).toBe('"two\nlines"');
    expect(quoteMinimal('cr\r')).toBe('"cr\r"');
    expect(quoteMinimal('')).toBe('');
  });
});

describe('formatFixed2 fast path', () => {
  it('is identical to toFixed(2) on random, grid and near-tie values', () => {
    let state = 12345;
    const rand = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    const values: number[] = [];
    for (let i = 0; i < 200_000; i++) values.push(rand() * 10 ** Math.floor(rand() * 10));
    for (let i = 0; i < 200_000; i++) values.push(i / 1000, i / 8 + 0.005, i * 0.37, i / 200);
    for (const v of [0.125, 0.375, 1.005, 2.675, 9999999.995, 10000000.125, 0.004999999999999, 0.995]) values.push(v);
    const mismatches: string[] = [];
    for (const v of values) {
      if (formatFixed2(v) !== v.toFixed(2)) mismatches.push(`${v}: ${formatFixed2(v)} vs ${v.toFixed(2)}`);
      if (formatFixed2(-v) !== (-v).toFixed(2)) mismatches.push(`${-v}: ${formatFixed2(-v)}`);
    }
    expect(values.length).toBeGreaterThan(1_000_000);
    expect(mismatches).toEqual([]);
  });
});
