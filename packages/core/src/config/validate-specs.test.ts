import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue } from '../errors.js';
import { fixture, issueAt, pathsOf } from './test-fixtures.js';
import { assertValidSpecs, validateSpecs } from './validate.js';

describe('validateSpecs: shared scenarios', () => {
  for (const size of ['S', 'M', 'L'] as const) {
    it(`${size}-specs has no error, only the known-ignored sfc.priority warning`, () => {
      const result = validateSpecs(fixture(size, 'specs'), `${size}-specs.json`);
      expect(pathsOf(result.issues, 'error')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.issues).toEqual([
        {
          file: `${size}-specs.json`,
          path: '/sfc/priority',
          expected: 'nothing: "priority" is ignored by the model (a README-only field)',
          found: '[1]',
          severity: 'warning',
        },
      ]);
    });
  }
});

describe('validateSpecs: schema errors', () => {
  it('reports three different mistakes together, each at its JSON path', () => {
    const specs = fixture('S', 'specs');
    specs.vnf.cpu = [20000, -5];
    delete specs.node.ran_node_prob;
    specs.sfc_requests.arrival = 'uniform';
    const result = validateSpecs(specs, 'specs.json');
    expect(result.ok).toBe(false);
    expect(result.value).toBeUndefined();
    expect(pathsOf(result.issues)).toEqual(['/node/ran_node_prob', '/sfc_requests/arrival', '/vnf/cpu/1']);
    expect(issueAt(result.issues, '/vnf/cpu/1')).toMatchObject({ file: 'specs.json', expected: 'a number > 0', found: '-5' });
    expect(issueAt(result.issues, '/node/ran_node_prob')).toMatchObject({
      expected: 'required key "ran_node_prob": a number between 0 and 1',
      found: 'nothing',
    });
    expect(issueAt(result.issues, '/sfc_requests/arrival')).toMatchObject({
      expected: 'one of poisson, linear',
      found: '"uniform"',
    });
  });

  it('describes list, integer and probability constraints in words', () => {
    const specs = fixture('S', 'specs');
    specs.vnf.mem = [];
    specs.vnf.max_share = [0];
    specs.vnf.max_packet_queue = [-2];
    specs.vnf.remote_data_access_prob = [1.5];
    specs.link.bandwidth = [0];
    specs.sfc.priorities_order = [1, 4];
    specs.entities_number.nodes = 1;
    specs.entities_number.data_sources = 0;
    const { issues } = validateSpecs(specs);
    expect(issueAt(issues, '/vnf/mem')).toMatchObject({ expected: 'a non-empty list of numbers > 0', found: '[]' });
    expect(issueAt(issues, '/vnf/max_share/0').expected).toBe('an integer >= 1');
    expect(issueAt(issues, '/vnf/max_packet_queue/0').expected).toBe('an integer >= -1');
    expect(issueAt(issues, '/vnf/remote_data_access_prob/0').expected).toBe('a number between 0 and 1');
    expect(issueAt(issues, '/link/bandwidth/0').expected).toBe('a number > 0');
    expect(issueAt(issues, '/sfc/priorities_order/1')).toMatchObject({ expected: 'one of 1, 2, 3', found: '4' });
    expect(issueAt(issues, '/entities_number/nodes')).toMatchObject({ expected: 'an integer >= 2', found: '1' });
    expect(issueAt(issues, '/entities_number/data_sources').expected).toBe('an integer >= 1');
    expect(issues[0].file).toBe('<specs>');
  });

  it('reports a value that breaks two keywords (type and minimum) once', () => {
    const specs = fixture('S', 'specs');
    specs.vnf.max_share = [0.5];
    const { issues } = validateSpecs(specs);
    expect(issues.filter((i) => i.path === '/vnf/max_share/0')).toHaveLength(1);
  });

  it('requires increase_requests_per_window for linear arrivals only', () => {
    const specs = fixture('S', 'specs');
    specs.sfc_requests.arrival = 'linear';
    expect(pathsOf(validateSpecs(specs).issues)).toEqual(['/sfc_requests/increase_requests_per_window']);
    specs.sfc_requests.increase_requests_per_window = 1;
    expect(validateSpecs(specs).ok).toBe(true);
  });

  it('cuts long found values', () => {
    const specs = fixture('S', 'specs');
    specs.node.cpu = 'x'.repeat(500);
    const found = issueAt(validateSpecs(specs).issues, '/node/cpu').found;
    expect(found.length).toBeLessThanOrEqual(80);
    expect(found.endsWith('…')).toBe(true);
  });

  it('rejects a document that is not an object', () => {
    const result = validateSpecs([1, 2]);
    expect(result.ok).toBe(false);
    expect(issueAt(result.issues, '').expected).toMatch(/^an object/);
  });
});

