/**
 * Random and Naive through the core's runSimulation: the shared scenario S, and a tight environment where
 * Naive over-commits nodes, so that the core must record its refused decisions as rejections and go on.
 */
import { type RunResult, generateEnvironment, resolveSettings, assertValidScenario, runSimulation } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { naivePlacement } from './naive-placement.js';
import { randomPlacement } from './random-placement.js';
import { runReferenceScenario, tightSpecs } from '@nss/core/testing';

function checkInvariants(result: RunResult): void {
  expect(result.interrupted).toBe(false);
  for (const round of result.rounds) {
    const p = round.packets;
    expect(p.inFlight).toBeGreaterThanOrEqual(0);
    expect(p.delivered + p.dropped + p.orphaned + p.inFlight).toBe(p.created);
    expect(round.requests.placed + round.requests.rejected).toBe(round.requests.total);
  }
}

describe('basic placements in a simulation', () => {
  it('runs scenario S with RandomPlacement: packets conserved, every request placed or rejected', async () => {
    const result = await runReferenceScenario('S', randomPlacement, 'RandomPlacement');
    checkInvariants(result);
    expect(result.rounds[0].requests.placed).toBeGreaterThan(0);
    expect(result.rounds[0].packets.created).toBeGreaterThan(0);
  });

  it('runs scenario S with NaivePlacement: packets conserved, every request placed or rejected', async () => {
    const result = await runReferenceScenario('S', naivePlacement, 'NaivePlacement');
    checkInvariants(result);
    expect(result.rounds[0].requests.placed).toBeGreaterThan(0);
  });

  it('records what Naive over-commits as rejections and the run goes on', async () => {
    const specs = tightSpecs(4, 12);
    specs.sfc_requests = { arrival: 'poisson', duration: [3000], max_arrival_time: 10 };
    const valid = assertValidScenario(specs, {
      simulation: {
        total_time: 800, num_rounds: 1, random_seed: 3, time_window: 100, compute_loopback_time: 1,
        share_sfc_instance: 0, packet_generation: 1, sfc_instance_monitor_interval: 100,
        log_link_events: 0, log_vnf_instance_events: 0,
      },
      placement: { heuristic: 'NaivePlacement' },
    });
    const settings = resolveSettings(valid.specs, valid.params);
    const environment = generateEnvironment(valid.specs, settings.seed, settings);
    const rejected: string[] = [];
    const { EventBus, Events } = await import('@nss/core');
    const bus = new EventBus();
    bus.on(Events.SFC_REQUEST_NOT_PLACED, (e: { reason?: string }) => rejected.push(e.reason ?? ''));
    const result = await runSimulation({ environment, settings, plugins: { placement: { plugin: naivePlacement } }, bus });
    checkInvariants(result);
    const round = result.rounds[0];
    expect(round.requests.placed).toBeGreaterThan(0);
    expect(round.requests.rejected).toBeGreaterThan(0);
    expect(rejected.length).toBeGreaterThanOrEqual(round.requests.rejected);
    expect(rejected.some((r) => /^naive placed v_\d+ of r_\d+ on n_\d+ with .* free.*; it needs/.test(r))).toBe(true);
  });
});
