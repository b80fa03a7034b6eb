import type { EventId } from '../../engine/scheduler.js';
import type { Hop, SfcInstanceInfo } from '../../model/sfc-instance.js';
import type { Sfc } from '../../model/sfc.js';
import type { LinkRuntime } from './link-runtime.js';
import type { RequestRuntime } from './request-runtime.js';
import type { VnfInstanceRuntime } from './vnf-instance-runtime.js';

/** An SFC instance during a run (model-spec §6.2): its chain, its links, sharing and lifetime state. */
export class SfcInstanceRuntime implements SfcInstanceInfo {
  readonly index: number;
  readonly name: string;
  readonly type: Sfc;
  readonly sliceIndex: number;
  readonly slice: string;
  readonly ingressNode: string;
  readonly egressNode: string;
  readonly createdAt: number;
  readonly reqs: RequestRuntime[] = [];
  /** Links in traversal order: ingress hop, then the hop after each VNF. */
  readonly hopLinks: LinkRuntime[];
  /** Instances serving each chain position (more than one after horizontal scaling). */
  readonly servers: VnfInstanceRuntime[][];
  acceptRequests = true;
  active = true;
  /** Last time traffic kept it alive; it is destroyed `timeout` ms later. */
  lastActivity: number;
  /** Pending timeout check (-1 when none). */
  timeoutEvent: EventId = -1;
  /** Round-robin cursor per chain position, for the default dispatch. */
  readonly cursor: Int32Array;

  // ---- counters for the monitors ----
  packetsInFlight = 0;
  packetsEnded = 0;
  slaViolations = 0;
  /** Packets that ended (delivered, dropped, orphaned) with their SLA violated. */
  endedLate = 0;
  delivered = 0;
  deliveredDelaySum = 0;
  /** Times of recent SLA violations (for the lock window, model-spec §7.1). */
  readonly violationTimes: number[] = [];

  constructor(
    index: number,
    name: string,
    type: Sfc,
    sliceIndex: number,
    ingressNode: string,
    egressNode: string,
    createdAt: number,
    hopLinks: LinkRuntime[],
    servers: VnfInstanceRuntime[][],
  ) {
    this.index = index;
    this.name = name;
    this.type = type;
    this.sliceIndex = sliceIndex;
    this.slice = type.slice;
    this.ingressNode = ingressNode;
    this.egressNode = egressNode;
    this.createdAt = createdAt;
    this.lastActivity = createdAt;
    this.hopLinks = hopLinks;
    this.servers = servers;
    this.cursor = new Int32Array(servers.length);
  }

  get sfc(): string {
    return this.type.name;
  }

  get requests(): readonly string[] {
    return this.reqs.map((r) => r.name);
  }

  get hops(): readonly Hop[] {
    return this.hopLinks.map((l, i) => ({ key: i === 0 ? 'ingress' : this.type.vnfs[i - 1], link: l.name }));
  }

  get vnfInstances(): readonly string[] {
    return this.servers.map((list) => list.map((v) => v.name).join('|'));
  }
}
