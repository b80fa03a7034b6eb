import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName } from '../events/catalogue.js';
import type { EventBus } from '../events/event-bus.js';
import type { EventListener } from '../events/event-map.js';
import { CsvSink } from './csv-sink.js';
import { type EventFileKey, EventFiles, type EventFileSpec } from './event-files.js';
import { ROW_FORMATTERS } from './event-rows.js';

/** Which optional per-round files a {@link RoundRecorder} writes (simulation parameters `log_*`). */
export interface RecorderFlags {
  /** links.csv (`simulation.log_link_events`). */
  readonly logLinkEvents: boolean;
  /** vnf_instance_packets.csv and vnf_instance_resources.csv (`simulation.log_vnf_instance_events`). */
  readonly logVnfInstanceEvents: boolean;
  /** resource_usage.csv (`NSS_LOG_TOTAL_RESOURCES=1` in the reference). */
  readonly logTotalResources: boolean;
}

/** Options of a {@link RoundRecorder}. */
export interface RoundRecorderOptions {
  /** Flush threshold of each file's buffer, in characters (default 256 Ki). */
  readonly bufferSize?: number;
}

type Handler = EventListener<EventName>;
type HandlerMaker = (event: string, sink: CsvSink) => Handler;

const F = ROW_FORMATTERS;

/**
 * The bus listener of each file: formats the payload and appends the row. One function literal per file
 * (not one shared closure calling `format`), so that every listener's formatter call has a single target
 * that V8 can inline. (`p as never`: the payload is the file's, as {@link EventFiles} routes it.)
 */
const HANDLER_MAKERS: { readonly [K in EventFileKey]: HandlerMaker } = {
  packets: (e, sink) => (p) => sink.writeLine(F.packets(e, p as never)),
  vnfInstancePackets: (e, sink) => (p) => sink.writeLine(F.vnfInstancePackets(e, p as never)),
  vnfInstanceResources: (e, sink) => (p) => sink.writeLine(F.vnfInstanceResources(e, p as never)),
  links: (e, sink) => (p) => sink.writeLine(F.links(e, p as never)),
  placement: (e, sink) => (p) => sink.writeLine(F.placement(e, p as never)),
  timeWindow: (e, sink) => (p) => sink.writeLine(F.timeWindow(e, p as never)),
  vnfInstance: (e, sink) => (p) => sink.writeLine(F.vnfInstance(e, p as never)),
  sfcInstance: (e, sink) => (p) => sink.writeLine(F.sfcInstance(e, p as never)),
  sfcRequest: (e, sink) => (p) => sink.writeLine(F.sfcRequest(e, p as never)),
  sfcInstanceVnfMapping: (e, sink) => (p) => sink.writeLine(F.sfcInstanceVnfMapping(e, p as never)),
  userMobility: (e, sink) => (p) => sink.writeLine(F.userMobility(e, p as never)),
  migration: (e, sink) => (p) => sink.writeLine(F.migration(e, p as never)),
  vnfInstanceScaling: (e, sink) => (p) => {
    const line = F.vnfInstanceScaling(e, p as never);
    if (line !== null) sink.writeLine(line);
  },
  sfcInstanceResources: (e, sink) => (p) => {
    const line = F.sfcInstanceResources(e, p as never);
    if (line !== null) sink.writeLine(line);
  },
  resourceUsage: (e, sink) => (p) => sink.writeLine(F.resourceUsage(e, p as never)),
  monitor: (e, sink) => (p) => sink.writeLine(F.monitor(e, p as never)),
  rlAgent: (e, sink) => (p) => sink.writeLine(F.rlAgent(e, p as never)),
};

/**
 * Writes the per-round event CSV files of model-spec §10.2 into a round folder (`…/Round_<n>/`) by
 * listening to the {@link EventBus}: the reference's file names and columns, plus the \@nss trailing
 * `Reason` columns, rows in emission (= time) order (the reference writes newest-first, [Q-46]).
 *
 * Every always-on file is created with its header at construction, even if no row follows. A gated file
 * (links.csv, vnf_instance_packets.csv, vnf_instance_resources.csv, resource_usage.csv) is neither created
 * nor subscribed when its flag is off, so the simulation's `has()` checks stay false and no payload is
 * built. packets.csv always receives SLA violations, VNF-queue drops, link-queue drops and time-expired
 * packets, so it accounts for every packet (corrects ).
 *
 * Call {@link RoundRecorder.close} at the end of the round: it unsubscribes and closes every file.
 */
export class RoundRecorder {
  /** The round folder. */
  readonly dir: string;
  private readonly bus: EventBus;
  private readonly sinks = new Map<EventFileKey, CsvSink>();
  private readonly subscriptions: Array<[EventName, Handler]> = [];
  private closed = false;

  constructor(dir: string, bus: EventBus, flags: RecorderFlags, options: RoundRecorderOptions = {}) {
    this.dir = dir;
    this.bus = bus;
    mkdirSync(dir, { recursive: true });
    try {
      for (const key of Object.keys(EventFiles) as EventFileKey[]) {
        const spec: EventFileSpec = EventFiles[key];
        if (spec.gate !== null && !flags[spec.gate]) continue;
        const sink = new CsvSink(join(dir, spec.file), spec.columns, { bufferSize: options.bufferSize });
        this.sinks.set(key, sink);
        this.subscribe(key, sink);
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Names of the files this recorder writes, in {@link EventFiles} order. */
  get files(): readonly string[] {
    return [...this.sinks.keys()].map((key) => EventFiles[key].file);
  }

  /** Data rows written to `file` so far (`undefined` if the file is not written). */
  rowCount(file: string): number | undefined {
    for (const [key, sink] of this.sinks) if (EventFiles[key].file === file) return sink.rows;
    return undefined;
  }

  /** Writes every buffered row now (e.g. before reading the files while the round runs). */
  flush(): void {
    for (const sink of this.sinks.values()) sink.flush();
  }

  /** Unsubscribes from the bus, flushes and closes every file. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [event, handler] of this.subscriptions) this.bus.off(event, handler);
    this.subscriptions.length = 0;
    let failure: unknown;
    for (const sink of this.sinks.values()) {
      try {
        sink.close();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }

  private subscribe(key: EventFileKey, sink: CsvSink): void {
    const make = HANDLER_MAKERS[key];
    for (const event of EventFiles[key].events as readonly EventName[]) {
      const handler = make(event, sink);
      this.bus.on(event, handler);
      this.subscriptions.push([event, handler]);
    }
  }
}
