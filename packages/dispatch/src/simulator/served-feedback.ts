import type { DispatchPolicy } from '@nss/core';

/**
 * The optional feedback hook of a simulator dispatch policy, as being added to `DispatchPolicy` in
 * `@nss/core`: called when a packet this policy dispatched to VNF instance `instance` finished
 * processing there, `delay` ms after it arrived at the instance, at simulation time `time` (ms).
 */
export interface ServedFeedback {
  /** A packet finished processing on `instance`, `delay` ms after its arrival there, at `time`. */
  served?(instance: string, delay: number, time: number): void;
}

/** A dispatch policy with the `served` hook (what the plugins of this package create). */
export type DispatchPolicyWithFeedback = DispatchPolicy & ServedFeedback;
