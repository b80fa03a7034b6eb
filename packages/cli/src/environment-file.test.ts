import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, InputFileError, NssError } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { loadEnvironmentFile } from './environment-file.js';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nss-env-')), 'env.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('loadEnvironmentFile', () => {
  it('rejects JSON that is neither format with a message naming both formats', () => {
    for (const value of [[1, 2], '"text"', { hello: 1 }]) {
      const path = file(value);
      expect(() => loadEnvironmentFile(path)).toThrow(InputFileError);
      expect(() => loadEnvironmentFile(path)).toThrow(/not an environment file.*nss generate --save.*reference simulator's saved entities/);
    }
  });

  it('names an unknown format', () => {
    expect(() => loadEnvironmentFile(file({ format: 'gml' }))).toThrow('unknown environment format "gml"');
  });

  it('routes by the format field: ours to loadEnvironment, none to importReferenceEntities', () => {
    expect(() => loadEnvironmentFile(file({ format: 'nss-environment', version: 1 }))).toThrow(ConfigError);
    expect(() => loadEnvironmentFile(file({ nodes: [], links: [] }))).toThrow(NssError);
    expect(() => loadEnvironmentFile(file({ nodes: [], links: [] }))).toThrow(/missing keys 'vnfs'/);
  });

  it('reports a file that is not JSON with its line and column', () => {
    expect(() => loadEnvironmentFile(file('{\n  "format": }'))).toThrow(/env\.json:2:\d+: invalid JSON/);
  });
});
