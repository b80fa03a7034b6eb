import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { fixture, issueAt, pathsOf } from './test-fixtures.js';
import { assertValidScenario, validateScenario } from './validate.js';

const FILES = { specs: 'specs.json', params: 'params.json' };

/** S scenario (without its ignored-key warning), modified. */
function scenario(change: (specs: Record<string, any>, params: Record<string, any>) => void) {
  const specs = fixture('S', 'specs');
  const params = fixture('S', 'params');
  delete specs.sfc.priority;
  change(specs, params);
  return validateScenario(specs, params, FILES);
}

/** Linear arrivals: 3 users; total_time 1500, time_window 500 ⇒ max_arrival_time 1000 ⇒ W = 2, W(W+1)/2 = 3. */
function linear(increase: number, requestNums: number[]) {
  return scenario((specs, params) => {
    specs.sfc_requests.arrival = 'linear';
    specs.sfc_requests.increase_requests_per_window = increase;
    specs.user.sfc_request_num = requestNums;
    params.simulation.total_time = 1500;
  });
}

describe('validateScenario', () => {
  for (const size of ['S', 'M', 'L'] as const) {
    it(`${size} validates with no error and returns both documents with defaults`, () => {
      const result = validateScenario(fixture(size, 'specs'), fixture(size, 'params'));
      expect(pathsOf(result.issues)).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.specs!.link.max_packet_queue).toEqual([-1]);
      expect(result.params!.migration).toEqual({ migration_threshold_percentage: 0.8, migration_threshold_packet_window: 10 });
    });
  }

  it('labels issues with the file names, specs first', () => {
    const result = scenario((specs, params) => {
      specs.vnf.cpu = [0];
      params.simulation.num_rounds = 0;
    });
    expect(result.ok).toBe(false);
    expect(result.specs).toBeUndefined();
    expect(result.issues.map((i) => `${i.file}${i.path}`)).toEqual(['specs.json/vnf/cpu/0', 'params.json/simulation/num_rounds']);
  });

  describe('linear arrivals (counted against requests, [Q-6] corrected)', () => {
    it('accepts inc·W(W+1)/2 equal to the number of requests', () => {
      expect(linear(1, [1]).issues).toEqual([]);
      expect(linear(2, [2]).issues).toEqual([]); // 6 requests from 3 users: the reference would demand 3
    });

    it('rejects a count equal to the number of users but not of requests', () => {
      const { issues } = linear(1, [2]);
      expect(issueAt(issues, '/sfc_requests/increase_requests_per_window')).toMatchObject({
        file: 'specs.json',
        severity: 'error',
        found: '1 (gives 3 arrival instants)',
        expected: expect.stringMatching(/number of SFC requests \(6\); W = 2 windows of 500 ms before max_arrival_time 1000, e\.g\. 2$/),
      });
    });

    it('uses an explicit max_arrival_time', () => {
      const result = scenario((specs) => {
        specs.sfc_requests.arrival = 'linear';
        specs.sfc_requests.increase_requests_per_window = 1;
        specs.sfc_requests.max_arrival_time = 1000;
      });
      expect(result.issues).toEqual([]);
    });

    it('checks a range when sfc_request_num has several candidates', () => {
      const inside = linear(1, [1, 2]);
      expect(inside.ok).toBe(true);
      expect(issueAt(inside.issues, '/sfc_requests/increase_requests_per_window').severity).toBe('warning');
      const outside = linear(3, [1, 2]);
      expect(issueAt(outside.issues, '/sfc_requests/increase_requests_per_window')).toMatchObject({
        severity: 'error',
        expected: expect.stringContaining('(3 to 6)'),
      });
    });

    it('requires time_window > 0', () => {
      const result = scenario((specs, params) => {
        specs.sfc_requests.arrival = 'linear';
        specs.sfc_requests.increase_requests_per_window = 1;
        params.simulation.time_window = 0;
      });
      expect(result.issues.map((i) => `${i.file}${i.path}`)).toEqual(['params.json/simulation/time_window']);
    });
  });

  it('rejects max_arrival_time > total_time', () => {
    const { issues } = scenario((specs) => (specs.sfc_requests.max_arrival_time = 3001));
    expect(issueAt(issues, '/sfc_requests/max_arrival_time')).toMatchObject({ file: 'specs.json', expected: 'at most simulation.total_time (3000)' });
  });

  describe('readiness (depends on overrides)', () => {
    const zeroMeans = (specs: Record<string, any>) => {
      specs.data_source.packets_burst_interval = [0, 100];
      specs.data_source.packets_burst_size = [0, 4];
    };

    it('rejects random flows that can create packets forever at one instant [Q-9]', () => {
      const { issues } = scenario(zeroMeans);
      expect(pathsOf(issues)).toEqual(['/data_source/packets_burst_interval/0']);
      expect(issues[0].expected).toContain('packets_burst_size');
    });

    it('accepts them with a packet flow file, or without packet generation', () => {
      expect(scenario((s, p) => (zeroMeans(s), (p.simulation.packet_flow_file = 'flows.csv'))).ok).toBe(true);
      expect(scenario((s, p) => (zeroMeans(s), (p.simulation.packet_generation = 0))).ok).toBe(true);
      const specs = fixture('S', 'specs');
      zeroMeans(specs);
      expect(validateScenario(specs, fixture('S', 'params'), FILES, { flowFile: 'flows.csv' }).ok).toBe(true);
    });

    it('requires a seed in the file or as an override', () => {
      const specs = fixture('S', 'specs');
      const params = fixture('S', 'params');
      delete params.simulation.random_seed;
      const { issues } = validateScenario(specs, params, FILES);
      expect(issueAt(issues, '/simulation/random_seed')).toMatchObject({ file: 'params.json', severity: 'error', found: 'nothing' });
      expect(validateScenario(specs, params, FILES, { seed: 'abc' }).ok).toBe(true);
    });

    it('requires a mobility file when mobility is on', () => {
      const { issues } = scenario((_, p) => (p.simulation.execute_user_mobility = '1'));
      expect(pathsOf(issues)).toEqual(['/simulation/user_mobility_file']);
      expect(scenario((_, p) => ((p.simulation.execute_user_mobility = 1), (p.simulation.user_mobility_file = 'm.csv'))).ok).toBe(true);
    });
  });

  it('assertValidScenario throws one ConfigError with the errors of both files', () => {
    const specs = fixture('S', 'specs');
    const params = fixture('S', 'params');
    specs.node.cpu = [0];
    params.placement = {};
    expect(() => assertValidScenario(specs, params, FILES)).toThrow(ConfigError);
    try {
      assertValidScenario(specs, params, FILES);
    } catch (error) {
      const issues = (error as ConfigError).issues.filter((i) => i.severity === 'error');
      expect(issues.map((i) => `${i.file}${i.path}`)).toEqual(['specs.json/node/cpu/0', 'params.json/placement/heuristic']);
    }
    const valid = assertValidScenario(fixture('M', 'specs'), fixture('M', 'params'));
    expect(valid.specs.entities_number.nodes).toBe(6);
    expect(pathsOf(valid.warnings, 'warning')).toEqual(['/sfc/priority']);
  });
});
