/** The Dijkstra placement through the core's runSimulation on the shared scenario S. */
import { describe, expect, it } from 'vitest';
import { dijkstraPlacement } from './dijkstra-placement.js';
import { runReferenceScenario } from '@nss/core/testing';

describe('dijkstra placement in a simulation', () => {
  for (const solver of ['layered', 'graphology']) {
    it(`runs scenario S (${solver}): packets conserved, every request placed or rejected`, async () => {
      const result = await runReferenceScenario('S', dijkstraPlacement, 'DijkstraPlacement', { solver });
      expect(result.interrupted).toBe(false);
      for (const round of result.rounds) {
        const p = round.packets;
        expect(p.delivered + p.dropped + p.orphaned + p.inFlight).toBe(p.created);
        expect(round.requests.placed + round.requests.rejected).toBe(round.requests.total);
        expect(round.requests.placed).toBeGreaterThan(0);
        expect(p.created).toBeGreaterThan(0);
      }
    });
  }
});
