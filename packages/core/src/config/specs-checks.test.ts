import { describe, expect, it } from 'vitest';
import { fixture, issueAt, pathsOf } from './test-fixtures.js';
import { validateSpecs } from './validate.js';

/** S-specs without its ignored-key warning, modified by `change`. */
function specsWith(change: (specs: Record<string, any>) => void): Record<string, any> {
  const specs = fixture('S', 'specs');
  delete specs.sfc.priority;
  change(specs);
  return specs;
}

describe('model-spec §1.6 count checks', () => {
  it('flags each sfc.vnf_num candidate above entities_number.vnfs', () => {
    const { issues } = validateSpecs(specsWith((s) => (s.sfc.vnf_num = [2, 5, 4, 6])));
    expect(pathsOf(issues)).toEqual(['/sfc/vnf_num/1', '/sfc/vnf_num/3']);
    expect(issueAt(issues, '/sfc/vnf_num/1')).toMatchObject({ expected: expect.stringContaining('at most entities_number.vnfs (4)'), found: '5' });
  });

  it('flags user.sfc_request_num above entities_number.sfcs', () => {
    const { issues } = validateSpecs(specsWith((s) => (s.user.sfc_request_num = [3, 4])));
    expect(pathsOf(issues)).toEqual(['/user/sfc_request_num/1']);
    expect(issues[0].expected).toContain('entities_number.sfcs (3)');
  });

  it('flags node.vnf_num above entities_number.vnfs', () => {
    const { issues } = validateSpecs(specsWith((s) => (s.node.vnf_num = [5])));
    expect(pathsOf(issues)).toEqual(['/node/vnf_num/0']);
  });

  it('skips a count check whose limit is ill-typed, while still reporting the type error', () => {
    const { issues } = validateSpecs(
      specsWith((s) => {
        s.entities_number.vnfs = 'four';
        s.sfc.vnf_num = [9];
      }),
    );
    expect(pathsOf(issues)).toEqual(['/entities_number/vnfs']);
  });

  it('reports schema and semantic errors together', () => {
    const { issues } = validateSpecs(
      specsWith((s) => {
        s.vnf.cpu = [-1];
        s.sfc.vnf_num = [9];
      }),
    );
    expect(pathsOf(issues)).toEqual(['/sfc/vnf_num/0', '/vnf/cpu/0']);
  });
});

describe('node checks', () => {
  const withLocations = (probs: number[]) =>
    specsWith((s) => (s.node.location = probs.map((node_prob, i) => ({ key: `K${i}`, node_prob }))));

  it('requires the rounded location probabilities to sum to at least 1', () => {
    const { issues } = validateSpecs(withLocations([0.4, 0.3, 0.2, 0.09]));
    expect(issueAt(issues, '/node/location')).toMatchObject({ severity: 'error', found: 'node_prob values summing to 0.99' });
  });

  it('rounds each probability to 2 decimals (half to even) before summing', () => {
    expect(validateSpecs(withLocations([0.996])).ok).toBe(true); // rounds to 1.00
    expect(validateSpecs(withLocations([0.994])).ok).toBe(false); // rounds to 0.99
    // Exact sum 1, but Python's round gives 0.62 + 0.12 + 0.25 = 0.99 (ties to even); half-up would give 1.01.
    expect(issueAt(validateSpecs(withLocations([0.625, 0.125, 0.25])).issues, '/node/location').severity).toBe('error');
    expect(validateSpecs(withLocations([0.1, 0.2, 0.3, 0.4])).ok).toBe(true); // 1 despite float addition
  });

  it('warns when the probabilities sum above 1', () => {
    const result = validateSpecs(withLocations([0.6, 0.6]));
    expect(result.ok).toBe(true);
    expect(issueAt(result.issues, '/node/location').severity).toBe('warning');
  });

  it('requires ran_node_prob + core_node_prob <= 1', () => {
    const { issues } = validateSpecs(
      specsWith((s) => {
        s.node.ran_node_prob = 0.7;
        s.node.core_node_prob = 0.5;
      }),
    );
    expect(issueAt(issues, '/node/core_node_prob')).toMatchObject({ severity: 'error', found: '0.5', expected: expect.stringContaining('at most 0.3') });
    const exact = specsWith((s) => {
      s.node.ran_node_prob = 0.7;
      s.node.core_node_prob = 0.3;
    });
    expect(validateSpecs(exact).ok).toBe(true);
  });

  it('warns about idle-power candidates that can never be used and energy_max values without one', () => {
    const partial = validateSpecs(
      specsWith((s) => {
        s.node.energy_max = [100, 300];
        s.node.energy_idle = [150, 300];
      }),
    );
    expect(partial.ok).toBe(true);
    expect(pathsOf(partial.issues, 'warning')).toEqual(['/node/energy_idle/1', '/node/energy_max/0']);
  });

  it('rejects an idle-power list that no energy_max exceeds, but accepts an empty one', () => {
    const dead = validateSpecs(
      specsWith((s) => {
        s.node.energy_max = [200, 300];
        s.node.energy_idle = [300, 400];
      }),
    );
    expect(issueAt(dead.issues, '/node/energy_idle')).toMatchObject({ severity: 'error', found: '[300,400]' });
    expect(validateSpecs(specsWith((s) => (s.node.energy_idle = []))).issues).toEqual([]);
  });
});

