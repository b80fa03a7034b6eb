/**
 * Monitor views for the unit tests of scaling strategies, built from a compact description of nodes,
 * VNF instances and SFC instances.
 */
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { Node, Sfc, Vnf } from '../model/index.js';
import type { MonitorView, SfcInstanceMonitor, VnfInstanceMonitor } from '../plugins/monitor-view.js';
import { VNF_DEFAULTS } from './environments.js';
import { deepFreeze } from './tiny-infrastructure.js';

/**
 * One VNF instance as a scaling strategy sees it, frozen: `running`, 1000 CPU and memory allocated and
 * as minimums, one slot, idle (every load and counter 0), type `v_0`, no SFC instances — unless `fields`
 * says otherwise.
 *
 * @example
 * ```ts
 * const busy = vnfInstanceMonitor({ name: 'a', node: 'n_0', meanCpuLoad: 1.2, cpu: 2000 });
 * ```
 */
export function vnfInstanceMonitor(fields: Partial<VnfInstanceMonitor> & Pick<VnfInstanceMonitor, 'name' | 'node'>): VnfInstanceMonitor {
  return Object.freeze({
    vnf: 'v_0',
    state: 'running',
    cpu: 1000,
    mem: 1000,
    cpuMin: 1000,
    memMin: 1000,
    cpuLoad: 0,
    memLoad: 0,
    meanCpuLoad: 0,
    meanMemLoad: 0,
    utilization: 0,
    queue: 0,
    busySlots: 0,
    slots: 1,
    packetsArrived: 0,
    packetsProcessed: 0,
    packetsDropped: 0,
    workArrived: 0,
    workProcessed: 0,
    ...fields,
    sfcInstances: Object.freeze([...(fields.sfcInstances ?? [])]),
  });
}

/** A node of {@link monitorView}: capacity (default 10 000 CPU and memory) and, optionally, free resources that override capacity minus allocations. */
export interface MonitorNodeSpec {
  readonly name: string;
  readonly cpu?: number;
  readonly mem?: number;
  readonly freeCpu?: number;
  readonly freeMem?: number;
}

/** A VNF instance of {@link monitorView} (unset: VNF type the first one, state running, 1000 CPU and memory allocated, minimums 1000, loads 0). */
export interface MonitorInstanceSpec {
  readonly name: string;
  readonly vnf?: string;
  readonly node: string;
  readonly cpu?: number;
  readonly mem?: number;
  readonly cpuMin?: number;
  readonly memMin?: number;
  readonly meanCpuLoad?: number;
  readonly meanMemLoad?: number;
  readonly state?: VnfInstanceMonitor['state'];
}

/** An SFC instance of {@link monitorView} (unset: SFC type the first one, active, 100 packets ended, no violations). */
export interface MonitorSfcInstanceSpec {
  readonly name: string;
  readonly sfc?: string;
  readonly vnfInstances: readonly string[];
  readonly packetsEnded?: number;
  readonly slaViolations?: number;
  readonly active?: boolean;
}

/** The compact description {@link monitorView} builds a view from. */
export interface MonitorViewSpec {
  readonly time?: number;
  readonly nodes: readonly MonitorNodeSpec[];
  /** VNF types with their packet_cpu_demand (default one type v_0 with demand 1). */
  readonly vnfs?: readonly { readonly name: string; readonly packetCpuDemand?: number }[];
  /** SFC type names (default s_0). */
  readonly sfcs?: readonly string[];
  readonly instances: readonly MonitorInstanceSpec[];
  readonly sfcInstances: readonly MonitorSfcInstanceSpec[];
}

/**
 * A frozen monitor view built from a compact description, for the unit tests of scaling decision rules:
 * VNF types of 1000 CPU and memory (every node hosts every type), SFC types chaining every VNF type, no
 * links, users or requests; node allocations are the sums of their instances. Unset loads are 0,
 * allocations 1000, minimums 1000.
 */
