#!/usr/bin/env node
/**
 * Writes schemas/specs.schema.json and schemas/parameters.schema.json from their single source of truth,
 * the schema objects in src/config/specs-schema.ts and src/config/parameters-schema.ts.
 *
 *   node scripts/write-schemas.mjs           write the files
 *   node scripts/write-schemas.mjs --check   exit 1 if a shipped file differs from the source
 *
 * The schema modules import only other modules of src/config, so they are transpiled (TypeScript's
 * transpileModule: no type checking, no bundler) into a temporary folder and imported from there.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const configDir = join(packageDir, 'src', 'config');
const schemasDir = join(packageDir, 'schemas');

/** Output file → [source module, exported name]. */
const SCHEMAS = {
  'specs.schema.json': ['specs-schema', 'specsSchema'],
  'parameters.schema.json': ['parameters-schema', 'parametersSchema'],
};

/** Transpiles `module` and the config modules it imports (relative './x.js' imports only) into `outDir`. */
function transpileClosure(module, outDir, done = new Set()) {
  if (done.has(module)) return;
  done.add(module);
  const source = readFileSync(join(configDir, `${module}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: `${module}.ts`,
  });
  writeFileSync(join(outDir, `${module}.js`), outputText);
  for (const [, specifier] of outputText.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
    const local = /^\.\/([\w-]+)\.js$/.exec(specifier);
    if (local === null) throw new Error(`${module}.ts imports ${specifier}: schema modules may only import ./<module>.js of src/config`);
    transpileClosure(local[1], outDir, done);
  }
}

/** The JSON text of every schema file, keyed by file name. */
export async function renderSchemas() {
  const outDir = mkdtempSync(join(tmpdir(), 'nss-schemas-'));
  try {
    const rendered = {};
    for (const [file, [module, name]] of Object.entries(SCHEMAS)) {
      transpileClosure(module, outDir);
      const loaded = await import(pathToFileURL(join(outDir, `${module}.js`)).href);
      rendered[file] = `${JSON.stringify(loaded[name], null, 2)}\n`;
    }
    return rendered;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  const check = process.argv.includes('--check');
  const rendered = await renderSchemas();
  let stale = 0;
  mkdirSync(schemasDir, { recursive: true });
  for (const [file, text] of Object.entries(rendered)) {
    const target = join(schemasDir, file);
    let current = null;
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = null;
    }
    if (current === text) continue;
    if (check) {
      stale++;
      console.error(`schemas/${file} is out of date: run node scripts/write-schemas.mjs`);
    } else {
      writeFileSync(target, text);
      console.log(`wrote schemas/${file}`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
