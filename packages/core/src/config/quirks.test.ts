import { describe, expect, it } from 'vitest';
import { CORRECTED, QUIRK_NAMES, REFERENCE, resolveQuirks } from './quirks.js';
import { validateParameters } from './validate.js';

const params = (quirks: unknown) => ({
  simulation: { total_time: 1000, num_rounds: 1, random_seed: 1, time_window: 100, compute_loopback_time: 1, share_sfc_instance: 0, quirks },
  placement: { heuristic: 'greedy' },
});

describe('quirk flags', () => {
  it('default to the corrected behaviour and the reference profile turns every one on', () => {
    expect(QUIRK_NAMES.every((n) => CORRECTED[n] === false && REFERENCE[n] === true)).toBe(true);
    expect(resolveQuirks(undefined).quirks).toEqual(CORRECTED);
    expect(resolveQuirks({ profile: 'reference' }).quirks).toEqual(REFERENCE);
  });

  it('lets individual flags override the profile, with loose flag values', () => {
    const { quirks } = resolveQuirks({ profile: 'reference', noCpuSharing: 0, identicalRounds: '1' });
    expect(quirks.noCpuSharing).toBe(false);
    expect(quirks.identicalRounds).toBe(true);
    expect(quirks.truncateVnfTimes).toBe(true);
    expect(resolveQuirks({ truncateVnfTimes: true }).quirks.truncateVnfTimes).toBe(true);
  });

  it('rejects a misspelt flag as an error at its own path, suggesting the right name', () => {
    const r = validateParameters(params({ noCpuShring: 1 }), 'p.json');
    expect(r.ok).toBe(false);
    const issue = r.issues.find((i) => i.path === '/simulation/quirks/noCpuShring');
    expect(issue?.severity).toBe('error');
    expect(issue?.expected).toContain('did you mean "noCpuSharing"');
  });

  it('accepts every known flag and both profiles', () => {
    const all = Object.fromEntries(QUIRK_NAMES.map((n) => [n, 1]));
    expect(validateParameters(params({ profile: 'corrected', ...all })).ok).toBe(true);
    expect(validateParameters(params({ profile: 'reference' })).ok).toBe(true);
    expect(validateParameters(params({ profile: 'weird' })).ok).toBe(false);
  });
});
