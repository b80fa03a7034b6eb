/**
 * Helpers of the CLI's end-to-end tests: they spawn the BUILT `nss` binary (`pnpm -s build` first),
 * so exit codes, stdout and stderr are those a user sees.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built executable. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The reference scenarios (S, M, L). */
export const REFERENCE = join(ROOT, 'scenarios', 'reference');
/** The embedded default scenario's files. */
export const DEFAULT_SPECS = fileURLToPath(new URL('../scenarios/default-specs.json', import.meta.url));
export const DEFAULT_PARAMS = fileURLToPath(new URL('../scenarios/default-params.json', import.meta.url));

/** What a finished `nss` process produced. */
export interface NssResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails with a clear message when the binary has not been built. */
export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm -s build\` before the CLI tests (pnpm test does)`);
}

/** A running `nss` process and the promise of its outcome. */
export interface NssProcess {
  readonly child: ChildProcess;
  readonly done: Promise<NssResult>;
}

/** Starts `nss` with `args` in `cwd` (default: the repository root). */
export function startNss(args: readonly string[], options: { cwd?: string } = {}): NssProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const done = new Promise<NssResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs `nss` with `args` in `cwd` (default: the repository root) and waits for it to end. */
export function nss(args: readonly string[], options: { cwd?: string } = {}): Promise<NssResult> {
  return startNss(args, options).done;
}

/** A new temporary folder. */
export function tmp(prefix = 'nss-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Reads a JSON file. */
export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Writes `value` as JSON to `dir/name` and returns the path. */
export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

/** A stack-trace line, which user errors must never print. */
export const STACK_LINE = '    at ';
