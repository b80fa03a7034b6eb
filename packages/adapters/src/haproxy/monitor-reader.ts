import type {
  EdgeEnvironment,
  MonitorView,
  NodeResources,
  SfcInstanceMonitor,
  VnfInstanceMonitor,
  VnfInstanceState,
} from '@nss/core';
import { HaproxyError } from './errors.js';
import { type LiveMapping, type ResolvedLiveMapping, cpuOfWeight, resolveLiveMapping } from './live-mapping.js';
import type { HaproxyRuntime } from './runtime.js';
import type { StatRow } from './stat-rows.js';

/** A backend the reader reports, with the room it may grow into. */
export interface LiveBackend {
  /** Backend name. */
  readonly name: string;
  /**
   * Most servers it may have (the node's capacity is Σ maxServers × serverCpu, so an `add-instance`
   * passes the core's checks while there is room). Default: its server rows now (`server-template`
   * slots included), at least 1.
   */
  readonly maxServers?: number;
  /** Requests one server serves at once (a single-threaded server: 1). Default 1. */
  readonly slotsPerServer?: number;
  /** SLA of a request (ms): a backend whose mean total time is above it counts all its requests of the window as violations. Default none. */
  readonly slaMs?: number;
}

/** Options of {@link HaproxyMonitorReader}. */
export interface MonitorReaderOptions extends LiveMapping {
  /** The runtime API client to read `show stat` through. */
  readonly runtime: HaproxyRuntime;
  /** Backends to report (names, or names with their capacity). */
  readonly backends: readonly (string | LiveBackend)[];
  /** Clock in ms (default `Date.now`); the view's `time` is ms since the reader was created. */
  readonly clock?: () => number;
  /**
   * ms between samples of the sessions in progress while {@link HaproxyMonitorReader.start}ed: the load
   * is then their time average over the window (as in the simulator) instead of Little's law, which
   * uses HAProxy's response time averaged over the last 1024 requests and so lags behind a change of
   * load. Default 250.
   */
  readonly sampleIntervalMs?: number;
}

interface Counters {
  readonly stot: number;
  readonly responses: number;
  readonly errors: number;
  readonly scur: number;
}

const ended = (r: StatRow): number => r.hrsp_1xx + r.hrsp_2xx + r.hrsp_3xx + r.hrsp_4xx + r.hrsp_5xx + r.hrsp_other;
const errors = (r: StatRow): number => r.hrsp_5xx + r.econ + r.eresp;

function stateOf(status: string): VnfInstanceState | undefined {
  if (status.startsWith('MAINT')) return undefined;
  if (status.startsWith('DRAIN') || status.startsWith('NOLB')) return 'shutting-down';
  if (status.startsWith('DOWN')) return 'starting';
  return 'running';
}

/**
 * Turns HAProxy's live statistics into the simulator's `MonitorView` (from `@nss/core`), so a scaling strategy
 * written for the simulator (e.g. `basicCpuScaling`) decides on a real pool. Each call of
 * {@link HaproxyMonitorReader.read} covers the window since the previous call.
 *
 * Per server in service (not in maintenance), as a VNF instance `<backend>/<server>`:
 * - `meanCpuLoad` = mean requests in service per slot over the window: while the reader is
 *   {@link HaproxyMonitorReader.start}ed, the time average of sampled sessions (`scur`); otherwise by
 *   Little's law, request rate (Δ sessions / window) × mean response time (`rtime`, or `ttime` in TCP
 *   mode, HAProxy's average over the last 1024 requests); divided by `slotsPerServer`. Above 1 the
 *   server is saturated and requests wait. `utilization` = min(1, meanCpuLoad).
 * - `cpuLoad` = sessions now / slots; `queue` = requests queued in HAProxy for it (`qcur`);
 * - `packetsArrived` = Δ sessions, `packetsProcessed` = Δ HTTP responses, `packetsDropped` = Δ (5xx +
 *   connection errors + response errors); `workArrived`/`workProcessed` are those counts × the mean
 *   response time (ms of service);
 * - `cpu` = its weight in CPU units ({@link LiveMapping}); `state` `running` (UP), `shutting-down`
 *   (DRAIN), `starting` (DOWN: not passing its health check).
 *
 * Per backend, as an SFC instance of the same name: requests ended, violations (5xx and errors, plus
 * every request when the mean total time exceeds `slaMs`), mean delay = `ttime`.
 */
