import type { ConfigIssue } from '../errors.js';
import { describeValue, escape } from './ajv-issues.js';

/** A parsed JSON object. @internal */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a parsed JSON value is an object (not an array, not null). @internal */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads typed fields out of hand-written JSON, recording an issue (with its JSON path) for every
 * missing or mistyped field instead of stopping at the first, and returning a placeholder so that
 * reading can go on. Callers throw a ConfigError with {@link FieldReader.issues} when any was found.
 * @internal
 */
export class FieldReader {
  readonly issues: ConfigIssue[] = [];

  constructor(private readonly file: string) {}

  private problem(path: string, expected: string, value: unknown): void {
    this.issues.push({ file: this.file, path, expected, found: describeValue(value), severity: 'error' });
  }

  /** Each element of the array at `key`, mapped with `read(object, path, index)`; non-objects are reported. */
  list<T>(o: JsonObject, path: string, key: string, read: (o: JsonObject, path: string, index: number) => T): T[] {
    const p = `${path}/${escape(key)}`;
    const value = o[key];
    if (!Array.isArray(value)) {
      this.problem(p, 'an array', value);
      return [];
    }
    const out: T[] = [];
    value.forEach((item: unknown, i) => {
      if (isObject(item)) out.push(read(item, `${p}/${i}`, out.length));
      else this.problem(`${p}/${i}`, 'an object', item);
    });
    return out;
  }

  /** The object at `key` as a record, each value mapped with `read(object, path)`. */
  map<T>(o: JsonObject, path: string, key: string, read: (o: JsonObject, path: string) => T): Record<string, T> {
    const p = `${path}/${escape(key)}`;
    const value = o[key];
    const out: Record<string, T> = {};
    if (!isObject(value)) {
      this.problem(p, 'an object', value);
      return out;
    }
    for (const [k, v] of Object.entries(value)) {
      if (isObject(v)) out[k] = read(v, `${p}/${escape(k)}`);
      else this.problem(`${p}/${escape(k)}`, 'an object', v);
    }
    return out;
  }

  /** A finite number; `fallback` when the key is absent (reported as missing when there is none). */
  number(o: JsonObject, path: string, key: string, fallback?: number): number {
    const value = o[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.problem(`${path}/${escape(key)}`, 'a number', value);
    return 0;
  }

  /** A string; `fallback` when the key is absent (reported as missing when there is none). */
  string(o: JsonObject, path: string, key: string, fallback?: string): string {
    const value = o[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string') return value;
    this.problem(`${path}/${escape(key)}`, 'a string', value);
    return '';
  }

  /** A label: a string or a number. */
  label(o: JsonObject, path: string, key: string): string | number {
    const value = o[key];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
    this.problem(`${path}/${escape(key)}`, 'a string or a number', value);
    return '';
  }

  /** An array of strings. */
  strings(o: JsonObject, path: string, key: string): string[] {
    return this.each(o, path, key, (v) => (typeof v === 'string' ? v : undefined), 'a string');
  }

  /** An array whose elements `convert` accepts (`undefined` = rejected, reported with `expected`). */
  each<T>(o: JsonObject, path: string, key: string, convert: (v: unknown) => T | undefined, expected: string): T[] {
    const p = `${path}/${escape(key)}`;
    const value = o[key];
    if (!Array.isArray(value)) {
      this.problem(p, 'an array', value);
      return [];
    }
    const out: T[] = [];
    value.forEach((v: unknown, i) => {
      const c = convert(v);
      if (c === undefined) this.problem(`${p}/${i}`, expected, v);
      else out.push(c);
    });
    return out;
  }

  /** One value `convert` accepts (`undefined` = rejected, reported with `expected`; `fallback` returned). */
  convert<T>(o: JsonObject, path: string, key: string, convert: (v: unknown) => T | undefined, expected: string, fallback: T): T {
    const c = convert(o[key]);
    if (c !== undefined) return c;
    this.problem(`${path}/${escape(key)}`, expected, o[key]);
    return fallback;
  }
}
