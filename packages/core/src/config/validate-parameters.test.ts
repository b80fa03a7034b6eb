import { describe, expect, it } from 'vitest';
import { fixture, issueAt, pathsOf } from './test-fixtures.js';
import { validateParameters } from './validate.js';

function paramsWith(change: (params: Record<string, any>) => void): Record<string, any> {
  const params = fixture('S', 'params');
  change(params);
  return params;
}

describe('validateParameters', () => {
  for (const size of ['S', 'M', 'L'] as const) {
    it(`${size}-params validates with no issue at all`, () => {
      const result = validateParameters(fixture(size, 'params'), `${size}-params.json`);
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
    });
  }

  it('accepts every loose flag spelling and rejects others with a flag description', () => {
    for (const value of [0, 1, true, false, '0', '1']) {
      expect(validateParameters(paramsWith((p) => (p.simulation.share_sfc_instance = value))).ok).toBe(true);
    }
    for (const value of [2, 'yes', 'true', null]) {
      const { issues } = validateParameters(paramsWith((p) => (p.simulation.share_sfc_instance = value)));
      expect(issueAt(issues, '/simulation/share_sfc_instance')).toMatchObject({
        expected: 'a flag: 0 or 1 (also true/false, "0"/"1")',
        found: JSON.stringify(value),
      });
    }
  });

  it('accepts a numeric or string seed, and collapses the alternatives into one issue', () => {
    expect(validateParameters(paramsWith((p) => (p.simulation.random_seed = 'abc'))).ok).toBe(true);
    for (const seed of [-1, 1.5, '', {}]) {
      const { issues } = validateParameters(paramsWith((p) => (p.simulation.random_seed = seed)));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: '/simulation/random_seed', expected: 'an integer >= 0 or a non-empty string' });
    }
  });

  it("accepts the reference's loose similarity values and rejects typos", () => {
    for (const value of ['asc', 'desc', 'none', true, false, 1, 0, '', null]) {
      expect(validateParameters(paramsWith((p) => (p.simulation.order_sfc_request_by_similarity = value))).ok).toBe(true);
    }
    const { issues } = validateParameters(paramsWith((p) => (p.simulation.order_sfc_request_by_similarity = 'Desc')));
    expect(issueAt(issues, '/simulation/order_sfc_request_by_similarity').expected).toContain('"asc", "desc", "none"');
  });

  it('reports missing required keys with found "nothing"', () => {
    const { issues } = validateParameters(
      paramsWith((p) => {
        delete p.simulation.total_time;
        delete p.placement.heuristic;
      }),
    );
    expect(pathsOf(issues)).toEqual(['/placement/heuristic', '/simulation/total_time']);
    expect(issueAt(issues, '/simulation/total_time')).toMatchObject({ expected: 'required key "total_time": a number > 0', found: 'nothing' });
  });

  it('does not require random_seed (it may come from an override)', () => {
    expect(validateParameters(paramsWith((p) => delete p.simulation.random_seed)).ok).toBe(true);
  });

  it('fills every default into a copy without touching the input', () => {
    const params = { simulation: { total_time: 1000, num_rounds: 1, time_window: 100, compute_loopback_time: 0, share_sfc_instance: 0 }, placement: { heuristic: 'GreedyPlacement' } };
    const before = structuredClone(params);
    const result = validateParameters(params);
    expect(params).toEqual(before);
    expect(result.value).toEqual({
      simulation: {
        ...before.simulation,
        packet_generation: 0,
        sfc_instance_monitor_interval: 100,
        sfc_instance_monitor_window_size: 200,
        max_sla_violation_sfc_instance_shared: 1,
        order_sfc_request_by_similarity: 'none',
        log_link_events: 0,
        log_vnf_instance_events: 0,
        log_link_entity: 1,
        execute_user_mobility: 0,
        compute_link_bw_limit: 0,
        log_total_resources: 0,
        quirks: {},
        time_limit_to_packet_generation: 1000,
      },
      placement: { heuristic: 'GreedyPlacement', parameters: {}, enable_replacement: 0, max_replacement_retries: 4, replacement_backoff_slot_size: 200 },
      migration: { migration_threshold_percentage: 0.8, migration_threshold_packet_window: 10 },
    });
    expect(result.value!.scaling).toBeUndefined();
  });

  it('accepts scaling_down without scaling ([Q-32] corrected)', () => {
    const result = validateParameters(
      paramsWith((p) => {
        p.scaling_down = p.scaling;
        delete p.scaling;
      }),
    );
    expect(result.issues).toEqual([]);
  });

  it('requires monitor_window_size >= monitor_interval in both scaling slots, numbers or numeric strings', () => {
    const { issues } = validateParameters(
      paramsWith((p) => {
        p.scaling.parameters.monitor_window_size = 50;
        p.scaling_down = { heuristic: 'SmartVerticalScalingDown', parameters: { monitor_interval: '100', monitor_window_size: '99.5' } };
      }),
    );
    expect(pathsOf(issues)).toEqual(['/scaling/parameters/monitor_window_size', '/scaling_down/parameters/monitor_window_size']);
    expect(issues[0].expected).toContain('monitor_interval (100)');
    const equal = paramsWith((p) => (p.scaling.parameters.monitor_window_size = 100));
    expect(validateParameters(equal).ok).toBe(true);
  });

  it('requires time_window < total_time unless it is 0', () => {
    const { issues } = validateParameters(paramsWith((p) => (p.simulation.time_window = 3000)));
    expect(issueAt(issues, '/simulation/time_window')).toMatchObject({ severity: 'error', found: '3000' });
    expect(validateParameters(paramsWith((p) => (p.simulation.time_window = 0))).ok).toBe(true);
  });

  it('accepts the known quirk names with flag values and checks both names and values', () => {
    expect(validateParameters(paramsWith((p) => (p.simulation.quirks = { truncateVnfTimes: true, noCpuSharing: '0' }))).issues).toEqual([]);
    const { issues } = validateParameters(paramsWith((p) => (p.simulation.quirks = { truncateVnfTimes: 'yes', Q1: 1 })));
    expect(pathsOf(issues)).toEqual(['/simulation/quirks/Q1', '/simulation/quirks/truncateVnfTimes']);
  });

  it('passes heuristic parameters through as written', () => {
    const result = validateParameters(paramsWith((p) => (p.placement.parameters = { weights: { cpu: 0.5 }, mode: 'x' })));
    expect(result.value!.placement.parameters).toEqual({ weights: { cpu: 0.5 }, mode: 'x' });
  });

  it('warns about unknown keys and about a mobility file that mobility is off for', () => {
    const result = validateParameters(
      paramsWith((p) => {
        p.simulation.totl_time = 5;
        p.simulation.user_mobility_file = 'moves.csv';
        p.extra = {};
      }),
    );
    expect(result.ok).toBe(true);
    expect(pathsOf(result.issues, 'warning')).toEqual(['/extra', '/simulation/totl_time', '/simulation/user_mobility_file']);
    expect(issueAt(result.issues, '/simulation/totl_time').expected).toContain('did you mean "total_time"?');
  });
});
