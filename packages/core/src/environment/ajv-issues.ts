import type { ErrorObject } from 'ajv';
import type { ConfigIssue } from '../errors.js';

/**
 * A short description of a found JSON value for an issue's `found` field (long values are cut).
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Turns ajv errors (compiled with `allErrors` and `verbose`) into {@link ConfigIssue}s with JSON-pointer
 * paths: a missing property is reported at the property's own path, an unknown property likewise.
 * @internal
 */
export function ajvIssues(errors: readonly ErrorObject[] | null | undefined, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const issue = toIssue(e, file);
    const key = `${issue.path}\u0000${issue.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(e: ErrorObject, file: string): ConfigIssue {
  const base = { file, severity: 'error' as const };
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { ...base, path: `${e.instancePath}/${escape(String(params.missingProperty))}`, expected: 'a value (required property)', found: 'missing' };
    case 'additionalProperties':
      return {
        ...base,
        path: `${e.instancePath}/${escape(String(params.additionalProperty))}`,
        expected: `no property of this name (allowed: ${Object.keys(propertiesOf(e.parentSchema)).join(', ')})`,
        found: 'an unknown property',
      };
    case 'type':
      return { ...base, path: e.instancePath, expected: article(String(params.type)), found: describeValue(e.data) };
    case 'const':
      return { ...base, path: e.instancePath, expected: JSON.stringify(params.allowedValue), found: describeValue(e.data) };
    case 'enum':
      return {
        ...base,
        path: e.instancePath,
        expected: `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        found: describeValue(e.data),
      };
    default:
      return {
        ...base,
        path: e.instancePath,
        expected: (e.message ?? e.keyword).replace(/^must (be )?/, ''),
        found: describeValue(e.data),
      };
  }
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  if (schema !== null && typeof schema === 'object' && 'properties' in schema) {
    const p = (schema as { properties?: unknown }).properties;
    if (p !== null && typeof p === 'object') return p as Record<string, unknown>;
  }
  return {};
}

function article(type: string): string {
  const words = type.split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}

/** Escapes a key for a JSON pointer (RFC 6901). @internal */
export function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
