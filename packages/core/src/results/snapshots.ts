import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hop } from '../model/sfc-instance.js';
import {
  PACKETS_ENTITIES_COLUMNS,
  SFC_INSTANCE_ENTITIES_COLUMNS,
  SnapshotFiles,
  VNF_INSTANCES_ENTITIES_COLUMNS,
} from './columns.js';
import { CsvSink } from './csv-sink.js';
import {
  formatBool as bool,
  formatFixed2 as f2,
  formatNumber as num,
  pyList,
  pyRepr,
  quoteMinimal as q,
} from './format.js';

/**
 * Rows to write: an iterable, or a function that calls `emit` once per row (lets the simulation stream
 * a huge table, reusing one row object, without building an array). A row is borrowed: it is formatted
 * before `emit` returns.
 */
export type RowSource<T> = Iterable<T> | ((emit: (row: T) => void) => void);

/** A row of vnf_instances_entities.csv: a VNF instance's state at the end of the round. */
export interface VnfInstanceSnapshotRow {
  readonly name: string;
  readonly vnf: string;
  /** Allocated CPU. */
  readonly cpu: number;
  /** Allocated memory. */
  readonly mem: number;
  readonly cpuLoad: number;
  readonly memLoad: number;
  readonly node: string;
  /** SFC instances mapped onto it (`SFC_Inst_Attached`, a Python list). */
  readonly sfcInstances: readonly string[];
  /** Remaining startup ms (−1 once booted). */
  readonly startup: number;
  /** Remaining shutdown ms (−1 when not shutting down or done). */
  readonly shutdown: number;
  /** Remaining idle-timeout ms (−1 once it timed out). */
  readonly timeout: number;
  readonly active: boolean;
  /** Whether new SFC instances may be mapped (`Acpt_SFC_Inst`). */
  readonly acceptSfcInstances: boolean;
}

/** A row of sfc_instance_entities.csv: an SFC instance's state at the end of the round. */
export interface SfcInstanceSnapshotRow {
  readonly name: string;
  readonly sfc: string;
  /** Remaining timeout ms. */
  readonly timeout: number;
  /** Slice name (`Net_Slice`). */
  readonly slice: string;
  /** `Accept_New_Requests`. */
  readonly acceptRequests: boolean;
  readonly active: boolean;
  /** Requests served (`SFC_Req`, a Python list). */
  readonly requests: readonly string[];
  readonly ingressNode: string;
  readonly egressNode: string;
  /** Hops in order, written as the Python dict `{'ingress': 'l_0_3_2', 'v_3': 'l_3_1_0'}` (`Links`). */
  readonly hops: readonly Hop[];
  /** Serving VNF instances in chain order (`VNF_Instances`, a Python list). */
  readonly vnfInstances: readonly string[];
}

/** A row of packets_entities.csv: a packet's state at the end of the round. */
export interface PacketSnapshotRow {
  readonly packetId: number;
  /** Creation time (ms). */
  readonly createdAt: number;
  readonly size: number;
  readonly request: string;
  /** Active requests when the packet was created (`Total_SFC_Requests_Active`). */
  readonly totalSfcRequestsActive: number;
  readonly user: string;
  /** SLA bound (ms). */
  readonly maxDelay: number;
  /** Exact delay (ms), so far for packets still active. */
  readonly delay: number;
  /** Mobility penalty included in the delay (ms). */
  readonly mobilityPenalty: number;
  readonly slaViolated: boolean;
  readonly slaViolationPercentage: number;
  readonly active: boolean;
  readonly dropped: boolean;
  readonly orphan: boolean;
  readonly processed: boolean;
}

/** The final state of a round, for {@link writeSnapshots}. */
export interface RoundSnapshot {
  readonly vnfInstances: RowSource<VnfInstanceSnapshotRow>;
  readonly sfcInstances: RowSource<SfcInstanceSnapshotRow>;
  /** Omitted when the packets were streamed with a {@link PacketSnapshotWriter} during the round. */
  readonly packets?: RowSource<PacketSnapshotRow>;
  /** Wall-clock seconds of the round (process_time.txt). */
  readonly processTimeSeconds: number;
}

function each<T>(source: RowSource<T>, visit: (row: T) => void): void {
  if (typeof source === 'function') source(visit);
  else for (const row of source) visit(row);
}

