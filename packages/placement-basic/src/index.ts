/**
 * @packageDocumentation
 * `@nss/placement-basic`: the reference's RandomPlacement and the seed README's NaivePlacement as
 * `@nss` placement plugins.
 */
export { randomPlacement, type RandomParameters } from './random-placement.js';
export { naivePlacement } from './naive-placement.js';
