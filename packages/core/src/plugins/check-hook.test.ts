/** The `check` hook of a plugin definition: called with the scenario before a run, nothing written on failure. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PluginError } from '../errors.js';
import { runSimulation } from '../simulation/run-simulation.js';
import { allOn, chainEnvironment, fixedPlacement, settingsFor } from '../testing/index.js';
import { defineScaling } from './define-plugin.js';
import { checkPlugin } from './instantiate.js';

const scratch = mkdtempSync(join(tmpdir(), 'nss-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const env = chainEnvironment({ nodes: [{}, {}, {}], vnfs: [{}], requests: [{ ingress: 'n_0', egress: 'n_2' }] });

/** A scaling whose `sfc` parameter must name an SFC type of the scenario. */
const perSfc = defineScaling<{ sfc: string }>({
  name: 'per-sfc',
  description: 'Test scaling naming an SFC type.',
  parameters: { type: 'object', properties: { sfc: { type: 'string', default: 's_0' } } },
  check(params, { environment }) {
    if (environment !== null && !environment.sfcs.some((s) => s.name === params.sfc)) {
      throw new PluginError(`scaling plugin "per-sfc": parameter "sfc" (${params.sfc}) must name an SFC type of the scenario`);
    }
  },
  create: () => ({ name: 'per-sfc', monitorInterval: 100, monitor: () => [] }),
});

describe('PluginDefinition.check', () => {
  it('receives the validated parameters (defaults applied) and the environment', () => {
    expect(() => checkPlugin(perSfc, {}, { environment: env })).not.toThrow();
    expect(() => checkPlugin(perSfc, { sfc: 's_9' }, { environment: env })).toThrow(/"sfc" \(s_9\) must name an SFC type/);
    expect(() => checkPlugin(perSfc, { sfc: 's_9' }, { environment: null })).not.toThrow();
    expect(() => checkPlugin(perSfc, { sfc: 3, extra: 1 }, { environment: env })).toThrow(/extra/);
  });

  it('stops runSimulation before anything is written', async () => {
    const out = join(scratch, 'never');
    await expect(
      runSimulation({
        environment: env,
        settings: settingsFor({ total_time: 100 }),
        plugins: { placement: { plugin: fixedPlacement(allOn('n_1')) }, scaling: [{ plugin: perSfc, parameters: { sfc: 's_9' } }] },
        outDir: out,
      }),
    ).rejects.toThrow(PluginError);
    expect(existsSync(out)).toBe(false);
  });

  it('wraps an error of another type in a PluginError naming the plugin', () => {
    const broken = defineScaling({
      name: 'broken-check',
      description: 'Test scaling whose check throws a TypeError.',
      check: () => {
        throw new TypeError('boom');
      },
      create: () => ({ name: 'broken-check', monitorInterval: 100, monitor: () => [] }),
    });
    expect(() => checkPlugin(broken, {}, { environment: env })).toThrow(/scaling plugin "broken-check": invalid configuration: boom/);
  });
});
