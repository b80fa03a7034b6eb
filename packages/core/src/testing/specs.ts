/**
 * Specs files (the generator's input) for tests: a small valid one to patch, a stressed one that
 * exercises every packet ending, a tight one for placement feasibility, and a single-VNF overload one.
 */
import type { SpecsFile } from '../config/index.js';

/**
 * A small valid specs file (5 nodes, 6 VNF types, 4 SFC types, 7 users, 3 data sources), a fresh copy
 * each call; `patch` edits it before it is returned.
 */
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

/**
 * Tight specs for placement tests: nodes hold a few instances, links a few bookings (min_bandwidth close to bandwidth):
 * capacity conflicts are frequent, so both accepted and rejected chains occur.
 */
export function tightSpecs(nodes = 6, users = 12): SpecsFile {
  return {
    entities_number: { nodes, vnfs: 4, sfcs: 3, users, data_sources: 2 },
    vnf: {
      cpu: [200, 400],
      mem: [100, 300],
      max_share: [1, 2, 3],
      min_bandwidth: [40, 80],
      packet_mem_demand: [1],
      remote_data_access_cost: [0],
      remote_data_access_prob: [0],
      packet_cpu_demand: [1, 2],
      packet_network_demand: [1, 0.5],
      startup_ipt: [0],
      shutdown_ipt: [0],
      timeout: [1000],
      max_packet_queue: [-1],
      resource_intensive: ['CPU'],
    },
    node: {
      cpu: [1000, 2000],
      mem: [800, 1500],
      vnf_num: [2, 3],
      group: [1],
      energy_max: [200, 300],
      energy_idle: [100, 150],
      disk_delay: [5],
      ran_node_prob: 0.3,
      core_node_prob: 0.3,
      location: [{ name: 'A', key: 'A', node_prob: 1 }],
    },
    sfc: { vnf_num: [2, 3, 4], max_latency: [15, 30], timeout: [1000] },
    link: {
      bandwidth: [100, 200],
      loss_rate: [0],
      propagation: [1, 2, 3],
      energy_consumption: [13, 14],
      num_links_between_nodes: [1, 2],
      loopback_bandwidth: [300],
      max_packet_queue: [-1],
    },
    user: { sfc_request_num: [1, 2, 3], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0] },
    data_source: { packet_size: [50, 100], packet_interval: [2], packets_burst_size: [4], packets_burst_interval: [100] },
    sfc_requests: { arrival: 'poisson', duration: [3000], max_arrival_time: 10 },
  };
}

/** Options of {@link singleVnfSpecs}. */
export interface SingleVnfSpecsOptions {
  /** Number of nodes (default 3). */
  readonly nodes?: number;
  /** Number of users, one SFC request each (default 2). */
  readonly users?: number;
  /** CPU of every node (default 100 000). */
  readonly nodeCpu?: number;
  /** Packets per burst of every data source (default 5; one burst every ~30 ms, one packet per ms). */
  readonly packetsBurstSize?: number;
}

/**
 * One VNF type (cpu 1000, one slot: 10 ms per packet of size 10), one SFC of that VNF with a 60 ms SLA,
 * links that cost almost nothing, users sending bursts of `packetsBurstSize` packets of size 10 every
 * ~30 ms, requests arriving in the first 10 ms and lasting the whole run: the overload scenario of the
 * scaling and dispatch tests (2 users with bursts of 5 offer ~1.4 times what one instance serves).
 * `patch` edits the specs before they are returned.
 */
export function singleVnfSpecs(options: SingleVnfSpecsOptions = {}, patch?: (s: SpecsFile) => void): SpecsFile {
  const specs: SpecsFile = {
    entities_number: { nodes: options.nodes ?? 3, vnfs: 1, sfcs: 1, users: options.users ?? 2, data_sources: 1 },
    vnf: {
      cpu: [1000],
      mem: [100],
      max_share: [1],
      min_bandwidth: [0],
      packet_mem_demand: [0.1],
      remote_data_access_cost: [0],
      remote_data_access_prob: [0],
      packet_cpu_demand: [1],
      packet_network_demand: [1],
      startup_ipt: [0],
      shutdown_ipt: [0],
      timeout: [100_000],
      max_packet_queue: [-1],
      resource_intensive: ['CPU'],
    },
    node: {
      cpu: [options.nodeCpu ?? 100_000],
      mem: [100_000],
      vnf_num: [1],
      group: [1],
      energy_max: [200],
      energy_idle: [100],
      disk_delay: [5],
      ran_node_prob: 0.3,
      core_node_prob: 0.3,
      location: [{ name: 'A', key: 'A', node_prob: 1 }],
    },
    sfc: { vnf_num: [1], max_latency: [60], timeout: [100_000] },
    link: {
      bandwidth: [1_000_000],
      loss_rate: [0],
      propagation: [1],
      energy_consumption: [10],
      num_links_between_nodes: [1],
      loopback_bandwidth: [10_000_000],
      max_packet_queue: [-1],
    },
    user: { sfc_request_num: [1], latency: [0], bandwidth: [100], loss_rate: [0], priority: [0] },
    data_source: { packet_size: [10], packet_interval: [1], packets_burst_size: [options.packetsBurstSize ?? 5], packets_burst_interval: [30] },
    sfc_requests: { arrival: 'poisson', duration: [100_000], max_arrival_time: 10 },
  };
  patch?.(specs);
  return specs;
}

/**
 * A generated scenario that exercises every packet ending under random traffic: small VNF and link
 * queues (drops), SFC timeouts shorter than some burst gaps (orphans), tight SLAs, long remote accesses
 * (packets still in flight at the end). `nodeCpu` sizes the nodes (400 000 is tight for first fit).
 */
export function stressedSpecs(nodeCpu = 400_000): SpecsFile {
  return smallSpecs((s) => {
    s.entities_number = { nodes: 5, vnfs: 4, sfcs: 3, users: 8, data_sources: 3 };
    s.node.cpu = [nodeCpu];
    s.node.mem = [400_000];
    s.node.vnf_num = [3, 4];
    s.vnf.cpu = [30_000, 60_000];
    s.vnf.mem = [100];
    s.vnf.max_share = [1, 2];
    s.vnf.startup_ipt = [4000]; // 10 ms of boot on a 400 000 node (1000 · 4000 / cpu): early packets wait
    s.vnf.shutdown_ipt = [4000];
    s.vnf.max_packet_queue = [1, 2]; // small queues: drops
    s.vnf.remote_data_access_prob = [0, 0.2];
    s.vnf.remote_data_access_cost = [150]; // slow packets: some still in flight at the end
    s.vnf.packet_mem_demand = [0.5];
    s.vnf.timeout = [200];
    s.sfc.vnf_num = [2, 3];
    s.sfc.max_latency = [15, 30, 60]; // violations
    s.sfc.timeout = [45]; // a burst gap (Poisson, mean 30) longer than this kills the SFC instance: orphans follow
    s.link.bandwidth = [50_000, 100_000];
    s.link.propagation = [1, 2];
    s.link.num_links_between_nodes = [1, 2];
    s.link.max_packet_queue = [2, 4, -1]; // link drops
    s.data_source = { packet_size: [50, 100], packet_interval: [1], packets_burst_size: [5], packets_burst_interval: [30] };
    s.sfc_requests = { arrival: 'poisson', duration: [1500, 6000], max_arrival_time: 1500 };
  });
}
