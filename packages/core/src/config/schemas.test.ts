import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATION_DEFAULTS, SIMULATION_DEFAULTS } from './default-values.js';
import type { JsonSchema } from './json-schema.js';
import { parametersSchema } from './parameters-schema.js';
import { specsSchema } from './specs-schema.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

function shipped(name: string): unknown {
  return JSON.parse(readFileSync(`${packageDir}schemas/${name}`, 'utf8'));
}

/** Every [JSON path, schema] under `properties`, recursively (items included). */
function properties(schema: JsonSchema, path = ''): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    out.push([`${path}/${key}`, child], ...properties(child, `${path}/${key}`));
    if (child.items !== undefined) out.push(...properties(child.items, `${path}/${key}/*`));
  }
  return out;
}

describe('shipped JSON Schemas', () => {
  it('schemas/*.json equal the schemas the validator compiles', () => {
    expect(shipped('specs.schema.json')).toEqual(specsSchema);
    expect(shipped('parameters.schema.json')).toEqual(parametersSchema);
  });

  it('scripts/write-schemas.mjs --check agrees', () => {
    const run = spawnSync(process.execPath, ['scripts/write-schemas.mjs', '--check'], { cwd: packageDir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('give every field a title and a description for editors', () => {
    for (const schema of [specsSchema, parametersSchema]) {
      const missing = properties(schema).filter(([, s]) => !s.title || !s.description).map(([p]) => p);
      expect(missing).toEqual([]);
    }
  });

  it('annotate defaults from the same constants the validator applies', () => {
    const simulation = parametersSchema.properties!.simulation.properties!;
    for (const [key, value] of Object.entries(SIMULATION_DEFAULTS)) expect(simulation[key].default, key).toEqual(value);
    const migration = parametersSchema.properties!.migration.properties!;
    expect(migration.migration_threshold_percentage.default).toBe(MIGRATION_DEFAULTS.migration_threshold_percentage);
    expect(specsSchema.properties!.link.properties!.max_packet_queue.default).toEqual([-1]);
  });
});
