import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EdgeEnvironment } from '../environment/edge-environment.js';
import type { SfcPriority } from '../model/sfc.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { User } from '../model/user.js';
import {
  DATA_SOURCE_COLUMNS,
  EntityFiles,
  LINK_ENTITIES_COLUMNS,
  NODES_COLUMNS,
  SFC_REQUESTS_COLUMNS,
  SFCS_COLUMNS,
  USERS_COLUMNS,
  VNFS_COLUMNS,
} from './columns.js';
import { CsvSink } from './csv-sink.js';
import { formatBool as bool, formatFixed2 as f2, formatNumber as num, pyList, pyRepr, type PyValue } from './format.js';

/** Runtime state of an SFC request at the end of the round (the generated fields come from the environment). */
export interface SfcRequestState {
  readonly placed: boolean;
  /** Successful re-placements. */
  readonly replacements: number;
  /** Associated SFC instance name, `null` if none (written `No instance`). */
  readonly sfcInstance: string | null;
  /** Current ingress node, if re-placement changed it (default: the generated one). */
  readonly ingressNode?: string;
  /** Effective arrival time, if the run changed it (`time_window = 0` sets it to 0; default: generated). */
  readonly arrivalTime?: number;
}

/** The runtime parts of the entity files, supplied by the simulation. */
export interface EntityRuntime {
  /** State of `request` at the end of the round. */
  requestState(request: SfcRequest): SfcRequestState;
  /** Node `user` is attached to at the end of the round (default: its initial node). */
  userNode?(user: User): string;
}

/** Options of {@link writeEntities}. */
export interface EntityFileOptions {
  /** Write Entities/links.csv (`simulation.log_link_entity`, default true). */
  readonly logLinkEntity?: boolean;
}

const PRIORITY_VALUE: Readonly<Record<SfcPriority, number>> = { latency: 1, capacity: 2, energy: 3 };

/** The reference's priority list: Python enum reprs, `[<SfcPriority.latency: 1>, <SfcPriority.energy: 3>]`. */
function priorityList(order: readonly SfcPriority[]): string {
  return '[' + order.map((p) => `<SfcPriority.${p}: ${PRIORITY_VALUE[p]}>`).join(', ') + ']';
}

function writeFile(path: string, columns: readonly string[], rows: Iterable<readonly string[]>): void {
  const sink = new CsvSink(path, columns, { quoting: 'minimal' });
  try {
    for (const row of rows) sink.writeRow(row);
  } finally {
    sink.close();
  }
}

/**
 * Writes the entity files of model-spec §10.3 into `dir` (normally `<results>/Entities`, written once
 * after the last round with its final state): nodes.csv, vnfs.csv, sfcs.csv, users.csv, data_source.csv, sfc_requests.csv and, unless
 * `logLinkEntity` is false, links.csv. Minimal quoting; rows in index order (the reference wrote them
 * reversed, [Q-46]); lists and dicts as Python literals; the SFC priority list as Python enum reprs.
 */
export function writeEntities(
  dir: string,
  env: EdgeEnvironment,
  runtime: EntityRuntime,
  options: EntityFileOptions = {},
): void {
  mkdirSync(dir, { recursive: true });
  writeFile(
    join(dir, EntityFiles.nodes),
    NODES_COLUMNS,
    env.nodes.map((n) => [
      n.name, typeof n.group === 'number' ? num(n.group) : n.group, n.type, num(n.cpu), num(n.mem),
      num(n.energyMax), num(n.energyIdle), num(n.diskDelay), n.location, pyList(n.vnfs),
    ]),
  );
  writeFile(
    join(dir, EntityFiles.vnfs),
    VNFS_COLUMNS,
    env.vnfs.map((v) => [
      v.name, num(v.cpu), num(v.mem), num(v.maxShare), num(v.minBandwidth), num(v.packetMemDemand),
      num(v.remoteDataAccessCost), num(v.remoteDataAccessProb), num(v.packetCpuDemand),
      num(v.packetNetworkDemand), num(v.startupIpt), num(v.shutdownIpt), num(v.timeout), num(v.maxPacketQueue),
      v.resourceIntensive,
    ]),
  );
  writeFile(
    join(dir, EntityFiles.sfcs),
    SFCS_COLUMNS,
    env.sfcs.map((s) => [s.name, num(s.maxLatency), priorityList(s.prioritiesOrder), num(s.timeout), pyList(s.vnfs)]),
  );
  writeFile(
    join(dir, EntityFiles.users),
    USERS_COLUMNS,
    env.users.map((u) => {
      const ingressEgress: Record<string, PyValue> = {};
      for (const [sfc, ie] of Object.entries(u.sfcIngressEgress)) {
        ingressEgress[sfc] = { ingress_node: ie.ingressNode, egress_node: ie.egressNode, packet_size: ie.packetSize };
      }
      return [
        u.name, runtime.userNode?.(u) ?? u.node, u.node, num(u.latency), num(u.bandwidth), num(u.lossRate),
        pyList(u.sfcs), pyRepr(ingressEgress), num(u.priority),
      ];
    }),
  );
  writeFile(
    join(dir, EntityFiles.dataSources),
    DATA_SOURCE_COLUMNS,
    env.dataSources.map((d) => [
      d.name, num(d.packetSize), num(d.packetInterval), num(d.packetsBurstInterval), num(d.packetsBurstSize),
    ]),
  );
  writeFile(
    join(dir, EntityFiles.sfcRequests),
    SFC_REQUESTS_COLUMNS,
    env.sfcRequests.map((r) => {
      const state = runtime.requestState(r);
      return [
        r.name, r.user, r.sfc, num(r.priority), f2(state.arrivalTime ?? r.arrivalTime), r.dataSource,
        state.ingressNode ?? r.ingressNode, r.egressNode, num(r.duration), bool(state.placed),
        num(state.replacements), state.sfcInstance ?? 'No instance',
      ];
    }),
  );
  if (options.logLinkEntity ?? true) {
    writeFile(
      join(dir, EntityFiles.links),
      LINK_ENTITIES_COLUMNS,
      env.links.map((l) => [
        l.name, l.source, l.target, num(l.counter), num(l.bandwidth), num(l.lossRate), num(l.propagation),
        num(l.energyConsumption), num(l.maxPacketQueue),
      ]),
    );
  }
}
