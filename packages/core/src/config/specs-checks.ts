/**
 * Semantic checks of the specs file alone (model-spec §1.6 and its "missing" list): what a JSON Schema
 * cannot say. They run even when the schema reported errors, on every value that is present and
 * well-typed, so that one run reports every problem.
 */
import type { ConfigIssue } from '../errors.js';
import { IGNORED_SPECS_KEYS } from './ignored-keys.js';
import { IssueList, pointer } from './issue.js';
import {
  integerAt,
  isObject,
  maxOf,
  minOf,
  numberAt,
  numbersAt,
  objectAt,
  stringAt,
  valueAtPointer,
} from './json-access.js';
import { pythonRound } from './python-round.js';

/** Tolerance for sums of probabilities written with a few decimals. */
const EPSILON = 1e-9;

/** Each candidate of `section.key` above `limit` is an error: a draw could ask for more than exists. */
function atMost(issues: IssueList, specs: unknown, section: string, key: string, limitKey: string, why: string): void {
  const limit = integerAt(objectAt(specs, 'entities_number'), limitKey);
  const values = numbersAt(objectAt(specs, section), key);
  if (limit === undefined || values === undefined) return;
  for (const { value, index } of values) {
    if (value > limit) issues.error(pointer(section, key, index), `at most entities_number.${limitKey} (${limit}): ${why}`, value);
  }
}

function checkLocations(issues: IssueList, node: unknown): void {
  if (!isObject(node) || !Array.isArray(node.location) || node.location.length === 0) return;
  const probabilities = node.location.map((loc: unknown) => numberAt(loc, 'node_prob'));
  if (probabilities.some((p) => p === undefined)) return;
  // Sum in whole hundredths, as the reference rounds each probability to 2 decimals (model-spec §2.3).
  const hundredths = probabilities.reduce<number>((sum, p) => sum + Math.round(pythonRound(p ?? 0, 2) * 100), 0);
  const sum = hundredths / 100;
  if (hundredths < 100) {
    issues.error(
      '/node/location',
      'node_prob values summing to at least 1 after rounding each to 2 decimals (otherwise the location draw of a node can fail)',
      undefined,
      `node_prob values summing to ${sum}`,
    );
  } else if (hundredths > 100) {
    issues.warning(
      '/node/location',
      'node_prob values summing to 1 (with a larger sum the locations with the largest node_prob are drawn less often than written)',
      undefined,
      `node_prob values summing to ${sum}`,
    );
  }
}

function checkNodeTypes(issues: IssueList, node: unknown): void {
  const ran = numberAt(node, 'ran_node_prob');
  const core = numberAt(node, 'core_node_prob');
  if (ran === undefined || core === undefined || ran + core <= 1 + EPSILON) return;
  issues.error('/node/core_node_prob', `at most ${pythonRound(1 - ran, 10)}, so that ran_node_prob (${ran}) + core_node_prob <= 1`, core);
}

/**
 * Idle power: per node only `energy_idle` candidates strictly below the drawn `energy_max` are used, else
 * 0.7 · energy_max (model-spec §2.3). A candidate that no energy_max exceeds is dead: a warning. When the
 * whole list is dead the file almost certainly has a unit mistake: an error (write `[]` for the 70 % rule).
 */
function checkEnergy(issues: IssueList, node: unknown): void {
  const maxima = numbersAt(node, 'energy_max');
  const idles = numbersAt(node, 'energy_idle');
  const largestMax = maxOf(maxima);
  const smallestIdle = minOf(idles);
  if (maxima === undefined || idles === undefined || largestMax === undefined || smallestIdle === undefined) return;
  if (smallestIdle >= largestMax) {
    issues.error(
      '/node/energy_idle',
      `idle power candidates below energy_max (largest ${largestMax}); as written none can ever be used and every node would fall back to 0.7 · energy_max (write [] to ask for that)`,
      isObject(node) ? node.energy_idle : undefined,
    );
    return;
  }
  for (const { value, index } of idles) {
    if (value >= largestMax) {
      issues.warning(
        pointer('node', 'energy_idle', index),
        `a value below the largest energy_max (${largestMax}); this candidate can never be used`,
        value,
      );
    }
  }
  for (const { value, index } of maxima) {
    if (value <= smallestIdle) {
      issues.warning(
        pointer('node', 'energy_max', index),
        `a value above some energy_idle candidate (smallest ${smallestIdle}); nodes drawing it use 0.7 · energy_max as idle power`,
        value,
      );
    }
  }
}

