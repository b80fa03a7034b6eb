import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { ConfigError, InputFileError, NssError } from '../errors.js';
import { ENVIRONMENT_SCHEMA } from './environment-schema.js';
import { generateEnvironment } from './generate.js';
import { loadEnvironment, saveEnvironment } from './save-load.js';
import { scenarioSpecs, smallSpecs, TIMING } from '../testing/index.js';

type Mutable = { [key: string]: Mutable } & Mutable[];

function issuesOf(fn: () => unknown): ConfigError['issues'] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('saveEnvironment / loadEnvironment', () => {
  const env = generateEnvironment(scenarioSpecs('M'), 7, TIMING);
  const text = saveEnvironment(env);

  it('writes 2-space JSON with a trailing newline and a fixed key order', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "nss-environment",\n  "version": 1,\n  "seed": 7,\n  "nodes": [\n')).toBe(true);
    const parsed = JSON.parse(text) as { nodes: object[]; links: object[] };
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'seed', 'nodes', 'links', 'vnfs', 'sfcs', 'slices', 'users', 'dataSources', 'sfcRequests']);
    expect(Object.keys(parsed.nodes[0])).toEqual(['index', 'name', 'group', 'type', 'cpu', 'mem', 'energyMax', 'energyIdle', 'diskDelay', 'location', 'vnfs']);
  });

  it('the key order does not depend on how the objects were built', () => {
    const shuffled = { ...env, nodes: env.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse()) as typeof n) };
    expect(saveEnvironment(shuffled)).toBe(text);
  });

  it('save → load → save is byte-identical and load returns the same data', () => {
    const loaded = loadEnvironment(text, 'env.json');
    expect(saveEnvironment(loaded)).toBe(text);
    expect(loaded).toEqual(JSON.parse(text));
    expect(loadEnvironment(JSON.parse(text))).toEqual(loaded);
  });

  it('round-trips an environment with explicit slices and a string seed', () => {
    const e = generateEnvironment(smallSpecs((s) => (s.slices = [{ name: 'urllc', sfcs: ['s_1', 's_3'] }])), 'seed-x');
    const t = saveEnvironment(e);
    expect(saveEnvironment(loadEnvironment(t))).toBe(t);
  });

  it('the generated output validates against the published schema', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(ENVIRONMENT_SCHEMA);
    expect(validate(JSON.parse(text))).toBe(true);
  });

  it('reports several structural problems at once, each with its JSON path', () => {
    const broken = JSON.parse(text) as Mutable;
    delete broken.nodes[0].cpu;
    broken.links[3].bandwidth = 'fast' as unknown as Mutable;
    broken.sfcs[1].prioritiesOrder[0] = 'speed' as unknown as Mutable;
    broken.users[0].extra = 1 as unknown as Mutable;
    broken.version = 2 as unknown as Mutable;
    const issues = issuesOf(() => loadEnvironment(broken, 'env.json'));
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/version', '/nodes/0/cpu', '/links/3/bandwidth', '/sfcs/1/prioritiesOrder/0', '/users/0/extra']),
    );
    expect(issues.every((i) => i.file === 'env.json' && i.severity === 'error')).toBe(true);
    expect(issues.find((i) => i.path === '/nodes/0/cpu')?.found).toBe('missing');
    expect(issues.find((i) => i.path === '/links/3/bandwidth')).toMatchObject({ expected: 'a number', found: '"fast"' });
  });

  it('reports every broken cross-reference with its path', () => {
    const broken = JSON.parse(text) as Mutable;
    broken.links[7].target = 'n_99' as unknown as Mutable;
    broken.sfcRequests[2].user = 'u_nobody' as unknown as Mutable;
    broken.sfcRequests[4].dataSource = 'src_9' as unknown as Mutable;
    broken.nodes[2].index = 5 as unknown as Mutable;
    broken.vnfs[1].name = 'v_0' as unknown as Mutable;
    const issues = issuesOf(() => loadEnvironment(broken));
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/links/7/target', '/sfcRequests/2/user', '/sfcRequests/4/dataSource', '/nodes/2/index', '/vnfs/1/name']),
    );
    // v_1 no longer exists: every node, SFC chain and user reference to it is reported too.
    expect(paths.some((p) => /^\/(nodes|sfcs)\/\d+\/vnfs\/\d+$/.test(p))).toBe(true);
    expect(issues.find((i) => i.path === '/links/7/target')?.found).toBe('"n_99"');
  });

  it('rejects a loopback flag that disagrees with the endpoints', () => {
    const broken = JSON.parse(text) as Mutable;
    broken.links[0].loopback = false as unknown as Mutable;
    expect(issuesOf(() => loadEnvironment(broken)).map((i) => i.path)).toEqual(['/links/0/loopback']);
  });

  it('unparsable JSON is an InputFileError with the line', () => {
    expect(() => loadEnvironment('{\n  "format": \n}', 'bad.json')).toThrow(InputFileError);
    try {
      loadEnvironment('{\n  "format": \n}', 'bad.json');
    } catch (e) {
      expect((e as InputFileError).file).toBe('bad.json');
      expect((e as InputFileError).line).toBe(3);
    }
  });

  it('points the user to the importer for a reference file, and rejects arbitrary JSON', () => {
    const reference = { users: [], sfcs: [], vnfs: [], nodes: [], links: [], data_sources: [], sfc_requests: [] };
    expect(() => loadEnvironment(reference)).toThrow(NssError);
    expect(() => loadEnvironment(reference)).toThrow(/importReferenceEntities/);
    const issues = issuesOf(() => loadEnvironment({ hello: 1 }));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/format', '/nodes', '/hello']));
  });
});
