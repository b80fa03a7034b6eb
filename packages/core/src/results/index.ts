/**
 * Results: the per-round CSV recorders, snapshot and entity writers, run metrics, summaries and their
 * aggregation across rounds.
 * @module
 */
export * from './columns.js';
export { EventFiles } from './event-files.js';
export type { EventFileSpec, EventFileKey, RecorderGate } from './event-files.js';
export { EVENT_ROW_FORMATTERS } from './event-rows.js';
export type { EventFilePayload, EventRowFormatter } from './event-rows.js';
export {
  formatFixed2,
  formatTime,
  formatNumber,
  formatBool,
  pyString,
  pyRepr,
  pyList,
  needsQuoting,
  quoteMinimal,
} from './format.js';
export type { PyValue } from './format.js';
export { CsvSink, DEFAULT_CSV_BUFFER_SIZE, CSV_SEPARATOR } from './csv-sink.js';
export type { CsvQuoting, CsvSinkOptions } from './csv-sink.js';
export { RoundRecorder } from './round-recorder.js';
export type { RecorderFlags, RoundRecorderOptions } from './round-recorder.js';
export {
  PacketSnapshotWriter,
  writeSnapshots,
  writeVnfInstanceSnapshot,
  writeSfcInstanceSnapshot,
  writePacketSnapshot,
} from './snapshots.js';
export type {
  RowSource,
  RoundSnapshot,
  VnfInstanceSnapshotRow,
  SfcInstanceSnapshotRow,
  PacketSnapshotRow,
} from './snapshots.js';
export { writeEntities } from './entities.js';
export type { EntityRuntime, EntityFileOptions, SfcRequestState } from './entities.js';
export { RunMetrics } from './run-metrics.js';
export type { RoundInfo } from './run-metrics.js';
export type {
  RoundSummary,
  GroupSummary,
  PacketCounts,
  DelayStats,
  SlaStats,
  RequestCounts,
  EnergyTotals,
  ScalingCounts,
} from './round-summary.js';
export { quantileSorted, delayStatsOfSorted } from './percentile.js';
export { aggregateRounds, statOf } from './aggregate.js';
export type { Stat, Aggregated, RunSummary } from './aggregate.js';
export { formatSummaryTable } from './summary-table.js';
export { studentTQuantile, normalQuantile, lnGamma } from './student-t.js';
