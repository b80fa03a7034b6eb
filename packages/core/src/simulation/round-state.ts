import type { RandomStream } from '../engine/rng.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { EnvironmentIndex } from '../environment/environment-index.js';
import type { EventBus } from '../events/event-bus.js';
import type { DispatchPolicy } from '../plugins/dispatch.js';
import type { RunMetrics } from '../results/run-metrics.js';
import type { SimulationSettings } from '../config/index.js';
import type { Quirks } from '../config/quirks.js';
import { LinkRuntime } from './runtime/link-runtime.js';
import { NodeRuntime } from './runtime/node-runtime.js';
import type { PacketRuntime } from './runtime/packet.js';
import { RequestRuntime } from './runtime/request-runtime.js';
import type { SfcInstanceRuntime } from './runtime/sfc-instance-runtime.js';
import { UserRuntime } from './runtime/user-runtime.js';
import type { VnfInstanceRuntime } from './runtime/vnf-instance-runtime.js';

/** Everything one round shares: clock, bus, settings and the runtime entities (one-way data: read by the parts). */
export class RoundState {
  readonly nodes: NodeRuntime[];
  readonly links: LinkRuntime[];
  readonly users: UserRuntime[];
  readonly requests: RequestRuntime[];
  readonly vnfInstances: VnfInstanceRuntime[] = [];
  readonly sfcInstances: SfcInstanceRuntime[] = [];
  /** Packets in flight (swap-remove list; each packet knows its slot). */
  readonly activePackets: PacketRuntime[] = [];
  readonly nodeByName: Map<string, NodeRuntime>;
  readonly linkByName: Map<string, LinkRuntime>;
  readonly userByName: Map<string, UserRuntime>;
  readonly requestByName: Map<string, RequestRuntime>;
  readonly vnfInstanceByName = new Map<string, VnfInstanceRuntime>();
  readonly sfcInstanceByName = new Map<string, SfcInstanceRuntime>();
  /** Per (node, VNF type) instance counters for names `{node}_{vnf}_{c}`. */
  readonly instanceCounters = new Map<string, number>();
  /** SFC-instance name counter (never reused, unlike the reference ). */
  sfcInstanceCounter = 0;
  /** Cumulative placement order across rounds of placement. */
  placementOrder = 0;
  placedCount = 0;
  notPlacedCount = 0;
  /** CPU allocated to live VNF instances, all nodes together. */
  allocatedCpu = 0;
  /** Called when a packet ends (delivered, dropped, orphaned), e.g. to stream the packet snapshot. */
  packetEnded: ((packet: PacketRuntime) => void) | null = null;
  /** Work of async strategies the run loop must await before the clock moves on (see {@link defer}). */
  pending: Promise<void> | null = null;
  /** Requests placed and still generating (the reference's `total_sfc_requests_active`), kept up to date. */
  activePlacedRequests = 0;

  constructor(
    readonly env: EdgeEnvironment,
    readonly index: EnvironmentIndex,
    readonly settings: SimulationSettings,
    readonly quirks: Quirks,
    readonly scheduler: Scheduler,
    readonly bus: EventBus,
    readonly metrics: RunMetrics,
    readonly streams: { processing: RandomStream; mobility: RandomStream; traffic: (request: string) => RandomStream },
    readonly dispatch: DispatchPolicy | null,
  ) {
    this.nodes = env.nodes.map((n) => new NodeRuntime(n));
    this.links = env.links.map((l) => new LinkRuntime(l));
    this.users = env.users.map((u) => new UserRuntime(u));
    this.nodeByName = new Map(this.nodes.map((n) => [n.name, n]));
    this.linkByName = new Map(this.links.map((l) => [l.name, l]));
    this.userByName = new Map(this.users.map((u) => [u.name, u]));
    const sliceIndex = new Map(env.slices.map((s) => [s.name, s.index]));
    const window = settings.migration.thresholdPacketWindow;
    this.requests = env.sfcRequests.map((r) => {
      const sfc = index.sfc(r.sfc);
      const rt = new RequestRuntime(
        r,
        sfc,
        sliceIndex.get(sfc.slice) ?? 0,
        this.userByName.get(r.user)!,
        index.dataSource(r.dataSource),
        window,
      );
      if (settings.timeWindow === 0) rt.arrivalTime = 0;
      return rt;
    });
    this.requestByName = new Map(this.requests.map((r) => [r.name, r]));
  }

  /**
   * Pauses the clock at the current instant until `work` settles: the scheduler stops after the current
   * event and the run loop awaits {@link pending} (async placement or scaling strategies).
   */
  defer(work: () => Promise<void>): void {
    this.scheduler.stop();
    const previous = this.pending ?? Promise.resolve();
    this.pending = previous.then(work);
  }

}
