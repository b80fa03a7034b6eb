import type { DispatchPlugin } from '@nss/core';
import { deficitRoundRobinDispatch } from './deficit-round-robin-dispatch.js';
import { leastImpedanceDispatch } from './least-impedance-dispatch.js';
import { leastLoadedDispatch } from './least-loaded-dispatch.js';
import { proportionalFairnessDispatch } from './proportional-fairness-dispatch.js';
import { randomDispatch } from './random-dispatch.js';
import { roundRobinDispatch } from './round-robin-dispatch.js';

/** Every dispatch plugin of this package, for registering in a plugin registry (e.g. by the CLI). */
export const dispatchPlugins: readonly DispatchPlugin[] = Object.freeze([
  roundRobinDispatch,
  leastLoadedDispatch,
  randomDispatch,
  leastImpedanceDispatch,
  proportionalFairnessDispatch,
  deficitRoundRobinDispatch,
] as DispatchPlugin[]);
