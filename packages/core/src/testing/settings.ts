/**
 * Simulation settings for tests: a quiet parameters file (one round, no windows, seed 1) merged with
 * what a test sets, validated against a specs file and resolved as the CLI would.
 */
import {
  type ParametersFile,
  type SimulationParameters,
  type SimulationSettings,
  type SpecsFile,
  assertValidScenario,
  resolveSettings,
} from '../config/index.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import { generateEnvironment } from '../environment/generate.js';
import { smallSpecs } from './specs.js';

/** A parameters file: `simulation` merged over a quiet default (one round, no windows, seed 1). */
export function parametersFile(
  simulation: Partial<SimulationParameters>,
  rest: Partial<Omit<ParametersFile, 'simulation'>> = {},
): ParametersFile {
  return {
    simulation: {
      total_time: 1000,
      num_rounds: 1,
      random_seed: 1,
      time_window: 0,
      compute_loopback_time: 1,
      share_sfc_instance: 0,
      packet_generation: 1,
      sfc_instance_monitor_interval: 100,
      log_link_events: 0,
      log_vnf_instance_events: 0,
      ...simulation,
    },
    placement: { heuristic: 'fixed' },
    ...rest,
  };
}

/**
 * Validates a scenario (the specs default to the small inline specs, which only matter for the
 * cross-file checks when the environment is built by hand) and resolves its settings.
 */
export function settingsFor(
  simulation: Partial<SimulationParameters>,
  specs: SpecsFile = smallSpecs((s) => {
    delete s.sfc_requests.max_arrival_time;
  }),
): SimulationSettings {
  const valid = assertValidScenario(specs, parametersFile(simulation));
  return resolveSettings(valid.specs, valid.params);
}


/** Like {@link settingsFor}, with the other sections of the parameters file (placement, migration …). */
export function settingsWithSections(
  simulation: Partial<SimulationParameters>,
  rest: Partial<Omit<ParametersFile, 'simulation'>>,
  specs: SpecsFile = smallSpecs((s) => {
    delete s.sfc_requests.max_arrival_time;
  }),
): SimulationSettings {
  const valid = assertValidScenario(specs, parametersFile(simulation, rest));
  return resolveSettings(valid.specs, valid.params);
}

/**
 * A generated scenario as the CLI builds it: `specs` and `params` (parsed JSON, e.g. from
 * {@link parametersFile}) validated together (throws the core's ConfigError listing every issue), the
 * settings resolved, and the environment generated from the validated specs with the settings' seed.
 */
export function generatedScenario(specs: unknown, params: unknown): { settings: SimulationSettings; environment: EdgeEnvironment } {
  const valid = assertValidScenario(specs, params);
  const settings = resolveSettings(valid.specs, valid.params);
  return { settings, environment: generateEnvironment(valid.specs, settings.seed, settings) };
}
