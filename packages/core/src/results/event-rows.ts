/**
 * Row formatters of the per-round event files: payload → one CSV line (fields joined with `;`, no
 * quoting, no newline), in the columns of {@link EventFiles}. Times with two decimals; the columns the
 * reference rounds (usages, scaling, monitor, resource usage, RL value) with two decimals; ids, counts
 * and raw quantities in shortest form. Only the free-text `Reason` and `Details` columns are quoted (minimal quoting),
 * so a reason containing `;` cannot shift the columns.
 */
import type { EventMap } from '../events/event-map.js';
import { type EventFileKey, EventFiles } from './event-files.js';
import { formatFixed2 as f2, formatNumber as num, pyList, quoteMinimal } from './format.js';

/** A strategy's round details as `key=value` pairs separated by spaces (numbers in shortest form). */
function formatDetails(details: Readonly<Record<string, string | number | boolean>> | undefined): string {
  if (details === undefined) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? num(v) : String(v)}`)
    .join(' ');
}

/** The payload type of the events recorded in file `K`. */
export type EventFilePayload<K extends EventFileKey> = EventMap[(typeof EventFiles)[K]['events'][number]];

/** Formats one row of file `K`; `null` = this payload does not belong to the file (shared scaling names). */
export type EventRowFormatter<K extends EventFileKey> = (event: string, payload: EventFilePayload<K>) => string | null;

/**
 * The formatters, typed precisely (only the scaling files' formatters may return `null`); the recorder
 * uses this object, the public API is {@link EVENT_ROW_FORMATTERS}.
 */
export const ROW_FORMATTERS = {
  packets: (e, p) =>
    `${e};${f2(p.time)};${p.packetId};${p.request};${p.sfcInstance};${p.user};${p.sfc};${p.dataSource}`,
  vnfInstancePackets: (e, p) =>
    `${e};${f2(p.time)};${p.packetId};${p.vnfInstance};${p.request};${p.sfcInstance};${p.user};${p.sfc};` +
    `${p.dataSource};${num(p.size)};${f2(p.elapsedTime)}`,
  vnfInstanceResources: (e, p) =>
    `${e};${f2(p.time)};${p.vnfInstance};${num(p.cpu)};${f2(p.cpuUsage)};${num(p.mem)};${f2(p.memUsage)};` +
    `${p.user};${p.request};${p.sfcInstance};${p.packetId}`,
  links: (e, p) =>
    `${e};${f2(p.time)};${p.packetId};${p.link};${p.request};${p.sfcInstance};${p.user};${p.sfc};` +
    `${p.dataSource};${p.vnfInstance};${num(p.packetSize)}`,
  placement: (e, p) => `${e};${f2(p.time)};${quoteMinimal(formatDetails(p.details))}`,
  timeWindow: (e, p) =>
    `${e};${f2(p.time)};${f2(p.windowInit)};${f2(p.windowEnd)};${p.sfcRequestsPlaced};${p.sfcRequestsNotPlaced};` +
    `${num(p.cpuAllocated)};${num(p.memAllocated)};${p.vnfInstancesCount};${p.sfcInstancesCount};` +
    `${f2(p.totalAlgTime)};${p.countSfcRequests};${pyList(p.sfcRequests)};${num(p.totalEnergyConsumption)}`,
  vnfInstance: (e, p) =>
    `${e};${f2(p.time)};${p.vnfInstance};${p.node};${p.vnf};${num(p.vnfCpu)};${num(p.vnfMem)}`,
  sfcInstance: (e, p) => `${e};${f2(p.time)};${p.sfcInstance}`,
  sfcRequest: (e, p) =>
    `${e};${f2(p.time)};${p.request};${p.sfcInstance};${p.placementOrder};${quoteMinimal(p.reason ?? '')}`,
  sfcInstanceVnfMapping: (e, p) => `${e};${f2(p.time)};${p.sfcInstance};${p.vnfInstance}`,
  userMobility: (e, p) => `${e};${f2(p.time)};${p.user};${p.originNode};${p.destinyNode}`,
  migration: (e, p) => `${e};${f2(p.time)};${p.request};${p.user}`,
  vnfInstanceScaling: (e, p) =>
    'vnfInstance' in p
      ? `${e};${f2(p.time)};${p.vnfInstance};${f2(p.old)};${f2(p.new)};${quoteMinimal(p.reason ?? '')}`
      : null,
  sfcInstanceResources: (e, p) =>
    'sfcInstance' in p
      ? `${e};${f2(p.time)};${p.sfcInstance};${f2(p.oldCpu)};${f2(p.newCpu)};${f2(p.oldMem)};${f2(p.newMem)}`
      : null,
  resourceUsage: (e, p) => `${e};${f2(p.time)};${f2(p.value)}`,
  monitor: (e, p) => `${e};${f2(p.time)};${p.sfcInstance};${f2(p.windowSize)};${f2(p.monitorInterval)}`,
  rlAgent: (e, p) => `${e};${f2(p.time)};${p.vnfInstance};${p.agent};${f2(p.value)};${num(p.reward)}`,
} satisfies { readonly [K in EventFileKey]: EventRowFormatter<K> };

/** The formatter of every per-round event file. */
export const EVENT_ROW_FORMATTERS: { readonly [K in EventFileKey]: EventRowFormatter<K> } = ROW_FORMATTERS;
