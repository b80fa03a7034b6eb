#!/usr/bin/env node
// `pnpm start [-- args]`: builds the packages if any dist is missing or older than its sources, then runs `nss run`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = readdirSync(packagesDir).some((name) => {
  const src = join(packagesDir, name, 'src');
  const dist = join(packagesDir, name, 'dist');
  return existsSync(src) && (!existsSync(dist) || newest(src) > newest(dist));
});
if (stale) {
  const b = spawnSync('pnpm', ['-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const args = process.argv.slice(2);
if (args[0] === '--') args.shift(); // `pnpm start -- --out x` forwards the separator
const r = spawnSync(process.execPath, [join(packagesDir, 'cli/dist/bin.js'), 'run', ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
