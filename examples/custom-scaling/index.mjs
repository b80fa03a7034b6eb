// A custom scaling plugin, "threshold", written and run as an outside user would: define it with
// defineScaling, generate an environment from an inline specs object, resolve the settings, and compare
// a run without scaling with a run where the strategy scales VNF instances' CPU up and down.
//
//   node index.mjs
import {
  assertValidScenario,
  defineScaling,
  generateEnvironment,
  resolveSettings,
  runSimulation,
} from '@nss/core';
import { greedyPlacement } from '@nss/placement-greedy';

// ---------------------------------------------------------------------------------------------- plugin

/**
 * Every `monitorInterval` ms, for each running VNF instance: busy more than `upAbove` of the window ⇒
 * CPU × (1 + step); busy less than `downBelow` ⇒ CPU ÷ (1 + step), never below the VNF type's minimum.
 * The core checks each action (free CPU on the node, the minimum) and logs a *_FAIL event with the
 * reason for those it refuses.
 */
export const thresholdScaling = defineScaling({
  name: 'threshold',
  description: 'Vertical CPU scaling on the busy fraction of each VNF instance over the last interval.',
  parameters: {
    type: 'object',
    properties: {
      monitorInterval: { type: 'number', exclusiveMinimum: 0, default: 250, description: 'ms between decisions.' },
      upAbove: { type: 'number', minimum: 0, maximum: 1, default: 0.5, description: 'Busy fraction above which CPU grows.' },
      downBelow: { type: 'number', minimum: 0, maximum: 1, default: 0.1, description: 'Busy fraction below which CPU shrinks.' },
      step: { type: 'number', exclusiveMinimum: 0, default: 0.5, description: 'Relative CPU change per decision.' },
    },
  },
  create(p) {
    return {
      name: 'threshold',
      monitorInterval: p.monitorInterval,
      windowSize: p.monitorInterval,
      monitor(view) {
        const actions = [];
        for (const v of view.vnfInstances) {
          if (v.state !== 'running') continue;
          const busy = `busy ${(v.utilization * 100).toFixed(0)} % of the last ${view.time - view.windowStart} ms`;
          if (v.utilization > p.upAbove) {
            actions.push({ kind: 'vertical', instance: v.name, cpu: v.cpu * (1 + p.step), reason: busy });
          } else if (v.utilization < p.downBelow && v.cpu > v.cpuMin) {
            actions.push({ kind: 'vertical', instance: v.name, cpu: Math.max(v.cpuMin, v.cpu / (1 + p.step)), reason: busy });
          }
        }
        return actions;
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------- scenario

/** A small scenario with VNF instances that are too slow for their traffic at their initial CPU. */
const specs = {
  entities_number: { nodes: 5, vnfs: 4, sfcs: 2, users: 8, data_sources: 2 },
  vnf: {
    cpu: [5000],
    mem: [10000],
    max_share: [2],
    min_bandwidth: [0],
    packet_mem_demand: [1],
    remote_data_access_cost: [0],
    remote_data_access_prob: [0],
    packet_cpu_demand: [1],
    packet_network_demand: [1],
    startup_ipt: [10000],
    shutdown_ipt: [10000],
    timeout: [1000],
    max_packet_queue: [50],
  },
  node: {
    cpu: [1000000],
    mem: [1000000],
    vnf_num: [2, 3],
    group: ['edge'],
    energy_max: [300],
    energy_idle: [120],
    disk_delay: [5],
    ran_node_prob: 0.4,
    core_node_prob: 0.2,
    location: [{ name: 'Site A', key: 'A', node_prob: 1 }],
  },
  sfc: { vnf_num: [2], max_latency: [60], timeout: [1000] },
  link: {
    bandwidth: [2000000],
    loss_rate: [0],
    propagation: [1, 2],
    energy_consumption: [15],
    num_links_between_nodes: [1],
    loopback_bandwidth: [10000000],
  },
  user: { sfc_request_num: [1], latency: [0], bandwidth: [0], loss_rate: [0], priority: [1] },
  data_source: { packet_size: [40, 60], packet_interval: [5], packets_burst_size: [5], packets_burst_interval: [40] },
  sfc_requests: { arrival: 'poisson', duration: [4000] },
};

const parameters = {
  simulation: {
    total_time: 6000,
    num_rounds: 3,
    random_seed: 7,
    time_window: 500,
    compute_loopback_time: 1,
    share_sfc_instance: 0,
    packet_generation: 1,
  },
  placement: { heuristic: 'greedy' },
};

// ---------------------------------------------------------------------------------------------- run

const scenario = assertValidScenario(specs, parameters);
const settings = resolveSettings(scenario.specs, scenario.params);
const environment = generateEnvironment(scenario.specs, settings.seed, settings);
const placement = { plugin: greedyPlacement };

const fmt = (stat, digits) => (stat.mean === null ? 'n/a' : stat.mean.toFixed(digits));

console.log(
  `${environment.sfcRequests.length} SFC requests, ${settings.numRounds} rounds of ${settings.totalTime} ms ` +
    `(seed ${settings.seed}); figures are means over the rounds`,
);
const runs = [
  { label: 'no scaling', scaling: [] },
  { label: 'threshold', scaling: [{ plugin: thresholdScaling, parameters: { monitorInterval: 250, upAbove: 0.5 } }] },
];
for (const run of runs) {
  const { summary } = await runSimulation({ environment, settings, plugins: { placement, scaling: run.scaling } });
  console.log(
    `${run.label}: scaling up ${fmt(summary.scaling.up, 1)} down ${fmt(summary.scaling.down, 1)} ` +
      `failed ${fmt(summary.scaling.failed, 1)}, delay mean ${fmt(summary.delayMs.mean, 2)} ms ` +
      `p95 ${fmt(summary.delayMs.p95, 2)} ms, SLA violation rate ${(summary.sla.violationRate.mean * 100).toFixed(2)} %`,
  );
}
