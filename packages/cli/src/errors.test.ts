import { ConfigError, InputFileError, NssError, PluginError } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { ExitCode, formatCliIssue, reportError } from './errors.js';
import type { Output } from './output.js';

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(`out:${l}`), err: (l) => lines.push(`err:${l}`), errStream: { write: () => true } };
}

const issue = (path: string, severity: 'error' | 'warning' = 'error') => ({
  file: 'p.json',
  path,
  expected: 'a number',
  found: '"x"',
  severity,
});

describe('reportError', () => {
  it('prints a ConfigError as a count and one line per problem, then its warnings, without a stack (exit 2)', () => {
    const out = capture();
    const code = reportError(out, new ConfigError([issue('/a'), issue('/b'), issue('/c', 'warning')]));
    expect(code).toBe(ExitCode.INVALID_INPUT);
    expect(out.lines).toEqual([
      'err:nss: invalid configuration: 2 problems found\n  - p.json: /a: expected a number, found "x"\n  - p.json: /b: expected a number, found "x"',
      'err:nss: p.json: /c: warning: expected a number, found "x"',
    ]);
  });

  it('prints other user errors as nss: <message> with their exit code', () => {
    const out = capture();
    expect(reportError(out, new InputFileError('f.csv', 'bad row', { line: 3, column: 2 }))).toBe(2);
    expect(reportError(out, new PluginError('unknown placement "X"; available: greedy'))).toBe(2);
    expect(reportError(out, new NssError('NSS_OUTPUT', 'cannot write', { exitCode: 1 }))).toBe(1);
    expect(out.lines).toEqual(['err:nss: f.csv:3:2: bad row', 'err:nss: unknown placement "X"; available: greedy', 'err:nss: cannot write']);
  });

  it('adds the stack of user errors with --debug', () => {
    const out = capture();
    reportError(out, new PluginError('nope'), true);
    expect(out.lines[1]).toContain('    at ');
  });

  it('prints the stack of an unexpected error and exits 1', () => {
    const out = capture();
    expect(reportError(out, new TypeError('boom'))).toBe(ExitCode.FAILURE);
    expect(out.lines[0]).toContain('nss: unexpected error');
    expect(out.lines[0]).toContain('TypeError: boom');
    expect(out.lines[0]).toContain('    at ');
  });
});

describe('formatCliIssue', () => {
  it('uses the message of an issue when it has one', () => {
    expect(formatCliIssue({ ...issue('/placement/heuristic'), message: 'unknown placement "X"' })).toBe(
      'p.json: /placement/heuristic: unknown placement "X"',
    );
    expect(formatCliIssue({ ...issue(''), message: 'broken' })).toBe('p.json: broken');
  });
});