export class HaproxyMonitorReader {
  private readonly runtime: HaproxyRuntime;
  private readonly backends: readonly LiveBackend[];
  private readonly mapping: ResolvedLiveMapping;
  private readonly clock: () => number;
  private readonly t0: number;
  private previousTime = 0;
  private previous = new Map<string, Counters>();
  private rows: readonly StatRow[] = [];
  private readonly sampleIntervalMs: number;
  private sampler: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;
  private sessionSums = new Map<string, { sum: number; n: number }>();

  constructor(options: MonitorReaderOptions) {
    this.runtime = options.runtime;
    this.backends = options.backends.map((b) => (typeof b === 'string' ? { name: b } : b));
    this.mapping = resolveLiveMapping(options);
    this.clock = options.clock ?? Date.now;
    this.t0 = this.clock();
    this.sampleIntervalMs = options.sampleIntervalMs ?? 250;
  }

  /**
   * Starts sampling the sessions in progress every `sampleIntervalMs`, so that each view's
   * `meanCpuLoad` is their time average over the window. Sampling errors are ignored (the next read
   * reports them).
   */
  start(): this {
    if (this.sampler !== undefined) return this;
    const sample = (): void => {
      this.sampling = this.runtime.showStat().then(
        (rows) => {
          for (const r of rows) {
            if (r.type !== 'server') continue;
            const key = `${r.pxname}/${r.svname}`;
            const acc = this.sessionSums.get(key) ?? { sum: 0, n: 0 };
            acc.sum += r.scur;
            acc.n++;
            this.sessionSums.set(key, acc);
          }
        },
        () => undefined,
      );
    };
    sample();
    this.sampler = setInterval(sample, this.sampleIntervalMs);
    return this;
  }

  /** Stops sampling (waits for the sample in progress). */
  async stop(): Promise<void> {
    if (this.sampler !== undefined) clearInterval(this.sampler);
    this.sampler = undefined;
    await this.sampling;
  }

  /** The `show stat` rows of the last {@link read}. */
  get lastRows(): readonly StatRow[] {
    return this.rows;
  }

