/**
 * Interruption: aborting the run's AbortSignal (here from a SIMULATION_PROGRESS listener, as the CLI's
 * Ctrl-C handler does) ends the run at the next slice of simulated time; what was simulated is written,
 * marked interrupted, with every file complete and closed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidScenario, resolveSettings } from '../config/index.js';
import { generateEnvironment } from '../environment/generate.js';
import { Events } from '../events/catalogue.js';
import { EventBus } from '../events/event-bus.js';
import type { RunSummary } from '../results/aggregate.js';
import type { RoundSummary } from '../results/round-summary.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import { firstFit, listFiles, parametersFile, readCsv, rowsOf, stressedSpecs, tempDir } from '../testing/index.js';

describe('a run aborted from a progress listener', () => {
  const out = tempDir('nss-interrupt-');
  const total = 3000;
  const bus = new EventBus();
  const progress: number[] = [];
  let result: RunResult;

  beforeAll(async () => {
    const valid = assertValidScenario(
      stressedSpecs(2_000_000),
      parametersFile({ total_time: total, time_window: 100, random_seed: 8, num_rounds: 3, log_link_events: 1, log_vnf_instance_events: 1 }),
    );
    const settings = resolveSettings(valid.specs, valid.params);
    const env = generateEnvironment(valid.specs, settings.seed, settings);
    const controller = new AbortController();
    bus.on(Events.SIMULATION_PROGRESS, (p) => {
      progress.push(p.time);
      if (p.time >= 900) controller.abort();
    });
    result = await runSimulation({
      environment: env,
      settings,
      plugins: { placement: { plugin: firstFit() } },
      outDir: out.dir,
      bus,
      signal: controller.signal,
    });
  });
  afterAll(() => out.remove());

  it('ends early, marked interrupted, without starting the next rounds', () => {
    expect(result.interrupted).toBe(true);
    expect(result.rounds).toHaveLength(1);
    const round = result.rounds[0];
    expect(round.interrupted).toBe(true);
    expect(round.simulatedTimeMs).toBeGreaterThanOrEqual(900);
    expect(round.simulatedTimeMs).toBeLessThan(total);
    // It stopped at the first slice boundary after the abort.
    expect(progress[progress.length - 1]).toBe(round.simulatedTimeMs);
    expect(round.packets.created).toBeGreaterThan(0);
    expect(listFiles(out.dir).filter((f) => f.startsWith('Round_1') || f.startsWith('Round_2'))).toEqual([]);
  });

  it('writes summary.json files marked interrupted', () => {
    const run = JSON.parse(readFileSync(join(out.dir, 'summary.json'), 'utf8')) as RunSummary;
    expect(run.interrupted).toBe(true);
    expect(run.rounds).toBe(1);
    const round = JSON.parse(readFileSync(join(out.dir, 'Round_0/summary.json'), 'utf8')) as RoundSummary;
    expect(round.interrupted).toBe(true);
    expect(round.packets).toEqual(result.rounds[0].packets);
  });

  it('closes every file complete: each packet accounted for, still-travelling ones expired at the stop', () => {
    const round = result.rounds[0];
    for (const f of listFiles(out.dir).filter((f) => f.endsWith('.csv'))) {
      const text = readFileSync(join(out.dir, f), 'utf8');
      expect(text.endsWith('\n'), `${f} ends with a complete line`).toBe(true);
    }
    const packets = readCsv(join(out.dir, 'Round_0/packets.csv'));
    expect(rowsOf(packets, 'PACKET_CREATED')).toHaveLength(round.packets.created);
    const expired = rowsOf(packets, 'PACKET_SIMULATION_TIME_EXPIRED');
    expect(expired).toHaveLength(round.packets.inFlight);
    const stop = round.simulatedTimeMs.toFixed(2);
    for (const r of expired) expect(r[packets.col('Time')]).toBe(stop);
    const entities = readCsv(join(out.dir, 'Round_0/packets_entities.csv'));
    expect(entities.rows).toHaveLength(round.packets.created);
    expect(entities.column('Active').filter((a) => a === 'True')).toHaveLength(round.packets.inFlight);
    // A packet still travelling has been delayed until the stop (not until total_time, never reached).
    const active = entities.rows.filter((r) => r[entities.col('Active')] === 'True');
    expect(active.length).toBeGreaterThan(0);
    for (const r of active) {
      const delay = Number(r[entities.col('Delay')]);
      expect(Math.abs(delay - (round.simulatedTimeMs - Number(r[entities.col('Created_At')]))), r.join(';')).toBeLessThanOrEqual(0.0101);
    }
    // The recorder unsubscribed from the bus when it closed its files.
    expect(bus.has(Events.PACKET_CREATED)).toBe(false);
    expect(bus.has(Events.LINK_PACKET_SENT)).toBe(false);
  });
});
