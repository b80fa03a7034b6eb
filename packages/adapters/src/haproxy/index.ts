/**
 * @packageDocumentation
 * `@nss/adapters/haproxy`: HAProxy 2.6 as the live counterpart of the simulator's scaling and dispatch.
 * Render and check a configuration, start haproxy, drive it through its runtime API, read its stats as
 * a `MonitorView`, and apply a scaling strategy's actions to a live backend.
 */
export { HaproxyError, HAPROXY_INSTALL_HINT, type HaproxyErrorKind } from './errors.js';
export {
  renderHaproxyConfig,
  checkKeywords,
  type BackendConfig,
  type BalanceAlgorithm,
  type FrontendConfig,
  type HaproxyConfig,
  type HealthCheckConfig,
  type ServerConfig,
  type ServerSlotsConfig,
  type StatsSocketConfig,
  type TimeoutsConfig,
} from './config.js';
export { checkHaproxyConfig, findHaproxy, type CheckConfigOptions, type ConfigCheckResult } from './binary.js';
export { startHaproxy, type HaproxyProcess, type StartHaproxyOptions } from './process.js';
export {
  parseServersState,
  parseShowStat,
  splitCsvLine,
  type ServerOperationalState,
  type ServerStateRow,
  type StatRow,
  type StatRowType,
} from './stat-rows.js';
export { HaproxyRuntime, type NewServer, type RuntimeCheck, type RuntimeEndpoint, type RuntimeOptions, type WaitOptions } from './runtime.js';
export {
  cpuOfWeight,
  resolveLiveMapping,
  splitInstance,
  weightOfCpu,
  type InstanceName,
  type LiveMapping,
  type ResolvedLiveMapping,
} from './live-mapping.js';
export { HaproxyMonitorReader, type LiveBackend, type MonitorReaderOptions } from './monitor-reader.js';
export { HaproxyActuator, type ActuationResult, type ActuatorOptions, type ServerAddress, type VerticalMode } from './actuator.js';
export { LiveScalingLoop, type LiveScalingCycle, type LiveScalingLoopOptions } from './scaling-loop.js';
