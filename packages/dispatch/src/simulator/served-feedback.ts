import type { DispatchPolicy } from '@nss/core';

/**
 * The optional feedback hook of a simulator dispatch policy (the same signature as
 * `DispatchPolicy.served` in `@nss/core`): called when a packet finished processing at VNF instance
 * `instance`, `delay` ms after it arrived at the instance, at simulation time `time` (ms).
 */
export interface ServedFeedback {
  /** A packet finished processing on `instance`, `delay` ms after its arrival there, at `time`. */
  served?(instance: string, delay: number, time: number): void;
}

/** A dispatch policy with the `served` hook (what the plugins of this package create). */
export type DispatchPolicyWithFeedback = DispatchPolicy & ServedFeedback;
