/**
 * The specs file (entity specification, model-spec §1.3) exactly as users write it: snake_case keys, and
 * almost every attribute a **list of candidate values** from which each generated entity draws one value
 * uniformly at random. Keys marked "default" may be omitted; every other key is required.
 */

/** How many entities of each kind to generate. */
export interface EntitiesNumberSpec {
  /** Number of nodes, ≥ 2 (node `n_0` is forced RAN and the last node CORE). */
  nodes: number;
  /** Number of VNF types. */
  vnfs: number;
  /** Number of SFC types (named `s_0 … s_{sfcs−1}`). */
  sfcs: number;
  /** Number of users. */
  users: number;
  /** Number of data sources (traffic profiles), ≥ 1. Required although the reference README omits it. */
  data_sources: number;
}

/** VNF types (model-spec §1.3 `vnf`, §2.2). Each VNF type draws one value per list. */
export interface VnfSpec {
  /** CPU allocated to a new instance (instructions/s); also the minimum for scale-down. */
  cpu: number[];
  /** Memory allocated to a new instance; also the minimum for scale-down. */
  mem: number[];
  /** Max SFC instances mapped onto one VNF instance, and packets an instance processes in parallel (integer ≥ 1). */
  max_share: number[];
  /** Bandwidth booked on the outgoing link per active SFC instance. */
  min_bandwidth: number[];
  /** Memory per instruction of a packet (memory load formula). */
  packet_mem_demand: number[];
  /** ms added to a packet when a remote data access happens. */
  remote_data_access_cost: number[];
  /** Remote-access parameter in [0, 1] (the reference's effective probability is 1 − e^(−p), [Q-12]). */
  remote_data_access_prob: number[];
  /** Instructions per unit of packet size. */
  packet_cpu_demand: number[];
  /** Output size per unit of packet size (what the next link carries). */
  packet_network_demand: number[];
  /** Instructions to boot an instance. */
  startup_ipt: number[];
  /** Instructions to shut an instance down. */
  shutdown_ipt: number[];
  /** ms an instance survives with no SFC instance mapped. */
  timeout: number[];
  /** Max packets admitted but not yet started; −1 = unlimited (integer ≥ −1). */
  max_packet_queue: number[];
  /** Informational only ("CPU", "Memory", "Network"). Default `["CPU"]`. */
  resource_intensive?: string[];
}

/** One entry of the location catalogue; only `key` and `node_prob` matter to the model. */
export interface LocationSpec {
  /** Human-readable name (not used by the model). */
  name?: string;
  /** The key stored on each node placed at this location. */
  key: string | number;
  /** Not used by the model. */
  latitude?: number;
  /** Not used by the model. */
  longitude?: number;
  /** Probability that a node is placed here (rounded to 2 decimals before use); the sum must be ≥ 1. */
  node_prob: number;
}

/** Nodes (model-spec §1.3 `node`, §2.3). */
export interface NodeSpec {
  /** Node CPU capacity (instructions/s), > 0. */
  cpu: number[];
  /** Node memory capacity, > 0. */
  mem: number[];
  /** How many distinct VNF types a node can host. */
  vnf_num: number[];
  /** Free-form label, not used by the model. */
  group: Array<string | number>;
  /** Power at 100 % allocated CPU (W). */
  energy_max: number[];
  /**
   * Idle power candidates (W). Per node only candidates strictly below its drawn `energy_max` are used;
   * when none is (or the list is empty) idle power is 0.7 · energy_max. Default `[]`.
   */
  energy_idle?: number[];
  /** ms added to a packet when an instance's memory load exceeds 1. */
  disk_delay: number[];
  /** Probability that a node is RAN, in [0, 1]. */
  ran_node_prob: number;
  /** Probability that a node is CORE, in [0, 1]; ran_node_prob + core_node_prob ≤ 1. */
  core_node_prob: number;
  /** Location catalogue (non-empty). */
  location: LocationSpec[];
}

/** A placement criterion code: 1 = latency first, 2 = capacity first, 3 = energy first. */
export type PriorityOrderCode = 1 | 2 | 3;

