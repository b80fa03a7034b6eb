/**
 * @packageDocumentation
 * `@nss/scaling-smart-vertical`: the reference simulator's SLA-driven vertical scalers
 * (SmartVerticalScalingUp, TCPInspiredVerticalScalingUp, SmartVerticalScalingDown) as \@nss scaling
 * plugins reading the live monitor view.
 */
export { smartVerticalUp, tcpVerticalUp, upScaler, smartIncrement, tcpIncrement, type Increment } from './vertical-up.js';
export { smartVerticalDown, downScaler, ritScores, target as scaleDownTarget, type RitScore } from './vertical-down.js';
export { CycleLedger, loadMetric, acceptableRate } from './common.js';
export {
  DEFAULTS,
  SMART_UP_SCHEMA,
  TCP_UP_SCHEMA,
  SMART_DOWN_SCHEMA,
  type AcceptableRates,
  type CommonParameters,
  type SmartVerticalUpParameters,
  type TcpVerticalUpParameters,
  type SmartVerticalDownParameters,
} from './parameters.js';

import { smartVerticalDown } from './vertical-down.js';
import { smartVerticalUp, tcpVerticalUp } from './vertical-up.js';

/** The three plugins, for registering them in one go. */
export const scalingPlugins = Object.freeze([smartVerticalUp, tcpVerticalUp, smartVerticalDown] as const);