describe('validateSpecs: warnings', () => {
  it('reports unknown keys as warnings that keep the result valid, with a typo hint', () => {
    const specs = fixture('S', 'specs');
    specs.vnf.cpus = [1];
    specs.comment = 'hello';
    const result = validateSpecs(specs);
    expect(result.ok).toBe(true);
    expect(result.value).toBeDefined();
    const typo = issueAt(result.issues, '/vnf/cpus');
    expect(typo.severity).toBe('warning');
    expect(typo.expected).toContain('did you mean "cpu"?');
    expect(typo.found).toBe('unknown key "cpus"');
    expect(issueAt(result.issues, '/comment').severity).toBe('warning');
  });

  it('does not offer ignored README keys as known keys', () => {
    const specs = fixture('S', 'specs');
    specs.sfc.prio = 1;
    const expected = issueAt(validateSpecs(specs).issues, '/sfc/prio').expected;
    expect(expected).toContain('priorities_order');
    expect(expected).not.toContain('mean_packet_creation');
  });

  it('warns about each known-ignored README key', () => {
    const specs = fixture('S', 'specs');
    specs.sfc.mean_packet_creation = [5];
    const result = validateSpecs(specs);
    expect(result.ok).toBe(true);
    expect(pathsOf(result.issues, 'warning')).toEqual(['/sfc/mean_packet_creation', '/sfc/priority']);
    expect(issueAt(result.issues, '/sfc/mean_packet_creation').expected).toContain('traffic shape comes from data_source');
  });

  it('accepts a $schema key silently', () => {
    const specs = fixture('S', 'specs');
    delete specs.sfc.priority;
    specs.$schema = './node_modules/@nss/core/schemas/specs.schema.json';
    expect(validateSpecs(specs).issues).toEqual([]);
  });
});

describe('validateSpecs: defaults and immutability', () => {
  it('fills defaults into a copy and leaves the input untouched', () => {
    const specs = fixture('S', 'specs');
    delete specs.vnf.resource_intensive;
    delete specs.link.max_packet_queue;
    delete specs.node.energy_idle;
    const before = structuredClone(specs);
    const result = validateSpecs(specs);
    expect(result.ok).toBe(true);
    expect(specs).toEqual(before);
    const value = result.value!;
    expect(value.vnf.resource_intensive).toEqual(['CPU']);
    expect(value.link.max_packet_queue).toEqual([-1]);
    expect(value.node.energy_idle).toEqual([]);
    expect(value.sfc_requests.max_arrival_time).toBeUndefined();
    expect(value.sfc.priorities_order).toBeUndefined();
    expect(value.vnf).not.toBe(specs.vnf);
    value.vnf.cpu.push(1);
    expect(specs.vnf.cpu).toEqual([20000, 40000]);
  });

  it('keeps given values over defaults', () => {
    const specs = fixture('S', 'specs');
    specs.link.max_packet_queue = [5];
    expect(validateSpecs(specs).value!.link.max_packet_queue).toEqual([5]);
  });

  it('assertValidSpecs returns the value or throws a ConfigError with every issue', () => {
    expect(assertValidSpecs(fixture('S', 'specs')).entities_number.nodes).toBe(4);
    const specs = fixture('S', 'specs');
    specs.vnf.cpu = [0];
    specs.node.mem = [-1];
    specs.sfc.extra = 1;
    let caught: unknown;
    try {
      assertValidSpecs(specs, 'bad.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.code).toBe('NSS_CONFIG_INVALID');
    expect(pathsOf(error.issues)).toEqual(['/node/mem/0', '/vnf/cpu/0']);
    expect(pathsOf(error.issues, 'warning')).toContain('/sfc/extra');
    expect(error.message).toContain('2 problems found');
    expect(error.message).toContain(formatIssue(error.issues.find((i) => i.path === '/vnf/cpu/0')!));
  });
});
