/**
 * How a live HAProxy pool maps onto the simulator's scaling vocabulary, shared by the
 * {@link HaproxyMonitorReader} and the {@link HaproxyActuator} so that a decision read back gives the
 * same number: each backend is a VNF type (and an SFC of one VNF), each server in service is a VNF
 * instance named `<backend>/<server>`, all on one node, and an instance's CPU is its weight in units
 * of `serverCpu / serverWeight` (a server at the standard weight has the VNF type's CPU).
 */
export interface LiveMapping {
  /** Name of the one node the servers are reported on. Default `haproxy`. */
  readonly node?: string;
  /** CPU of a server at weight `serverWeight` (the VNF type's cpu, its scale-down floor). Default 100. */
  readonly serverCpu?: number;
  /** Weight of a new server (and the weight that stands for `serverCpu`), 1..256. Default 10. */
  readonly serverWeight?: number;
}

/** {@link LiveMapping} with defaults applied. */
export interface ResolvedLiveMapping {
  /** See {@link LiveMapping.node}. */
  readonly node: string;
  /** See {@link LiveMapping.serverCpu}. */
  readonly serverCpu: number;
  /** See {@link LiveMapping.serverWeight}. */
  readonly serverWeight: number;
}

/** Applies the defaults of a {@link LiveMapping} and checks its numbers (throws `RangeError`). */
export function resolveLiveMapping(m: LiveMapping = {}): ResolvedLiveMapping {
  const r = { node: m.node ?? 'haproxy', serverCpu: m.serverCpu ?? 100, serverWeight: m.serverWeight ?? 10 };
  if (!(Number.isFinite(r.serverCpu) && r.serverCpu > 0)) throw new RangeError(`serverCpu must be a number > 0, got ${r.serverCpu}`);
  if (!Number.isInteger(r.serverWeight) || r.serverWeight < 1 || r.serverWeight > 256) {
    throw new RangeError(`serverWeight must be an integer in 1..256, got ${r.serverWeight}`);
  }
  return r;
}

/** The CPU a server of this weight stands for. */
export function cpuOfWeight(weight: number, m: ResolvedLiveMapping): number {
  return (weight / m.serverWeight) * m.serverCpu;
}

/** The HAProxy weight (integer, clamped to 0..256) standing for a CPU allocation. */
export function weightOfCpu(cpu: number, m: ResolvedLiveMapping): number {
  return Math.max(0, Math.min(256, Math.round((cpu / m.serverCpu) * m.serverWeight)));
}

/** A live VNF instance name `<backend>/<server>`, split. */
export interface InstanceName {
  /** Backend name. */
  readonly backend: string;
  /** Server name. */
  readonly server: string;
}

/** Splits an instance name `<backend>/<server>`; `undefined` when it has no `/`. */
export function splitInstance(instance: string): InstanceName | undefined {
  const i = typeof instance === 'string' ? instance.indexOf('/') : -1;
  if (i <= 0 || i === instance.length - 1) return undefined;
  return { backend: instance.slice(0, i), server: instance.slice(i + 1) };
}
