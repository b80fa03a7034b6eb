/**
 * Output file names and their columns, in order: the single source of truth used by the writers and the
 * documentation. Names and columns are the reference's (model-spec §10.2, §10.3); \@nss adds a trailing
 * `Reason` column to sfc_request.csv and vnf_instance_scaling.csv.
 */

// ── per-round event files (model-spec §10.2) ─────────────────────────────────────────────────────

/** packets.csv: one row per packet lifecycle event. */
export const PACKETS_COLUMNS = [
  'Event', 'Time', 'Packet_ID', 'SFC_Request', 'SFC_Instance', 'User', 'SFC', 'Data_Source',
] as const;

/** vnf_instance_packets.csv. `Size` = work W; `Elapsed_Time` = wait, service time, or −1. */
export const VNF_INSTANCE_PACKETS_COLUMNS = [
  'Event', 'Time', 'Packet_ID', 'VNF_Instance', 'SFC_Request', 'SFC_Instance', 'User', 'SFC', 'Data_Source',
  'Size', 'Elapsed_Time',
] as const;

/** vnf_instance_resources.csv. `*_Usage` with two decimals. */
export const VNF_INSTANCE_RESOURCES_COLUMNS = [
  'Event', 'Time', 'VNF_Instance', 'CPU', 'CPU_Usage', 'Mem', 'Mem_Usage', 'User', 'SFC_Request',
  'SFC_Instance', 'Packet_ID',
] as const;

/** links.csv (per round). */
export const LINKS_COLUMNS = [
  'Event', 'Time', 'Packet_ID', 'Link', 'SFC_Request', 'SFC_Instance', 'User', 'SFC', 'Data_Source',
  'VNF_Instance', 'Packet_Size',
] as const;

/** placement.csv. */
export const PLACEMENT_COLUMNS = ['Event', 'Time', 'Details'] as const;

/** time_window.csv. Note the space in `Window Init` (the reference's spelling). */
export const TIME_WINDOW_COLUMNS = [
  'Event', 'Time', 'Window Init', 'Window_End', 'SFC_Requests_Placed', 'SFC_Requests_Not_Placed',
  'CPU_Allocated', 'Mem_Allocated', 'VNF_Instances_Count', 'SFC_Instances_Count', 'Total_Alg_Time',
  'Count_SFC_Requests', 'SFC_Requests', 'Total_Energy_Consumption',
] as const;

/** vnf_instance.csv. `VNF_CPU`/`VNF_Mem` are the VNF type's minima. */
export const VNF_INSTANCE_COLUMNS = ['Event', 'Time', 'VNF_Instance', 'Node', 'VNF', 'VNF_CPU', 'VNF_Mem'] as const;

/** sfc_instance.csv. */
export const SFC_INSTANCE_COLUMNS = ['Event', 'Time', 'SFC_Instance'] as const;

/** sfc_request.csv, plus the \@nss `Reason` column (why a request was not placed). */
export const SFC_REQUEST_COLUMNS = [
  'Event', 'Time', 'SFC_Request', 'SFC_Instance', 'Placement_Order', 'Reason',
] as const;

/** sfc_instance_vnf_mapping.csv. */
export const SFC_INSTANCE_VNF_MAPPING_COLUMNS = ['Event', 'Time', 'SFC_Instance', 'VNF_Instance'] as const;

/** user_mobility.csv. */
export const USER_MOBILITY_COLUMNS = ['Event', 'Time', 'User', 'Origin_Node', 'Destiny_Node'] as const;

/** migration.csv. */
export const MIGRATION_COLUMNS = ['Event', 'Time', 'SFC_Request', 'User'] as const;

/** vnf_instance_scaling.csv (`Old`/`New` two decimals), plus the \@nss `Reason` column. */
export const VNF_INSTANCE_SCALING_COLUMNS = ['Event', 'Time', 'VNF_Instance', 'Old', 'New', 'Reason'] as const;

/** sfc_instance_resources.csv (two decimals). */
export const SFC_INSTANCE_RESOURCES_COLUMNS = [
  'Event', 'Time', 'SFC_Instance', 'old_CPU', 'new_CPU', 'old_Mem', 'new_Mem',
] as const;

/** resource_usage.csv (`Value` two decimals). */
export const RESOURCE_USAGE_COLUMNS = ['Event', 'Time', 'Value'] as const;

/** monitor.csv (two decimals). */
export const MONITOR_COLUMNS = ['Event', 'Time', 'SFC_Instance', 'Window_Size', 'Monitor_Interval'] as const;

/** rl_agent.csv (`Value` two decimals). */
export const RL_AGENT_COLUMNS = ['Event', 'Time', 'VNF_Instance', 'Agent', 'Value', 'Reward'] as const;

