/**
 * The `dispatch` section end to end: `nss run` resolves the named policy through the registry (here a
 * module path to a test-local plugin) and hands it to the simulation; `nss validate` reports an unknown
 * policy and parameters the policy rejects at their JSON paths.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, ROOT, STACK_LINE, assertBuilt, nss, readJson, tmp, writeJson } from './helpers.js';

beforeAll(assertBuilt);

type Params = Record<string, unknown> & { placement: Record<string, unknown> };

/** A test-local dispatch plugin (a plain plugin object) that writes a line to `marker` each time it is created. */
function writePolicy(dir: string, marker: string): string {
  const path = join(dir, 'marking-dispatch.mjs');
  writeFileSync(
    path,
    `import { appendFileSync } from 'node:fs';
export default {
  kind: 'dispatch',
  name: 'marking',
  description: 'Test dispatch: the first candidate; marks each creation.',
  parameters: { type: 'object', properties: { label: { type: 'string', default: 'x' } }, additionalProperties: false },
  create(params) {
    appendFileSync(${JSON.stringify(marker)}, params.label + '\\n');
    return { name: 'marking', select: () => 0, served: () => {} };
  },
};
`,
  );
  return path;
}

function sParams(dir: string, edit: (p: Params) => void): string {
  const params = readJson<Params>(join(REFERENCE, 'S-params.json'));
  params.placement = { heuristic: 'GreedyPlacement' };
  edit(params);
  return writeJson(dir, 'S-params.json', params);
}

describe('the dispatch section', () => {
  it('nss run creates the configured policy once per round, with its parameters', async () => {
    const dir = tmp();
    const marker = join(dir, 'created.txt');
    const policy = writePolicy(dir, marker);
    const params = sParams(dir, (p) => {
      (p.simulation as Record<string, unknown>).num_rounds = 2;
      p.dispatch = { heuristic: policy, parameters: { label: 'chosen' } };
    });
    const r = await nss(['run', '--specs', join(REFERENCE, 'S-specs.json'), '--params', params, '--out', join(dir, 'out'), '--quiet']);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('chosen\nchosen\n');
  });

  it('nss validate names an unknown policy and rejected parameters at their paths (exit 2)', async () => {
    const dir = tmp();
    const marker = join(dir, 'created.txt');
    const policy = writePolicy(dir, marker);
    const unknown = sParams(dir, (p) => (p.dispatch = { heuristic: 'no-such-policy' }));
    const r1 = await nss(['validate', '--specs', join(REFERENCE, 'S-specs.json'), '--params', unknown]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('/dispatch/heuristic');
    expect(r1.stderr).toContain('no-such-policy');
    const bad = sParams(dir, (p) => (p.dispatch = { heuristic: policy, parameters: { colour: 'red' } }));
    const r2 = await nss(['validate', '--specs', join(REFERENCE, 'S-specs.json'), '--params', bad]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('/dispatch/parameters');
    expect(r2.stderr).toContain('colour');
    expect(r2.stderr).not.toContain(STACK_LINE);
    expect(existsSync(marker)).toBe(false); // validation never creates the policy
  });
});

describe('the standard dispatch policies by name', () => {
  const OVERLOAD = join(ROOT, 'scenarios', 'overload');
  const POLICIES = ['round-robin', 'least-loaded', 'random', 'least-impedance', 'proportional-fairness', 'deficit-round-robin'];

  it.each(POLICIES)('the overload scenario with elastic scale-out runs with "dispatch": %s', async (policy) => {
    const dir = tmp();
    const params = readJson<Record<string, any>>(join(OVERLOAD, 'overload-elastic.json'));
    params.simulation.num_rounds = 1;
    params.dispatch = { heuristic: policy };
    const file = writeJson(dir, 'params.json', params);
    const specs = join(OVERLOAD, 'overload-specs.json');
    const check = await nss(['validate', '--specs', specs, '--params', file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`dispatch ${policy}`);
    const out = join(dir, 'out');
    const r = await nss(['run', '--specs', specs, '--params', file, '--out', out, '--quiet']);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const round = readJson<{ packets: Record<string, number>; scaling: { up: number } }>(join(out, 'Round_0', 'summary.json'));
    // Conservation whatever the policy: every created packet delivered, dropped, orphaned or in flight.
    const p = round.packets;
    expect(p.delivered + p.dropped + p.orphaned + p.inFlight).toBe(p.created);
    // Scale-out happened, so the policy had several instances to choose from.
    const rows = readFileSync(join(out, 'Round_0', 'vnf_instance_scaling.csv'), 'utf8');
    expect(rows).toContain('SCALING_ADD_INSTANCE;');
  });
});
