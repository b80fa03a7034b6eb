/**
 * @packageDocumentation
 * `@nss/core`: the entity model, discrete-event engine, event bus, configuration, environment
 * generation, strategy contracts and results of the \@nss 5G network-slice simulator.
 */
export * from './errors.js';
export * from './engine/index.js';
export * from './model/index.js';
export * from './environment/index.js';
export * from './events/index.js';
export * from './plugins/index.js';
export * from './results/index.js';
export * from './config/index.js';
export * from './simulation/index.js';
