/**
 * @packageDocumentation
 * `@nss/scaling-basic-cpu`: the reference simulator's BasicCPUScaling as an \@nss scaling plugin.
 */
export {
  basicCpuScaling,
  decideBasicCpu,
  resolveBasicCpuParameters,
  BASIC_CPU_DEFAULTS,
  BASIC_CPU_SYNONYMS,
  type BasicCpuParameters,
  type BasicCpuRawParameters,
  type BasicCpuState,
} from './basic-cpu-scaling.js';
export { basicCpuScaling as default } from './basic-cpu-scaling.js';
