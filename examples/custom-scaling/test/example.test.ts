import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

interface Line {
  readonly label: string;
  readonly up: number;
  readonly down: number;
  readonly failed: number;
  readonly mean: number;
  readonly p95: number;
  readonly slaRate: number;
}

const LINE =
  /^(.+): scaling up ([\d.]+) down ([\d.]+) failed ([\d.]+), delay mean ([\d.]+) ms p95 ([\d.]+) ms, SLA violation rate ([\d.]+) %$/;

function parse(stdout: string): Line[] {
  return stdout
    .split('\n')
    .map((l) => LINE.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      label: m[1],
      up: Number(m[2]),
      down: Number(m[3]),
      failed: Number(m[4]),
      mean: Number(m[5]),
      p95: Number(m[6]),
      slaRate: Number(m[7]),
    }));
}

describe('examples/custom-scaling', () => {
  // Runs against the built packages (`pnpm test` builds first), as an outside user would.
  const run = spawnSync(process.execPath, ['index.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('exits 0 without writing to stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints sane figures for both runs', () => {
    const lines = parse(run.stdout);
    expect(lines.map((l) => l.label)).toEqual(['no scaling', 'threshold']);
    for (const l of lines) {
      expect(l.mean).toBeGreaterThan(0);
      expect(l.p95).toBeGreaterThan(0);
      expect(l.slaRate).toBeGreaterThanOrEqual(0);
      expect(l.slaRate).toBeLessThanOrEqual(100);
    }
    const [none, threshold] = lines;
    expect(none.up + none.down + none.failed).toBe(0);
    // The scenario's VNF instances start too small for their traffic: the strategy must scale them up,
    // and more CPU must shorten the delays.
    expect(threshold.up).toBeGreaterThan(0);
    expect(threshold.mean).toBeLessThan(none.mean);
    expect(threshold.slaRate).toBeLessThan(none.slaRate);
  });
});
