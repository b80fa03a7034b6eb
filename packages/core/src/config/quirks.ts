/**
 * Behaviour switches for the reference simulator's result-affecting quirks (model-spec §11). Every flag
 * defaults to `false`: the corrected behaviour. Setting a flag to `true` reproduces the reference, so
 * results can be compared with published 5GNSS runs. `docs/model.md` lists every difference.
 */
export interface Quirks {
  /**
   * A random-flow packet's delay includes the inter-packet gap that precedes its injection
   * (the reference creates the packet, waits the gap, then injects it).
   */
  delayIncludesInterPacketGap: boolean;
  /**
   * Every packet in service runs at the instance's whole CPU and contention only shows through the
   * reference's overload multiplier (Σ W/C of packets in service, applied once at service start).
   * Corrected: the packets in service share the CPU (processor sharing, re-rated when packets start or
   * finish and when scaling changes the allocation).
   */
  noCpuSharing: boolean;
  /** With `time_window = 0`, requests generate packets until `total_time` instead of for `duration`. */
  windowEndIsTotalTimeWithoutWindows: boolean;
  /** [Q-8] `time_limit_to_packet_generation` stops a generator silently (no STOPPED event, request stays active). */
  silentGenerationLimit: boolean;
  /** File-driven flows do not keep their SFC instance alive (its timeout is not reset per packet). */
  fileFlowDoesNotResetTimeout: boolean;
  /**
   * VNF startup and shutdown times are truncated to whole milliseconds, and so are service times
   * under the reference CPU model (`noCpuSharing`; with processor sharing a packet's service time is not
   * fixed at its start, so there is nothing to truncate).
   */
  truncateVnfTimes: boolean;
  /** A remote data access happens with probability 1 − e^(−p) instead of p. */
  remoteAccessProbabilityExponential: boolean;
  /**
   * SLA-violation, VNF-queue-drop and time-expired events are only emitted when VNF-instance
   * logging is on, so SFC-instance locking and SLA-driven scalers see nothing with logging off.
   */
  slaEventsNeedVnfLogging: boolean;
  /** The SFC-instance monitor counts SLA violations since t = 0 instead of over its window. */
  cumulativeLockWindow: boolean;
  /**
   * Migration-threshold latency is measured to the end of the last VNF (the last link is excluded)
   * instead of end to end.
   */
  migrationLatencyToLastVnf: boolean;
  /** A successful re-placement destroys the old SFC instance even when other requests still share it. */
  replacementDestroysSharedInstance: boolean;
  /** All rounds use the same seed, so rounds are identical replicas. */
  identicalRounds: boolean;
  /**
   * The reference holds a link's server during propagation as well as transmission, so propagation
   * limits throughput. Corrected: the server is busy only while transmitting; propagation is a pure delay.
   */
  linkPropagationHoldsServer: boolean;
  /** Requests are placed in arrival (or similarity) order, ignoring their priority. */
  ignoreRequestPriority: boolean;
  /** Scaling targets are rounded half to even (Python's `round`) instead of half up. */
  scalingRoundsHalfToEven: boolean;
  /** A memory scale-up is checked against the node's free CPU instead of its free memory. */
  memoryScaleUpChecksCpu: boolean;
}

/** All quirk flags with their corrected defaults (`false`). */
export const CORRECTED: Readonly<Quirks> = Object.freeze({
  delayIncludesInterPacketGap: false,
  noCpuSharing: false,
  windowEndIsTotalTimeWithoutWindows: false,
  silentGenerationLimit: false,
  fileFlowDoesNotResetTimeout: false,
  truncateVnfTimes: false,
  remoteAccessProbabilityExponential: false,
  slaEventsNeedVnfLogging: false,
  cumulativeLockWindow: false,
  migrationLatencyToLastVnf: false,
  replacementDestroysSharedInstance: false,
  identicalRounds: false,
  linkPropagationHoldsServer: false,
  ignoreRequestPriority: false,
  scalingRoundsHalfToEven: false,
  memoryScaleUpChecksCpu: false,
});

/** Every flag set: the reference's behaviour, for comparisons with published results. */
export const REFERENCE: Readonly<Quirks> = Object.freeze(
  Object.fromEntries(Object.keys(CORRECTED).map((k) => [k, true])) as unknown as Quirks,
);

/** One-line description of each flag (for the parameters schema and the docs). */
export const QUIRK_DESCRIPTIONS: Readonly<Record<keyof Quirks, string>> = Object.freeze({
  delayIncludesInterPacketGap: '[Q-1] a random-flow packet\'s delay includes the gap before its injection',
  noCpuSharing: '[Q-3] each packet in service gets the whole CPU; overload multiplier instead of processor sharing',
  windowEndIsTotalTimeWithoutWindows: '[Q-7] with time_window = 0, requests generate packets until total_time',
  silentGenerationLimit: '[Q-8] time_limit_to_packet_generation stops generators without a STOPPED event',
  fileFlowDoesNotResetTimeout: '[Q-10] file-driven flows do not keep their SFC instance alive',
  truncateVnfTimes: '[Q-11] VNF startup/shutdown (and, with noCpuSharing, service) times truncated to whole ms',
  remoteAccessProbabilityExponential: '[Q-12] remote data access with probability 1 - e^-p instead of p',
  slaEventsNeedVnfLogging: '[Q-19] SLA, VNF-queue-drop and expiry events only with log_vnf_instance_events',
  cumulativeLockWindow: '[Q-20] the SFC-instance monitor counts SLA violations since t = 0',
  migrationLatencyToLastVnf: '[Q-21] migration latency measured to the last VNF (last link excluded)',
  replacementDestroysSharedInstance: '[Q-25] re-placement destroys the old SFC instance even if shared',
  identicalRounds: '[Q-29] all rounds use the same seed (identical replicas)',
  linkPropagationHoldsServer: 'a link is busy during propagation as well as transmission',
  ignoreRequestPriority: '[Q-5] requests are placed without regard to their priority',
  scalingRoundsHalfToEven: '[Q-40] scaling targets rounded half to even instead of half up',
  memoryScaleUpChecksCpu: '[Q-41] a memory scale-up is checked against free CPU',
});

/** Names of all quirk flags. */
export const QUIRK_NAMES = Object.keys(CORRECTED) as (keyof Quirks)[];

/**
 * Resolves the `simulation.quirks` object of a parameters file: `{ "profile": "reference" }` starts from
 * {@link REFERENCE}, otherwise from {@link CORRECTED}; individual flags override. Unknown names are errors
 * reported by the caller (they are returned in `unknown`).
 */
export function resolveQuirks(raw: Readonly<Record<string, unknown>> | null | undefined): {
  quirks: Quirks;
  unknown: string[];
} {
  const base = raw?.['profile'] === 'reference' ? REFERENCE : CORRECTED;
  const quirks: Quirks = { ...base };
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (k === 'profile') continue;
    if (!(k in CORRECTED)) {
      unknown.push(k);
      continue;
    }
    quirks[k as keyof Quirks] = v === true || v === 1 || v === '1' || v === 'true';
  }
  return { quirks, unknown };
}