function hopsDict(hops: readonly Hop[]): string {
  const dict: Record<string, string> = {};
  for (const hop of hops) dict[hop.key] = hop.link;
  return pyRepr(dict);
}

/** Writes vnf_instances_entities.csv (no quoting, as the reference). */
export function writeVnfInstanceSnapshot(path: string, rows: RowSource<VnfInstanceSnapshotRow>): void {
  const sink = new CsvSink(path, VNF_INSTANCES_ENTITIES_COLUMNS, { quoting: 'none' });
  try {
    each(rows, (r) =>
      sink.writeLine(
        `${r.name};${r.vnf};${num(r.cpu)};${num(r.mem)};${num(r.cpuLoad)};${num(r.memLoad)};${r.node};` +
          `${pyList(r.sfcInstances)};${num(r.startup)};${num(r.shutdown)};${num(r.timeout)};${bool(r.active)};` +
          `${bool(r.acceptSfcInstances)}`,
      ),
    );
  } finally {
    sink.close();
  }
}

/** Writes sfc_instance_entities.csv (minimal quoting). */
export function writeSfcInstanceSnapshot(path: string, rows: RowSource<SfcInstanceSnapshotRow>): void {
  const sink = new CsvSink(path, SFC_INSTANCE_ENTITIES_COLUMNS, { quoting: 'minimal' });
  try {
    each(rows, (r) =>
      sink.writeRow([
        r.name, r.sfc, num(r.timeout), r.slice, bool(r.acceptRequests), bool(r.active), pyList(r.requests),
        r.ingressNode, r.egressNode, hopsDict(r.hops), pyList(r.vnfInstances),
      ]),
    );
  } finally {
    sink.close();
  }
}

/**
 * Streams packets_entities.csv row by row (minimal quoting, times with two decimals), so a round with
 * millions of packets writes each packet's final state when it ends instead of keeping it in memory.
 */
export class PacketSnapshotWriter {
  private readonly sink: CsvSink;

  constructor(path: string) {
    this.sink = new CsvSink(path, PACKETS_ENTITIES_COLUMNS, { quoting: 'minimal' });
  }

  /** Appends one packet's row. */
  write(r: PacketSnapshotRow): void {
    // Only the two names can need quoting; the other fields are numbers and booleans.
    this.sink.writeLine(
      `${r.packetId};${f2(r.createdAt)};${num(r.size)};${q(r.request)};${r.totalSfcRequestsActive};${q(r.user)};` +
        `${num(r.maxDelay)};${f2(r.delay)};${f2(r.mobilityPenalty)};${bool(r.slaViolated)};` +
        `${f2(r.slaViolationPercentage)};${bool(r.active)};${bool(r.dropped)};${bool(r.orphan)};` +
        `${bool(r.processed)}`,
    );
  }

  /** Flushes and closes the file (idempotent). */
  close(): void {
    this.sink.close();
  }
}

/** Writes packets_entities.csv (minimal quoting). Times with two decimals. */
export function writePacketSnapshot(path: string, rows: RowSource<PacketSnapshotRow>): void {
  const writer = new PacketSnapshotWriter(path);
  try {
    each(rows, (r) => writer.write(r));
  } finally {
    writer.close();
  }
}

/**
 * Writes the end-of-round snapshot files into the round folder `dir` (model-spec §10.2):
 * vnf_instances_entities.csv, sfc_instance_entities.csv, packets_entities.csv and process_time.txt
 * (the seconds as a bare number, no newline). Rows in the order given (the simulation gives creation
 * order; the reference wrote them reversed, [Q-46]).
 */
export function writeSnapshots(dir: string, snapshot: RoundSnapshot): void {
  mkdirSync(dir, { recursive: true });
  writeVnfInstanceSnapshot(join(dir, SnapshotFiles.vnfInstances), snapshot.vnfInstances);
  writeSfcInstanceSnapshot(join(dir, SnapshotFiles.sfcInstances), snapshot.sfcInstances);
  if (snapshot.packets !== undefined) writePacketSnapshot(join(dir, SnapshotFiles.packets), snapshot.packets);
  writeFileSync(join(dir, SnapshotFiles.processTime), num(snapshot.processTimeSeconds));
}
