/**
 * Checks that need both files (linear arrivals, max_arrival_time) and checks that need the overrides too
 * ("readiness": a seed exists, random flows cannot spin forever, a mobility file exists when
 * mobility is on). They run on possibly invalid documents, wherever the needed values are well-typed.
 */
import type { ConfigIssue } from '../errors.js';
import { IssueList } from './issue.js';
import { integerAt, isObject, maxOf, minOf, numberAt, numbersAt, objectAt, stringAt } from './json-access.js';
import { flagAt } from './parameters-checks.js';
import type { SettingsOverrides } from './settings-types.js';

/** The labels of the two files in issues. */
export interface ScenarioFiles {
  specs: string;
  params: string;
}

/**
 * Linear arrivals emit inc·W(W+1)/2 instants (W = ⌊max_arrival_time / time_window⌋, model-spec §3.1),
 * one per SFC request. The reference compares this with the number of users; \@nss compares it with
 * the number of requests: exact when `sfc_request_num` has one candidate, a range otherwise (a warning
 * when the count is inside the range, since the draw decides).
 */
function checkLinearArrivals(specIssues: IssueList, paramIssues: IssueList, specs: unknown, params: unknown): void {
  const requests = objectAt(specs, 'sfc_requests');
  if (stringAt(requests, 'arrival') !== 'linear') return;
  const simulation = objectAt(params, 'simulation');
  const window = numberAt(simulation, 'time_window');
  if (window === 0) {
    paramIssues.error('/simulation/time_window', 'a number > 0, because sfc_requests.arrival is linear (arrivals are spread per window)', window);
    return;
  }
  const total = numberAt(simulation, 'total_time');
  const increase = integerAt(requests, 'increase_requests_per_window');
  const users = integerAt(objectAt(specs, 'entities_number'), 'users');
  const perUser = numbersAt(objectAt(specs, 'user'), 'sfc_request_num');
  const fewest = minOf(perUser);
  const most = maxOf(perUser);
  if (window === undefined || window < 0 || increase === undefined || users === undefined || fewest === undefined || most === undefined) return;
  const horizon = numberAt(requests, 'max_arrival_time') ?? (total === undefined ? undefined : total - window);
  if (horizon === undefined) return;
  const windows = Math.max(0, Math.floor(horizon / window));
  const triangle = (windows * (windows + 1)) / 2;
  const instants = increase * triangle;
  const low = users * fewest;
  const high = users * most;
  const where = `W = ${windows} window${windows === 1 ? '' : 's'} of ${window} ms before max_arrival_time ${horizon}`;
  const found = `${increase} (gives ${instants} arrival instants)`;
  const path = '/sfc_requests/increase_requests_per_window';
  if (low === high) {
    if (instants === low) return;
    const hint = triangle > 0 && low % triangle === 0 && low > 0 ? `, e.g. ${low / triangle}` : '';
    specIssues.error(
      path,
      `a value such that increase_requests_per_window · W(W+1)/2 equals the number of SFC requests (${low}); ${where}${hint}`,
      undefined,
      found,
    );
  } else if (instants < low || instants > high) {
    specIssues.error(
      path,
      `a value such that increase_requests_per_window · W(W+1)/2 is a possible number of SFC requests (${low} to ${high}); ${where}`,
      undefined,
      found,
    );
  } else {
    specIssues.warning(
      path,
      `increase_requests_per_window · W(W+1)/2 equal to the number of SFC requests, but that number is drawn (${low} to ${high}) and only draws of exactly ${instants} fit; give user.sfc_request_num a single candidate to fix it; ${where}`,
      undefined,
      found,
    );
  }
}

