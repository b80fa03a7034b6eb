import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, DEFAULT_SPECS, REFERENCE, STACK_LINE, assertBuilt, nss, readJson, tmp, writeJson } from './helpers.js';

beforeAll(assertBuilt);

const S_SPECS = join(REFERENCE, 'S-specs.json');

describe('nss generate', () => {
  it('saves byte-identical files for the same seed and a different file for another seed', async () => {
    const dir = tmp();
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((f) => join(dir, f));
    const first = await nss(['generate', '--specs', DEFAULT_SPECS, '--params', DEFAULT_PARAMS, '--seed', '3', '--save', a]);
    const second = await nss(['generate', '--specs', DEFAULT_SPECS, '--params', DEFAULT_PARAMS, '--seed', '3', '--save', b]);
    const other = await nss(['generate', '--specs', DEFAULT_SPECS, '--params', DEFAULT_PARAMS, '--seed', '4', '--save', c]);
    expect([first.code, second.code, other.code]).toEqual([0, 0, 0]);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    expect(readFileSync(c).equals(readFileSync(a))).toBe(false);
    expect(readJson<{ format: string; seed: number }>(a)).toMatchObject({ format: 'nss-environment', seed: 3 });
    // The table describes what was generated: the node count and the node table.
    expect(first.stdout).toContain('Environment (seed 3): 8 nodes');
    expect(first.stdout).toMatch(/^Nodes$/m);
    expect(first.stdout).toMatch(/^SFC requests per SFC type$/m);
    expect(first.stdout).toContain(`Saved the environment to ${a}`);
  });

  it('without --params, needs max_arrival_time in the specs (the core explains it, exit 2)', async () => {
    const r = await nss(['generate', '--specs', S_SPECS, '--seed', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nss: cannot compute the SFC-request arrival times: set sfc_requests.max_arrival_time');
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('generates from the specs alone when they bound the arrivals, and needs a seed', async () => {
    const dir = tmp();
    const specs = readJson<{ sfc_requests: Record<string, unknown> }>(S_SPECS);
    specs.sfc_requests.max_arrival_time = 2000;
    const file = writeJson(dir, 'specs.json', specs);
    const ok = await nss(['generate', '--specs', file, '--seed', '5']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Environment (seed 5): 4 nodes');
    const noSeed = await nss(['generate', '--specs', file]);
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain('nss: a seed is needed to generate: give --seed N, or --params');
  });

  it('attaches every user to one RAN node with --users-on-one-ran-node', async () => {
    const r = await nss(['generate', '--specs', DEFAULT_SPECS, '--params', DEFAULT_PARAMS, '--users-on-one-ran-node']);
    expect(r.code).toBe(0);
    const table = r.stdout.split('Users per node')[1].split('SFC requests per SFC type')[0];
    const rows = table.split('\n').filter((line) => /│ n_\d+/.test(line));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/│\s+30 │/);
  });

  it('rejects --import-reference of a file that is not the reference\'s saved entities', async () => {
    const dir = tmp();
    const ours = join(dir, 'env.json');
    expect((await nss(['generate', '--specs', DEFAULT_SPECS, '--params', DEFAULT_PARAMS, '--save', ours])).code).toBe(0);
    const r = await nss(['generate', '--import-reference', ours]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this is an nss-environment file');
  });
});
