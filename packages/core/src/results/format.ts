/**
 * Value formatting of the CSV outputs (model-spec §10.5).
 *
 * Rounding: two-decimal columns use `Number.prototype.toFixed(2)`, which rounds the **exact binary value**
 * of the double to the nearest 2-decimal number and breaks exact ties upwards (away from zero). The
 * reference uses Python's `round(x, 2)`/`'%.2f'`, which also rounds the exact binary value but breaks
 * exact ties to even. The two differ only on values whose binary representation is an exact tie, i.e.
 * multiples of 1/8 such as 0.125 (`'0.13'` here, `'0.12'` in Python) or 0.375; values such as 1.005 or
 * 2.675 (stored slightly below the tie) give `'1.00'` and `'2.67'` in both.
 */

/** A value that {@link pyRepr} can write as a Python literal. */
export type PyValue =
  | string
  | number
  | boolean
  | null
  | readonly PyValue[]
  | { readonly [key: string]: PyValue };

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  return x > 0 ? 'inf' : '-inf';
}

/**
 * Formats a number with exactly two decimals (`10` → `'10.00'`, `1.005` → `'1.00'`): used for times and
 * for the columns the reference rounds to two decimals. See the module note on tie rounding.
 * Non-finite values are written as Python does (`nan`, `inf`, `-inf`).
 */
export function formatFixed2(x: number): string {
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return x === 0 ? '0.00' : `${x}.00`;
  if (x < 0) return '-' + formatFixed2(-x); // as toFixed: '-' + the magnitude ('-0.00' for -0.001)
  if (x < 1e7) {
    // Fast path, ~3× faster than toFixed and identical to it: y = fl(100·x) is within 6e-8 of the exact
    // 100·x below 1e9, so Math.round(y) is the exact rounding unless 100·x is within 1e-6 of a tie,
    // where toFixed decides.
    const y = x * 100;
    const frac = y - Math.floor(y);
    if (frac < 0.499999 || frac > 0.500001) {
      const r = Math.round(y);
      const whole = Math.floor(r / 100);
      const cents = r - whole * 100;
      return whole + (cents < 10 ? '.0' : '.') + cents;
    }
  }
  if (!Number.isFinite(x)) return nonFinite(x);
  return x.toFixed(2);
}

/** Formats a time or duration in ms: two decimals (alias of {@link formatFixed2}). */
export const formatTime: (ms: number) => string = formatFixed2;

/**
 * Formats a plain number: JavaScript's shortest round-trip form (`3`, `0.1`, `1.6129032258064515`).
 * Unlike Python, whole floats print without `.0`. Non-finite values print as `nan`, `inf`, `-inf`.
 */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : nonFinite(x);
}

/** Python's boolean literal: `True` / `False`. */
export function formatBool(b: boolean): 'True' | 'False' {
  return b ? 'True' : 'False';
}

/**
 * Python's `repr` of a string: single quotes unless the string contains a single quote and no double
 * quote; backslash, the quote and control characters escaped.
 */
export function pyString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += '\\' + quote;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/**
 * Writes a value as a Python literal, as the reference's CSVs do for lists and dicts:
 * `['v_1', 'v_3']`, `{'ingress': 'l_0_3_2', 'v_3': 'l_3_1_0'}`, `True`, `None`.
 */
export function pyRepr(value: PyValue): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'string':
      return pyString(value);
    case 'number':
      return formatNumber(value);
    case 'boolean':
      return formatBool(value);
    default:
      break;
  }
  if (Array.isArray(value)) return pyList(value as readonly PyValue[]);
  const entries = Object.entries(value as { readonly [key: string]: PyValue });
  return '{' + entries.map(([k, v]) => `${pyString(k)}: ${pyRepr(v)}`).join(', ') + '}';
}

/** A Python list literal: `['v_1', 'v_3']`; `[]` when empty. */
export function pyList(items: readonly PyValue[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ', ';
    out += pyRepr(items[i]);
  }
  return out + ']';
}

/** Whether a CSV field must be quoted under minimal quoting: it contains `;`, `"`, CR or LF. */
export function needsQuoting(field: string): boolean {
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c === 59 /* ; */ || c === 34 /* " */ || c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Minimal (RFC 4180-style) quoting, as Python's `csv.QUOTE_MINIMAL` with `;` as separator: the field is
 * wrapped in double quotes, inner quotes doubled, only when it contains `;`, `"`, CR or LF.
 */
export function quoteMinimal(field: string): string {
  return needsQuoting(field) ? '"' + field.replace(/"/g, '""') + '"' : field;
}
