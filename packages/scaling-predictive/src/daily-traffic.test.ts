import { describe, expect, it } from 'vitest';
import { dailyPacketFlow, packetFlowCsv } from './daily-traffic.js';

describe('dailyPacketFlow', () => {
  const options = { users: ['u_0', 'u_1'], dayMs: 10_000, days: 3, meanRate: 0.2, amplitude: 0.8, seed: 4 };

  it('is deterministic per seed and writes the packet-flow CSV format', () => {
    const a = packetFlowCsv(dailyPacketFlow(options));
    expect(packetFlowCsv(dailyPacketFlow(options))).toBe(a);
    expect(packetFlowCsv(dailyPacketFlow({ ...options, seed: 5 }))).not.toBe(a);
    expect(a.split('\n')[0]).toBe('user;sfc;time;packet_size');
    expect(a.split('\n')[1]).toMatch(/^u_0;s_0;[\d.e-]+;10$/);
  });

  it('follows the daily profile: counts per phase match the integral of the rate (within 4 σ)', () => {
    const rows = dailyPacketFlow({ ...options, days: 20 });
    const { dayMs, meanRate: m, amplitude: a } = options;
    const phases = 4;
    const counts = new Array(phases).fill(0);
    const clock = new Map<string, number>();
    for (const r of rows) {
      const t = (clock.get(r.user) ?? 0) + r.time;
      clock.set(r.user, t);
      counts[Math.floor((t % dayMs) / (dayMs / phases))]++;
    }
    for (let k = 0; k < phases; k++) {
      // ∫ over the quarter [k, k+1)·D/4 of m (1 − a cos(2π t / D)) dt, for 2 users and 20 days.
      const t0 = (k * dayMs) / phases;
      const t1 = ((k + 1) * dayMs) / phases;
      const integral = m * (t1 - t0) - ((m * a * dayMs) / (2 * Math.PI)) * (Math.sin((2 * Math.PI * t1) / dayMs) - Math.sin((2 * Math.PI * t0) / dayMs));
      const expected = integral * 2 * 20;
      expect(Math.abs(counts[k] - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
    // The middle of the day (quarters 1, 2) carries far more traffic than its edges (0, 3).
    expect(counts[1] + counts[2]).toBeGreaterThan(3 * (counts[0] + counts[3]));
  });

  it('rejects options out of range', () => {
    expect(() => dailyPacketFlow({ ...options, amplitude: 1 })).toThrowError('amplitude must be in [0, 1), got 1');
    expect(() => dailyPacketFlow({ ...options, users: [] })).toThrowError('users must name at least one user');
    expect(() => dailyPacketFlow({ ...options, meanRate: 0 })).toThrowError('meanRate must be > 0');
  });
});
