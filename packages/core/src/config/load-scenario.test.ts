import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, InputFileError } from '../errors.js';
import { loadScenarioFiles } from './load-scenario.js';
import { fixture } from './test-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'nss-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

describe('loadScenarioFiles', () => {
  it('loads a valid scenario with defaults and returns its warnings', () => {
    const specsPath = write('S-specs.json', fixture('S', 'specs'));
    const { specs, params, warnings } = loadScenarioFiles(specsPath, write('S-params.json', fixture('S', 'params')));
    expect(specs.vnf.resource_intensive).toEqual(['CPU']);
    expect(params.placement.max_replacement_retries).toBe(4);
    expect(warnings).toMatchObject([{ file: specsPath, path: '/sfc/priority', severity: 'warning' }]);
  });

  it('throws one ConfigError naming both files', () => {
    const specs = fixture('S', 'specs');
    specs.node.location[0].node_prob = 0.1;
    const params = fixture('S', 'params');
    params.simulation.total_time = -1;
    const specsPath = write('bad-specs.json', specs);
    const paramsPath = write('bad-params.json', params);
    let caught: unknown;
    try {
      loadScenarioFiles(specsPath, paramsPath);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const errors = (caught as ConfigError).issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.file, i.path])).toEqual([
      [specsPath, '/node/location'],
      [paramsPath, '/simulation/total_time'],
    ]);
    expect((caught as ConfigError).message).toContain(`${paramsPath}: /simulation/total_time: expected a number > 0, found -1`);
  });

  it('throws InputFileError for unreadable or malformed files', () => {
    const good = write('good.json', fixture('S', 'params'));
    expect(() => loadScenarioFiles(join(dir, 'missing.json'), good)).toThrow(InputFileError);
    expect(() => loadScenarioFiles(write('broken.json', '{"a": }'), good)).toThrow(/broken\.json:1:7: invalid JSON/);
  });

  it('takes overrides into account', () => {
    const params = fixture('S', 'params');
    delete params.simulation.random_seed;
    const specsPath = write('o-specs.json', fixture('S', 'specs'));
    const paramsPath = write('o-params.json', params);
    expect(() => loadScenarioFiles(specsPath, paramsPath)).toThrow(ConfigError);
    expect(loadScenarioFiles(specsPath, paramsPath, { seed: 3 }).params.simulation.random_seed).toBeUndefined();
  });
});
