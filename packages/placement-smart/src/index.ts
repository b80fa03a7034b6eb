/**
 * @packageDocumentation
 * `@nss/placement-smart`: the reference's SmartPlacement as an `@nss` placement plugin, with the
 * tie-break defects of the reference fixed.
 */
export { smartPlacement, type SmartParameters } from './smart-placement.js';
