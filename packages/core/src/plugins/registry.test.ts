import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginError } from '../errors.js';
import { defineDispatch, definePlacement, defineScaling } from './define-plugin.js';
import { PluginRegistry } from './registry.js';

const placement = (name: string, aliases: string[] = []) =>
  definePlacement({ name, aliases, description: `${name} placement`, create: () => ({ name, place: () => ({ decisions: [] }) }) });
const greedy = placement('greedy', ['GreedyPlacement']);
const random = placement('random');
const basic = defineScaling({
  name: 'basic-cpu',
  aliases: ['BasicCPUScaling'],
  description: 'basic',
  parameters: { type: 'object', properties: { threshold: { type: 'number' } } },
  create: () => ({ name: 'basic-cpu', monitorInterval: 10, monitor: () => [] }),
});

async function rejection(promise: Promise<unknown>): Promise<PluginError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(PluginError);
    return e as PluginError;
  }
  throw new Error('expected a rejection');
}

describe('PluginRegistry: names and aliases', () => {
  const registry = new PluginRegistry([greedy, random, basic]);

  it('gets a plugin by name or alias, case-sensitively and per kind', () => {
    expect(registry.get('placement', 'greedy')).toBe(greedy);
    expect(registry.get('placement', 'GreedyPlacement')).toBe(greedy);
    expect(registry.get('placement', 'greedyplacement')).toBeUndefined();
    expect(registry.get('scaling', 'greedy')).toBeUndefined();
    expect(registry.has('scaling', 'BasicCPUScaling')).toBe(true);
    expect(registry.has('dispatch', 'basic-cpu')).toBe(false);
  });

  it('lists plugins with their aliases, descriptions and parameter schemas', () => {
    expect(registry.list('placement').map((p) => [p.name, p.aliases])).toEqual([
      ['greedy', ['GreedyPlacement']],
      ['random', []],
    ]);
    expect(registry.list().map((p) => `${p.kind}:${p.name}`)).toEqual(['placement:greedy', 'placement:random', 'scaling:basic-cpu']);
    expect(registry.list('scaling')[0]?.parameters).toEqual(basic.parameters);
  });

  it('refuses a name or alias that is already taken within a kind', () => {
    const r = new PluginRegistry([greedy]);
    expect(() => r.register(placement('greedy'))).toThrow('cannot register placement plugin "greedy": "greedy" is already the name of placement plugin "greedy"');
    expect(() => r.register(placement('other', ['GreedyPlacement']))).toThrow('"GreedyPlacement" is already an alias of placement plugin "greedy"');
    expect(() => r.register(placement('GreedyPlacement'))).toThrow(PluginError);
    expect(r.list()).toHaveLength(1);
  });

  it('accepts the same plugin object twice and the same name in another kind', () => {
    const r = new PluginRegistry([greedy]);
    r.register(greedy);
    r.register(defineDispatch({ name: 'greedy', description: 'x', create: () => ({ name: 'greedy', select: () => 0 }) }));
    expect(r.list()).toHaveLength(2);
  });

  it('resolves registered names and aliases', async () => {
    expect(await registry.resolve('placement', 'GreedyPlacement')).toBe(greedy);
  });

  it('names what is available when a name is unknown', async () => {
    const e = await rejection(registry.resolve('placement', 'SmartPlacement'));
    expect(e.message).toBe('unknown placement "SmartPlacement"; available: greedy (GreedyPlacement), random');
    expect(e.exitCode).toBe(2);
    const f = await rejection(registry.resolve('placement', 'no-such-package-nss-xyz'));
    expect(f.message).toBe('unknown placement "no-such-package-nss-xyz"; available: greedy (GreedyPlacement), random');
    const g = await rejection(registry.resolve('dispatch', 'fs'));
    expect(g.message).toBe('unknown dispatch "fs"; available: none');
  });
});

