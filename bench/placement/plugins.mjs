// Helpers for bench/placement.bench.mjs: find every placement package whose dist is built, and format tables.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGES = ['placement-greedy', 'placement-dijkstra', 'placement-smart', 'placement-basic', 'placement-lp'];

/** Every placement plugin exported by a built placement package, in a stable order (LP last). */
export async function builtPlacements(root) {
  const found = [];
  const missing = [];
  for (const pkg of PACKAGES) {
    const file = join(root, 'packages', pkg, 'dist/index.js');
    if (!existsSync(file)) {
      missing.push(pkg);
      continue;
    }
    const mod = await import(pathToFileURL(file).href);
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && value.kind === 'placement' && !found.includes(value)) found.push(value);
    }
  }
  return { plugins: found, missing };
}

/** Prints rows (arrays of cells) as an aligned text table with a header. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c)));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