// ── per-round snapshot files (state at the end of the round) ─────────────────────────────────────

/** vnf_instances_entities.csv (written without quoting, as the reference). */
export const VNF_INSTANCES_ENTITIES_COLUMNS = [
  'Name', 'VNF', 'CPU', 'Mem', 'CPU_Load', 'Mem_Load', 'Node', 'SFC_Inst_Attached', 'Startup', 'Shutdown',
  'Timeout', 'Active', 'Acpt_SFC_Inst',
] as const;

/** sfc_instance_entities.csv. */
export const SFC_INSTANCE_ENTITIES_COLUMNS = [
  'Name', 'SFC', 'Timeout', 'Net_Slice', 'Accept_New_Requests', 'Active', 'SFC_Req', 'Ingress', 'Egress',
  'Links', 'VNF_Instances',
] as const;

/** packets_entities.csv. */
export const PACKETS_ENTITIES_COLUMNS = [
  'Packet_ID', 'Created_At', 'Size', 'SFC_Request', 'Total_SFC_Requests_Active', 'User', 'Max_Delay', 'Delay',
  'Mobility_Penalty', 'SLA_Violated', 'SLA_Violation_Percentage', 'Active', 'Dropped', 'Orphan', 'Processed',
] as const;

// ── entity files (`Entities/`, model-spec §10.3) ─────────────────────────────────────────────────

/** Entities/nodes.csv. */
export const NODES_COLUMNS = [
  'Name', 'Group', 'Type', 'CPU', 'Mem', 'Energy_Max', 'Energy_Idle', 'Disk_Delay', 'Location', 'VNFs',
] as const;

/** Entities/vnfs.csv. */
export const VNFS_COLUMNS = [
  'Name', 'Min_CPU', 'Min_Mem', 'Max_Share', 'Min_Bandwidth', 'Pck_Mem_Demand', 'Data_Acc_Cost', 'Data_Acc_Prob',
  'Pck_CPU_Demand', 'Pck_Network_Demand', 'Startup_CPU_Demand', 'Shutdown_CPU_Demand', 'Timeout',
  'Max_Packets_Queue', 'Resource_Intensive',
] as const;

/** Entities/sfcs.csv (`Priority` holds the priority-order list). */
export const SFCS_COLUMNS = ['Name', 'Max_Latency', 'Priority', 'Timeout', 'VNFs'] as const;

/** Entities/users.csv. */
export const USERS_COLUMNS = [
  'Name', 'Node', 'Initial_Node', 'Latency', 'Bandwidth', 'Loss_Rate', 'SFCs_Requested', 'SFC_Ingress_Egress',
  'Priority',
] as const;

/** Entities/data_source.csv. */
export const DATA_SOURCE_COLUMNS = [
  'Name', 'Packet_Size', 'Packet_Interval', 'Burst_Interval', 'Burst_Num_Packets',
] as const;

/** Entities/sfc_requests.csv (`Associated_SFC_Instance` is `No instance` when not placed). */
export const SFC_REQUESTS_COLUMNS = [
  'Name', 'User', 'SFC', 'Priority', 'Arrival_Time', 'Data_Source', 'Ingress_Node', 'Egress_Node', 'Duration',
  'Placed', 'Replacements', 'Associated_SFC_Instance',
] as const;

/** Entities/links.csv (only if `log_link_entity`). Note the space in `Loss Rate` (the reference's spelling). */
export const LINK_ENTITIES_COLUMNS = [
  'Name', 'Node_1', 'Node_2', 'Counter', 'Bandwidth', 'Loss Rate', 'Propagation', 'Power_Consumed',
  'Max_Packet_Queue',
] as const;

// ── file and folder names (model-spec §10.4) ─────────────────────────────────────────────────────

/** Snapshot and entity file names. */
export const SnapshotFiles = {
  vnfInstances: 'vnf_instances_entities.csv',
  sfcInstances: 'sfc_instance_entities.csv',
  packets: 'packets_entities.csv',
  processTime: 'process_time.txt',
} as const;

/** Entity file names (in `Entities/`). */
export const EntityFiles = {
  nodes: 'nodes.csv',
  vnfs: 'vnfs.csv',
  sfcs: 'sfcs.csv',
  users: 'users.csv',
  dataSources: 'data_source.csv',
  sfcRequests: 'sfc_requests.csv',
  links: 'links.csv',
} as const;

/** Name of the entity folder under the results root. */
export const ENTITIES_DIR = 'Entities';

/** Name of round `n`'s folder under the results root: `Round_<n>`. */
export function roundDirName(round: number): string {
  return `Round_${round}`;
}