describe('request and arrival checks', () => {
  it('warns when no SFC request can be generated', () => {
    const noUsers = validateSpecs(specsWith((s) => (s.entities_number.users = 0)));
    expect(noUsers.ok).toBe(true);
    expect(pathsOf(noUsers.issues, 'warning')).toEqual(['/entities_number/users']);
    const noRequests = validateSpecs(specsWith((s) => (s.user.sfc_request_num = [0])));
    expect(pathsOf(noRequests.issues, 'warning')).toEqual(['/user/sfc_request_num']);
  });

  it('warns that increase_requests_per_window is ignored with poisson arrivals', () => {
    const result = validateSpecs(specsWith((s) => (s.sfc_requests.increase_requests_per_window = 2)));
    expect(result.ok).toBe(true);
    expect(pathsOf(result.issues, 'warning')).toEqual(['/sfc_requests/increase_requests_per_window']);
  });
});

describe('slices (@nss extension)', () => {
  it('accepts slices of existing SFC types', () => {
    const result = validateSpecs(specsWith((s) => (s.slices = [{ name: 'embb', sfcs: ['s_0', 's_2'] }, { name: 'urllc', sfcs: ['s_1'] }])));
    expect(result.issues).toEqual([]);
    expect(result.value!.slices).toHaveLength(2);
  });

  it('rejects unknown SFC names, an SFC in two slices and duplicate slice names', () => {
    const { issues } = validateSpecs(
      specsWith(
        (s) =>
          (s.slices = [
            { name: 'a', sfcs: ['s_0', 's_3', 's_01'] },
            { name: 'b', sfcs: ['s_0', 's_1', 's_1'] },
            { name: 'a', sfcs: ['s_2'] },
          ]),
      ),
    );
    expect(pathsOf(issues)).toEqual(['/slices/0/sfcs/1', '/slices/0/sfcs/2', '/slices/1/sfcs/0', '/slices/1/sfcs/2', '/slices/2/name']);
    expect(issueAt(issues, '/slices/0/sfcs/1').expected).toBe('an SFC type name among s_0 … s_2');
    expect(issueAt(issues, '/slices/1/sfcs/0').expected).toContain('already in slice "a"');
    expect(issueAt(issues, '/slices/1/sfcs/2').expected).toContain('listed twice in slice "b"');
  });

  it('validates the slice structure with the schema', () => {
    const { issues } = validateSpecs(specsWith((s) => (s.slices = [{ name: '', sfcs: [] }])));
    expect(pathsOf(issues)).toEqual(['/slices/0/name', '/slices/0/sfcs']);
  });
});
