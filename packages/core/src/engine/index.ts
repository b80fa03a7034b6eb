/**
 * The discrete-event engine: the {@link Scheduler} (clock and event heap), the {@link Server}
 * (k parallel slots with a bounded FIFO line) and the seeded {@link Rng}.
 * @packageDocumentation
 */
export { Scheduler } from './scheduler.js';
export type { EventCallback, EventId, SchedulerRunOptions } from './scheduler.js';
export { Server } from './server.js';
export type { ServerOptions } from './server.js';
export { Rng } from './rng.js';
export type { RandomStream } from './rng.js';