  /** Reads `show stat` and returns the view of the window since the previous read (frozen). */
  async read(): Promise<MonitorView> {
    const rows = await this.runtime.showStat();
    const sampled = this.sessionSums;
    this.sessionSums = new Map();
    const time = this.clock() - this.t0;
    const windowStart = this.previousTime;
    const seconds = Math.max(1e-3, (time - windowStart) / 1000);
    const m = this.mapping;
    const vnfInstances: VnfInstanceMonitor[] = [];
    const sfcInstances: SfcInstanceMonitor[] = [];
    const next = new Map<string, Counters>();
    let capacity = 0;
    let allocated = 0;
    let count = 0;
    for (const b of this.backends) {
      const servers = rows.filter((r) => r.pxname === b.name && r.type === 'server');
      const total = rows.find((r) => r.pxname === b.name && r.type === 'backend');
      if (total === undefined) {
        throw new HaproxyError('no-such-backend', `show stat has no backend ${b.name}: check the backend names given to the monitor reader against the configuration`);
      }
      const slots = b.slotsPerServer ?? 1;
      capacity += (b.maxServers ?? Math.max(1, servers.length)) * m.serverCpu;
      const members: string[] = [];
      for (const r of servers) {
        const key = `${b.name}/${r.svname}`;
        const now: Counters = { stot: r.stot, responses: ended(r), errors: errors(r), scur: r.scur };
        const before = this.previous.get(key) ?? now;
        next.set(key, now);
        const state = stateOf(r.status);
        if (state === undefined) continue;
        const arrived = Math.max(0, now.stot - before.stot);
        const processed = Math.max(0, now.responses - before.responses);
        const serviceMs = r.rtime > 0 ? r.rtime : r.ttime;
        const samples = sampled.get(key);
        const load =
          samples !== undefined && samples.n > 0
            ? (samples.sum + r.scur) / (samples.n + 1) / slots
            : ((arrived / seconds) * (serviceMs / 1000)) / slots;
        const cpu = cpuOfWeight(r.weight, m);
        allocated += cpu;
        count++;
        members.push(key);
        vnfInstances.push({
          name: key,
          vnf: b.name,
          node: m.node,
          state,
          cpu,
          mem: 1,
          cpuMin: m.serverCpu,
          memMin: 1,
          cpuLoad: r.scur / slots,
          memLoad: 0,
          meanCpuLoad: load,
          meanMemLoad: 0,
          utilization: Math.min(1, load),
          queue: r.qcur,
          busySlots: Math.min(r.scur, slots),
          slots,
          packetsArrived: arrived,
          packetsProcessed: processed,
          packetsDropped: Math.max(0, now.errors - before.errors),
          workArrived: arrived * serviceMs,
          workProcessed: processed * serviceMs,
          sfcInstances: [b.name],
        });
      }
      const key = `${b.name}/BACKEND`;
      const now: Counters = { stot: total.stot, responses: ended(total), errors: errors(total), scur: total.scur };
      const before = this.previous.get(key) ?? now;
      next.set(key, now);
      const endedNow = Math.max(0, now.responses - before.responses);
      const late = b.slaMs !== undefined && total.ttime > b.slaMs;
      const violations = late ? endedNow : Math.min(endedNow, Math.max(0, now.errors - before.errors));
      sfcInstances.push({
        name: b.name,
        sfc: b.name,
        active: true,
        vnfInstances: members,
        packetsEnded: endedNow,
        slaViolations: violations,
        slaViolationRate: endedNow === 0 ? 0 : violations / endedNow,
        packetsInFlight: total.scur + total.qcur,
        meanDelay: endedNow === 0 ? Number.NaN : total.ttime,
      });
    }
    const nodes: NodeResources[] = [
      {
        node: m.node,
        index: 0,
        freeCpu: capacity - allocated,
        freeMem: capacity / m.serverCpu - count,
        allocatedCpu: allocated,
        allocatedMem: count,
        vnfInstances: count,
      },
    ];
    this.previous = next;
    this.previousTime = time;
    this.rows = rows;
    return deepFreeze({ time, windowStart, environment: this.environment(capacity), nodes, vnfInstances, sfcInstances });
  }

  /** The environment of the view: one node, one VNF type and one single-VNF SFC per backend. */
  private environment(capacity: number): EdgeEnvironment {
    const m = this.mapping;
    const names = this.backends.map((b) => b.name);
    return {
      format: 'nss-environment',
      version: 1,
      seed: null,
      nodes: [
        {
          index: 0,
          name: m.node,
          group: 'live',
          type: 'DEFAULT',
          cpu: capacity,
          mem: capacity / m.serverCpu,
          energyMax: 0,
          energyIdle: 0,
          diskDelay: 0,
          location: 'live',
          vnfs: names,
        },
      ],
      links: [],
      vnfs: this.backends.map((b, index) => ({
        index,
        name: b.name,
        cpu: m.serverCpu,
        mem: 1,
        maxShare: b.slotsPerServer ?? 1,
        minBandwidth: 0,
        packetMemDemand: 0,
        remoteDataAccessCost: 0,
        remoteDataAccessProb: 0,
        packetCpuDemand: 1,
        packetNetworkDemand: 1,
        startupIpt: 0,
        shutdownIpt: 0,
        timeout: Number.POSITIVE_INFINITY,
        maxPacketQueue: -1,
        resourceIntensive: 'CPU',
      })),
      sfcs: this.backends.map((b, index) => ({
        index,
        name: b.name,
        vnfs: [b.name],
        maxLatency: b.slaMs ?? Number.POSITIVE_INFINITY,
        timeout: Number.POSITIVE_INFINITY,
        prioritiesOrder: ['latency', 'capacity', 'energy'],
        slice: 'live',
      })),
      slices: [],
      users: [],
      dataSources: [],
      sfcRequests: [],
    };
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