function checkRequestCount(issues: IssueList, specs: unknown): void {
  const users = integerAt(objectAt(specs, 'entities_number'), 'users');
  const perUser = maxOf(numbersAt(objectAt(specs, 'user'), 'sfc_request_num'));
  if (users === 0) {
    issues.warning('/entities_number/users', 'at least 1 user (with no user no SFC request is generated)', users);
  } else if (users !== undefined && perUser === 0) {
    issues.warning('/user/sfc_request_num', 'a value > 0 (as written no SFC request is generated)', objectAt(specs, 'user')?.sfc_request_num);
  }
}

function checkArrivalKeys(issues: IssueList, specs: unknown): void {
  const requests = objectAt(specs, 'sfc_requests');
  if (stringAt(requests, 'arrival') === 'poisson' && requests?.increase_requests_per_window !== undefined) {
    issues.warning(
      '/sfc_requests/increase_requests_per_window',
      'no increase_requests_per_window with poisson arrivals (it is only used by linear arrivals and is ignored)',
      requests.increase_requests_per_window,
    );
  }
}

function checkSlices(issues: IssueList, specs: unknown): void {
  const slices = isObject(specs) ? specs.slices : undefined;
  if (!Array.isArray(slices)) return;
  const sfcCount = integerAt(objectAt(specs, 'entities_number'), 'sfcs');
  const known =
    sfcCount === undefined ? 'an SFC type name s_0, s_1 …' : sfcCount === 0 ? 'no SFC name (entities_number.sfcs is 0)' : `an SFC type name among s_0 … s_${sfcCount - 1}`;
  const sliceOfSfc = new Map<string, string>();
  const sliceNames = new Map<string, number>();
  slices.forEach((slice: unknown, i) => {
    const name = stringAt(slice, 'name');
    if (name !== undefined) {
      const first = sliceNames.get(name);
      if (first === undefined) sliceNames.set(name, i);
      else issues.error(pointer('slices', i, 'name'), `a slice name not already used (slice ${first} is also named ${JSON.stringify(name)})`, name);
    }
    const sfcs = isObject(slice) ? slice.sfcs : undefined;
    if (!Array.isArray(sfcs)) return;
    const label = name === undefined ? `slice ${i}` : `slice ${JSON.stringify(name)}`;
    sfcs.forEach((sfc: unknown, j) => {
      if (typeof sfc !== 'string') return;
      const match = /^s_(0|[1-9]\d*)$/.exec(sfc);
      if (sfcCount !== undefined && (match === null || Number(match[1]) >= sfcCount)) {
        issues.error(pointer('slices', i, 'sfcs', j), known, sfc);
        return;
      }
      const owner = sliceOfSfc.get(sfc);
      if (owner !== undefined) {
        const where = owner === label ? `listed twice in ${label}` : `already in ${owner}`;
        issues.error(pointer('slices', i, 'sfcs', j), `an SFC type in at most one slice (${sfc} is ${where})`, sfc);
      } else {
        sliceOfSfc.set(sfc, label);
      }
    });
  });
}

function checkIgnoredKeys(issues: IssueList, specs: unknown): void {
  for (const { parent, key, reason } of IGNORED_SPECS_KEYS) {
    const holder = valueAtPointer(specs, parent);
    if (isObject(holder) && holder[key] !== undefined) {
      issues.warning(`${parent}${pointer(key)}`, `nothing: "${key}" is ignored by the model (${reason})`, holder[key]);
    }
  }
}

/** Semantic checks of a (possibly invalid) specs document; issues are in `file`. */
export function specsSemanticIssues(specs: unknown, file: string): ConfigIssue[] {
  const issues = new IssueList(file);
  atMost(issues, specs, 'sfc', 'vnf_num', 'vnfs', 'an SFC chains distinct VNF types');
  atMost(issues, specs, 'user', 'sfc_request_num', 'sfcs', 'a user requests distinct SFC types');
  atMost(issues, specs, 'node', 'vnf_num', 'vnfs', 'a node hosts distinct VNF types');
  const node = objectAt(specs, 'node');
  checkLocations(issues, node);
  checkNodeTypes(issues, node);
  checkEnergy(issues, node);
  checkRequestCount(issues, specs);
  checkArrivalKeys(issues, specs);
  checkSlices(issues, specs);
  checkIgnoredKeys(issues, specs);
  return issues.issues;
}
