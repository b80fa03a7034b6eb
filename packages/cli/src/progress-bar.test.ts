import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';

/** A fake terminal recording what is written, and a settable clock. */
function setup(columns = 100) {
  const writes: string[] = [];
  const stream = { isTTY: true, columns, write: (text: string) => writes.push(text) };
  let now = 0;
  const bar = new ProgressBar(stream, { rounds: 3, now: () => now });
  return { writes, bar, at: (t: number) => (now = t) };
}

const progress = (time: number, packets = 1234, round = 0) => ({ round, time, totalTime: 10_000, packets });

describe('ProgressBar', () => {
  it('draws nothing during the first second of the run', () => {
    const { writes, bar, at } = setup();
    at(999);
    bar.update(progress(5000));
    expect(writes).toEqual([]);
  });

  it('shows round x/N, the share of simulated time, packets and elapsed time, redrawn in place with \\r', () => {
    const { writes, bar, at } = setup();
    at(1500);
    bar.update(progress(2500, 12_345, 1));
    expect(writes).toHaveLength(1);
    expect(writes[0].startsWith('\r')).toBe(true);
    expect(writes[0]).toContain('round 2/3');
    expect(writes[0]).toContain('25.0 %');
    expect(writes[0]).toContain('12,345 packets');
    expect(writes[0]).toContain('1.5 s');
    expect(writes[0]).toContain(`[${'#'.repeat(6)}${'-'.repeat(18)}]`);
  });

  it('redraws at most every 100 ms', () => {
    const { writes, bar, at } = setup();
    at(1000);
    bar.update(progress(1000));
    at(1050);
    bar.update(progress(2000));
    at(1099);
    bar.update(progress(3000));
    at(1100);
    bar.update(progress(4000));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('40.0 %');
  });

  it('erases itself at the end, and only when it was drawn', () => {
    const { writes, bar, at } = setup();
    bar.clear();
    expect(writes).toEqual([]);
    at(2000);
    bar.update(progress(10_000));
    const drawn = writes[0].length - 1;
    bar.clear();
    expect(writes[1]).toBe(`\r${' '.repeat(drawn)}\r`);
    bar.clear();
    expect(writes).toHaveLength(2);
  });

  it('fits the line to the terminal width', () => {
    const { writes, bar, at } = setup(30);
    at(2000);
    bar.update(progress(5000));
    expect(writes[0].length - 1).toBeLessThanOrEqual(29);
  });

  it('is wanted on a terminal only', () => {
    expect(ProgressBar.wanted({ isTTY: true, write: () => true })).toBe(true);
    expect(ProgressBar.wanted({ write: () => true })).toBe(false);
  });
});