export function monitorView(spec: MonitorViewSpec): MonitorView {
  const vnfs: Vnf[] = (spec.vnfs ?? [{ name: 'v_0' }]).map((v, i) => ({
    ...VNF_DEFAULTS,
    index: i,
    name: v.name,
    packetCpuDemand: v.packetCpuDemand ?? 1,
  }));
  const nodes: Node[] = spec.nodes.map((n, i) => ({
    index: i,
    name: n.name,
    group: 1,
    type: 'DEFAULT',
    cpu: n.cpu ?? 10_000,
    mem: n.mem ?? 10_000,
    energyMax: 200,
    energyIdle: 100,
    diskDelay: 0,
    location: 'A',
    vnfs: vnfs.map((v) => v.name),
  }));
  const sfcs: Sfc[] = (spec.sfcs ?? ['s_0']).map((name, i) => ({
    index: i,
    name,
    vnfs: vnfs.map((v) => v.name),
    maxLatency: 30,
    timeout: 1e9,
    prioritiesOrder: ['latency', 'capacity', 'energy'],
    slice: `sl_${i}`,
  }));
  const environment: EdgeEnvironment = {
    format: 'nss-environment',
    version: 1,
    seed: null,
    nodes,
    links: [],
    vnfs,
    sfcs,
    slices: sfcs.map((s, i) => ({ index: i, name: `sl_${i}`, sfcs: [s.name] })),
    users: [],
    dataSources: [],
    sfcRequests: [],
  };
  const instances: VnfInstanceMonitor[] = spec.instances.map((v) =>
    vnfInstanceMonitor({
      name: v.name,
      vnf: v.vnf ?? vnfs[0].name,
      node: v.node,
      ...(v.state === undefined ? {} : { state: v.state }),
      ...(v.cpu === undefined ? {} : { cpu: v.cpu }),
      ...(v.mem === undefined ? {} : { mem: v.mem }),
      ...(v.cpuMin === undefined ? {} : { cpuMin: v.cpuMin }),
      ...(v.memMin === undefined ? {} : { memMin: v.memMin }),
      ...(v.meanCpuLoad === undefined ? {} : { meanCpuLoad: v.meanCpuLoad }),
      ...(v.meanMemLoad === undefined ? {} : { meanMemLoad: v.meanMemLoad }),
      sfcInstances: spec.sfcInstances.filter((s) => s.vnfInstances.includes(v.name)).map((s) => s.name),
    }),
  );
  const allocated = (node: string, key: 'cpu' | 'mem'): number =>
    instances.filter((v) => v.node === node).reduce((a, v) => a + v[key], 0);
  const sfcInstances: SfcInstanceMonitor[] = spec.sfcInstances.map((s) => {
    const ended = s.packetsEnded ?? 100;
    const violations = s.slaViolations ?? 0;
    return {
      name: s.name,
      sfc: s.sfc ?? sfcs[0].name,
      active: s.active ?? true,
      vnfInstances: s.vnfInstances,
      packetsEnded: ended,
      slaViolations: violations,
      slaViolationRate: ended > 0 ? violations / ended : 0,
      packetsInFlight: 0,
      meanDelay: Number.NaN,
    };
  });
  return deepFreeze({
    time: spec.time ?? 100,
    windowStart: 0,
    environment,
    nodes: spec.nodes.map((n, i) => ({
      node: n.name,
      index: i,
      freeCpu: n.freeCpu ?? (n.cpu ?? 10_000) - allocated(n.name, 'cpu'),
      freeMem: n.freeMem ?? (n.mem ?? 10_000) - allocated(n.name, 'mem'),
      allocatedCpu: allocated(n.name, 'cpu'),
      allocatedMem: allocated(n.name, 'mem'),
      vnfInstances: instances.filter((v) => v.node === n.name).length,
    })),
    vnfInstances: instances,
    sfcInstances,
  });
}
