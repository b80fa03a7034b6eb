import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

interface Line {
  readonly name: string;
  readonly placed: number;
  readonly total: number;
  readonly delivered: number;
  readonly created: number;
  readonly mean: number;
  readonly p95: number;
  readonly slaRate: number;
}

const LINE =
  /^(\S+): placed ([\d.]+) of ([\d.]+) requests, packets ([\d.]+) delivered of ([\d.]+), delay mean ([\d.]+) ms p95 ([\d.]+) ms, SLA violation rate ([\d.]+) %$/;

function parse(stdout: string): Line[] {
  return stdout
    .split('\n')
    .map((l) => LINE.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      name: m[1],
      placed: Number(m[2]),
      total: Number(m[3]),
      delivered: Number(m[4]),
      created: Number(m[5]),
      mean: Number(m[6]),
      p95: Number(m[7]),
      slaRate: Number(m[8]),
    }));
}

describe('examples/custom-placement', () => {
  // Runs against the built packages (`pnpm test` builds first), as an outside user would.
  const run = spawnSync(process.execPath, ['index.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('exits 0 without writing to stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints sane figures for the custom placement and for greedy', () => {
    const lines = parse(run.stdout);
    expect(lines.map((l) => l.name)).toEqual(['least-loaded-latency', 'greedy']);
    for (const l of lines) {
      expect(l.total).toBeGreaterThan(0);
      expect(l.placed).toBeGreaterThan(0);
      expect(l.placed).toBeLessThanOrEqual(l.total);
      expect(l.created).toBeGreaterThan(0);
      expect(l.delivered).toBeGreaterThan(0);
      expect(l.delivered).toBeLessThanOrEqual(l.created);
      expect(l.mean).toBeGreaterThan(0);
      expect(l.p95).toBeGreaterThan(0);
      expect(l.slaRate).toBeGreaterThanOrEqual(0);
      expect(l.slaRate).toBeLessThanOrEqual(100);
    }
    const [custom, greedy] = lines;
    expect(custom.total).toBe(greedy.total);
    // Each request's traffic comes from its own seeded stream: when both plugins place the same
    // requests, both runs offer exactly the same packets.
    if (custom.placed === custom.total && greedy.placed === greedy.total) expect(custom.created).toBe(greedy.created);
  });
});
