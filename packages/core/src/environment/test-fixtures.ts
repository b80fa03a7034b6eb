import { readFileSync } from 'node:fs';
import type { SpecsFile } from '../config/index.js';

/** The reference scenarios S/M/L kept in `scenarios/reference/` (valid, defaults present). @internal */
export function scenarioSpecs(size: 'S' | 'M' | 'L'): SpecsFile {
  return JSON.parse(readFileSync(new URL(`../../../../scenarios/reference/${size}-specs.json`, import.meta.url), 'utf8')) as SpecsFile;
}

/** Timing of the shared scenarios' parameter files (total_time 3000 ms, time_window 500 ms). @internal */
export const TIMING = { totalTime: 3000, timeWindow: 500 } as const;

/** A small specs file, inline; `patch` edits a deep copy. @internal */
export function smallSpecs(patch?: (s: SpecsFile) => void): SpecsFile {
  const specs: SpecsFile = {
    entities_number: { nodes: 5, vnfs: 6, sfcs: 4, users: 7, data_sources: 3 },
    vnf: {
      cpu: [100, 200],
      mem: [10, 20],
      max_share: [1, 2],
      min_bandwidth: [0],
      packet_mem_demand: [1],
      remote_data_access_cost: [3],
      remote_data_access_prob: [0.1],
      packet_cpu_demand: [1],
      packet_network_demand: [1],
      startup_ipt: [4000],
      shutdown_ipt: [4000],
      timeout: [1000],
      max_packet_queue: [100, -1],
      resource_intensive: ['CPU', 'Memory'],
    },
    node: {
      cpu: [1000, 2000],
      mem: [1000],
      vnf_num: [1, 2],
      group: [1, 'edge'],
      energy_max: [200, 300],
      energy_idle: [100, 250],
      disk_delay: [5],
      ran_node_prob: 0.3,
      core_node_prob: 0.3,
      location: [
        { name: 'A', key: 'A', node_prob: 0.5 },
        { name: 'B', key: 'B', node_prob: 0.5 },
      ],
    },
    sfc: { vnf_num: [2, 3, 4], max_latency: [15, 30], timeout: [1000] },
    link: {
      bandwidth: [1000, 2000, 3000],
      loss_rate: [0, 0.01],
      propagation: [1, 2, 3],
      energy_consumption: [13, 14],
      num_links_between_nodes: [1, 2, 3],
      loopback_bandwidth: [100000],
      max_packet_queue: [-1, 10, 20, 30],
    },
    user: { sfc_request_num: [1, 2, 3], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0, 2] },
    data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [100] },
    sfc_requests: { arrival: 'poisson', duration: [3000, 6000], max_arrival_time: 2000 },
  };
  patch?.(specs);
  return specs;
}
