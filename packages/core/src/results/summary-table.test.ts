import { describe, expect, it } from 'vitest';
import { aggregateRounds } from './aggregate.js';
import { RunMetrics } from './run-metrics.js';
import { formatSummaryTable } from './summary-table.js';

function summary(round: number, delays: number[]) {
  const m = new RunMetrics(['s_0', 's_long_name'], ['sl_0', 'sl_1']);
  for (const d of delays) {
    m.packetCreated(0, 0);
    m.packetDelivered(0, 0, d, false);
  }
  m.packetCreated(1, 1);
  m.slaViolated(1, 1);
  m.packetDropped(1, 1);
  m.requests(3, 2, 1);
  m.energy(1.23456, 0);
  m.scalingUp();
  return m.summarize({ round, seed: 7 + round, interrupted: false, simulatedTimeMs: 5000, wallTimeMs: 2500 });
}

describe('formatSummaryTable', () => {
  it('prints a round: header, figures and one aligned row per SFC type and slice', () => {
    const text = formatSummaryTable(summary(0, [1, 2, 3, 4]));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Round 0 (seed 7): 5000.00 ms simulated in 2.50 s');
    expect(text).toMatch(/packets\s+created 5\s+delivered 4\s+dropped 1\s+orphaned 0\s+in flight 0/);
    expect(text).toMatch(/delay \(ms\)\s+mean 2\.50\s+p50 2\.50\s+p95 3\.85\s+p99 3\.97\s+max 4\.00/);
    expect(text).toMatch(/SLA\s+violated 1\s+delivered late 0\s+violation rate 20\.00 %/);
    expect(text).toMatch(/requests\s+total 3\s+placed 2\s+rejected 1/);
    expect(text).toMatch(/energy \(Wh\)\s+nodes 1\.235\s+links 0\.000/);
    expect(text).toMatch(/scaling\s+up 1\s+down 0\s+failed 0/);
    const sfcHeader = lines.findIndex((l) => l.trimStart().startsWith('SFC '));
    const rows = lines.slice(sfcHeader, sfcHeader + 3);
    expect(rows[1]).toMatch(/^ {2}s_0 +4 +4 +0 +0 +0 +2\.50 +2\.50 +3\.85 +3\.97 +4\.00 +0 +0\.00 %$/);
    // s_long_name delivered nothing: its delay cells read '–'; the rate is 1 drop / 1 ended.
    expect(rows[2]).toMatch(/^ {2}s_long_name +1 +0 +1 +0 +0 +– +– +– +– +– +1 +100\.00 %$/);
    // Right-aligned numeric columns: every row of the table has the same length.
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(text).toMatch(/\n {2}slice +created/);
    expect(text).toMatch(/\n {2}sl_1 +1 +0 +1/);
  });

  it('prints a run as mean ± CI half-width', () => {
    const run = aggregateRounds([summary(0, [1, 1]), summary(1, [3, 3])]);
    const text = formatSummaryTable(run);
    expect(text.split('\n')[0]).toBe('2 rounds (seeds 7, 8): mean ± 95 % CI half-width');
    // mean delay 1 and 3: mean 2, s = √2, half = 12.7062 · √2 / √2 = 12.71
    expect(text).toMatch(/mean 2\.00 ± 12\.71/);
    expect(text).toMatch(/created 3 ± 0/);
  });

  it('flags an interrupted round', () => {
    const s = { ...summary(0, [1]), interrupted: true };
    expect(formatSummaryTable(s).split('\n')[0]).toContain('INTERRUPTED');
  });
});
