/**
 * `@nss/adapters/dpdk`: drive a real `dpdk-testpmd` and collect its port statistics as typed samples,
 * deltas and CSV files (the telco seed's schema, or a full one), or read them through DPDK telemetry.
 * See docs/adapters/dpdk.md.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './port-stats.js';
export * from './stats-parser.js';
export * from './testpmd.js';
export * from './sampler.js';
export * from './csv-writer.js';
export * from './telemetry.js';
export { findExecutable } from './find-executable.js';
export type { TestpmdLink } from './testpmd-link.js';
