/**
 * `@nss/adapters/host`: the ML-for-NFV seed's host monitor for the local machine — CPU %, RAM % and
 * RX/TX Mbit/s per interface from /proc, started from code or over a small REST API, written to CSV
 * and drawn as the seed's three plots (SVG). See docs/adapters/host.md.
 *
 * @packageDocumentation
 */
export * from './proc.js';
export * from './host-sample.js';
export * from './host-csv.js';
export * from './host-monitor.js';
export * from './svg-plot.js';
export * from './monitor-plots.js';
export * from './monitor-api.js';
