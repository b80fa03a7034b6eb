/**
 * Test helpers: fresh copies of the reference scenarios S/M/L (`scenarios/reference/` at the repository
 * root, copies of the shared scenarios so the tests run anywhere). Not part of the public API.
 */
import { readFileSync } from 'node:fs';
import type { ConfigIssue } from '../errors.js';

/** Size of a shared scenario. */
export type ScenarioSize = 'S' | 'M' | 'L';

/** A fresh, mutable copy of a shared scenario file (parsed JSON). */
export function fixture(size: ScenarioSize, kind: 'specs' | 'params'): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../../../../scenarios/reference/${size}-${kind}.json`, import.meta.url), 'utf8')) as Record<string, any>;
}

/** The paths of the issues of one severity, in order. */
export function pathsOf(issues: readonly ConfigIssue[], severity: ConfigIssue['severity'] = 'error'): string[] {
  return issues.filter((i) => i.severity === severity).map((i) => i.path);
}

/** The single issue at `path` (fails loudly when there is none or several). */
export function issueAt(issues: readonly ConfigIssue[], path: string): ConfigIssue {
  const found = issues.filter((i) => i.path === path);
  if (found.length !== 1) throw new Error(`expected one issue at ${path}, got ${found.length}: ${JSON.stringify(issues, null, 1)}`);
  return found[0];
}