describe('PluginRegistry: loading modules', () => {
  let dir: string;
  const plugin = (kind: string, name: string) =>
    `{ kind: '${kind}', name: '${name}', description: '${name} from a file', create: () => ({ name: '${name}' }) }`;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'nss-plugins-'));
    writeFileSync(path.join(dir, 'first-fit.mjs'), `export default ${plugin('placement', 'first-fit')};\n`);
    writeFileSync(
      path.join(dir, 'several.mjs'),
      `export const a = ${plugin('placement', 'a')};\nexport const b = ${plugin('placement', 'b')};\nexport const s = ${plugin('scaling', 's')};\nexport const helper = () => 1;\n`,
    );
    writeFileSync(path.join(dir, 'broken.mjs'), `throw new Error('kaboom');\n`);
    writeFileSync(path.join(dir, 'nothing.mjs'), `export const version = 3;\nexport default { hello: 'world' };\n`);
    const pkg = path.join(dir, 'node_modules', 'nss-placement-tmp');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'nss-placement-tmp', type: 'module', exports: { '.': { import: './main.mjs' } } }));
    writeFileSync(path.join(pkg, 'main.mjs'), `export default ${plugin('placement', 'tmp')};\n`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const registry = new PluginRegistry([greedy]);

  it('loads a default-exported plugin from a relative path, an absolute path and a file URL', async () => {
    const p = await registry.resolve('placement', './first-fit.mjs', { cwd: dir });
    expect([p.name, p.kind, p.aliases]).toEqual(['first-fit', 'placement', []]);
    expect((await registry.resolve('placement', path.join(dir, 'first-fit.mjs'))).name).toBe('first-fit');
    expect((await registry.resolve('placement', pathToFileURL(path.join(dir, 'first-fit.mjs')).href)).name).toBe('first-fit');
    expect(registry.has('placement', 'first-fit')).toBe(false); // resolving does not register
  });

  it('picks the plugin of the requested kind, or the one named after #', async () => {
    expect((await registry.resolve('scaling', './several.mjs', { cwd: dir })).name).toBe('s');
    expect((await registry.resolve('placement', './several.mjs#b', { cwd: dir })).name).toBe('b');
    const e = await rejection(registry.resolve('placement', './several.mjs', { cwd: dir }));
    expect(e.message).toBe('module "./several.mjs" exports several placement plugins (a, b); choose one with "./several.mjs#a"');
  });

  it('says what a module exports when it has no plugin of the kind', async () => {
    const e = await rejection(registry.resolve('dispatch', './several.mjs', { cwd: dir }));
    expect(e.message).toBe(
      'module "./several.mjs" exports no dispatch plugin; it exports a: placement plugin "a", b: placement plugin "b", s: scaling plugin "s", helper: a function',
    );
    const f = await rejection(registry.resolve('placement', './nothing.mjs', { cwd: dir }));
    expect(f.message).toBe('module "./nothing.mjs" exports no placement plugin; it exports version: a number, default: an object');
  });

  it('names the path and the cause when a module fails to load', async () => {
    const e = await rejection(registry.resolve('placement', './broken.mjs', { cwd: dir }));
    expect(e.message).toBe(`cannot load placement plugin module "./broken.mjs" (${path.join(dir, 'broken.mjs')}): kaboom`);
    const f = await rejection(registry.resolve('placement', './missing.mjs', { cwd: dir }));
    expect(f.message).toContain(`cannot load placement plugin module "./missing.mjs" (${path.join(dir, 'missing.mjs')}): `);
  });

  it('loads an ESM-only npm package installed where the configuration is', async () => {
    const p = await registry.resolve('placement', 'nss-placement-tmp', { cwd: dir });
    expect(p.name).toBe('tmp');
    const e = await rejection(registry.resolve('placement', 'nss-placement-tmp', { cwd: os.tmpdir() }));
    expect(e.message).toBe('unknown placement "nss-placement-tmp"; available: greedy (GreedyPlacement)');
  });
});
