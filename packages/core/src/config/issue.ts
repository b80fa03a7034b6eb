/**
 * Building, de-duplicating and ordering {@link ConfigIssue}s: JSON Pointers, the "found" text of a value,
 * and a collector used by the semantic checks.
 */
import type { ConfigIssue } from '../errors.js';

/** Longest "found" text; longer values are cut and end with an ellipsis. */
const MAX_FOUND_LENGTH = 80;

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from reference tokens: `pointer('node', 'cpu', 0)` is `/node/cpu/0`. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** The "found" text of a value: JSON, cut to a readable length; `nothing` when absent. */
export function formatFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_FOUND_LENGTH ? `${text.slice(0, MAX_FOUND_LENGTH - 1)}…` : text;
}

/** Accumulates issues for one file. */
export class IssueList {
  readonly issues: ConfigIssue[] = [];

  constructor(readonly file: string) {}

  /** Records an error at `path`; `found` is a value (formatted with {@link formatFound}) unless `foundText` is given. */
  error(path: string, expected: string, found: unknown, foundText?: string): void {
    this.add('error', path, expected, found, foundText);
  }

  /** Records a warning at `path`. */
  warning(path: string, expected: string, found: unknown, foundText?: string): void {
    this.add('warning', path, expected, found, foundText);
  }

  private add(severity: ConfigIssue['severity'], path: string, expected: string, found: unknown, foundText?: string): void {
    this.issues.push({ file: this.file, path, expected, found: foundText ?? formatFound(found), severity });
  }
}

/** Removes exact duplicates (same file, path, severity, expected and found), keeping the first. */
export function dedupeIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  const out: ConfigIssue[] = [];
  for (const issue of issues) {
    const key = [issue.file, issue.path, issue.severity, issue.expected, issue.found].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

function comparePaths(a: string, b: string): number {
  const ta = a.split('/');
  const tb = b.split('/');
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    const na = /^\d+$/.test(ta[i]) ? Number(ta[i]) : NaN;
    const nb = /^\d+$/.test(tb[i]) ? Number(tb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return ta[i] < tb[i] ? -1 : 1;
  }
  return ta.length - tb.length;
}

/**
 * Orders issues by file (in the order of `files`, others after), then by JSON path (array indices
 * numerically). The sort is stable, so issues at the same path keep their discovery order.
 */
export function sortIssues(issues: readonly ConfigIssue[], files: readonly string[] = []): ConfigIssue[] {
  const rank = (file: string): number => {
    const i = files.indexOf(file);
    return i === -1 ? files.length : i;
  };
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || comparePaths(a.path, b.path));
}

/** True when at least one issue is an error. */
export function hasErrors(issues: readonly ConfigIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
