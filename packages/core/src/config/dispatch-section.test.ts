/** The `dispatch` section of the parameters file: shaped like `scaling`, validated, resolved into the settings. */
import { describe, expect, it } from 'vitest';
import { resolveSettings } from './settings.js';
import { fixture, issueAt } from './test-fixtures.js';
import { assertValidScenario, validateParameters } from './validate.js';

function paramsWith(change: (params: Record<string, any>) => void): Record<string, any> {
  const params = fixture('S', 'params');
  change(params);
  return params;
}

describe('the dispatch section', () => {
  it('is optional: without it the settings say null (round robin)', () => {
    const valid = assertValidScenario(fixture('S', 'specs'), fixture('S', 'params'));
    expect(resolveSettings(valid.specs, valid.params).dispatch).toBeNull();
  });

  it('names a policy and its parameters, passed through unchanged', () => {
    const params = paramsWith((p) => (p.dispatch = { heuristic: 'least-loaded', parameters: { tie: 'first', weight: 2 } }));
    expect(validateParameters(params).ok).toBe(true);
    const valid = assertValidScenario(fixture('S', 'specs'), params);
    expect(resolveSettings(valid.specs, valid.params).dispatch).toEqual({
      heuristic: 'least-loaded',
      parameters: { tie: 'first', weight: 2 },
    });
  });

  it('rejects a section without a policy name, an empty name and unknown keys, at their paths', () => {
    expect(issueAt(validateParameters(paramsWith((p) => (p.dispatch = {}))).issues, '/dispatch/heuristic')).toBeDefined();
    expect(
      issueAt(validateParameters(paramsWith((p) => (p.dispatch = { heuristic: '' }))).issues, '/dispatch/heuristic'),
    ).toBeDefined();
    const unknown = validateParameters(paramsWith((p) => (p.dispatch = { heuristic: 'random', policy: 'x' }))).issues;
    expect(unknown.some((i) => i.path.startsWith('/dispatch'))).toBe(true);
    expect(validateParameters(paramsWith((p) => (p.dispatch = 'random'))).ok).toBe(false);
  });
});
