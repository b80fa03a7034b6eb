/**
 * The standard scaling plugin end to end: the reference S scenario's parameters name BasicCPUScaling
 * with the reference's parameter names; `nss run` resolves it through the standard registry (alias of
 * basic-cpu, @nss/scaling-basic-cpu) and logs the scalings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, STACK_LINE, assertBuilt, nss, readJson, tmp, writeJson } from './helpers.js';

beforeAll(assertBuilt);

type Params = { placement: Record<string, unknown>; scaling?: { heuristic: string; parameters?: Record<string, unknown> } };

/** A copy of the S parameters with GreedyPlacement (the reference's SmartPlacement is not registered). */
function sParams(dir: string, edit: (p: Params) => void = () => {}): string {
  const params = readJson<Params>(join(REFERENCE, 'S-params.json'));
  params.placement = { heuristic: 'GreedyPlacement' };
  edit(params);
  return writeJson(dir, 'S-params.json', params);
}

describe('nss run with BasicCPUScaling', () => {
  it('runs the reference S scenario with its BasicCPUScaling parameters and logs SCALING rows', async () => {
    const dir = tmp();
    const params = sParams(dir);
    expect(readJson<Params>(params).scaling?.heuristic).toBe('BasicCPUScaling');
    const out = join(dir, 'out');
    const r = await nss(['run', '--specs', join(REFERENCE, 'S-specs.json'), '--params', params, '--out', out, '--quiet']);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(out, 'Round_0', 'vnf_instance_scaling.csv'), 'utf8').split('\n').filter((l) => l !== '');
    const events = csv.slice(1).map((l) => l.split(';')[0]);
    expect(events.some((e) => e.startsWith('SCALING_'))).toBe(true);
    expect(events.filter((e) => e === 'SCALING_UP_CPU' || e === 'SCALING_DOWN_CPU').length).toBeGreaterThan(0);
  });

  it('rejects conflicting synonyms before the run (exit 2), naming the plugin, parameters and values', async () => {
    const dir = tmp();
    const params = sParams(dir, (p) => {
      p.scaling!.parameters!.cpu_usage_max = 0.5; // README name of cpu_load_max (0.005 in the file)
    });
    const r = await nss(['run', '--specs', join(REFERENCE, 'S-specs.json'), '--params', params, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('basic-cpu');
    expect(r.stderr).toContain('"cpu_usage_max" (0.5)');
    expect(r.stderr).toContain('"cpu_load_max" (0.005)');
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});
