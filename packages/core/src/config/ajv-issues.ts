/**
 * Converts ajv errors (compiled with `allErrors` and `verbose`) into {@link ConfigIssue}s: a JSON Pointer
 * to the offending value, what was expected in words and what was found. `additionalProperties` (an
 * unknown key) becomes a warning; the branches of an `anyOf` collapse into one issue; `if` is dropped
 * (its `then` errors say what is wrong).
 */
import type { ErrorObject } from 'ajv';
import type { ConfigIssue } from '../errors.js';
import { describeSchema } from './describe-schema.js';
import { escapePointerToken, formatFound } from './issue.js';
import type { JsonSchema } from './json-schema.js';

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known key closest to `key` when it is a plausible typo (edit distance ≤ 2, or case-only). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(key.length / 2)) ? best : undefined;
}

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null ? (value as JsonSchema) : undefined;
}

function unknownKeyIssue(error: ErrorObject, file: string): ConfigIssue {
  const key = String((error.params as { additionalProperty: string }).additionalProperty);
  // Keys declared only to be reported as ignored (title "… (ignored)") are not offered as known keys.
  const properties = asSchema(error.parentSchema)?.properties ?? {};
  const known = Object.keys(properties).filter((k) => k !== '$schema' && properties[k].title?.endsWith(' (ignored)') !== true);
  const typo = closestKey(key, known);
  const hint = typo === undefined ? '' : ` (did you mean "${typo}"?)`;
  return {
    file,
    path: `${error.instancePath}/${escapePointerToken(key)}`,
    expected: `one of the known keys ${known.join(', ')}${hint}; an unknown key is ignored`,
    found: `unknown key ${JSON.stringify(key)}`,
    severity: 'warning',
  };
}

/** A key refused by `propertyNames` (a closed set of names, e.g. the quirk flags): an error. */
function unknownNameIssue(error: ErrorObject, key: string, file: string): ConfigIssue {
  const allowed = (asSchema(error.parentSchema)?.enum ?? []).map(String);
  const typo = closestKey(key, allowed);
  const hint = typo === undefined ? '' : ` (did you mean "${typo}"?)`;
  return {
    file,
    path: `${error.instancePath}/${escapePointerToken(key)}`,
    expected: `one of ${allowed.join(', ')}${hint}`,
    found: `unknown name ${JSON.stringify(key)}`,
    severity: 'error',
  };
}

function missingKeyIssue(error: ErrorObject, file: string): ConfigIssue {
  const key = String((error.params as { missingProperty: string }).missingProperty);
  const propertySchema = asSchema(error.parentSchema)?.properties?.[key];
  return {
    file,
    path: `${error.instancePath}/${escapePointerToken(key)}`,
    expected: `required key "${key}": ${describeSchema(propertySchema)}`,
    found: 'nothing',
    severity: 'error',
  };
}

/** Converts ajv errors to issues in `file` (not de-duplicated; see `dedupeIssues`). */
export function ajvErrorsToIssues(errors: readonly ErrorObject[] | null | undefined, file: string): ConfigIssue[] {
  if (!errors) return [];
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const insideCombinator = (e: ErrorObject): boolean =>
    combinators.some((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const issues: ConfigIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames' || insideCombinator(error)) continue;
    if (error.propertyName !== undefined) {
      issues.push(unknownNameIssue(error, error.propertyName, file));
    } else if (error.keyword === 'additionalProperties') {
      issues.push(unknownKeyIssue(error, file));
    } else if (error.keyword === 'required') {
      issues.push(missingKeyIssue(error, file));
    } else {
      issues.push({
        file,
        path: error.instancePath,
        expected: describeSchema(asSchema(error.parentSchema)),
        found: formatFound(error.data),
        severity: 'error',
      });
    }
  }
  return issues;
}
