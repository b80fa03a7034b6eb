import type { Link, Node, PlannedVnfInstance, SfcPriority, VnfInstanceView } from '@nss/core';

/**
 * A candidate of SmartPlacement's decision tree for one VNF of a chain: an instance to reuse (Phase 1:
 * existing, or created earlier in the round) or a node to create one on (Phase 2), with the criteria
 * scored once.
 */
export interface Candidate {
  /** Node of the instance, or the node to create it on. */
  readonly node: Node;
  /** The existing instance to reuse (Phase 1). */
  readonly existing?: VnfInstanceView;
  /** The instance planned earlier in the round to reuse (Phase 1). */
  readonly planned?: PlannedVnfInstance;
  /** The lowest-latency usable link from the source node to `node` (first in counter order on ties). */
  readonly link: Link;
  /** Latency criterion (ms): transmission (1000·size/bandwidth) plus propagation over `link`. */
  readonly latency: number;
  /** Capacity criterion: free CPU plus free memory of the node, after every reservation so far. */
  readonly capacity: number;
  /** Energy criterion: energy of the transfer over `link` (Wh) plus the node's current power (W). */
  readonly energy: number;
}

/** Relative tolerance under which two criterion values tie (absorbs floating-point noise). */
const TIE = 1e-9;

function ties(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The candidates that are best on one criterion (lowest latency, highest capacity, lowest energy). */
export function bestBy(candidates: readonly Candidate[], criterion: SfcPriority): Candidate[] {
  if (candidates.length === 0) return [];
  const score = (c: Candidate): number =>
    criterion === 'latency' ? c.latency : criterion === 'capacity' ? -c.capacity : c.energy;
  let best = score(candidates[0]);
  for (const c of candidates) best = Math.min(best, score(c));
  return candidates.filter((c) => ties(score(c), best));
}

/**
 * SmartPlacement's decision tree with the reference's defects fixed ([Q-16]): the candidates best on
 * the SFC's first priority, ties broken by the second, then the third, then uniformly at random (each
 * distinct candidate once, whatever the order of the priorities). Returns the remaining ties; the caller
 * draws among them.
 */
export function decisionTree(candidates: readonly Candidate[], order: readonly SfcPriority[]): Candidate[] {
  let remaining = [...candidates];
  for (const criterion of order) {
    if (remaining.length <= 1) break;
    remaining = bestBy(remaining, criterion);
  }
  return remaining;
}

/**
 * Power drawn by a node (W) with `allocatedCpu` allocated (model-spec §9):
 * idle + (max − idle) · round2(allocated / CPU).
 */
export function nodePower(node: Node, allocatedCpu: number): number {
  const utilisation = node.cpu > 0 ? Math.round((allocatedCpu / node.cpu) * 100) / 100 : 0;
  return node.energyIdle + utilisation * (node.energyMax - node.energyIdle);
}

/**
 * Energy of sending `size` units over `link` (Wh): power × transmission time, energy_consumption ·
 * (size / bandwidth) / 3600 (the reference divides by 36000, [Q-38]).
 */
export function transferEnergy(link: Link, size: number): number {
  return link.bandwidth > 0 ? (link.energyConsumption * (size / link.bandwidth)) / 3600 : 0;
}
