/**
 * `@nss/adapters/openwhisk`: a REST client for Apache OpenWhisk, an emulator of its REST API for
 * tests, the simulated edge computer of the serverless-on-edge seed, and edge dispatchers over
 * several platforms (forwarding-table policies with failover, prediction-based dispatch).
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './activation.js';
export * from './action-name.js';
export * from './client.js';
export * from './emulator.js';
export * from './edge-computer/computer-config.js';
export * from './edge-computer/utilisation.js';
export * from './edge-computer/edge-computer.js';
export * from './dispatcher/platform.js';
export * from './dispatcher/openwhisk-platform.js';
export * from './dispatcher/simulated-platform.js';
export * from './dispatcher/dispatch-errors.js';
export * from './dispatcher/edge-dispatcher.js';
export * from './dispatcher/sliding-fit.js';
export * from './dispatcher/ptime-estimators.js';
export * from './dispatcher/prediction-dispatcher.js';
export * from './dispatcher/wsk-proxy.js';
