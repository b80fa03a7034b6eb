/**
 * Semantic checks of the simulation-parameter file alone. They run even when the schema reported errors,
 * on every value that is present and well-typed.
 */
import type { ConfigIssue } from '../errors.js';
import { flagValue } from './flags.js';
import { IGNORED_PARAMETERS_KEYS } from './ignored-keys.js';
import { IssueList, pointer } from './issue.js';
import { isObject, numberAt, objectAt, valueAtPointer } from './json-access.js';
import type { Flag } from './parameters-types.js';

const FLAG_SPELLINGS: readonly unknown[] = [0, 1, true, false, '0', '1'];

/** A heuristic parameter as a number: numbers, and numeric strings as the reference passed them ([Q-32]). */
function numericParameter(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A flag value when it is one of the accepted spellings. */
export function flagAt(parent: unknown, key: string): boolean | undefined {
  if (!isObject(parent) || !FLAG_SPELLINGS.includes(parent[key])) return undefined;
  return flagValue(parent[key] as Flag, false);
}

function checkTimeWindow(issues: IssueList, simulation: unknown): void {
  const total = numberAt(simulation, 'total_time');
  const window = numberAt(simulation, 'time_window');
  if (total === undefined || total <= 0 || window === undefined || window <= 0 || window < total) return;
  issues.error(
    '/simulation/time_window',
    `a number < total_time (${total}), or 0: placement rounds happen at multiples of time_window before total_time, so none would happen`,
    window,
  );
}

/** `monitor_window_size < monitor_interval` is refused by the reference's smart scalers; \@nss refuses it for every heuristic. */
function checkMonitorWindow(issues: IssueList, params: unknown, slot: 'scaling' | 'scaling_down'): void {
  const parameters = objectAt(objectAt(params, slot), 'parameters');
  if (parameters === undefined) return;
  const interval = numericParameter(parameters.monitor_interval);
  const window = numericParameter(parameters.monitor_window_size);
  if (interval === undefined || window === undefined || window >= interval) return;
  const heuristic = objectAt(params, slot)?.heuristic;
  const who = typeof heuristic === 'string' ? ` (scaling "${heuristic}")` : '';
  issues.error(
    pointer(slot, 'parameters', 'monitor_window_size'),
    `a value >= monitor_interval (${interval}): the monitoring window${who} must cover at least one interval`,
    parameters.monitor_window_size,
  );
}

function checkMobilityFile(issues: IssueList, simulation: unknown): void {
  if (!isObject(simulation) || simulation.user_mobility_file === undefined) return;
  if (flagAt(simulation, 'execute_user_mobility') === true) return;
  issues.warning(
    '/simulation/user_mobility_file',
    'execute_user_mobility set to 1 for the user-mobility file to be used (it is off, so the file is ignored)',
    simulation.user_mobility_file,
  );
}

function checkIgnoredKeys(issues: IssueList, params: unknown): void {
  for (const { parent, key, reason } of IGNORED_PARAMETERS_KEYS) {
    const holder = valueAtPointer(params, parent);
    if (isObject(holder) && holder[key] !== undefined) {
      issues.warning(`${parent}${pointer(key)}`, `nothing: "${key}" is ignored by the model (${reason})`, holder[key]);
    }
  }
}

/** Semantic checks of a (possibly invalid) simulation-parameter document; issues are in `file`. */
export function parametersSemanticIssues(params: unknown, file: string): ConfigIssue[] {
  const issues = new IssueList(file);
  const simulation = objectAt(params, 'simulation');
  checkTimeWindow(issues, simulation);
  checkMonitorWindow(issues, params, 'scaling');
  checkMonitorWindow(issues, params, 'scaling_down');
  checkMobilityFile(issues, simulation);
  checkIgnoredKeys(issues, params);
  return issues.issues;
}
