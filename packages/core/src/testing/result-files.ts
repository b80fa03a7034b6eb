/**
 * Result folders in tests: scratch folders, file lists, and comparisons that ignore wall-clock values.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { splitCsvLine } from './csv.js';

/** A scratch folder, removed by the returned function. */
export function tempDir(prefix = 'nss-sim-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}


/** Every file under `dir`, as relative paths (sorted). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Drops the wall-clock values (`wallTimeMs`) from a summary.json tree. */
export function withoutWallTime(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWallTime);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'wallTimeMs')
        .map(([k, v]) => [k, withoutWallTime(v)]),
    );
  }
  return value;
}

/**
 * A result file's content without its wall-clock values: process_time.txt entirely, the Total_Alg_Time
 * column of time_window.csv, and wallTimeMs in summary.json. Everything else is kept byte for byte.
 */
export function comparableContent(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('process_time.txt')) return '';
  if (path.endsWith('summary.json')) return JSON.stringify(withoutWallTime(JSON.parse(text)));
  if (path.endsWith('time_window.csv')) {
    const lines = text.split('\n');
    const col = lines[0].split(';').indexOf('Total_Alg_Time');
    if (col < 0) throw new Error(`${path} has no Total_Alg_Time column`);
    return lines
      .map((l) => {
        if (l === '') return l;
        const f = splitCsvLine(l);
        f[col] = '';
        return f.join(';');
      })
      .join('\n');
  }
  return text;
}

/** Files of two result folders that differ (after {@link comparableContent}), or are in one only. */
export function differingFiles(a: string, b: string): string[] {
  const fa = listFiles(a);
  const fb = listFiles(b);
  const out = [...fa.filter((f) => !fb.includes(f)), ...fb.filter((f) => !fa.includes(f))];
  for (const f of fa) if (fb.includes(f) && comparableContent(join(a, f)) !== comparableContent(join(b, f))) out.push(f);
  return out;
}