/** SFC types (model-spec §1.3 `sfc`, §2.4). */
export interface SfcSpec {
  /** Chain length: number of distinct VNF types (integer ≥ 1, at most `entities_number.vnfs`). */
  vnf_num: number[];
  /** SLA: max end-to-end delay of a packet (ms). */
  max_latency: number[];
  /** ms an SFC instance stays alive without new packets being generated for it. */
  timeout: number[];
  /** Placement criterion order codes; when absent each SFC type gets a random permutation. */
  priorities_order?: PriorityOrderCode[];
  /** README-only, ignored by the model (a warning is reported). */
  priority?: unknown;
  /** README-only, ignored by the model (a warning is reported). */
  mean_packet_creation?: unknown;
  /** README-only, ignored by the model (a warning is reported). */
  packets_burst_interval?: unknown;
  /** README-only, ignored by the model (a warning is reported). */
  packets_burst_size?: unknown;
}

/** Links (model-spec §1.3 `link`, §2.5). */
export interface LinkSpec {
  /** Link bandwidth (size units/s), > 0. */
  bandwidth: number[];
  /** Stored, never used (README: deprecated). In [0, 1]. */
  loss_rate: number[];
  /** Propagation delay (ms). */
  propagation: number[];
  /** Power figure (W per hour) used by energy-aware placement. */
  energy_consumption: number[];
  /** Parallel links per node pair (integer ≥ 1, drawn per pair). */
  num_links_between_nodes: number[];
  /** Bandwidth of each node's loopback link, > 0. */
  loopback_bandwidth: number[];
  /** Link queue limit; −1 = unlimited (integer ≥ −1). Default `[-1]`. */
  max_packet_queue?: number[];
}

/** Users (model-spec §1.3 `user`, §2.6). */
export interface UserSpec {
  /** Number of distinct SFC types a user requests (one SFC request each), at most `entities_number.sfcs`. */
  sfc_request_num: number[];
  /** Stored, never used by the dynamics. */
  latency: number[];
  /** Stored, never used. */
  bandwidth: number[];
  /** Stored, never used. In [0, 1]. */
  loss_rate: number[];
  /** Upper bound (integer ≥ 0) of the priority of the user's requests. */
  priority: number[];
}

/** Data sources: traffic profiles of random flows (model-spec §1.3 `data_source`, §5.2.1). */
export interface DataSourceSpec {
  /** Mean packet size (Poisson); also the per-user reference packet size of each requested SFC. */
  packet_size: number[];
  /** Mean gap (ms) after each packet of a burst. */
  packet_interval: number[];
  /** Mean packets per burst. */
  packets_burst_size: number[];
  /** Mean gap (ms) before each burst. */
  packets_burst_interval: number[];
}

/** Arrival model of SFC requests (model-spec §3.1). */
export type ArrivalKind = 'poisson' | 'linear';

/** SFC requests over time (model-spec §1.3 `sfc_requests`, §3.1). */
export interface SfcRequestsSpec {
  /** Arrival model. */
  arrival: ArrivalKind;
  /** How long (ms) after placement a request keeps generating packets. */
  duration: number[];
  /** Linear model only (required there): window w receives w · this many arrivals. */
  increase_requests_per_window?: number;
  /**
   * Upper bound of arrival times (ms). When absent it is `simulation.total_time − simulation.time_window`,
   * resolved by `resolveSettings` (it needs the parameter file), so it stays undefined here.
   */
  max_arrival_time?: number;
}

/** \@nss extension: a named network slice grouping SFC types. */
export interface SliceSpec {
  /** Slice name (unique). */
  name: string;
  /** SFC type names (`s_0 … s_{sfcs−1}`); each SFC type belongs to at most one slice. */
  sfcs: string[];
}

/** The whole specs file (model-spec §1.3). */
export interface SpecsFile {
  /** Optional reference to this file's JSON Schema, for editors; ignored. */
  $schema?: string;
  entities_number: EntitiesNumberSpec;
  vnf: VnfSpec;
  node: NodeSpec;
  sfc: SfcSpec;
  link: LinkSpec;
  user: UserSpec;
  data_source: DataSourceSpec;
  sfc_requests: SfcRequestsSpec;
  /**
   * \@nss extension: explicit slices. SFC types not listed in any slice are left to the environment's
   * default grouping (one slice per SFC type).
   */
  slices?: SliceSpec[];
}
