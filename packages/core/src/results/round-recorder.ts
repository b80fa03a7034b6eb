import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName } from '../events/catalogue.js';
import type { EventBus } from '../events/event-bus.js';
import type { EventListener, EventMap } from '../events/event-map.js';
import { CsvSink } from './csv-sink.js';
import { type EventFileKey, EventFiles, type EventFileSpec } from './event-files.js';
import { EVENT_ROW_FORMATTERS } from './event-rows.js';

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
type Formatter = (event: string, payload: EventMap[EventName]) => string | null;

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

  private subscribe<K extends EventFileKey>(key: K, sink: CsvSink): void {
    const format = EVENT_ROW_FORMATTERS[key] as Formatter;
    for (const event of EventFiles[key].events as readonly EventName[]) {
      const handler: Handler = (payload) => {
        const line = format(event, payload);
        if (line !== null) sink.writeLine(line);
      };
      this.bus.on(event, handler);
      this.subscriptions.push([event, handler]);
    }
  }
}
