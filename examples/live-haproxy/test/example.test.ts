import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('examples/live-haproxy', () => {
  // Runs against the built packages, as an outside user would; needs haproxy (apt-get install haproxy).
  // Peak load 1.6 servers' worth for half of 12 s: one server cannot keep up, so basic-cpu must scale out.
  const run = spawnSync(process.execPath, ['index.mjs', '--duration', '12'], { cwd: dir, encoding: 'utf8', timeout: 90_000 });

  it('exits 0 without writing to stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('scales out under load, loses no request, and stops haproxy', () => {
    const summary = /summary: requests (\d+) ok (\d+) failed (\d+), scale-outs (\d+), servers at peak (\d+)/.exec(run.stdout);
    expect(summary).not.toBeNull();
    const [, total, ok, failed, scaleOuts, peakServers] = summary!.map(Number);
    expect(total).toBeGreaterThan(0);
    expect(ok).toBe(total);
    expect(failed).toBe(0);
    expect(scaleOuts).toBeGreaterThanOrEqual(1);
    expect(scaleOuts).toBeLessThanOrEqual(3); // --max-servers 4: the core refuses a fifth
    expect(peakServers).toBeGreaterThanOrEqual(2); // seen by a later cycle
    expect(peakServers).toBeLessThanOrEqual(4);
    expect(run.stdout).toMatch(/add-instance applied: added app\/nss1 at 127\.0\.0\.1:\d+/);
    const pid = Number(/haproxy pid (\d+)/.exec(run.stdout)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
  });
});
