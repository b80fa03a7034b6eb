/** SmartPlacement through the core's runSimulation on the shared scenario S (which names SmartPlacement itself). */
import { describe, expect, it } from 'vitest';
import { smartPlacement } from './smart-placement.js';
import { runReferenceScenario } from '@nss/core/testing';

describe('smart placement in a simulation', () => {
  it('runs scenario S: packets conserved, every request placed or rejected', async () => {
    const result = await runReferenceScenario('S', smartPlacement, 'SmartPlacement');
    expect(result.interrupted).toBe(false);
    for (const round of result.rounds) {
      const p = round.packets;
      expect(p.delivered + p.dropped + p.orphaned + p.inFlight).toBe(p.created);
      expect(round.requests.placed + round.requests.rejected).toBe(round.requests.total);
      expect(round.requests.placed).toBeGreaterThan(0);
      expect(p.created).toBeGreaterThan(0);
    }
  });
});
