#!/usr/bin/env node
// Runs benchmarks, each in its own `node` child process, one after another, forwarding their output.
//
//   node bench/run.mjs                      every benchmark: kernel.mjs and every *.bench.mjs here
//   node bench/run.mjs kernel.mjs x.bench.mjs   only those (names or paths; extra flags go to each)
//   node bench/run.mjs ml                   a family: ml.bench.mjs and every ml-*.bench.mjs
//
// Exits non-zero if a benchmark fails (after running the others) or a named file does not exist.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const named = args.filter((a) => !a.startsWith('--'));

/** Every benchmark in this folder: kernel.mjs first, then *.bench.mjs in name order. */
function discover() {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort();
  if (existsSync(join(here, 'kernel.mjs'))) files.unshift('kernel.mjs');
  return files.map((f) => join(here, f));
}

/** The files a name stands for: a path, `NAME.mjs`, or the family `NAME.bench.mjs` + `NAME-*.bench.mjs`. */
function locate(name) {
  for (const candidate of [resolve(name), join(here, name), join(here, `${name}.mjs`)]) {
    if (existsSync(candidate) && candidate.endsWith('.mjs')) return [candidate];
  }
  const family = readdirSync(here)
    .filter((f) => f === `${name}.bench.mjs` || (f.startsWith(`${name}-`) && f.endsWith('.bench.mjs')))
    .sort();
  return family.length === 0 ? undefined : family.map((f) => join(here, f));
}

let files;
if (named.length === 0) {
  files = discover();
} else {
  files = [];
  for (const name of named) {
    const found = locate(name);
    if (found === undefined) {
      console.error(`bench/run: no benchmark named ${name} (looked in ${here})`);
      process.exit(2);
    }
    for (const file of found) if (resolve(file) !== self) files.push(file);
  }
}

if (files.length === 0) {
  console.error('bench/run: no benchmark to run');
  process.exit(2);
}

const failed = [];
for (const file of files) {
  console.log(`\n=== ${basename(file)} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [file, ...flags], { stdio: 'inherit', cwd: join(here, '..') });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error !== undefined || result.status !== 0) {
    const why = result.error?.message ?? (result.signal ? `signal ${result.signal}` : `exit code ${result.status}`);
    console.error(`=== ${basename(file)} FAILED (${why}) after ${seconds} s ===`);
    failed.push(basename(file));
  } else {
    console.log(`=== ${basename(file)} done in ${seconds} s ===`);
  }
}

if (failed.length > 0) {
  console.error(`\nbench/run: ${failed.length} of ${files.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nbench/run: ${files.length} benchmark(s) passed`);
