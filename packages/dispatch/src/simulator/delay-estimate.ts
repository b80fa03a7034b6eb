import type { VnfInstanceInfo } from '@nss/core';

/**
 * Estimated delay of a packet sent to `instance`, per instruction of the packet's work, in ms:
 * (queue + busySlots + 1) × 1000 / cpu. The packets waiting and in service, plus this one, share the
 * instance's CPU (processor sharing), so the new packet is done after about that much work at `cpu`
 * instructions/s. Multiplied by the packet's work W (size × the VNF type's packet CPU demand) it is a
 * delay in ms; W is the same for every candidate (they are instances of one VNF type serving the same
 * packet), so it cancels in every rule that compares candidates (`random`, `least-impedance`) and is
 * left out. Remote-data and disk delays are not estimated.
 */
export function estimatedDelayPerWork(instance: VnfInstanceInfo): number {
  return ((instance.queue + instance.busySlots + 1) * 1000) / instance.cpu;
}

/** Service time per instruction of work on an idle `instance` (1000 / cpu, ms): the deficit-round-robin weight. */
export function serviceTimePerWork(instance: VnfInstanceInfo): number {
  return 1000 / instance.cpu;
}