function checkMaxArrivalTime(specIssues: IssueList, paramIssues: IssueList, specs: unknown, params: unknown): void {
  const limit = numberAt(objectAt(specs, 'sfc_requests'), 'max_arrival_time');
  const total = numberAt(objectAt(params, 'simulation'), 'total_time');
  const window = numberAt(objectAt(params, 'simulation'), 'time_window');
  if (limit !== undefined && total !== undefined && limit > total) {
    specIssues.error('/sfc_requests/max_arrival_time', `at most simulation.total_time (${total})`, limit);
  }
  // Arrival instants are whole ms below the bound (model-spec §3.1): the bound must be a positive integer.
  if (limit === undefined && total !== undefined && window !== undefined && total > 0 && window >= 0 && window < total) {
    const bound = total - window;
    if (!Number.isInteger(bound) || bound < 1) {
      paramIssues.error(
        '/simulation/total_time',
        `total_time − time_window (the default arrival bound) to be a positive integer (ms), or sfc_requests.max_arrival_time set in the specs; total_time ${total} − time_window ${window} = ${bound}`,
        total,
      );
    }
  } else if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    specIssues.error('/sfc_requests/max_arrival_time', 'a positive integer (ms)', limit);
  }
}

/** Cross-file checks of (possibly invalid) specs and parameter documents. */
export function crossFileIssues(specs: unknown, params: unknown, files: ScenarioFiles): ConfigIssue[] {
  const specIssues = new IssueList(files.specs);
  const paramIssues = new IssueList(files.params);
  checkLinearArrivals(specIssues, paramIssues, specs, params);
  checkMaxArrivalTime(specIssues, paramIssues, specs, params);
  return [...specIssues.issues, ...paramIssues.issues];
}

/**
 * A random flow whose data source draws a mean burst interval of 0 together with a mean burst size
 * of 0 or a mean packet interval of 0 creates bursts (or packets) forever at one instant. Reported on the
 * zero burst-interval candidates.
 */
function checkZeroTimeFlows(specIssues: IssueList, specs: unknown): void {
  const source = objectAt(specs, 'data_source');
  const burstIntervals = numbersAt(source, 'packets_burst_interval') ?? [];
  const zeroBurstSize = (numbersAt(source, 'packets_burst_size') ?? []).some((n) => n.value === 0);
  const zeroPacketInterval = (numbersAt(source, 'packet_interval') ?? []).some((n) => n.value === 0);
  if (!zeroBurstSize && !zeroPacketInterval) return;
  const partner = zeroBurstSize ? 'packets_burst_size' : 'packet_interval';
  for (const { value, index } of burstIntervals) {
    if (value !== 0) continue;
    specIssues.error(
      `/data_source/packets_burst_interval/${index}`,
      `a mean > 0: with a ${partner} candidate of 0 too, a random flow could create packets forever at one instant (or set simulation.packet_flow_file)`,
      value,
    );
  }
}

/**
 * Checks that depend on the overrides: a seed exists, random flows cannot spin forever, a mobility file
 * is given when mobility is on.
 */
export function readinessIssues(specs: unknown, params: unknown, files: ScenarioFiles, overrides: SettingsOverrides = {}): ConfigIssue[] {
  const specIssues = new IssueList(files.specs);
  const paramIssues = new IssueList(files.params);
  const simulation = objectAt(params, 'simulation');
  if (isObject(simulation)) {
    if (overrides.seed === undefined && simulation.random_seed === undefined) {
      paramIssues.error('/simulation/random_seed', 'a seed (an integer >= 0 or a string) in the file or as an override (--seed)', undefined);
    }
    const flowFile = overrides.flowFile ?? stringAt(simulation, 'packet_flow_file');
    if (flagAt(simulation, 'packet_generation') === true && flowFile === undefined) checkZeroTimeFlows(specIssues, specs);
    const mobilityFile = overrides.mobilityFile ?? stringAt(simulation, 'user_mobility_file');
    if (flagAt(simulation, 'execute_user_mobility') === true && mobilityFile === undefined) {
      paramIssues.error(
        '/simulation/user_mobility_file',
        'a user-mobility CSV path here or as an override (--user-mobility-file), because execute_user_mobility is on',
        undefined,
      );
    }
  }
  return [...specIssues.issues, ...paramIssues.issues];
}
