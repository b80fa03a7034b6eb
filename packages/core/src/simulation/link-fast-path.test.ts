/**
 * Links are computed, not simulated event by event, and their log rows come from log-only events. So
 * logging link events must not change any result: same delays, same drops at bounded link queues, same
 * endings — only links.csv differs (it exists only when link events are logged).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assertValidScenario, resolveSettings } from '../config/index.js';
import { generateEnvironment } from '../environment/generate.js';
import { runSimulation } from './run-simulation.js';
import { firstFit, parametersFile, readCsv, stressedSpecs, tempDir } from '../testing/index.js';

async function run(logLinks: 0 | 1, dir: string, quirks: { linkPropagationHoldsServer?: 0 | 1 } = {}) {
  const valid = assertValidScenario(
    stressedSpecs(),
    parametersFile({ total_time: 2500, time_window: 100, random_seed: 77, log_link_events: logLinks, quirks }),
  );
  const settings = resolveSettings(valid.specs, valid.params);
  const env = generateEnvironment(valid.specs, settings.seed, settings);
  const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: firstFit() } }, outDir: dir });
  return { round: result.rounds[0], entities: readCsv(`${dir}/Round_0/packets_entities.csv`) };
}

describe('logging link events changes no result', () => {
  const a = tempDir('nss-links-a-');
  const b = tempDir('nss-links-b-');
  afterAll(() => {
    a.remove();
    b.remove();
  });

  for (const quirks of [{}, { linkPropagationHoldsServer: 1 as const }]) {
    it(`gives identical packets, including link-queue drops ${JSON.stringify(quirks)}`, async () => {
      const simulated = await run(1, a.dir, quirks);
      const computed = await run(0, b.dir, quirks);
      // The scenario must exercise queueing and drops at links for the comparison to mean something.
      expect(simulated.round.packets.dropped).toBeGreaterThan(0);
      expect(computed.round.packets).toEqual(simulated.round.packets);
      expect(computed.round.delayMs).toEqual(simulated.round.delayMs);
      expect(computed.entities.rows).toEqual(simulated.entities.rows);
    });
  }
});
