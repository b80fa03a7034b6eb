import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, STACK_LINE, assertBuilt, nss, readJson, tmp, writeJson } from './helpers.js';

type Json = Record<string, any>;

beforeAll(assertBuilt);

/** A copy of a reference parameters file that names greedy placement and no scaling. */
function greedyParams(dir: string, size: string): string {
  const params = readJson<Json>(join(REFERENCE, `${size}-params.json`));
  params.placement.heuristic = 'GreedyPlacement';
  delete params.scaling;
  return writeJson(dir, `${size}-greedy-params.json`, params);
}

describe('nss validate', () => {
  it('reports three different mistakes of a specs file at once, each with its JSON path, and exits 2', async () => {
    const dir = tmp();
    const specs = readJson<Json>(join(REFERENCE, 'S-specs.json'));
    specs.entities_number.nodes = 'four'; // wrong type
    specs.vnf.max_share = [0]; // out of range
    delete specs.link.bandwidth; // missing
    const specsFile = writeJson(dir, 'bad-specs.json', specs);
    const r = await nss(['validate', '--specs', specsFile, '--params', greedyParams(dir, 'S')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 problems found');
    expect(r.stderr).toContain(`${specsFile}: /entities_number/nodes: expected an integer >= 2, found "four"`);
    expect(r.stderr).toContain(`${specsFile}: /vnf/max_share/0: expected an integer >= 1, found 0`);
    expect(r.stderr).toMatch(new RegExp(`${specsFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: /link/bandwidth: expected .*found nothing`));
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  for (const size of ['S', 'M', 'L']) {
    it(`accepts the reference ${size} scenario unchanged (SmartPlacement and BasicCPUScaling are registered)`, async () => {
      const r = await nss([
        'validate',
        '--specs',
        join(REFERENCE, `${size}-specs.json`),
        '--params',
        join(REFERENCE, `${size}-params.json`),
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('placement SmartPlacement, scaling BasicCPUScaling');
      expect(r.stderr).not.toContain(STACK_LINE);
    });

    it(`rejects the reference ${size} scenario with an unregistered placement, with exit code 2`, async () => {
      const dir = tmp();
      const params = readJson<Json>(join(REFERENCE, `${size}-params.json`));
      params.placement = { heuristic: 'NoSuchPlacement' };
      const file = writeJson(dir, `${size}-params.json`, params);
      const r = await nss(['validate', '--specs', join(REFERENCE, `${size}-specs.json`), '--params', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${size}-params.json: /placement/heuristic: unknown placement "NoSuchPlacement"; available: greedy`);
      // BasicCPUScaling is registered (@nss/scaling-basic-cpu): only the placement is unknown.
      expect(r.stderr).not.toContain('/scaling/heuristic');
      expect(r.stderr).not.toContain(STACK_LINE);
    });

    it(`accepts the reference ${size} scenario with GreedyPlacement and no scaling (exit 0, counts, warnings)`, async () => {
      const dir = tmp();
      const r = await nss(['validate', '--specs', join(REFERENCE, `${size}-specs.json`), '--params', greedyParams(dir, size)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^OK: \d+ nodes, 4 VNF types, 3 SFC types, \d+ users/);
      expect(r.stdout).toContain('placement GreedyPlacement, scaling none');
      // The reference specs carry a README-only key: reported as a warning, not an error.
      expect(r.stderr).toContain('/sfc/priority: warning:');
    });
  }

  it('checks plugin parameters against the plugin schema, at their path in the parameters file', async () => {
    const dir = tmp();
    const params = readJson<Json>(join(REFERENCE, 'S-params.json'));
    params.placement = { heuristic: 'greedy', parameters: { shareSfcInstances: 'sometimes', speed: 3 } };
    delete params.scaling;
    const file = writeJson(dir, 'params.json', params);
    const r = await nss(['validate', '--specs', join(REFERENCE, 'S-specs.json'), '--params', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${file}: /placement/parameters/shareSfcInstances: placement plugin "greedy": parameter "shareSfcInstances": expected a boolean, found "sometimes"`,
    );
    expect(r.stderr).toMatch(new RegExp(`${file}: /placement/parameters/speed: placement plugin "greedy": unknown parameter "speed" .*shareSfcInstances`));
  });

  it('reports both files when neither can be read (missing file, bad JSON with line and column)', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "simulation": {,\n}\n');
    const r = await nss(['validate', '--specs', join(dir, 'missing.json'), '--params', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'missing.json')}: file not found`);
    expect(r.stderr).toMatch(new RegExp(`broken\\.json:2:\\d+: invalid JSON`));
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('requires both --specs and --params (usage error, exit 2)', async () => {
    const r = await nss(['validate', '--specs', join(REFERENCE, 'S-specs.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--params <file>' not specified");
  });
});
