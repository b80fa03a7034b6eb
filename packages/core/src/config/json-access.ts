/**
 * Defensive readers of untrusted JSON data for the semantic checks, which run even when the schema
 * reported errors: each reader returns a value only when it is present and well-typed.
 */

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent[key]` when it is an object. */
export function objectAt(parent: unknown, key: string): JsonObject | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return isObject(value) ? value : undefined;
}

/** `parent[key]` when it is a finite number. */
export function numberAt(parent: unknown, key: string): number | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `parent[key]` when it is an integer. */
export function integerAt(parent: unknown, key: string): number | undefined {
  const value = numberAt(parent, key);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** `parent[key]` when it is a string. */
export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === 'string' ? value : undefined;
}

/** One finite number of a list, with its index in the list. */
export interface IndexedNumber {
  readonly value: number;
  readonly index: number;
}

/**
 * The finite numbers of the list `parent[key]` with their indices (other items are skipped); undefined
 * when `parent[key]` is not a list.
 */
export function numbersAt(parent: unknown, key: string): IndexedNumber[] | undefined {
  if (!isObject(parent)) return undefined;
  const list = parent[key];
  if (!Array.isArray(list)) return undefined;
  const out: IndexedNumber[] = [];
  list.forEach((value: unknown, index) => {
    if (typeof value === 'number' && Number.isFinite(value)) out.push({ value, index });
  });
  return out;
}

/** Largest value of a list of indexed numbers, or undefined when empty. */
export function maxOf(list: readonly IndexedNumber[] | undefined): number | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return Math.max(...list.map((n) => n.value));
}

/** Smallest value of a list of indexed numbers, or undefined when empty. */
export function minOf(list: readonly IndexedNumber[] | undefined): number | undefined {
  if (list === undefined || list.length === 0) return undefined;
  return Math.min(...list.map((n) => n.value));
}

/** Deep copy of JSON-like data (arrays and plain objects are copied; other values are shared). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (isObject(value)) {
    // fromEntries defines own properties, so a "__proto__" key stays data (no prototype change).
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneJson(v)])) as T;
  }
  return value;
}

/** The value at a JSON Pointer (RFC 6901) in `data`, or undefined when absent. */
export function valueAtPointer(data: unknown, path: string): unknown {
  if (path === '') return data;
  let current: unknown = data;
  for (const raw of path.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current;
}
