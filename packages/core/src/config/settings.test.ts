import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { flagValue, similarityOrder } from './flags.js';
import type { ParametersFile, SimilarityOrderValue } from './parameters-types.js';
import { resolveSettings } from './settings.js';
import type { SpecsFile } from './specs-types.js';
import { fixture } from './test-fixtures.js';
import { assertValidScenario } from './validate.js';

function valid(change: (specs: Record<string, any>, params: Record<string, any>) => void = () => {}): { specs: SpecsFile; params: ParametersFile } {
  const specs = fixture('S', 'specs');
  const params = fixture('S', 'params');
  change(specs, params);
  return assertValidScenario(specs, params, {}, { seed: 1, flowFile: 'f.csv', mobilityFile: 'm.csv' });
}

function thrown(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveSettings', () => {
  it('normalises the S scenario', () => {
    const { specs, params } = valid();
    const settings = resolveSettings(specs, params);
    expect(settings).toMatchObject({
      totalTime: 3000,
      numRounds: 1,
      seed: 7,
      timeWindow: 500,
      computeLoopbackTime: true,
      shareSfcInstance: false,
      packetGeneration: true,
      sfcInstanceMonitorInterval: 100,
      sfcInstanceMonitorWindowSize: 101,
      maxSlaViolationSfcInstanceShared: 2,
      orderSfcRequestBySimilarity: 'none',
      logLinkEvents: false,
      logVnfInstanceEvents: true,
      logLinkEntity: true,
      logTotalResources: false,
      executeUserMobility: false,
      timeLimitToPacketGeneration: 3000,
      packetFlowFile: null,
      userMobilityFile: null,
      computeLinkBandwidthLimit: false,
      quirks: {},
      placement: { heuristic: 'SmartPlacement', parameters: {}, enableReplacement: false, maxReplacementRetries: 4, replacementBackoffSlotSize: 200 },
      scalingDown: null,
      migration: { thresholdPercentage: 0.8, thresholdPacketWindow: 10 },
      maxArrivalTime: 2500,
    });
    expect(settings.scaling?.heuristic).toBe('BasicCPUScaling');
  });

  it('passes heuristic parameters through unchanged (not stringified) and unshared', () => {
    const { specs, params } = valid();
    const settings = resolveSettings(specs, params);
    expect(settings.scaling!.parameters).toEqual({
      waiting_time_between_scalings_ups: 0,
      monitor_interval: 100,
      cpu_load_max: 0.005,
      cpu_load_min: 0.001,
      resource_increment: 0.1,
      resource_decrement: 0.1,
    });
    expect(typeof settings.scaling!.parameters.cpu_load_max).toBe('number');
    expect(settings.scaling!.parameters).not.toBe(params.scaling!.parameters);
  });

  it('normalises loose flags: 1, true and "1" are on; 0, false and "0" are off', () => {
    for (const [value, on] of [[1, true], [true, true], ['1', true], [0, false], [false, false], ['0', false]] as const) {
      const { specs, params } = valid((_, p) => {
        p.simulation.share_sfc_instance = value;
        p.simulation.log_link_entity = value;
        p.placement.enable_replacement = value;
        p.simulation.quirks = { truncateVnfTimes: value };
      });
      const s = resolveSettings(specs, params);
      expect([s.shareSfcInstance, s.logLinkEntity, s.placement.enableReplacement, s.quirks.truncateVnfTimes], String(value)).toEqual([on, on, on, on]);
    }
    expect(flagValue(undefined, true)).toBe(true);
  });

  it("reads the similarity order with the reference's loose rules", () => {
    const values: Array<SimilarityOrderValue | undefined> = [true, 1, 'asc', 'desc', 'none', false, 0, '', null, undefined];
    expect(values.map((v) => similarityOrder(v))).toEqual([
      'asc', 'asc', 'asc', 'desc', 'none', 'none', 'none', 'none', 'none', 'none',
    ]);
    const { specs, params } = valid((_, p) => (p.simulation.order_sfc_request_by_similarity = 1));
    expect(resolveSettings(specs, params).orderSfcRequestBySimilarity).toBe('asc');
  });

  it('uses an explicit max_arrival_time and time_limit_to_packet_generation', () => {
    const { specs, params } = valid((s, p) => {
      s.sfc_requests.max_arrival_time = 1200;
      p.simulation.time_limit_to_packet_generation = 2000;
    });
    const settings = resolveSettings(specs, params);
    expect([settings.maxArrivalTime, settings.timeLimitToPacketGeneration]).toEqual([1200, 2000]);
  });

  it('fills defaults itself when given documents without them', () => {
    const params: ParametersFile = {
      simulation: { total_time: 1000, num_rounds: 2, random_seed: 'x', time_window: 0, compute_loopback_time: 0, share_sfc_instance: 0 },
      placement: { heuristic: 'GreedyPlacement' },
    };
    const settings = resolveSettings(valid().specs, params);
    expect(settings).toMatchObject({ maxArrivalTime: 1000, timeLimitToPacketGeneration: 1000, logLinkEntity: true, packetGeneration: false, scaling: null });
    expect(settings.placement.parameters).toEqual({});
  });

  describe('overrides', () => {
    it('replace the seed, rounds and files', () => {
      const { specs, params } = valid();
      const settings = resolveSettings(specs, params, { seed: '42', rounds: 3, flowFile: 'flows.csv', mobilityFile: 'moves.csv' });
      expect([settings.seed, settings.numRounds, settings.packetFlowFile, settings.userMobilityFile]).toEqual(['42', 3, 'flows.csv', 'moves.csv']);
    });

    it('replace a heuristic, keeping its parameters only when the name is unchanged', () => {
      const { specs, params } = valid((_, p) => (p.placement.parameters = { k: 1 }));
      expect(resolveSettings(specs, params, { placement: 'SmartPlacement' }).placement.parameters).toEqual({ k: 1 });
      expect(resolveSettings(specs, params, { placement: 'GreedyPlacement' }).placement).toMatchObject({ heuristic: 'GreedyPlacement', parameters: {} });
      expect(resolveSettings(specs, params, { scaling: 'SmartVerticalScalingUp' }).scaling).toEqual({ heuristic: 'SmartVerticalScalingUp', parameters: {} });
    });

    it('scaling: null disables scaling only, not scaling_down ([Q-32] corrected)', () => {
      const { specs, params } = valid((_, p) => (p.scaling_down = { heuristic: 'SmartVerticalScalingDown', parameters: { a: 1 } }));
      const settings = resolveSettings(specs, params, { scaling: null });
      expect(settings.scaling).toBeNull();
      expect(settings.scalingDown).toEqual({ heuristic: 'SmartVerticalScalingDown', parameters: { a: 1 } });
    });

    it('are validated', () => {
      const { specs, params } = valid();
      const error = thrown(() => resolveSettings(specs, params, { seed: -3, rounds: 0, placement: '' }));
      expect(error.issues.map((i) => `${i.file}${i.path}`)).toEqual(['<overrides>/seed', '<overrides>/rounds', '<overrides>/placement']);
    });
  });

  it('throws when no seed is given anywhere', () => {
    const { specs, params } = valid((_, p) => delete p.simulation.random_seed);
    const error = thrown(() => resolveSettings(specs, params, {}, { params: 'p.json' }));
    expect(error.issues).toMatchObject([{ file: 'p.json', path: '/simulation/random_seed', severity: 'error' }]);
    expect(resolveSettings(specs, params, { seed: 9 }).seed).toBe(9);
  });

  it('throws for a zero-time random flow [Q-9] unless a flow file is given', () => {
    const { specs, params } = valid((s) => {
      s.data_source.packets_burst_interval = [0];
      s.data_source.packet_interval = [0];
    });
    const error = thrown(() => resolveSettings(specs, params));
    expect(error.issues[0].path).toBe('/data_source/packets_burst_interval/0');
    expect(resolveSettings(specs, params, { flowFile: 'f.csv' }).packetFlowFile).toBe('f.csv');
  });

  it('throws when mobility is on without a mobility file', () => {
    const { specs, params } = valid((_, p) => (p.simulation.execute_user_mobility = true));
    expect(thrown(() => resolveSettings(specs, params)).issues[0].path).toBe('/simulation/user_mobility_file');
    expect(resolveSettings(specs, params, { mobilityFile: 'm.csv' }).executeUserMobility).toBe(true);
  });
});
