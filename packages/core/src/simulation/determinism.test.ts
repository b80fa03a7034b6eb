/**
 * Reproducibility (design.md "Simulation semantics"): the same inputs and seed give byte-identical
 * output folders (wall-clock values aside); rounds use distinct derived seeds unless the
 * `identicalRounds` quirk is on; and the offered traffic does not depend on the placement plugin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimulationParameters, assertValidScenario, resolveSettings } from '../config/index.js';
import { generateEnvironment } from '../environment/generate.js';
import type { PlacementPlugin } from '../plugins/define-plugin.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import {
  comparableContent,
  differingFiles,
  firstFit,
  listFiles,
  parametersFile,
  readCsv,
  rowsOf,
  stressedSpecs,
  tempDir,
} from '../testing/index.js';

const scratch = tempDir('nss-determinism-');
afterAll(() => scratch.remove());

/** Runs the stressed scenario (ample node CPU so that every placement fits) into `Round_*` folders under `name`. */
async function run(name: string, placement: PlacementPlugin, simulation: Partial<SimulationParameters> = {}): Promise<{ dir: string; result: RunResult }> {
  const valid = assertValidScenario(
    stressedSpecs(2_000_000),
    parametersFile({
      total_time: 1500,
      time_window: 100,
      random_seed: 99,
      num_rounds: 2,
      sfc_instance_monitor_interval: 50,
      log_vnf_instance_events: 1,
      log_link_events: 1,
      log_total_resources: 1,
      ...simulation,
    }),
  );
  const settings = resolveSettings(valid.specs, valid.params);
  const env = generateEnvironment(valid.specs, settings.seed, settings);
  const dir = join(scratch.dir, name);
  const result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: placement } }, outDir: dir });
  return { dir, result };
}

function expectSameFolders(a: string, b: string): void {
  expect(listFiles(a).length).toBeGreaterThan(20);
  expect(differingFiles(a, b)).toEqual([]);
}

describe('determinism', () => {
  let first: { dir: string; result: RunResult };
  let second: { dir: string; result: RunResult };

  beforeAll(async () => {
    first = await run('first', firstFit());
    second = await run('second', firstFit());
  });

  it('gives byte-identical output folders for the same inputs and seed', () => {
    const files = listFiles(first.dir);
    // Everything the reference writes is there, with the optional logs.
    for (const f of ['Round_0/packets.csv', 'Round_0/links.csv', 'Round_0/vnf_instance_packets.csv', 'Round_0/resource_usage.csv', 'Round_1/packets_entities.csv', 'Entities/links.csv', 'summary.json']) {
      expect(files).toContain(f);
    }
    expect(first.result.rounds[0].packets.created).toBeGreaterThan(1000);
    expectSameFolders(first.dir, second.dir);
  });

  it('runs the rounds with different seeds', () => {
    const a = readFileSync(join(first.dir, 'Round_0/packets.csv'), 'utf8');
    const b = readFileSync(join(first.dir, 'Round_1/packets.csv'), 'utf8');
    expect(a).not.toBe(b);
    expect(first.result.rounds[0].seed).not.toBe(first.result.rounds[1].seed);
  });

  it('makes the rounds identical replicas with the identicalRounds quirk [Q-29]', async () => {
    const replicas = await run('replicas', firstFit(), { quirks: { identicalRounds: 1 } });
    const round = (n: number): string => join(replicas.dir, `Round_${n}`);
    const files = listFiles(round(0));
    expect(listFiles(round(1))).toEqual(files);
    for (const f of files) {
      let a = comparableContent(join(round(0), f));
      let b = comparableContent(join(round(1), f));
      if (f === 'summary.json') {
        a = a.replace('"round":0', '"round":1');
        expect(b).toContain('"round":1');
      }
      expect(a === b, `${f} differs between the two rounds`).toBe(true);
    }
    expect(replicas.result.rounds[0].seed).toBe(replicas.result.rounds[1].seed);
  });

  it('offers the same traffic whatever the placement plugin', async () => {
    // The same first fit, scanning the nodes in reverse order: other nodes, same offered packets.
    const reversed = await run('reversed', firstFit({ order: (nodes) => [...nodes].reverse() }));
    const nodesOf = (dir: string): string[] => readCsv(join(dir, 'Round_0/vnf_instance.csv')).column('Node');
    expect(nodesOf(reversed.dir)).not.toEqual(nodesOf(first.dir));
    for (const r of [0, 1]) {
      expect(reversed.result.rounds[r].requests).toEqual(first.result.rounds[r].requests);
      const created = (dir: string): string[] => {
        const csv = readCsv(join(dir, `Round_${r}/packets.csv`));
        const cols = ['Time', 'Packet_ID', 'SFC_Request', 'User', 'SFC', 'Data_Source'].map((c) => csv.col(c));
        return rowsOf(csv, 'PACKET_CREATED')
          .map((row) => cols.map((c) => row[c]).join(';'))
          .sort();
      };
      // Same packets created at the same times.
      expect(created(reversed.dir)).toEqual(created(first.dir));
      const sizes = (dir: string): string[] => {
        const csv = readCsv(join(dir, `Round_${r}/packets_entities.csv`));
        const cols = ['SFC_Request', 'Packet_ID', 'Created_At', 'Size', 'Max_Delay'].map((c) => csv.col(c));
        return csv.rows.map((row) => cols.map((c) => row[c]).join(';')).sort();
      };
      expect(sizes(reversed.dir)).toEqual(sizes(first.dir));
    }
    // ... while what happens to them differs.
    expect(readFileSync(join(reversed.dir, 'Round_0/links.csv'), 'utf8')).not.toBe(readFileSync(join(first.dir, 'Round_0/links.csv'), 'utf8'));
  });
});
