import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parametersSchema } from './parameters-schema.js';
import { parametersSchemaIssues, specsSchemaIssues } from './schema-validators.js';
import { specsSchema } from './specs-schema.js';
import { ajvErrorsToIssues } from './ajv-issues.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

describe('precompiled schema validators', () => {
  it('schema-validators.generated.ts is up to date (scripts/write-validators.mjs --check)', () => {
    const run = spawnSync(process.execPath, ['scripts/write-validators.mjs', '--check'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('report the same issues as validators compiled at run time', () => {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    const specs = ajv.compile(specsSchema);
    const params = ajv.compile(parametersSchema);
    const documents: unknown[] = [
      {},
      null,
      [],
      'x',
      { entities_number: { nodes: 1, vnfs: -1 }, vnf: { cpu: 'a' }, extra: true },
      { simulation: { total_time: 'x', num_rounds: 0, quirks: { nope: true } }, placement: {} },
      { simulation: { total_time: 10, num_rounds: 1, time_window: 5 }, placement: { heuristic: '' }, scaling: 3 },
    ];
    for (const doc of documents) {
      const expectedSpecs = specs(doc) ? [] : ajvErrorsToIssues(specs.errors, 'f.json');
      const expectedParams = params(doc) ? [] : ajvErrorsToIssues(params.errors, 'f.json');
      expect(specsSchemaIssues(doc, 'f.json')).toEqual(expectedSpecs);
      expect(parametersSchemaIssues(doc, 'f.json')).toEqual(expectedParams);
    }
  });
});
