import { PluginError, PluginParametersError, Rng, checkParameters, instantiate } from '@nss/core';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './parameters.js';
import { smartVerticalDown } from './vertical-down.js';
import { smartVerticalUp, tcpVerticalUp } from './vertical-up.js';
import { scalingPlugins } from './index.js';

const ctx = { rng: new Rng(1).stream('scaling/0') };

describe('plugin definitions', () => {
  it('names and aliases', () => {
    expect(scalingPlugins.map((p) => [p.kind, p.name, p.aliases])).toEqual([
      ['scaling', 'smart-vertical-up', ['SmartVerticalScalingUp']],
      ['scaling', 'tcp-vertical-up', ['TCPInspiredVerticalScalingUp']],
      ['scaling', 'smart-vertical-down', ['SmartVerticalScalingDown']],
    ]);
  });

  it('applies the defaults and accepts the reference stringified values', () => {
    const s = instantiate(
      smartVerticalUp,
      {
        resource_increment: '0.1',
        monitor_interval: '100',
        monitor_window_size: '200',
        cpu_node_available_importance: '1',
        mem_node_available_importance: '0',
        prioritize_nodes_with_more_resource_available: '0',
        cpu_vnf_load_importance: '1',
        mem_vnf_load_importance: '1',
        load_vnf_instance_limit: '0',
        acceptable_sla_violation_rate: { default: '0.1', s_0: '0.2' },
        waiting_time_between_scaling_ups: '50',
      },
      ctx,
    );
    expect(s.monitorInterval).toBe(100);
    expect(s.windowSize).toBe(200);
    const d = instantiate(smartVerticalDown, {}, ctx);
    expect(d.monitorInterval).toBe(DEFAULTS.monitor_interval);
    expect(d.windowSize).toBe(DEFAULTS.monitor_window_size);
  });

  it('rejects names the reference rejects (resource_decrement for the up-scaler, §8.8)', () => {
    expect(() => instantiate(smartVerticalUp, { resource_decrement: 0.1 }, ctx)).toThrow(PluginParametersError);
    expect(() => instantiate(smartVerticalDown, { resource_increment: 0.1 }, ctx)).toThrow(PluginParametersError);
  });
});

describe('parameter errors name the plugin, the parameter, the value and the rule', () => {
  const cases: [string, Parameters<typeof instantiate>[0], Record<string, unknown>, RegExp][] = [
    ['zero increment', smartVerticalUp, { resource_increment: 0 }, /smart-vertical-up.*resource_increment.*0/s],
    ['negative increment', tcpVerticalUp, { resource_increment: -0.1 }, /tcp-vertical-up.*resource_increment.*-0\.1/s],
    ['zero decrement', smartVerticalDown, { resource_decrement: 0 }, /smart-vertical-down.*resource_decrement.*0/s],
    ['rate above 1', smartVerticalUp, { acceptable_sla_violation_rate: { default: 1.5 } }, /acceptable_sla_violation_rate.*1\.5/s],
    ['negative SFC rate', smartVerticalUp, { acceptable_sla_violation_rate: { default: 0.1, s_0: -1 } }, /acceptable_sla_violation_rate.*s_0.*-1/s],
    ['threshold above 1', tcpVerticalUp, { threshold: 2 }, /tcp-vertical-up.*threshold.*2/s],
  ];
  for (const [what, plugin, params, message] of cases) {
    it(`${what}: rejected by the host's validation and by create`, () => {
      expect(() => instantiate(plugin, params, ctx)).toThrow(PluginError);
      expect(() => instantiate(plugin, params, ctx)).toThrow(message);
      // create alone (without the host's schema validation) applies the same rules
      expect(() => plugin.create(params, ctx)).toThrow(PluginError);
      expect(() => plugin.create(params, ctx)).toThrow(message);
    });
  }

  it('monitor_window_size < monitor_interval: PluginError from create', () => {
    expect(checkParameters(smartVerticalUp, { monitor_interval: 200, monitor_window_size: 100 }).ok).toBe(true);
    const call = (): unknown => instantiate(smartVerticalUp, { monitor_interval: 200, monitor_window_size: 100 }, ctx);
    expect(call).toThrow(PluginError);
    expect(call).toThrow(/scaling plugin "smart-vertical-up": parameter "monitor_window_size" = 100 is invalid: it must be >= monitor_interval \(200\)/);
  });

  it('weights all zero', () => {
    expect(() => instantiate(smartVerticalUp, { cpu_node_available_importance: 0, mem_node_available_importance: '0' }, ctx)).toThrow(
      /smart-vertical-up.*"cpu_node_available_importance", "mem_node_available_importance" are all 0.*at least one/,
    );
    expect(() => instantiate(tcpVerticalUp, { cpu_vnf_load_importance: 0, mem_vnf_load_importance: 0 }, ctx)).toThrow(
      /tcp-vertical-up.*cpu_vnf_load_importance.*all 0/,
    );
    expect(() =>
      instantiate(
        smartVerticalDown,
        { load_metric_importance: 0, process_contribution_importance: 0, resource_available_importance: 0 },
        ctx,
      ),
    ).toThrow(/smart-vertical-down.*load_metric_importance.*process_contribution_importance.*resource_available_importance.*all 0/);
  });

  it('negative weights', () => {
    expect(() => instantiate(smartVerticalUp, { cpu_vnf_load_importance: -1 }, ctx)).toThrow(/cpu_vnf_load_importance.*-1/s);
    expect(() => smartVerticalUp.create({ cpu_vnf_load_importance: -1 } as never, ctx)).toThrow(
      /parameter "cpu_vnf_load_importance" = -1 is invalid: it must be >= 0/,
    );
  });
});
